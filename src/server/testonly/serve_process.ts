// `tally serve` as its own process, as an operator runs it: for the tests that kill it.
import { execFileSync, spawn, type ChildProcessByStdio } from 'node:child_process';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

const root = join(import.meta.dirname, '..', '..', '..');

/**
 * Compiles the command, so the tests run what `npm install` builds: once, before any test file
 * (vitest's global setup, vitest.config.ts). Not from a test file: two files run at once, and one
 * compiling while the other's worker threads load the built files had them read a file half
 * written. Incrementally: it compiles only the files that changed since it last ran (recorded in
 * dist/.tsbuildinfo), and writes nothing when none did, so a run beside another (the unit tests
 * under two Node.js lines) rewrites no file the other is loading. `npm run build` compiles all.
 */
export function setup(): void {
  execFileSync(process.execPath, [
    join(root, 'node_modules/typescript/bin/tsc'),
    '-p',
    join(root, 'tsconfig.build.json'),
    '--incremental',
    '--tsBuildInfoFile',
    join(root, 'dist/.tsbuildinfo'),
  ]);
}

export interface ServeProcess {
  readonly child: ChildProcessByStdio<null, Readable, Readable>;
  readonly url: string;
  /** The public plane's address. */
  readonly publicUrl: string;
  /** False once the process has exited. */
  readonly alive: () => boolean;
  /** Resolves when the process has exited. */
  readonly exited: Promise<void>;
}

export function startServeProcess(dataDir: string, databaseUrl?: string): Promise<ServeProcess> {
  const env = { ...process.env };
  if (databaseUrl === undefined) delete env['DATABASE_URL'];
  else env['DATABASE_URL'] = databaseUrl;
  const child = spawn(
    process.execPath,
    [
      join(root, 'dist/src/cli/main.js'),
      'serve',
      '--data-dir',
      dataDir,
      '--port',
      '0',
      '--public-port',
      '0',
      '--quiet',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env },
  );
  let alive = true;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      alive = false;
      resolve();
    });
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const ingest = /tally ingest listening on (http:\/\/\S+)/.exec(out)?.[1];
      const publicUrl = /tally public plane listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (ingest !== undefined && publicUrl !== undefined) {
        resolve({ child, url: ingest, publicUrl, alive: () => alive, exited });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    void exited.then(() => {
      reject(new Error(`server exited before listening: ${out}`));
    });
  });
}
