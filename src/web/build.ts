// Builds the browser code that the servers serve: the staff application (src/web/staff/main.tsx
// and its stylesheet), bundled by esbuild into dist/web/staff/app.js and app.css, which
// src/server/staff_pages.ts reads. `npm run build` (and so `npm install`) runs it after tsc;
// tests that open the application build it first the same way.
import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

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

if (
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(resolve(process.argv[1])).href
) {
  await buildStaffApp();
  process.stdout.write(`built the staff application in ${staffAppDir()}\n`);
}
