import { describe, expect, it } from 'vitest';
import { Log } from '../log/log.js';
import { MemoryLogStorage } from '../log/memory_storage.js';
import { verifierFromPublicKey } from '../log/note.js';
import { CHECKPOINT_PATH, tiledLogFiles } from '../log/tiled_log.js';
import { sampleEntry } from '../log/testonly/reference.js';
import { testSigner } from '../log/testonly/signers.js';
import { checkLog } from './log_check.js';
import type { VerifyProblem } from './verify.js';

const key = testSigner('tally.test');
const logKeys = [verifierFromPublicKey(key.name, key.publicKey)];
const origin = 'tally.test/sample-2026';

/** A published log of `size` entries, and the checkpoints it had at sizes `at`. */
async function published(size: number, at: readonly number[] = [], fork = false) {
  const log = await Log.open(new MemoryLogStorage());
  const files = new Map<string, Uint8Array>();
  const checkpoints: string[] = [];
  for (let i = 0; i < size; i++) {
    await log.append([fork ? new TextEncoder().encode(`forked ${String(i)}`) : sampleEntry(i)]);
    if (at.includes(i + 1)) {
      const note = log.checkpoint(origin, [key]);
      if (note.ok) checkpoints.push(note.value);
    }
  }
  for await (const file of tiledLogFiles(log)) files.set(`log/${file.path}`, file.bytes);
  const note = log.checkpoint(origin, [key]);
  if (!note.ok) throw new Error(note.error.message);
  files.set(`log/${CHECKPOINT_PATH}`, new TextEncoder().encode(note.value));
  return { files, checkpoints, read: (path: string) => Promise.resolve(files.get(path)) };
}

async function check(
  site: Awaited<ReturnType<typeof published>>,
  version: { checkpoint: string; logSize: number },
  since?: string,
) {
  const manifest = { ...version, generatedAt: '2026-11-03T21:00:00Z' };
  const problems: VerifyProblem[] = [];
  const log = await checkLog(
    site.read,
    { logKeys, ...(since === undefined ? {} : { since }) },
    manifest,
    'v/1/manifest.json',
    problems,
  );
  return { log, codes: problems.map((p) => p.code), problems };
}

describe('the published log', () => {
  it('hands over its entries once its tiles hash up to its checkpoint and the version’s is a prefix', async () => {
    const site = await published(300, [120]);
    const { log, codes } = await check(site, {
      checkpoint: site.checkpoints[0] ?? '',
      logSize: 120,
    });
    expect(codes).toEqual([]);
    expect(log?.entries.length).toBe(300);
    expect(log?.entries[299]).toEqual(sampleEntry(299));
  });

  it('is refused when its checkpoint is not signed by a trusted key, or a tile is missing', async () => {
    const site = await published(300, [120]);
    const manifest = { checkpoint: site.checkpoints[0] ?? '', logSize: 120 };
    const tile = [...site.files.keys()].find((p) => p.startsWith('log/tile/0/'));
    site.files.delete(tile ?? '');
    const { log, codes } = await check(site, manifest);
    expect({ log, codes }).toEqual({ log: undefined, codes: ['log_invalid'] });
  });

  it('names a version checkpoint that is not a prefix, claims too much, or disagrees with its manifest', async () => {
    const site = await published(200, [100]);
    // A checkpoint of another history of 150 entries: its root is not this log's at 150.
    const other = await published(150, [], true);
    const forked = new TextDecoder().decode(other.files.get(`log/${CHECKPOINT_PATH}`));
    expect((await check(site, { checkpoint: forked, logSize: 150 })).codes).toEqual([
      'log_rewritten',
    ]);
    // The same history, checkpointed at 150: a prefix.
    const same = await published(150);
    const prefix = new TextDecoder().decode(same.files.get(`log/${CHECKPOINT_PATH}`));
    expect((await check(site, { checkpoint: prefix, logSize: 150 })).codes).toEqual([]);
    const longer = await published(250);
    const beyond = new TextDecoder().decode(longer.files.get(`log/${CHECKPOINT_PATH}`));
    expect((await check(site, { checkpoint: beyond, logSize: 250 })).codes).toEqual([
      'log_truncated',
    ]);
    expect(
      (await check(site, { checkpoint: site.checkpoints[0] ?? '', logSize: 99 })).codes,
    ).toEqual(['manifest_inconsistent']);
    expect(
      (await check(site, { checkpoint: site.checkpoints[0] ?? '', logSize: 100 }, 'not a note'))
        .codes,
    ).toEqual(['checkpoint_signature']);
  });

  it('names a version older than a checkpoint already held: rolled back, with how far', async () => {
    const site = await published(300, [100, 200]);
    const [at100, at200] = site.checkpoints;
    const rolledBack = await check(site, { checkpoint: at100 ?? '', logSize: 100 }, at200);
    expect(rolledBack.codes).toEqual(['rolled_back']);
    expect(rolledBack.problems[0]).toMatchObject({
      file: 'current.json',
      expected: 200,
      found: 100,
    });
    expect(rolledBack.problems[0]?.message).toMatch(
      /published 2026-11-03T21:00:00Z that counts 100 entries, 100 behind the 200 .* \(the log now has 300\)/,
    );
    expect(rolledBack.log?.held?.size).toBe(200n);
    // A version as new as the held checkpoint, or newer, is no rollback.
    expect((await check(site, { checkpoint: at200 ?? '', logSize: 200 }, at200)).codes).toEqual([]);
    expect((await check(site, { checkpoint: at200 ?? '', logSize: 200 }, at100)).codes).toEqual([]);
  });
});
