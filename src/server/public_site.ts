// The public plane: serves the published files, and nothing else, from memory. It reads a
// site directory (what the publisher writes, or a `tally export`), loads each election's current
// version (every file its manifest lists, with the precompressed copies) and keeps the last few
// versions, reusing the bytes of files that did not change. The precinct files are the exception:
// gigabytes a version in a large election, so they are read from disk when asked for, as nginx
// would serve them. It has no route to the database or
// to the ingest API, and does no per-request work beyond a map lookup. The same directory can be
// served by nginx or any CDN instead.
import { readdir, readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import Negotiator from 'negotiator';
import { sha256Hex } from '../core/sha256.js';
import type { Current, SignedManifest } from '../formats/manifest.js';
import { isPrecinctFile } from '../publish/content_store.js';
import { contentTypeOf } from '../publish/snapshot.js';
import { entryBundlePath, parseTilePath, tilePath } from '../log/tiles.js';
import { evidenceTypeOf } from '../core/evidence.js';
import { preferredEncoding } from './accept_encoding.js';
import { answerClientError, errorBody } from './error_shape.js';

interface Served {
  readonly identity: Buffer;
  readonly br: Buffer | undefined;
  readonly gz: Buffer | undefined;
  readonly sha256: string;
  readonly etag: string;
  /** Response headers, made once: for each representation, and for 304. */
  readonly headers: {
    readonly identity: readonly string[];
    readonly br: readonly string[];
    readonly gz: readonly string[];
    readonly notModified: readonly string[];
  };
}

/** Immutable files are cached for a year; the pointers that move, for a few seconds. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const SHORT = 'public, max-age=2';
/**
 * Versions held in memory, newest first, and their bytes at most (the newest always stays):
 * an earlier one is read from disk (loadOlder).
 */
const KEEP_VERSIONS = 4;
const KEEP_BYTES = 256 * 1024 ** 2;
/** Earlier versions whose file lists (read from their manifests on disk) are kept, in all elections. */
const OLDER_MANIFESTS = 32;
/** Log tiles kept in memory, in all elections; the least recently served go first. */
const TILE_CACHE_BYTES = 64 * 1024 ** 2;

/**
 * True for a tile path exactly as C2SP tlog-tiles spells it (`log/tile/0/x001/234`,
 * `log/tile/entries/000.p/7`): one spelling per tile, so that a reader cannot make the server
 * read, or keep, one file under many names (`log/tile/./0/000`, `log/tile//0/000`).
 */
function isCanonicalTilePath(path: string): boolean {
  if (!path.startsWith('log/')) return false;
  const parsed = parseTilePath(path.slice('log/'.length));
  if (!parsed.ok) return false;
  const target = parsed.value;
  const canonical =
    target.kind === 'tile' ? tilePath(target.tile) : entryBundlePath(target.index, target.width);
  return `log/${canonical}` === path;
}

export const PUBLIC_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'; frame-ancestors 'none'";

/**
 * What a path names, from memory: a file (`latest`: the current version's, asked for under
 * `<election>/latest/`, which names the versioned path it is), or where to go instead.
 */
type Found = { file: Served; latest?: string } | { redirect: string };

/** A file served from disk at each request: its path there and its hash from the manifest. */
interface OnDisk {
  readonly full: string;
  readonly path: string;
  readonly sha256: string;
}

interface ElectionSite {
  current: Current | undefined;
  currentBytes: string;
  /** The current version's languages with a summary page, its default first. */
  languages: readonly string[];
  /** Version number → its files by path inside the version. */
  readonly versions: Map<number, Map<string, Served | OnDisk>>;
  /** Files outside versions: current.json, index.html, log/... */
  readonly loose: Map<string, Served>;
}

async function readOptional(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (e) {
    // A directory, or a path through a file, is no file either.
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return undefined;
    throw e;
  }
}

export class PublicSite {
  private readonly elections = new Map<string, ElectionSite>();
  private readonly refreshing = new Map<string, Promise<number | undefined>>();
  /** Tiles read from disk, by `<election>/<path>`, least recently served first. */
  private readonly tiles = new Map<string, Served>();
  private tileBytes = 0;
  private indexPage: Served | undefined;
  /**
   * Versions no longer held in memory, by `<election>/<version>`: each file's SHA-256 as its
   * manifest on disk lists it, the least recently served first. Their files are read from disk:
   * a link to an earlier version, or a verifier still reading one, never finds it gone.
   */
  private readonly older = new Map<string, ReadonlyMap<string, string>>();

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

  /**
   * Loads an election's current version if it moved; returns the version now served. Calls for
   * one election run one after another: a burst of them (one per answered request to publish)
   * loads a new version once, not once each.
   */
  refresh(election: string): Promise<number | undefined> {
    const run = (this.refreshing.get(election) ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => this.refreshNow(election));
    this.refreshing.set(election, run);
    void run
      .catch(() => undefined)
      .finally(() => {
        if (this.refreshing.get(election) === run) this.refreshing.delete(election);
      });
    return run;
  }

  private async refreshNow(election: string): Promise<number | undefined> {
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
      for (const f of files.values()) if ('identity' in f) previous.set(f.sha256, f);
    }
    const files = new Map<string, Served | OnDisk>();
    for (const [path, { sha256 }] of Object.entries(signed.manifest.files)) {
      const full = join(dir, current.path, path);
      if (isPrecinctFile(path)) {
        files.set(path, { full, path, sha256 });
        continue;
      }
      files.set(path, previous.get(sha256) ?? (await this.loadFile(full, path, sha256, true)));
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
    const checkpoint = await readOptional(join(dir, 'log', 'checkpoint'));
    // From here on, no await: a request in between sees the old version whole, or the new one.
    site ??= {
      current: undefined,
      currentBytes: '',
      languages: [],
      versions: new Map(),
      loose: new Map(),
    };
    site.versions.set(current.version, files);
    // Older versions go, oldest first, past a count or past a memory budget: a large election's
    // pages alone can be hundreds of megabytes a version. The newest always stays.
    for (const v of [...site.versions.keys()].sort((a, b) => a - b)) {
      if (v === current.version) break;
      if (site.versions.size <= KEEP_VERSIONS && bytesHeld(site) <= KEEP_BYTES) break;
      site.versions.delete(v);
    }
    site.loose.set(
      'current.json',
      served(currentBytes, undefined, undefined, 'current.json', false),
    );
    if (checkpoint !== undefined) {
      site.loose.set(
        'log/checkpoint',
        served(checkpoint, undefined, undefined, 'log/checkpoint', false),
      );
    }
    site.current = current;
    site.currentBytes = text;
    // The build's languages, in its order; a manifest that names none (one Tally never wrote)
    // leaves the election's address with no summary to send a reader to, not the plane down.
    const { build } = signed.manifest as { build?: { languages?: unknown } };
    const languages = Array.isArray(build?.languages) ? build.languages : [];
    site.languages = languages.filter(
      (l): l is string => typeof l === 'string' && files.has(`${l}/index.html`),
    );
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

  /**
   * The file at a URL path from memory; `tile` when it names a log tile not yet read (read it
   * with loadTile); undefined when there is no such file. The election's own address sends the
   * reader to the current summary in the language their Accept-Language prefers among the
   * site's, else in the site's first.
   */
  lookup(
    urlPath: string,
    acceptLanguage?: string,
  ): Found | { disk: OnDisk; latest?: string } | 'tile' | 'older' | 'evidence' | undefined {
    const parts = urlPath.split('/');
    if (parts.length === 2 && parts[1] === '') return { file: this.index() };
    const election = parts[1];
    if (election === undefined) return undefined;
    const site = this.elections.get(election);
    if (site?.current === undefined) return undefined;
    // The current version's files under a stable address, for those who poll: cached for
    // seconds, not a year, and naming the version's own address of the file.
    if (parts[2] === 'latest' && parts.length > 3) {
      const path = parts.slice(3).join('/');
      const file = site.versions.get(site.current.version)?.get(path);
      if (file === undefined) return undefined;
      const latest = `/${election}/${site.current.path}${path}`;
      return 'identity' in file ? { file, latest } : { disk: file, latest };
    }
    if (parts[2] === 'v' && parts.length > 4) {
      const version = parts[3] ?? '';
      const files = site.versions.get(Number(version));
      // A version published before those in memory: read from disk (loadOlder).
      if (files === undefined) {
        const earlier = /^[1-9][0-9]{0,9}$/.test(version) && Number(version) < site.current.version;
        return earlier ? 'older' : undefined;
      }
      const file = files.get(parts.slice(4).join('/'));
      if (file === undefined) return undefined;
      return 'identity' in file ? { file } : { disk: file };
    }
    const path = parts.slice(2).join('/');
    if (path === '' || path === 'index.html') {
      const language = readerLanguage(acceptLanguage, site.languages);
      const summary = language === undefined ? '' : `${language}/index.html`;
      return { redirect: `/${election}/${site.current.path}${summary}` };
    }
    const loose = site.loose.get(path);
    if (loose !== undefined) return { file: loose };
    // A published photo (where the election makes its evidence public): read from disk.
    if (parts[2] === 'evidence' && parts.length === 4 && /^[0-9a-f]{64}$/.test(parts[3] ?? '')) {
      return 'evidence';
    }
    if (parts[2] === 'log' && parts[3] === 'tile' && isCanonicalTilePath(path)) {
      const key = `${election}/${path}`;
      const tile = this.tiles.get(key);
      if (tile === undefined) return 'tile';
      this.tiles.delete(key);
      this.tiles.set(key, tile);
      return { file: tile };
    }
    return undefined;
  }

  /**
   * A file of a version no longer held in memory (lookup said 'older'), as that version's
   * manifest on disk lists it; undefined when it lists no such file.
   */
  async loadOlder(urlPath: string): Promise<OnDisk | undefined> {
    const [, election = '', , version = '', ...rest] = urlPath.split('/');
    const key = `${election}/${version}`;
    const dir = join(this.root, election, 'v', version);
    let files = this.older.get(key);
    if (files === undefined) {
      const bytes = await readOptional(join(dir, 'manifest.json'));
      if (bytes === undefined) return undefined;
      let signed: SignedManifest;
      try {
        signed = JSON.parse(bytes.toString()) as SignedManifest;
      } catch {
        return undefined;
      }
      const listed = new Map(
        Object.entries(signed.manifest.files).map(([path, f]) => [path, f.sha256] as const),
      );
      listed.set('manifest.json', sha256Hex(bytes));
      files = listed;
      for (const oldest of this.older.keys()) {
        if (this.older.size < OLDER_MANIFESTS) break;
        this.older.delete(oldest);
      }
    }
    this.older.delete(key);
    this.older.set(key, files);
    const path = rest.join('/');
    const sha256 = files.get(path);
    return sha256 === undefined ? undefined : { full: join(dir, ...rest), path, sha256 };
  }

  /** The bytes of log tiles held in memory. */
  get tileCacheBytes(): number {
    return this.tileBytes;
  }

  /**
   * Reads a log tile from disk, and keeps it while the tile cache has room; tiles never change.
   * Entry bundles are read from disk each time: they are the log's whole contents (gigabytes in
   * a large election), and a mirror or a verifier reads each once.
   */
  async loadTile(urlPath: string): Promise<Served | undefined> {
    const [, election, ...rest] = urlPath.split('/');
    const site = election === undefined ? undefined : this.elections.get(election);
    if (site === undefined || election === undefined) return undefined;
    const path = rest.join('/');
    if (!isCanonicalTilePath(path)) return undefined;
    const bytes = await readOptional(join(this.root, election, ...rest));
    if (bytes === undefined) return undefined;
    const file = served(bytes, undefined, undefined, path, true);
    if (!path.startsWith('log/tile/entries/')) this.keepTile(`${election}/${path}`, file);
    return file;
  }

  /** A published photo, served as the image it is, and only if it is the photo its name says. */
  async loadEvidence(urlPath: string): Promise<Served | undefined> {
    const [, election = '', , sha256 = ''] = urlPath.split('/');
    if (!this.elections.has(election)) return undefined;
    const bytes = await readOptional(join(this.root, election, 'evidence', sha256));
    if (bytes === undefined || sha256Hex(bytes) !== sha256) return undefined;
    const type = evidenceTypeOf(bytes) ?? 'application/octet-stream';
    return served(bytes, undefined, undefined, `evidence/${sha256}`, true, sha256, type);
  }

  private keepTile(key: string, file: Served): void {
    const had = this.tiles.get(key);
    if (had !== undefined) this.tileBytes -= had.identity.length;
    this.tiles.delete(key);
    this.tiles.set(key, file);
    this.tileBytes += file.identity.length;
    for (const [oldest, tile] of this.tiles) {
      if (this.tileBytes <= TILE_CACHE_BYTES) break;
      this.tiles.delete(oldest);
      this.tileBytes -= tile.identity.length;
    }
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
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        // Whatever body came with it is not read: the connection closes once this is sent.
        sendError(res, 405, 'method_not_allowed', 'the public plane answers GET and HEAD', [
          'allow',
          'GET, HEAD',
          'connection',
          'close',
        ]);
        return;
      }
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      const path = q === -1 ? url : url.slice(0, q);
      const found = this.lookup(path, req.headers['accept-language']);
      const failed = (): void => {
        if (!res.headersSent) sendError(res, 500, 'internal_error', 'the file could not be read');
        else res.destroy();
      };
      if (found === 'older') {
        this.loadOlder(path).then((file) => {
          if (file === undefined) answer(req, res, undefined);
          else return answerFromDisk(req, res, file);
        }, failed);
        return;
      }
      if (found === 'evidence') {
        this.loadEvidence(path).then((file) => {
          answer(req, res, file === undefined ? undefined : { file });
        }, failed);
        return;
      }
      if (found !== undefined && found !== 'tile' && 'disk' in found) {
        answerFromDisk(req, res, found.disk, found.latest).catch(failed);
        return;
      }
      if (found !== 'tile') {
        answer(req, res, found);
        return;
      }
      this.loadTile(path).then((file) => {
        answer(req, res, file === undefined ? undefined : { file });
      }, failed);
    };
  }
}

/**
 * The language a reader's Accept-Language header prefers among `languages` (RFC 9110, section
 * 12.5.4: "fr-CH, fr;q=0.9" gets fr; "en-US" gets en), else the first of them: the site's own.
 */
function readerLanguage(
  header: string | undefined,
  languages: readonly string[],
): string | undefined {
  if (header === undefined) return languages[0];
  return (
    new Negotiator({ headers: { 'accept-language': header } }).language([...languages]) ??
    languages[0]
  );
}

/** The one error shape, as the ingest API answers. */
function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: readonly string[] = [],
): void {
  const body = JSON.stringify(errorBody(code, message));
  res.writeHead(status, [
    'content-type',
    'application/json; charset=utf-8',
    'cache-control',
    SHORT,
    'content-length',
    String(Buffer.byteLength(body)),
    ...headers,
  ]);
  res.end(body);
}

function answer(req: IncomingMessage, res: ServerResponse, found: Found | undefined): void {
  if (found === undefined) {
    sendError(res, 404, 'not_found', 'no published file at this path');
    return;
  }
  if ('redirect' in found) {
    res.writeHead(302, {
      location: found.redirect,
      'cache-control': SHORT,
      // A cache keeps one answer per language asked for.
      vary: 'Accept-Language',
    });
    res.end();
    return;
  }
  const { file, latest } = found;
  const inm = req.headers['if-none-match'];
  if (inm !== undefined && notModified(inm, file.etag)) {
    res.writeHead(304, asLatest(file.headers.notModified, latest));
    res.end();
    return;
  }
  const encoding = preferredEncoding(req.headers['accept-encoding'], [
    ...(file.br === undefined ? [] : (['br'] as const)),
    ...(file.gz === undefined ? [] : (['gzip'] as const)),
  ]);
  let body = file.identity;
  let headers = file.headers.identity;
  if (encoding === 'br' && file.br !== undefined) {
    body = file.br;
    headers = file.headers.br;
  } else if (encoding === 'gzip' && file.gz !== undefined) {
    body = file.gz;
    headers = file.headers.gz;
  }
  res.writeHead(200, asLatest(headers, latest));
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * A file's headers as made for its version's address; served as the latest (from the address
 * `latest`), cached for seconds and naming that address (RFC 9110, Content-Location).
 */
function asLatest(headers: readonly string[], latest: string | undefined): string[] {
  if (latest === undefined) return headers as string[];
  const short = headers.map((h, i) => (headers[i - 1] === 'cache-control' ? SHORT : h));
  return [...short, 'content-location', latest];
}

/** The bytes an election's versions hold in memory, each file counted once. */
function bytesHeld(site: ElectionSite): number {
  const seen = new Set<Served>();
  let bytes = 0;
  for (const files of site.versions.values()) {
    for (const f of files.values()) {
      if (!('identity' in f) || seen.has(f)) continue;
      seen.add(f);
      bytes += f.identity.length + (f.br?.length ?? 0) + (f.gz?.length ?? 0);
    }
  }
  return bytes;
}

/** A precinct file from disk, in the encoding the reader takes, or 304 by its hash alone. */
async function answerFromDisk(
  req: IncomingMessage,
  res: ServerResponse,
  file: OnDisk,
  latest?: string,
): Promise<void> {
  const etag = etagOf(file.sha256);
  const common = asLatest(commonHeaders(file.path, true, etag), latest);
  const inm = req.headers['if-none-match'];
  if (inm !== undefined && notModified(inm, etag)) {
    res.writeHead(304, common);
    res.end();
    return;
  }
  // The precinct files are stored in both encodings; the reader's choice first, then identity.
  const preferred = preferredEncoding(req.headers['accept-encoding'], ['br', 'gzip']);
  const encodings: [string, string | undefined][] = [
    ...(preferred === undefined ? [] : [[preferred === 'br' ? '.br' : '.gz', preferred]]),
    ['', undefined],
  ] as [string, string | undefined][];
  for (const [suffix, encoding] of encodings) {
    const body = await readOptional(file.full + suffix);
    if (body === undefined) continue;
    res.writeHead(200, [
      ...common,
      ...(encoding === undefined ? [] : ['content-encoding', encoding]),
      'content-length',
      String(body.length),
    ]);
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  answer(req, res, undefined);
}

const etagOf = (sha256: string): string => `"${sha256.slice(0, 32)}"`;

function notModified(ifNoneMatch: string, etag: string): boolean {
  return (
    ifNoneMatch === '*' || ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)
  );
}

function commonHeaders(
  path: string,
  immutable: boolean,
  etag: string,
  contentType = contentTypeOf(path),
): string[] {
  return [
    'content-type',
    contentType,
    'cache-control',
    immutable ? IMMUTABLE : SHORT,
    'etag',
    etag,
    'vary',
    'Accept-Encoding',
    'x-content-type-options',
    'nosniff',
    'referrer-policy',
    'no-referrer',
    'access-control-allow-origin',
    '*',
    ...(contentType.startsWith('text/html') ? ['content-security-policy', PUBLIC_CSP] : []),
  ];
}

function served(
  identity: Buffer,
  br: Buffer | undefined,
  gz: Buffer | undefined,
  path: string,
  immutable: boolean,
  sha256?: string,
  contentType?: string,
): Served {
  const hash = sha256 ?? sha256Hex(identity);
  const etag = etagOf(hash);
  const common = commonHeaders(path, immutable, etag, contentType);
  const sized = (body: Buffer, encoding?: string): string[] => [
    ...common,
    ...(encoding === undefined ? [] : ['content-encoding', encoding]),
    'content-length',
    String(body.length),
  ];
  return {
    identity,
    br,
    gz,
    sha256: hash,
    etag,
    headers: {
      identity: sized(identity),
      br: br === undefined ? [] : sized(br, 'br'),
      gz: gz === undefined ? [] : sized(gz, 'gzip'),
      notModified: common,
    },
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
  const server = createServer(
    {
      keepAliveTimeout: 30_000,
      headersTimeout: 10_000,
      requestTimeout: 30_000,
      connectionsCheckingInterval: 1_000,
    },
    site.handler(),
  );
  server.setTimeout(30_000);
  server.on('clientError', answerClientError);
  await new Promise<void>((resolve) => {
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  if (options.watchMs !== undefined) {
    const every = options.watchMs;
    const tick = (): void => {
      void site
        .refreshAll()
        .catch(() => undefined)
        .finally(() => {
          if (!closed) timer = setTimeout(tick, every);
        });
    };
    timer = setTimeout(tick, every);
  }
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${String(port)}`,
    site,
    server,
    close: async () => {
      closed = true;
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
