// The phone's check of its receipt's inclusion proof, with the log's own proof code: the happy
// path at every leaf, and every way a proof or checkpoint can be wrong. The same checks run once
// more on the code as esbuild bundles it for the browser, where core's SHA-256 is sha256.ts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logOrigin } from '../../ingest/checkpoints.js';
import { parseCheckpoint } from '../../log/checkpoint.js';
import { encodeBase64 } from '../../log/encoding.js';
import { leafHash } from '../../log/hash.js';
import { Log } from '../../log/log.js';
import { MemoryLogStorage } from '../../log/memory_storage.js';
import { testSigner } from '../../log/testonly/signers.js';
import { browserSha256, packageRoot } from '../build.js';
import { checkInclusion, checkpointBody, type ProvenReceipt } from './inclusion.js';

const ELECTION = 'sample-2026';
const signer = testSigner('tally.test');

interface Fixture {
  readonly expected: { election: string; leafIndex: number; leafHash: string };
  readonly proven: ProvenReceipt;
}

/** A log of `size` entries, and each entry's receipt as the server answers it. */
async function provenLog(size: number): Promise<Fixture[]> {
  const log = await Log.open(new MemoryLogStorage());
  const entries = Array.from({ length: size }, (_, i) =>
    new TextEncoder().encode(`{"entry":${String(i)}}`),
  );
  const appended = await log.append(entries);
  if (!appended.ok) throw new Error(appended.error.message);
  const note = log.checkpoint(logOrigin('tally.test', ELECTION), [signer]);
  if (!note.ok) throw new Error(note.error.message);
  const fixtures: Fixture[] = [];
  for (const [i, entry] of entries.entries()) {
    const proof = await log.inclusionProof(BigInt(i));
    if (!proof.ok) throw new Error(proof.error.message);
    const expected = { election: ELECTION, leafIndex: i, leafHash: encodeBase64(leafHash(entry)) };
    fixtures.push({
      expected,
      proven: {
        receipt: {
          ...expected,
          receivedAt: '2026-11-03T21:00:00.000Z',
          status: 'accepted',
          warnings: [],
        },
        checkpoint: note.value,
        treeSize: size,
        inclusionProof: proof.value.map(encodeBase64),
      },
    });
  }
  return fixtures;
}

const flip = (base64: string, bit = 0): string => {
  const bytes = Buffer.from(base64, 'base64');
  bytes[bit >> 3] = (bytes[bit >> 3] ?? 0) ^ (1 << (bit & 7));
  return bytes.toString('base64');
};

/** The checks, for the module as vitest loads it and as the browser's bundle has it. */
function inclusionChecks(
  load: () => { check: typeof checkInclusion; body: typeof checkpointBody },
): void {
  it('proves every leaf of logs of many sizes', async () => {
    const { check } = load();
    for (const size of [1, 2, 3, 7, 8, 9, 31]) {
      for (const { expected, proven } of await provenLog(size)) {
        const checked = check(expected, proven);
        expect(checked.ok, `leaf ${String(expected.leafIndex)} of ${String(size)}`).toBe(true);
        if (checked.ok) expect(checked.value.size).toBe(BigInt(size));
      }
    }
  });

  it('reads a checkpoint as src/log/checkpoint.ts does', async () => {
    const { body } = load();
    const [first] = await provenLog(5);
    const note = first?.proven.checkpoint ?? '';
    const mine = body(note);
    const theirs = parseCheckpoint(note.slice(0, note.lastIndexOf('\n\n') + 1));
    if (!mine.ok || !theirs.ok) throw new Error('a checkpoint did not parse');
    expect(mine.value.origin).toBe(theirs.value.origin);
    expect(mine.value.size).toBe(theirs.value.size);
    expect([...mine.value.root]).toEqual([...theirs.value.root]);
    for (const bad of [
      'no blank line\n',
      `${ELECTION}\n01\nAAAA\n\nsig\n`,
      `o\n5\nnot-base64\n\ns\n`,
    ]) {
      expect(body(bad).ok, JSON.stringify(bad)).toBe(false);
    }
  });

  it('refuses a proof with a hash changed, one too many or too few, or for another leaf', async () => {
    const { check } = load();
    const fixtures = await provenLog(9);
    const { expected, proven } = fixtures[4] as Fixture;
    const path = proven.inclusionProof ?? [];
    for (const [i] of path.entries()) {
      for (const bit of [0, 77, 255]) {
        const changed = path.map((h, j) => (j === i ? flip(h, bit) : h));
        const checked = check(expected, { ...proven, inclusionProof: changed });
        expect(checked.ok || checked.error.code, `hash ${String(i)} bit ${String(bit)}`).toBe(
          'not_included',
        );
      }
    }
    const longer = check(expected, { ...proven, inclusionProof: [...path, path[0] ?? ''] });
    expect(longer.ok).toBe(false);
    const shorter = check(expected, { ...proven, inclusionProof: path.slice(1) });
    expect(shorter.ok).toBe(false);
    // The receipt the phone kept names another leaf hash than the log has at its position.
    const other = check({ ...expected, leafHash: flip(expected.leafHash) }, proven);
    expect(other.ok || other.error.code).toBe('other_entry');
    // The leaf hash changed in both: the proof does not lead to the root.
    const changedLeaf = flip(expected.leafHash, 9);
    const lying = check(
      { ...expected, leafHash: changedLeaf },
      { ...proven, receipt: { ...proven.receipt, leafHash: changedLeaf } },
    );
    expect(lying.ok || lying.error.code).toBe('not_included');
  });

  it('refuses a checkpoint of another size, root or election, and waits for one', async () => {
    const { check } = load();
    const { expected, proven } = (await provenLog(9))[3] as Fixture;
    const note = proven.checkpoint ?? '';
    const [origin = '', size = '', root = '', ...rest] = note.split('\n');
    const rewritten = (o: string, s: string, r: string): string => [o, s, r, ...rest].join('\n');
    expect(check(expected, { ...proven, treeSize: 10 }).ok).toBe(false);
    expect(check(expected, { ...proven, checkpoint: rewritten(origin, '10', root) }).ok).toBe(
      false,
    );
    expect(check(expected, { ...proven, checkpoint: rewritten(origin, size, flip(root)) }).ok).toBe(
      false,
    );
    const elsewhere = check(expected, {
      ...proven,
      checkpoint: rewritten('tally.test/another-election', size, root),
    });
    expect(elsewhere.ok || elsewhere.error.code).toBe('malformed_checkpoint');
    const waiting = check(expected, { receipt: proven.receipt });
    expect(waiting.ok || waiting.error.code).toBe('not_yet_checkpointed');
  });
}

describe('the phone’s check of an inclusion proof', () => {
  inclusionChecks(() => ({ check: checkInclusion, body: checkpointBody }));
});

describe('the same check as bundled for the browser (core’s SHA-256 replaced)', () => {
  let dir: string;
  let bundled: { check: typeof checkInclusion; body: typeof checkpointBody } | undefined;
  beforeAll(async () => {
    const root = packageRoot();
    dir = mkdtempSync(join(tmpdir(), 'tally-inclusion-'));
    const result = await build({
      absWorkingDir: root,
      entryPoints: ['src/web/reporter/inclusion.ts'],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      plugins: [browserSha256(root)],
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs).toContain('src/web/reporter/sha256.ts');
    expect(inputs).toContain('src/log/proof.ts');
    expect(inputs).not.toContain('src/core/sha256.ts');
    const [output] = result.outputFiles;
    if (output === undefined) throw new Error('no bundle');
    expect(output.text).not.toMatch(/node:/);
    const file = join(dir, 'inclusion.mjs');
    writeFileSync(file, output.contents);
    const loaded = (await import(pathToFileURL(file).href)) as {
      checkInclusion: typeof checkInclusion;
      checkpointBody: typeof checkpointBody;
    };
    bundled = { check: loaded.checkInclusion, body: loaded.checkpointBody };
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  inclusionChecks(() => {
    if (bundled === undefined) throw new Error('not bundled');
    return bundled;
  });
});
