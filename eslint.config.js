// Lint rules, including the layering of DESIGN.md: pure modules import no I/O, and every layer
// imports only the layers below it.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const ioModules = [
  'fs',
  'fs/promises',
  'net',
  'http',
  'https',
  'http2',
  'child_process',
  'worker_threads',
  'cluster',
  'dgram',
  'dns',
  'tls',
  'os',
  'process',
  'readline',
];

/** What each layer under src/ may import from the others (DESIGN.md, "Layout"). */
const layers = {
  core: [],
  threads: [],
  log: ['core'],
  audit: ['core'],
  formats: ['core'],
  store: ['core', 'log'],
  ingest: ['core', 'log', 'store', 'threads'],
  // Staff accounts, sign-in and sessions, over the store.
  staff: ['core', 'store'],
  publish: ['core', 'log', 'formats', 'store', 'web'],
  // The verifier rebuilds every file of a version with the publisher's pure builder (snapshot,
  // pages, messages, assets), never with its I/O (see `impure` below).
  verify: ['core', 'log', 'formats', 'publish'],
  web: ['core', 'log'],
  sim: ['core', 'log', 'formats', 'store', 'ingest', 'staff', 'publish', 'server', 'verify'],
  server: ['core', 'log', 'formats', 'store', 'ingest', 'staff', 'publish', 'threads'],
  cli: [
    'core',
    'log',
    'audit',
    'formats',
    'store',
    'ingest',
    'staff',
    'publish',
    'server',
    'sim',
    'verify',
    'threads',
  ],
};
const pure = new Set(['core', 'log', 'audit', 'formats', 'verify']);
/** Modules of a layer another layer may import from which do I/O: off limits to pure layers. */
const impure = ['publish/publisher', 'publish/content_store'];

const layerRules = Object.entries(layers).map(([layer, allowed]) => {
  const forbidden = Object.keys(layers).filter((l) => l !== layer && !allowed.includes(l));
  const patterns = [
    {
      regex: `^(\\.\\./)+(${forbidden.join('|')})(/|$)`,
      message: `src/${layer} may import only from: ${allowed.join(', ') || 'itself'} (DESIGN.md layering).`,
    },
    ...(pure.has(layer)
      ? [
          {
            regex: `^(\\.\\./)+(${impure.join('|')})(\\.js)?$`,
            message: `src/${layer} is a pure module: it may use the publisher's builder, not its I/O.`,
          },
        ]
      : []),
  ];
  const paths = pure.has(layer)
    ? ioModules
        .flatMap((m) => [m, `node:${m}`])
        .map((name) => ({
          name,
          message: `src/${layer} is a pure module: no I/O imports; do I/O at the edges.`,
        }))
    : [];
  return {
    files: [`src/${layer}/**/*.ts`, `src/${layer}/**/*.tsx`],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': ['error', { paths, patterns }],
      ...(pure.has(layer)
        ? {
            'no-restricted-globals': [
              'error',
              { name: 'process', message: 'Pure modules do not read the process.' },
              { name: 'fetch', message: 'Pure modules do no I/O.' },
            ],
          }
        : {}),
    },
  };
});

export default tseslint.config(
  // test-output/: what browser tests and local scripts leave (gitignored).
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'data/', 'test-output/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/explicit-module-boundary-types': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true, allowNullish: false },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' },
      ],
    },
  },
  {
    files: ['**/*.test.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
  {
    // Tools read their configuration from a default export.
    files: ['eslint.config.js', 'vitest.config.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  ...layerRules,
);
