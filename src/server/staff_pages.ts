// The staff application's pages and files on the ingest/staff listener, under /staff/app/. A page
// is a static shell with no data in it (the application reads the staff API with the session
// cookie), so anyone may load it; the routes are hidden from the OpenAPI description, which lists
// the API alone. Every answer carries a strict Content-Security-Policy: the application's one
// script and one stylesheet, from this origin, and nothing inline.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { err, ok, type Result } from '../core/result.js';
import { sendError } from './error_shape.js';

export const STAFF_APP_PATH = '/staff/app/';
/** The addresses of the application's screens (src/web/staff/screens.ts): each answers the same shell. */
export const STAFF_PAGES = [
  STAFF_APP_PATH,
  ...[
    'results-desk',
    'mismatches',
    'review',
    'control-room',
    'release',
    'contests',
    'keys',
    'staff',
    'password',
  ].map((screen) => `${STAFF_APP_PATH}${screen}`),
] as const;
const ASSETS_PATH = `${STAFF_APP_PATH}assets/`;

export const STAFF_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  // Evidence photos, when the desk shows them, come from this origin or from the page's own bytes.
  "img-src 'self' data: blob:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'content-security-policy': STAFF_PAGE_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
} as const;

/** The bundle's files (src/web/build.ts writes them) and their content types. */
const APP_FILES = {
  'app.js': 'text/javascript; charset=utf-8',
  'app.css': 'text/css; charset=utf-8',
} as const;
type AppFileName = keyof typeof APP_FILES;

interface AppFile {
  readonly bytes: Buffer;
  readonly etag: string;
}

/** Where `npm run build` puts the bundle: dist/web/staff/ under the package's root. */
export function defaultStaffAppDir(from: string = import.meta.dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) return join(from, 'web', 'staff');
    dir = up;
  }
  return join(dir, 'dist', 'web', 'staff');
}

async function readAppFiles(
  dir: string,
): Promise<Result<ReadonlyMap<AppFileName, AppFile>, string>> {
  const files = new Map<AppFileName, AppFile>();
  for (const name of Object.keys(APP_FILES) as AppFileName[]) {
    let bytes: Buffer;
    try {
      bytes = await readFile(join(dir, name));
    } catch {
      return err(`${join(dir, name)} is missing`);
    }
    const etag = `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 22)}"`;
    files.set(name, { bytes, etag });
  }
  return ok(files);
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&#${String(c.charCodeAt(0))};`);

/** The page every screen starts from: the stylesheet, the script, and a place to draw in. */
export function staffShell(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tally staff</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${ASSETS_PATH}app.css">
<script type="module" src="${ASSETS_PATH}app.js"></script>
</head>
<body>
<div id="app"><noscript><p>The Tally staff application needs JavaScript.</p></noscript></div>
</body>
</html>
`;
}

/** What a page answers when the bundle was never built: how to build it. */
function notBuiltPage(problem: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Tally staff: not built</title></head>
<body><main><h1>The staff application is not built</h1>
<p>Run <code>npm run build</code> in Tally's folder, then restart the server (${escapeHtml(problem)}).</p></main></body>
</html>
`;
}

export interface StaffPagesOptions {
  /** Where the bundle is (by default dist/web/staff/ under the package's root). */
  readonly appDir?: string;
}

export function registerStaffPages(app: FastifyInstance, options: StaffPagesOptions = {}): void {
  const dir = options.appDir ?? defaultStaffAppDir();
  // Read once, when first asked for: a server started before the build finds it afterwards.
  let files: ReadonlyMap<AppFileName, AppFile> | undefined;
  const appFiles = async (): Promise<Result<ReadonlyMap<AppFileName, AppFile>, string>> => {
    if (files !== undefined) return ok(files);
    const read = await readAppFiles(dir);
    if (read.ok) files = read.value;
    return read;
  };
  const shell = staffShell();
  const hidden = { schema: { hide: true } } as const;

  const page = async (_request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    void reply.headers({
      ...SECURITY_HEADERS,
      'cache-control': 'no-store',
      'content-type': 'text/html; charset=utf-8',
    });
    const read = await appFiles();
    return read.ok ? reply.send(shell) : reply.code(503).send(notBuiltPage(read.error));
  };
  for (const path of STAFF_PAGES) app.get(path, hidden, page);
  app.get(STAFF_APP_PATH.slice(0, -1), hidden, (_request, reply) =>
    reply.headers(SECURITY_HEADERS).redirect(STAFF_APP_PATH, 301),
  );

  for (const name of Object.keys(APP_FILES) as AppFileName[]) {
    app.get(`${ASSETS_PATH}${name}`, hidden, async (request, reply) => {
      void reply.headers(SECURITY_HEADERS);
      const read = await appFiles();
      const file = read.ok ? read.value.get(name) : undefined;
      if (file === undefined) {
        return sendError(reply, 404, 'not_found', `${name} is not built (npm run build)`);
      }
      // Checked again on every load (pages are never cached either), cheaply by its hash.
      void reply.headers({ 'cache-control': 'no-cache', etag: file.etag });
      if (request.headers['if-none-match'] === file.etag) return reply.code(304).send();
      return reply.type(APP_FILES[name]).send(file.bytes);
    });
  }
}
