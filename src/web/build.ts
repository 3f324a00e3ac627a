// Builds the browser code that the servers serve: the staff application (src/web/staff/main.tsx
// and its stylesheet), bundled by esbuild into dist/web/staff/app.js and app.css, which
// src/server/staff_pages.ts reads; and the precinct reporter app (src/web/reporter/: its page
// script, stylesheet and service worker) into dist/web/reporter/, which
// src/server/reporter_pages.ts reads. `npm run build` (and so `npm install`) runs it after tsc;
// tests that open an application build it first the same way.
import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildOptions, type Plugin } from 'esbuild';

/** The package's root: the nearest folder above this file with a package.json. */
export function packageRoot(from: string = import.meta.dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
  return dir;
}

/**
 * Where the staff application's bundle is written; src/server/staff_pages.ts reads it from the
 * same place (it cannot import this file, which needs esbuild, a build-time tool).
 */
export function staffAppDir(root: string = packageRoot()): string {
  return join(root, 'dist', 'web', 'staff');
}

/** Bundles the staff application from source into `outdir` (each file replaced whole). */
export async function buildStaffApp(
  root: string = packageRoot(),
  outdir: string = staffAppDir(root),
): Promise<void> {
  const result = await build({
    absWorkingDir: root,
    entryPoints: { app: 'src/web/staff/main.tsx' },
    bundle: true,
    platform: 'browser',
    format: 'esm',
    // The browsers staff use: evergreen ones of the last few years.
    target: ['chrome111', 'firefox111', 'safari16.4'],
    minify: true,
    // The stylesheet is an entry of its own: main.tsx does not import it.
    write: false,
    outdir,
    legalComments: 'eof',
    logLevel: 'warning',
  });
  const css = await build({
    absWorkingDir: root,
    entryPoints: { app: 'src/web/staff/staff.css' },
    bundle: true,
    minify: true,
    write: false,
    outdir,
    logLevel: 'warning',
  });
  await mkdir(outdir, { recursive: true });
  for (const file of [...result.outputFiles, ...css.outputFiles]) {
    // Written beside and renamed, so that a server reading it never sees half a file (and two
    // test files building at once, on threads of one process, never share a part file).
    const part = `${file.path}.${randomUUID()}.part`;
    await writeFile(part, file.contents);
    await rename(part, file.path);
  }
}

/** Where the reporter app's bundle is written; src/server/reporter_pages.ts reads it there. */
export function reporterAppDir(root: string = packageRoot()): string {
  return join(root, 'dist', 'web', 'reporter');
}

/**
 * The reporter checks inclusion proofs with the log's own code (src/log/proof.ts), which hashes
 * with core's SHA-256, node:crypto's. In the browser that module is src/web/reporter/sha256.ts,
 * the same function in plain JavaScript: synchronous, as the proof code calls it (WebCrypto's
 * digest is asynchronous). src/web/reporter/sha256.test.ts holds the two to the same digests.
 */
export function browserSha256(root: string = packageRoot()): Plugin {
  const substitute = join(root, 'src', 'web', 'reporter', 'sha256.ts');
  return {
    name: 'browser-sha256',
    setup(b) {
      b.onResolve({ filter: /(^|\/)core\/sha256\.js$/ }, () => ({ path: substitute }));
    },
  };
}

/**
 * Bundles the precinct reporter app from source into `outdir`: app.js (the page's script),
 * app.css, and sw.js (its service worker, a classic script, as every browser with service
 * workers runs one).
 */
export async function buildReporterApp(
  root: string = packageRoot(),
  outdir: string = reporterAppDir(root),
): Promise<void> {
  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'browser',
    // Phones of the last few years, as a precinct chair may bring one.
    target: ['chrome111', 'firefox111', 'safari16.4'],
    minify: true,
    write: false,
    outdir,
    legalComments: 'eof',
    logLevel: 'warning',
    plugins: [browserSha256(root)],
  } as const satisfies BuildOptions;
  const app = await build({
    ...common,
    entryPoints: { app: 'src/web/reporter/main.tsx' },
    format: 'esm',
  });
  const worker = await build({
    ...common,
    entryPoints: { sw: 'src/web/reporter/sw.ts' },
    format: 'iife',
  });
  const css = await build({
    absWorkingDir: root,
    entryPoints: { app: 'src/web/reporter/reporter.css' },
    bundle: true,
    minify: true,
    write: false,
    outdir,
    logLevel: 'warning',
  });
  await mkdir(outdir, { recursive: true });
  for (const file of [...app.outputFiles, ...worker.outputFiles, ...css.outputFiles]) {
    // Written beside and renamed, as the staff application's are.
    const part = `${file.path}.${randomUUID()}.part`;
    await writeFile(part, file.contents);
    await rename(part, file.path);
  }
}

if (
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(resolve(process.argv[1])).href
) {
  await buildStaffApp();
  process.stdout.write(`built the staff application in ${staffAppDir()}\n`);
  await buildReporterApp();
  process.stdout.write(`built the precinct reporter app in ${reporterAppDir()}\n`);
}
