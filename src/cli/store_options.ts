// Where commands find the store and the secrets they need: `--data-dir` (SQLite there, unless
// DATABASE_URL names a PostgreSQL server) and key files.
import { chmod, readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { parseSignerKey, type Signer } from '../log/note.js';
import { openStore, storeConfig, type Store } from '../store/store.js';
import { CliFailure } from './run_command.js';

export interface StoreOptions {
  readonly dataDir: string;
}

export function withDataDir(command: Command): Command {
  return command.option(
    '--data-dir <dir>',
    'data directory (the SQLite store lives there unless DATABASE_URL names a PostgreSQL server)',
    process.env['TALLY_DATA_DIR'] ?? 'data',
  );
}

export async function withStore<T>(
  options: StoreOptions,
  work: (store: Store) => Promise<T>,
): Promise<T> {
  const store = await openStore(storeConfig(options.dataDir, process.env['DATABASE_URL']));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

export async function readSignerFile(path: string, what: string): Promise<Signer> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new CliFailure(`cannot read the ${what} file ${path}: ${(e as Error).message}`);
  }
  const parsed = parseSignerKey(text);
  if (!parsed.ok) throw new CliFailure(`${what} file ${path}: ${parsed.error.message}`);
  return parsed.value;
}

/** Writes a secret key readable by its owner only. */
export async function writeSecretFile(path: string, text: string): Promise<void> {
  await writeFile(path, `${text}\n`, { mode: 0o600, flag: 'wx' }).catch((e: unknown) => {
    throw new CliFailure(`cannot write ${path}: ${(e as Error).message}`);
  });
  await chmod(path, 0o600);
}
