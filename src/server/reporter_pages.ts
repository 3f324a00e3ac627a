// The precinct reporter app's pages and files on the ingest/staff listener, under /report/: a
// progressive web app a precinct chair opens on a phone. The page is a static shell with no data
// in it; the service worker (/report/sw.js, whose scope is /report/) keeps the shell and its
// files so that the app opens with no network. Every answer carries a strict
// Content-Security-Policy: the app's one script and one stylesheet, from this origin, and
// nothing inline. The routes are hidden from the OpenAPI description, which lists the API alone.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { err, ok, type Result } from '../core/result.js';
import { sendError } from './error_shape.js';

export const REPORTER_APP_PATH = '/report/';
const ASSETS_PATH = `${REPORTER_APP_PATH}assets/`;
export const REPORTER_MANIFEST_PATH = `${REPORTER_APP_PATH}manifest.webmanifest`;
export const REPORTER_WORKER_PATH = `${REPORTER_APP_PATH}sw.js`;

/**
 * What the service worker keeps for the app to open offline (src/web/reporter/sw.ts lists the
 * same; reporter_pages.test.ts holds the two together).
 */
export const REPORTER_SHELL_FILES = [
  REPORTER_APP_PATH,
  `${ASSETS_PATH}app.js`,
  `${ASSETS_PATH}app.css`,
  `${ASSETS_PATH}icon.svg`,
  REPORTER_MANIFEST_PATH,
] as const;

/** What the service worker's bundle says in place of its version: the files it keeps, hashed. */
export const WORKER_VERSION_PLACEHOLDER = '__TALLY_REPORTER_VERSION__';

export const REPORTER_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  // The photo of the tally sheet is shown from the page's own bytes before it is sent.
  "img-src 'self' blob:",
  "manifest-src 'self'",
  "worker-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** The service worker's own policy: it fetches the app's files, from this origin alone. */
const WORKER_CSP = "default-src 'none'; connect-src 'self'";

const SECURITY_HEADERS = {
  'content-security-policy': REPORTER_PAGE_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
} as const;

/** The bundle's files (src/web/build.ts writes them) and their content types. */
const BUILT_FILES = {
  'app.js': 'text/javascript; charset=utf-8',
  'app.css': 'text/css; charset=utf-8',
  'sw.js': 'text/javascript; charset=utf-8',
} as const;
type BuiltName = keyof typeof BUILT_FILES;

interface ServedFile {
  readonly bytes: Buffer;
  readonly type: string;
  readonly etag: string;
}

/** Where `npm run build` puts the bundle: dist/web/reporter/ under the package's root. */
export function defaultReporterAppDir(from: string = import.meta.dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) return join(from, 'web', 'reporter');
    dir = up;
  }
  return join(dir, 'dist', 'web', 'reporter');
}

const etagOf = (bytes: Buffer | string): string =>
  `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 22)}"`;

/** The page every visit starts from: the stylesheet, the script, and a place to draw in. */
export function reporterShell(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="theme-color" content="#0b5394">
<title>Tally precinct reporter</title>
<link rel="manifest" href="${REPORTER_MANIFEST_PATH}">
<link rel="icon" href="${ASSETS_PATH}icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${ASSETS_PATH}app.css">
<script type="module" src="${ASSETS_PATH}app.js"></script>
</head>
<body>
<div id="app"><noscript><p>The Tally precinct reporter needs JavaScript.</p></noscript></div>
</body>
</html>
`;
}

/** The web app manifest: what a phone installs to its home screen. */
export function reporterManifest(): string {
  return JSON.stringify({
    name: 'Tally precinct reporter',
    short_name: 'Tally report',
    description: 'Send your precinct’s signed results to the election office, even offline.',
    start_url: REPORTER_APP_PATH,
    scope: REPORTER_APP_PATH,
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#0b5394',
    icons: [{ src: `${ASSETS_PATH}icon.svg`, sizes: 'any', type: 'image/svg+xml' }],
  });
}

/** The app's icon: a tally mark (four strokes and the fifth across) on the app's blue. */
export const REPORTER_ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96"><rect width="96" height="96" rx="16" fill="#0b5394"/><g stroke="#fff" stroke-width="7" stroke-linecap="round"><path d="M26 22v52M40 22v52M54 22v52M68 22v52M16 64l64-32"/></g></svg>
`;

/** What a page answers when the bundle was never built: how to build it. */
function notBuiltPage(problem: string): string {
  const escaped = problem.replace(/[&<>"']/g, (c) => `&#${String(c.charCodeAt(0))};`);
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Tally precinct reporter: not built</title></head>
<body><main><h1>The precinct reporter app is not built</h1>
<p>Run <code>npm run build</code> in Tally's folder, then restart the server (${escaped}).</p></main></body>
</html>
`;
}

/** Every file the app is served from, by its path; the worker's with its version in place. */
async function readAppFiles(dir: string): Promise<Result<ReadonlyMap<string, ServedFile>, string>> {
  const built = new Map<BuiltName, Buffer>();
  for (const name of Object.keys(BUILT_FILES) as BuiltName[]) {
    try {
      built.set(name, await readFile(join(dir, name)));
    } catch {
      return err(`${join(dir, name)} is missing`);
    }
  }
  const files = new Map<string, ServedFile>();
  const add = (path: string, bytes: Buffer, type: string): void => {
    files.set(path, { bytes, type, etag: etagOf(bytes) });
  };
  add(REPORTER_APP_PATH, Buffer.from(reporterShell()), 'text/html; charset=utf-8');
  add(`${ASSETS_PATH}app.js`, built.get('app.js') ?? Buffer.alloc(0), BUILT_FILES['app.js']);
  add(`${ASSETS_PATH}app.css`, built.get('app.css') ?? Buffer.alloc(0), BUILT_FILES['app.css']);
  add(`${ASSETS_PATH}icon.svg`, Buffer.from(REPORTER_ICON), 'image/svg+xml');
  add(REPORTER_MANIFEST_PATH, Buffer.from(reporterManifest()), 'application/manifest+json');
  // The worker's version is the hash of everything it keeps: a change to any of them changes the
  // worker's bytes, which is what makes a browser install it afresh and replace what it kept.
  const version = createHash('sha256');
  for (const path of REPORTER_SHELL_FILES) version.update(files.get(path)?.bytes ?? '');
  const worker = (built.get('sw.js') ?? Buffer.alloc(0))
    .toString('utf8')
    .replaceAll(WORKER_VERSION_PLACEHOLDER, version.digest('hex').slice(0, 16));
  add(REPORTER_WORKER_PATH, Buffer.from(worker), BUILT_FILES['sw.js']);
  return ok(files);
}

export interface ReporterPagesOptions {
  /** Where the bundle is (by default dist/web/reporter/ under the package's root). */
  readonly appDir?: string;
}

export function registerReporterPages(
  app: FastifyInstance,
  options: ReporterPagesOptions = {},
): void {
  const dir = options.appDir ?? defaultReporterAppDir();
  // Read once, when first asked for: a server started before the build finds it afterwards.
  let files: ReadonlyMap<string, ServedFile> | undefined;
  const appFiles = async (): Promise<Result<ReadonlyMap<string, ServedFile>, string>> => {
    if (files !== undefined) return ok(files);
    const read = await readAppFiles(dir);
    if (read.ok) files = read.value;
    return read;
  };
  const hidden = { schema: { hide: true } } as const;

  const serve =
    (path: string) =>
    async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
      void reply.headers(SECURITY_HEADERS);
      const read = await appFiles();
      if (!read.ok) {
        if (path !== REPORTER_APP_PATH)
          return sendError(reply, 404, 'not_found', `${path} is not built (npm run build)`);
        return reply
          .code(503)
          .headers({ 'cache-control': 'no-store', 'content-type': 'text/html; charset=utf-8' })
          .send(notBuiltPage(read.error));
      }
      const file = read.value.get(path);
      if (file === undefined) return sendError(reply, 404, 'not_found', `no ${path}`);
      if (path === REPORTER_WORKER_PATH) {
        // The worker's scope is its own folder, /report/, which is all it serves: it needs no
        // Service-Worker-Allowed header. Its policy is a worker's, not a page's.
        void reply.header('content-security-policy', WORKER_CSP);
      }
      // Checked again on every load, cheaply by its hash; offline, the service worker answers.
      void reply.headers({ 'cache-control': 'no-cache', etag: file.etag });
      if (request.headers['if-none-match'] === file.etag) return reply.code(304).send();
      return reply.type(file.type).send(file.bytes);
    };

  for (const path of [...REPORTER_SHELL_FILES, REPORTER_WORKER_PATH])
    app.get(path, hidden, serve(path));
  app.get(REPORTER_APP_PATH.slice(0, -1), hidden, (_request, reply) =>
    reply.headers(SECURITY_HEADERS).redirect(REPORTER_APP_PATH, 301),
  );
}
