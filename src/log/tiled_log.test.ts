import { describe, expect, it } from 'vitest';
import { signCheckpoint } from './checkpoint.js';
import { Log } from './log.js';
import { MemoryLogStorage } from './memory_storage.js';
import { generateSigner, type Signer } from './note.js';
import { sampleEntry } from './testonly/reference.js';
import { CHECKPOINT_PATH, tiledLogFiles, verifyTiledLog, type ReadLogFile } from './tiled_log.js';

const origin = 'tally.example/test';

function newSigner(): Signer {
  const s = generateSigner(origin);
  if (!s.ok) throw new Error(s.error.message);
  return s.value;
}

/** A log of `size` entries published into a map of files, as a directory or CDN would hold it. */
async function publish(
  log: Log,
  files: Map<string, Uint8Array>,
  signer: Signer,
  since = 0n,
): Promise<void> {
  for await (const file of tiledLogFiles(log, since)) files.set(file.path, file.bytes);
  const note = log.checkpoint(origin, [signer]);
  if (!note.ok) throw new Error(note.error.message);
  files.set(CHECKPOINT_PATH, new TextEncoder().encode(note.value));
}

async function grow(log: Log, to: number): Promise<void> {
  const from = Number(log.size);
  await log.append(Array.from({ length: to - from }, (_, i) => sampleEntry(from + i)));
}

const reader =
  (files: Map<string, Uint8Array>): ReadLogFile =>
  (path) =>
    Promise.resolve(files.get(path));

describe('a published tiled log', () => {
  it('verifies up to its checkpoint and hands over every entry in order', async () => {
    const signer = newSigner();
    const log = await Log.open(new MemoryLogStorage());
    await grow(log, 66_000);
    const files = new Map<string, Uint8Array>();
    await publish(log, files, signer);
    const seen: bigint[] = [];
    const result = await verifyTiledLog(reader(files), [signer], {
      origin,
      onEntries: (first, entries) => seen.push(first, BigInt(entries.length)),
    });
    expect(result.ok && result.value.size).toBe(66_000n);
    expect(seen.filter((_, i) => i % 2 === 1).reduce((a, b) => a + b, 0n)).toBe(66_000n);
    expect(seen[0]).toBe(0n);
  }, 30_000);

  it('verifies an empty log', async () => {
    const signer = newSigner();
    const files = new Map<string, Uint8Array>();
    await publish(await Log.open(new MemoryLogStorage()), files, signer);
    const result = await verifyTiledLog(reader(files), [signer]);
    expect(result.ok && result.value.size).toBe(0n);
  });

  it('stays verifiable as it grows, published file by changed file', async () => {
    const signer = newSigner();
    const log = await Log.open(new MemoryLogStorage());
    const files = new Map<string, Uint8Array>();
    for (const size of [1, 255, 256, 257, 600, 65_536, 65_537]) {
      const before = log.size;
      await grow(log, size);
      await publish(log, files, signer, before);
      const result = await verifyTiledLog(reader(files), [signer]);
      expect(result.ok && result.value.size, `size ${size}`).toBe(BigInt(size));
    }
    // Two of its logs pass 65,536 entries: a minute, for a loaded machine.
  }, 60_000);

  it('reads the full tile where a partial one has been replaced by it', async () => {
    const signer = newSigner();
    const log = await Log.open(new MemoryLogStorage());
    const files = new Map<string, Uint8Array>();
    await grow(log, 600);
    await publish(log, files, signer);
    const old = files.get(CHECKPOINT_PATH)!;
    await grow(log, 800);
    await publish(log, files, signer, 600n);
    // A host may drop a partial tile once the full one exists; an older checkpoint still verifies.
    files.delete('tile/0/002.p/88');
    files.delete('tile/entries/002.p/88');
    files.set(CHECKPOINT_PATH, old);
    const result = await verifyTiledLog(reader(files), [signer]);
    expect(result.ok && result.value.size).toBe(600n);
  });

  it('names the missing file', async () => {
    const signer = newSigner();
    const log = await Log.open(new MemoryLogStorage());
    await grow(log, 600);
    const files = new Map<string, Uint8Array>();
    await publish(log, files, signer);
    files.delete('tile/entries/001');
    const result = await verifyTiledLog(reader(files), [signer]);
    expect(result.ok || [result.error.code, result.error.details?.['path']]).toEqual([
      'file_missing',
      'tile/entries/001',
    ]);
  });

  it('names the entry that does not match its tile', async () => {
    const signer = newSigner();
    const log = await Log.open(new MemoryLogStorage());
    await grow(log, 600);
    const files = new Map<string, Uint8Array>();
    await publish(log, files, signer);
    const bundle = files.get('tile/entries/001')!.slice();
    bundle[2] = (bundle[2] ?? 0) ^ 1; // the first byte of entry 256
    files.set('tile/entries/001', bundle);
    const result = await verifyTiledLog(reader(files), [signer]);
    expect(result.ok || [result.error.code, result.error.details?.['index']]).toEqual([
      'entry_mismatch',
      '256',
    ]);
  });

  it('rejects a checkpoint signed by another key or naming another origin', async () => {
    const signer = newSigner();
    const log = await Log.open(new MemoryLogStorage());
    await grow(log, 3);
    const files = new Map<string, Uint8Array>();
    await publish(log, files, signer);
    const otherKey = await verifyTiledLog(reader(files), [newSigner()]);
    expect(otherKey.ok || otherKey.error.code).toBe('checkpoint_invalid');
    const otherOrigin = await verifyTiledLog(reader(files), [signer], { origin: 'elsewhere' });
    expect(otherOrigin.ok || otherOrigin.error.code).toBe('checkpoint_invalid');
  });

  it('rejects a checkpoint whose root the tiles do not reach', async () => {
    const signer = newSigner();
    const log = await Log.open(new MemoryLogStorage());
    await grow(log, 5);
    const rootOfFive = log.root();
    await grow(log, 6);
    const files = new Map<string, Uint8Array>();
    await publish(log, files, signer);
    // Signed by the right key, but the root is not that of the tiles' tree.
    const forged = signCheckpoint({ origin, size: 6n, root: rootOfFive, extensions: [] }, [signer]);
    if (!forged.ok) throw new Error(forged.error.message);
    files.set(CHECKPOINT_PATH, new TextEncoder().encode(forged.value));
    const result = await verifyTiledLog(reader(files), [signer]);
    expect(result.ok || result.error.code).toBe('root_mismatch');
  });
});
