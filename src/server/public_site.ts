// The public plane: serves the published files, and nothing else, from memory. It reads a
// site directory (what the publisher writes, or a `tally export`), loads each election's current
// version (every file its manifest lists, with the precompressed copies) and keeps the last few
// versions, reusing the bytes of files that did not change. It has no route to the database or
// to the ingest API, and does no per-request work beyond a map lookup. The same directory can be
// served by nginx or any CDN instead.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Current, SignedManifest } from '../publish/snapshot.js';
import { contentTypeOf } from '../publish/snapshot.js';

interface Served {
  readonly identity: Buffer;
  readonly br: Buffer | undefined;
  readonly gz: Buffer | undefined;
  readonly sha256: string;
  readonly contentType: string;
  readonly immutable: boolean;
}

/** Immutable files are cached for a year; the pointers that move, for a few seconds. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const SHORT = 'public, max-age=2';
const KEEP_VERSIONS = 16;

export const PUBLIC_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'; frame-ancestors 'none'";

interface ElectionSite {
  current: Current | undefined;
  currentBytes: string;
  /** Version number → its files by path inside the version. */
  readonly versions: Map<number, Map<string, Served>>;
  /** Files outside versions: current.json, index.html, log/... */
  readonly loose: Map<string, Served>;
}

async function readOptional(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export class PublicSite {
  private readonly elections = new Map<string, ElectionSite>();
  private indexPage: Served | undefined;

  constructor(readonly root: string) {}

  /** Loads every election found in the directory whose current version moved. */
  async refreshAll(): Promise<void> {
    let names: string[];
    try {
      names = (await readdir(this.root, { withFileTypes: true }))
        .filter((d) => d.isDirectory())
        .map((d) => d.name);
    } catch {
      return;
    }
    for (const name of names) await this.refresh(name);
  }

  /** Loads an election's current version if it moved; returns the version now served. */
  async refresh(election: string): Promise<number | undefined> {
    const dir = join(this.root, election);
    const currentBytes = await readOptional(join(dir, 'current.json'));
    if (currentBytes === undefined) return undefined;
    let site = this.elections.get(election);
    const text = currentBytes.toString();
    if (site?.currentBytes === text) return site.current?.version;
    const current = JSON.parse(text) as Current;
    const manifestBytes = await readOptional(join(dir, current.path, 'manifest.json'));
    if (manifestBytes === undefined) return site?.current?.version;
    const signed = JSON.parse(manifestBytes.toString()) as SignedManifest;
    const previous = new Map<string, Served>();
    for (const files of site?.versions.values() ?? []) {
      for (const f of files.values()) previous.set(f.sha256, f);
    }
    const files = new Map<string, Served>();
    for (const [path, sha256] of Object.entries(signed.manifest.files)) {
      const known = previous.get(sha256);
      files.set(
        path,
        known ?? (await this.loadFile(join(dir, current.path, path), path, sha256, true)),
      );
    }
    files.set(
      'manifest.json',
      await this.loadFile(
        join(dir, current.path, 'manifest.json'),
        'manifest.json',
        undefined,
        true,
      ),
    );
    site ??= { current: undefined, currentBytes: '', versions: new Map(), loose: new Map() };
    site.versions.set(current.version, files);
    for (const v of [...site.versions.keys()].sort((a, b) => a - b)) {
      if (site.versions.size <= KEEP_VERSIONS) break;
      site.versions.delete(v);
    }
    site.loose.set(
      'current.json',
      served(currentBytes, undefined, undefined, 'current.json', false),
    );
    const checkpoint = await readOptional(join(dir, 'log', 'checkpoint'));
    if (checkpoint !== undefined) {
      site.loose.set(
        'log/checkpoint',
        served(checkpoint, undefined, undefined, 'log/checkpoint', false),
      );
    }
    site.current = current;
    site.currentBytes = text;
    this.elections.set(election, site);
    this.indexPage = undefined;
    return current.version;
  }

  private async loadFile(
    full: string,
    path: string,
    sha256: string | undefined,
    immutable: boolean,
  ): Promise<Served> {
    const [identity, br, gz] = await Promise.all([
      readFile(full),
      readOptional(`${full}.br`),
      readOptional(`${full}.gz`),
    ]);
    return served(identity, br, gz, path, immutable, sha256);
  }

  /** The file at a URL path, or undefined; log tiles are read from disk once, then kept. */
  async lookup(urlPath: string): Promise<{ file: Served } | { redirect: string } | undefined> {
    const parts = urlPath.split('/').slice(1);
    if (parts.length === 1 && parts[0] === '') return { file: this.index() };
    const [election, ...rest] = parts;
    if (election === undefined) return undefined;
    const site = this.elections.get(decodeURIComponent(election));
    if (site?.current === undefined) return undefined;
    const path = rest.join('/');
    if (path === '' || path === 'index.html') {
      const summary = Object.keys(
        Object.fromEntries(site.versions.get(site.current.version) ?? []),
      ).find((p) => /^[a-z]{2}\/index\.html$/.test(p));
      return { redirect: `/${election}/${site.current.path}${summary ?? ''}` };
    }
    if (rest[0] === 'v' && rest[1] !== undefined) {
      const files = site.versions.get(Number(rest[1]));
      const file = files?.get(rest.slice(2).join('/'));
      return file === undefined ? undefined : { file };
    }
    const loose = site.loose.get(path);
    if (loose !== undefined) return { file: loose };
    if (
      rest[0] === 'log' &&
      rest[1] === 'tile' &&
      /^[A-Za-z0-9/.]+$/.test(path) &&
      !path.includes('..')
    ) {
      const bytes = await readOptional(join(this.root, election, ...rest));
      if (bytes === undefined) return undefined;
      const file = served(bytes, undefined, undefined, path, true);
      site.loose.set(path, file);
      return { file };
    }
    return undefined;
  }

  private index(): Served {
    if (this.indexPage !== undefined) return this.indexPage;
    const items = [...this.elections.entries()]
      .filter(([, s]) => s.current !== undefined)
      .map(([id]) => `<li><a href="/${encodeURIComponent(id)}/">${escapeHtml(id)}</a></li>`)
      .join('');
    const html = `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Election results</title></head><body><main><h1>Election results</h1><ul>${items}</ul></main></body></html>\n`;
    this.indexPage = served(Buffer.from(html), undefined, undefined, 'index.html', false);
    return this.indexPage;
  }

  /** The Node request handler: GET and HEAD of published files, with ETags and encodings. */
  handler(): (req: IncomingMessage, res: ServerResponse) => void {
    return (req, res) => {
      void this.answer(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('internal error\n');
      });
    };
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' });
      res.end('only GET and HEAD\n');
      return;
    }
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const found = await this.lookup(q === -1 ? url : url.slice(0, q));
    if (found === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': SHORT });
      res.end('not found\n');
      return;
    }
    if ('redirect' in found) {
      res.writeHead(302, { location: found.redirect, 'cache-control': SHORT });
      res.end();
      return;
    }
    const { file } = found;
    const accept = req.headers['accept-encoding'] ?? '';
    let body = file.identity;
    let encoding: string | undefined;
    if (file.br !== undefined && accept.includes('br')) {
      body = file.br;
      encoding = 'br';
    } else if (file.gz !== undefined && accept.includes('gzip')) {
      body = file.gz;
      encoding = 'gzip';
    }
    const etag = `"${file.sha256.slice(0, 32)}"`;
    const headers: Record<string, string | number> = {
      'content-type': file.contentType,
      'cache-control': file.immutable ? IMMUTABLE : SHORT,
      etag,
      vary: 'Accept-Encoding',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'access-control-allow-origin': '*',
      'content-security-policy': PUBLIC_CSP,
    };
    const inm = req.headers['if-none-match'];
    if (
      inm !== undefined &&
      (inm === '*' || inm.split(',').some((t) => t.trim().replace(/^W\//, '') === etag))
    ) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    if (encoding !== undefined) headers['content-encoding'] = encoding;
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }
}

function served(
  identity: Buffer,
  br: Buffer | undefined,
  gz: Buffer | undefined,
  path: string,
  immutable: boolean,
  sha256?: string,
): Served {
  return {
    identity,
    br,
    gz,
    sha256: sha256 ?? sha256Hex(identity),
    contentType: contentTypeOf(path),
    immutable,
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${String(c.charCodeAt(0))};`);
}

export interface PublicPlane {
  readonly url: string;
  readonly site: PublicSite;
  readonly server: Server;
  close(): Promise<void>;
}

/**
 * Starts the public plane's own listener. With `watchMs` it also polls the directory for new
 * versions (a separate `--public-only` process); in the ingest process the publisher tells it.
 */
export async function startPublicPlane(options: {
  readonly root: string;
  readonly host?: string;
  readonly port?: number;
  readonly watchMs?: number;
}): Promise<PublicPlane> {
  const site = new PublicSite(options.root);
  await site.refreshAll();
  const server = createServer({ keepAliveTimeout: 30_000 }, site.handler());
  await new Promise<void>((resolve) => {
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  let timer: NodeJS.Timeout | undefined;
  if (options.watchMs !== undefined) {
    const every = options.watchMs;
    const tick = (): void => {
      void site
        .refreshAll()
        .catch(() => undefined)
        .finally(() => {
          timer = setTimeout(tick, every);
        });
    };
    timer = setTimeout(tick, every);
  }
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${String(port)}`,
    site,
    server,
    close: async () => {
      if (timer !== undefined) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    },
  };
}
