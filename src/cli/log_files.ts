// Where a published log is read from and written to: a directory, or an HTTP(S) base URL.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { LogFile, ReadLogFile } from '../log/tiled_log.js';
import { isSiteUrl } from './site_reader.js';

export function logReader(source: string): ReadLogFile {
  return isSiteUrl(source) ? urlReader(source) : directoryReader(source);
}

function directoryReader(dir: string): ReadLogFile {
  const root = resolve(dir);
  return async (path) => {
    const file = resolve(root, path);
    if (!file.startsWith(root + sep)) throw new Error(`refusing to read outside ${root}: ${path}`);
    try {
      return new Uint8Array(await readFile(file));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  };
}

function urlReader(base: string): ReadLogFile {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return async (path) => {
    const url = new URL(path, prefix);
    const response = await fetch(url);
    if (response.status === 404) return undefined;
    if (!response.ok) throw new Error(`GET ${url.href}: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  };
}

/** Writes a file whole or not at all: readers never see half a tile. */
export async function writeLogFile(dir: string, file: LogFile): Promise<void> {
  const target = join(dir, file.path);
  await mkdir(dirname(target), { recursive: true });
  const temporary = `${target}.tmp-${process.pid}`;
  await writeFile(temporary, file.bytes);
  await rename(temporary, target);
}
