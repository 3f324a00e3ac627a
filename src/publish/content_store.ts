// Where published files go. A content store takes immutable files (a version's, the log's tiles)
// and the few that move (current.json, log/checkpoint, index.html). The directory store writes a
// tree any static host serves as it is: each file atomically (temporary name, then rename), with
// precompressed .br and .gz beside it, and a file unchanged since the last version hard-linked
// instead of written again. Object storage can implement the same interface later.
import { link, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { sha256Hex } from '../core/sha256.js';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

export interface StoredFile {
  readonly path: string;
  /** Absent for a file that is the same as `sameAs`: it is linked or copied from there. */
  readonly bytes?: Uint8Array;
  readonly sha256: string;
}

/**
 * When an immutable file's precompressed copies are made: with the file, or later
 * (addCompressedCopies), once the version that lists it is out. A reader finds the file either
 * way; until its copies are there it is served as it is.
 */
export type CompressedCopies = 'now' | 'later';

export interface ContentStore {
  /** Writes an immutable file; `sameAs` names an earlier path with the very same bytes. */
  put(file: StoredFile, sameAs?: string, copies?: CompressedCopies): Promise<void>;
  /** Makes the precompressed copies of a file written with them left for later, if still due. */
  addCompressedCopies(path: string): Promise<void>;
  /** Replaces a file that moves (current.json and the like), atomically. */
  replace(path: string, bytes: Uint8Array): Promise<void>;
  read(path: string): Promise<Uint8Array | undefined>;
  /**
   * Takes in, under `path`, an immutable file another store holds at `fromPath` (with its
   * compressed copies), which that store then no longer holds: what a private staging store
   * built before the results were released becomes public as a version's file.
   */
  adopt(path: string, from: ContentStore, fromPath: string): Promise<void>;
}

/** Compressed copies are worth keeping for text formats of some size. */
export function compressible(path: string, size: number): boolean {
  return size >= 256 && /\.(html|json|csv|css|js|svg|txt)$|^log\/checkpoint$/.test(path);
}

/**
 * The precinct files (a group of reporting units' results, `units/`, `cdf/` and `csv/units/`) are nearly all of
 * a large election's bytes (3.3 GB at 175,000 precincts) and are rewritten whenever one of their
 * units reports. They are compressed at the fastest settings: about five times faster, for
 * copies about 40% larger (brotli 1 and gzip 1 against brotli 5 and gzip 6, measured on the
 * demo's NIST reports).
 */
export function isPrecinctFile(path: string): boolean {
  return /(^|\/)((units|cdf)\/[^/]+\.json|csv\/units\/[^/]+\.csv)$/.test(path);
}

/**
 * When a file's compressed copies are made: a precinct file's and a CSV's later (LaterCopies),
 * once the version is out; a 175,000-precinct election's long CSV is megabytes a version.
 */
export function copiesOf(path: string): CompressedCopies {
  return isPrecinctFile(path) || path.endsWith('.csv') ? 'later' : 'now';
}

export async function compress(
  bytes: Uint8Array,
  fast = false,
): Promise<{ br: Buffer; gz: Buffer }> {
  const [br, g] = await Promise.all([
    // Quality 5: most of brotli's gain at a small part of its highest setting's time.
    brotli(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: fast ? 1 : 5 } }),
    gz(bytes, { level: fast ? 1 : 6 }),
  ]);
  return { br, gz: g };
}

export class DirectoryContentStore implements ContentStore {
  constructor(readonly root: string) {}

  private full(path: string): string {
    if (path.split('/').some((part) => part === '..' || part === '') || path.includes(sep + sep)) {
      throw new Error(`bad content path ${path}`);
    }
    return join(this.root, ...path.split('/'));
  }

  /** Directories this store made or found there: a version's thousands of files share a few. */
  private readonly directories = new Set<string>();

  private async directoryOf(target: string): Promise<void> {
    const directory = dirname(target);
    if (this.directories.has(directory)) return;
    await mkdir(directory, { recursive: true });
    this.directories.add(directory);
  }

  async put(file: StoredFile, sameAs?: string, copies: CompressedCopies = 'now'): Promise<void> {
    const target = this.full(file.path);
    await this.directoryOf(target);
    if (sameAs !== undefined) {
      const source = this.full(sameAs);
      try {
        await linkReplacing(source, target);
        // Its compressed copies, where it has them.
        for (const suffix of ['.br', '.gz']) {
          await linkReplacing(source + suffix, target + suffix).catch((e: unknown) => {
            if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
          });
        }
        return;
      } catch {
        // The earlier file is gone or the file system has no hard links: write it out.
      }
    }
    const bytes = file.bytes ?? (sameAs === undefined ? undefined : await this.read(sameAs));
    if (bytes === undefined) throw new Error(`no bytes for ${file.path}`);
    if (copies === 'now' && compressible(file.path, bytes.length)) {
      const { br, gz: g } = await compress(bytes, isPrecinctFile(file.path));
      await writeAtomically(target + '.br', br);
      await writeAtomically(target + '.gz', g);
    }
    // The plain file last: a reader that finds it finds its compressed copies too, unless they
    // were left for later.
    await writeAtomically(target, bytes);
  }

  async addCompressedCopies(path: string): Promise<void> {
    const target = this.full(path);
    if ((await exists(target + '.br')) && (await exists(target + '.gz'))) return;
    const bytes = await this.read(path);
    if (bytes === undefined || !compressible(path, bytes.length)) return;
    const { br, gz: g } = await compress(bytes, isPrecinctFile(path));
    await writeAtomically(target + '.br', br);
    await writeAtomically(target + '.gz', g);
  }

  async replace(path: string, bytes: Uint8Array): Promise<void> {
    const target = this.full(path);
    await this.directoryOf(target);
    if (compressible(path, bytes.length)) {
      const { br, gz: g } = await compress(bytes);
      await writeAtomically(target + '.br', br);
      await writeAtomically(target + '.gz', g);
    } else {
      await rm(target + '.br', { force: true });
      await rm(target + '.gz', { force: true });
    }
    await writeAtomically(target, bytes);
  }

  async adopt(path: string, from: ContentStore, fromPath: string): Promise<void> {
    const target = this.full(path);
    await this.directoryOf(target);
    if (from instanceof DirectoryContentStore) {
      const source = from.full(fromPath);
      try {
        // The copies first, the file last: a reader that finds the file finds its copies.
        for (const suffix of ['.br', '.gz', '']) {
          if (suffix === '' || (await exists(source + suffix))) {
            await rename(source + suffix, target + suffix);
          }
        }
        return;
      } catch (e) {
        // Another file system: the bytes are copied instead.
        if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
      }
    }
    const bytes = await from.read(fromPath);
    if (bytes === undefined) throw new Error(`no file ${fromPath} to take in as ${path}`);
    await this.put({ path, bytes, sha256: sha256Hex(bytes) }, undefined, copiesOf(path));
  }

  async read(path: string): Promise<Uint8Array | undefined> {
    try {
      return await readFile(this.full(path));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  }

  async exists(path: string): Promise<boolean> {
    try {
      await stat(this.full(path));
      return true;
    } catch {
      return false;
    }
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

let counter = 0;
async function writeAtomically(target: string, bytes: Uint8Array): Promise<void> {
  const temporary = `${target}.${String(process.pid)}.${String(counter++)}.tmp`;
  await writeFile(temporary, bytes);
  await rename(temporary, target);
}

/** Links `target` to `source`'s file, in place of any file there (atomically either way). */
async function linkReplacing(source: string, target: string): Promise<void> {
  try {
    // Nearly always: a new version's directory has no file of that name yet.
    await link(source, target);
    return;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const temporary = `${target}.${String(process.pid)}.${String(counter++)}.tmp`;
  await link(source, temporary);
  await rename(temporary, target);
}
