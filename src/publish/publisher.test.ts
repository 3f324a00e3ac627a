import { describe, expect, it } from 'vitest';
import { encodeLogEntry } from '../core/log_entry.js';
import { acceptedEntry, sampleElection, sampleSubmission } from '../core/testonly/fixtures.js';
import { Log } from '../log/log.js';
import { MemoryLogStorage } from '../log/memory_storage.js';
import { testSigner } from '../log/testonly/signers.js';
import type { ContentStore, StoredFile } from './content_store.js';
import { Publisher } from './publisher.js';

/** A content store in memory: enough for the publisher's side of things. */
function memoryContent(): ContentStore {
  const files = new Map<string, Uint8Array>();
  return {
    put: (file: StoredFile, sameAs?: string) => {
      const bytes = file.bytes ?? (sameAs === undefined ? undefined : files.get(sameAs));
      if (bytes === undefined) throw new Error(`no bytes for ${file.path}`);
      files.set(file.path, bytes);
      return Promise.resolve();
    },
    replace: (path, bytes) => {
      files.set(path, bytes);
      return Promise.resolve();
    },
    read: (path) => Promise.resolve(files.get(path)),
  };
}

describe('the publisher', () => {
  it('answers each request with the first version that covers it, while more keep coming', async () => {
    const log = await Log.open(new MemoryLogStorage());
    const signer = testSigner('tally.test');
    const publisher = new Publisher({
      election: sampleElection(['authority+00000000+AAAA']),
      log,
      signer,
      content: memoryContent(),
    });
    const report = async (unit: string): Promise<{ size: number; note: string }> => {
      const added = await log.append([encodeLogEntry(acceptedEntry(sampleSubmission(unit)))]);
      if (!added.ok) throw new Error(added.error.message);
      return { size: Number(log.size), note: `checkpoint ${String(log.size)}\n` };
    };
    const first = publisher.request(await report('n-1'));
    // A checkpoint a second keeps coming while the version is built.
    const second = publisher.request(await report('s-1'));
    const versionOf = async (
      answer: ReturnType<Publisher['request']>,
    ): Promise<number | undefined> => {
      const result = await answer;
      return result.ok ? result.value?.snapshot.version : undefined;
    };
    expect(await versionOf(first)).toBe(1);
    const third = publisher.request(await report('s-2'));
    expect(await versionOf(second)).toBe(2);
    expect(await versionOf(third)).toBe(3);
    expect(publisher.logSize).toBe(3);
  });
});
