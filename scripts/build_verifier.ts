// Builds the one-file verifier, dist/tally-verify.mjs: src/cli/verifier_main.ts and everything
// it imports, bundled by esbuild into one ES module that plain Node.js runs with nothing
// installed. The same source gives the same bytes on any machine (no timestamps, no absolute
// paths, no source map), so anyone can rebuild it from the tagged source and compare its SHA-256
// with the file they were given. Run by `npm run build:verifier [-- <outfile>]`.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';

const root = join(import.meta.dirname, '..');
const outfile = resolve(process.argv[2] ?? join(root, 'dist', 'tally-verify.mjs'));

/** The store's and the server's packages: the verifier reads public files and needs neither. */
const refuseStore: Plugin = {
  name: 'refuse-store',
  setup(b) {
    b.onResolve({ filter: /^(better-sqlite3|pg|kysely|fastify)(\/|$)/ }, (args) => ({
      errors: [
        {
          text: `${args.path}, imported by ${relative(root, args.importer)}, has no place in the verifier`,
        },
      ],
    }));
  },
};

const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
  version: string;
};

const result = await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/verifier_main.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  write: false,
  // Inputs are named by where they are found under the root, never by where a linked
  // node_modules really is: the file names the same inputs wherever the source sits.
  preserveSymlinks: true,
  charset: 'utf8',
  // The licences of the bundled packages go at the end of the file.
  legalComments: 'eof',
  // Bundled CommonJS packages require Node's own modules; an ES module has no `require` of its own.
  banner: {
    js: "import { createRequire as tallyCreateRequire } from 'node:module';\nconst require = tallyCreateRequire(import.meta.url);",
  },
  plugins: [refuseStore],
  metafile: true,
  logLevel: 'warning',
});

const [output] = result.outputFiles;
if (output === undefined || result.outputFiles.length !== 1) {
  throw new Error('esbuild wrote no single file');
}

/** The folders of the packages bundled, as esbuild names its inputs (relative to the root). */
function bundledPackages(inputs: readonly string[]): string[] {
  const folders = inputs.flatMap((input) => {
    const found = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    return found?.[1] === undefined ? [] : [found[1]];
  });
  return [...new Set(folders)].sort();
}

/** Each bundled package's name, version and licence text, which its licence asks copies to keep. */
async function licences(folders: readonly string[]): Promise<string> {
  const parts = [
    `Tally ${version}, Apache-2.0: the LICENSE file of Tally's source. It bundles these packages:`,
  ];
  for (const folder of folders) {
    const manifest = JSON.parse(await readFile(join(root, folder, 'package.json'), 'utf8')) as {
      name: string;
      version: string;
      license: string;
    };
    const file = (await readdir(join(root, folder))).sort().find((f) => /^licen[cs]e/i.test(f));
    if (file === undefined) throw new Error(`${folder} has no licence file`);
    const text = await readFile(join(root, folder, file), 'utf8');
    parts.push(`${manifest.name} ${manifest.version} (${manifest.license}):\n\n${text.trim()}`);
  }
  // A licence's text must not end the comment it sits in.
  return `\n/*\n${parts.join('\n\n----\n\n').replaceAll('*/', '* /')}\n*/\n`;
}

const contents = Buffer.concat([
  output.contents,
  Buffer.from(await licences(bundledPackages(Object.keys(result.metafile.inputs)))),
]);
await mkdir(dirname(outfile), { recursive: true });
await writeFile(outfile, contents, { mode: 0o755 });
const sha256 = createHash('sha256').update(contents).digest('hex');
process.stdout.write(
  `wrote ${relative(process.cwd(), outfile)} (Tally ${version}, ${String(contents.length)} bytes)\n` +
    `SHA-256 ${sha256}\n`,
);
