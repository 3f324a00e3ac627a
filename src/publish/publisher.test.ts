import { describe, expect, it } from 'vitest';
import { encodeLogEntry, type LogEntry } from '../core/log_entry.js';
import { sampleSubmission } from '../core/testonly/fixtures.js';
import type { Log } from '../log/log.js';
import { testSigner } from '../log/testonly/signers.js';
import { recorded, sampleLog, sampleLogElection } from '../server/testonly/sample_log.js';
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
    adopt: async (path, from, fromPath) => {
      const bytes = await from.read(fromPath);
      if (bytes === undefined) throw new Error(`no file ${fromPath}`);
      files.set(path, bytes);
    },
    // Compressed copies are the directory store's (content_store.test.ts).
    addCompressedCopies: () => Promise.resolve(),
  };
}

const election = sampleLogElection;
const startedLog = (): Promise<Log> => sampleLog();

describe('the publisher', () => {
  it('answers each request with the first version that covers it, while more keep coming', async () => {
    const log = await startedLog();
    const started = Number(log.size);
    const signer = testSigner('tally.test');
    const publisher = new Publisher({ election, log, signer, content: memoryContent() });
    let sequence = 0;
    const report = async (unit: string): Promise<{ size: number; note: string }> => {
      const entry = recorded(sampleSubmission(unit, { sequence: ++sequence }));
      const added = await log.append([encodeLogEntry(entry)]);
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
    expect(publisher.logSize).toBe(started + 3);
  });

  it('answers a request made in the very turn the version before it comes out', async () => {
    const log = await startedLog();
    const publisher = new Publisher({
      election,
      log,
      signer: testSigner('tally.test'),
      content: memoryContent(),
    });
    for (const [sequence, unit] of ['n-1', 's-1'].entries()) {
      const entry = recorded(sampleSubmission(unit, { sequence: sequence + 1 }));
      const added = await log.append([encodeLogEntry(entry)]);
      if (!added.ok) throw new Error(added.error.message);
    }
    const size = Number(log.size);
    const second = await publisher.request({ size: size - 1, note: 'checkpoint\n' }).then(
      // Nothing awaited between the answer and the next request.
      () => publisher.request({ size, note: 'checkpoint\n' }),
    );
    expect(second.ok && second.value?.snapshot.version).toBe(2);
  });

  it('publishes nothing from a log that records a decision the admission rules do not make', async () => {
    const publisher = async (entry: LogEntry) => {
      const log = await startedLog();
      const added = await log.append([
        encodeLogEntry(recorded(sampleSubmission('n-1', { sequence: 1 }))),
        encodeLogEntry(entry),
      ]);
      if (!added.ok) throw new Error(added.error.message);
      const p = new Publisher({ election, log, signer: testSigner('t'), content: memoryContent() });
      const result = await p.request({ size: Number(log.size), note: 'checkpoint\n' });
      return result.ok ? 'published' : result.error.code;
    };
    // A replayed sequence number, recorded as accepted.
    expect(await publisher(recorded(sampleSubmission('s-1', { sequence: 1 })))).toBe(
      'log_inconsistent',
    );
    // A submission the rules accept, recorded as held.
    expect(await publisher(recorded(sampleSubmission('s-1', { sequence: 2 }), 'held'))).toBe(
      'log_inconsistent',
    );
    expect(await publisher(recorded(sampleSubmission('s-1', { sequence: 2 })))).toBe('published');
  });
});
