// How the verifier reads a published site: from a directory, or over HTTP(S) as anyone would,
// with its precompressed copies decoded as browsers get them. A site that cannot be read at all
// stops the command with one sentence naming the address and the cause.
import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { ListPublished, ReadCompressed, ReadPublished } from '../verify/verify.js';
import { CliFailure } from './run_command.js';

/** How long a site may keep a request waiting: for its answer, or for the next bytes of a file. */
export const SITE_TIMEOUT_MS = 30_000;

/** Whether a site (or log) is given by its HTTP(S) address, not a directory. */
export function isSiteUrl(location: string): boolean {
  return /^https?:\/\//i.test(location);
}

/**
 * Reads a site from a directory or over HTTP(S); a file that is not there is undefined. A site
 * that cannot be read at all (no current.json, no answer, an error status) stops the verifier
 * with one sentence naming the address and the cause: it is no verdict on the election.
 */
export function publishedReader(location: string, timeoutMs = SITE_TIMEOUT_MS): ReadPublished {
  if (isSiteUrl(location)) {
    const base = location.endsWith('/') ? location : `${location}/`;
    return async (path) => {
      const url = new URL(path, base).href;
      const answer = await download(url, timeoutMs);
      if (answer.status === 404) {
        if (path === CURRENT) throw new CliFailure(`no Tally site at ${base} (${path}: HTTP 404)`);
        return undefined;
      }
      // A redirect is no file (the public plane sends readers from the site's root on to the
      // current version's pages itself).
      if (answer.status >= 300 && answer.status < 400 && path !== CURRENT) return undefined;
      if (answer.bytes === undefined) {
        throw new CliFailure(`${url}: HTTP ${String(answer.status)}${answer.statusText}`);
      }
      return answer.bytes;
    };
  }
  // Read in one call each: a local file is read faster so than through libuv's threads, and the
  // verifier reads thousands.
  return (path) => {
    const file = join(location, ...path.split('/'));
    try {
      return Promise.resolve(readFileSync(file));
    } catch (e) {
      return unreadable(location, path, file, e);
    }
  };
}

/**
 * A file of a site in a directory that could not be read: none there (undefined, but for the
 * site's pointer, without which there is no site), or a failure that stops the verifier.
 */
function unreadable(location: string, path: string, file: string, e: unknown): Promise<undefined> {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    if (path === CURRENT) {
      return Promise.reject(new CliFailure(`no Tally site at ${location} (no ${path})`));
    }
    return Promise.resolve(undefined);
  }
  return Promise.reject(new CliFailure(`cannot read ${file}: ${(e as Error).message}`));
}

/**
 * Reads the files of a site in the directory `location` into one buffer it reuses, lending it:
 * what it returns is valid until its next read (checkFiles copies what it keeps). Gigabytes of
 * group files, each read into memory of its own, cost the kernel a page fault for every 4 KB of
 * them; read into the same buffer, they cost none. Refuses as publishedReader does (unreadable).
 */
export function lendingReader(location: string): ReadPublished {
  let buffer = Buffer.alloc(0);
  return (path) => {
    const file = join(location, ...path.split('/'));
    let fd: number | undefined;
    try {
      fd = openSync(file, 'r');
      const size = fstatSync(fd).size;
      if (buffer.length < size) buffer = Buffer.allocUnsafe(Math.max(size, 2 * buffer.length));
      let at = 0;
      while (at < size) {
        const n = readSync(fd, buffer, at, size - at, at);
        if (n === 0) break;
        at += n;
      }
      return Promise.resolve(buffer.subarray(0, at));
    } catch (e) {
      return unreadable(location, path, file, e);
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  };
}

/**
 * A site's precompressed copies of its files, decoded: in a directory, the copy beside the file
 * (x.br, x.gz); over HTTP, what the site sends a client that accepts only that encoding (fetch
 * decodes it), which is what browsers get. Null for a copy that does not decode.
 */
export function compressedReader(location: string, timeoutMs = SITE_TIMEOUT_MS): ReadCompressed {
  if (isSiteUrl(location)) {
    const base = location.endsWith('/') ? location : `${location}/`;
    return async (path, encoding) => {
      const url = new URL(path, base).href;
      const answer = await download(url, timeoutMs, {
        'accept-encoding': encoding === 'br' ? 'br' : 'gzip',
      });
      return answer.bytes;
    };
  }
  return (path, encoding, size) => {
    let copy: Uint8Array;
    try {
      copy = readFileSync(join(location, ...path.split('/')) + `.${encoding}`);
    } catch {
      return Promise.resolve(undefined);
    }
    try {
      // Decoded here (on libuv's threads it costs twice the processor time, in handing over),
      // into one buffer the size of the file it should be: no pieces to join. A copy that would
      // decode to more is not that file, and is not decoded further.
      const options = { chunkSize: Math.max(1024, size + 1), maxOutputLength: size + 1 };
      return Promise.resolve(
        encoding === 'br' ? brotliDecompressSync(copy, options) : gunzipSync(copy, options),
      );
    } catch (e) {
      const longer = (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
      return Promise.resolve(longer ? 'longer' : null);
    }
  };
}

/** The files under a directory of a site kept in a directory (recursively); none over HTTP. */
export function directoryLister(location: string): ListPublished | undefined {
  if (isSiteUrl(location)) return undefined;
  return async (dir) => {
    try {
      const found = await readdir(join(location, ...dir.split('/').filter((p) => p !== '')), {
        recursive: true,
        withFileTypes: true,
      });
      const root = join(location, ...dir.split('/').filter((p) => p !== ''));
      return found
        .filter((d) => d.isFile())
        .map((d) =>
          join(d.parentPath, d.name)
            .slice(root.length + 1)
            .split(/[\\/]/)
            .join('/'),
        );
    } catch {
      return undefined;
    }
  };
}

/** The file every Tally site has: the pointer to its current version. */
const CURRENT = 'current.json';

interface Answer {
  readonly status: number;
  /** With a space before it, when the server gave one. */
  readonly statusText: string;
  /** The body, for a 2xx status. */
  readonly bytes?: Uint8Array;
}

/**
 * How many times a read is tried when the server closes the connection under it: a kept-alive
 * connection the server closes as idle just as the reader sends on it ("other side closed",
 * "the connection was reset") is a race of the two, not an answer. Reads are GETs: trying again
 * changes nothing.
 */
const ATTEMPTS = 3;

/** Fetches a file; a server silent for `timeoutMs`, before answering or mid-file, is given up. */
async function download(
  url: string,
  timeoutMs: number,
  headers: Record<string, string> = {},
): Promise<Answer> {
  for (let attempt = 1; ; attempt++) {
    const answer = await downloadOnce(url, timeoutMs, headers, attempt < ATTEMPTS);
    if (answer !== 'closed') return answer;
  }
}

/** One try of download: 'closed' when the connection was closed under it and it may try again. */
async function downloadOnce(
  url: string,
  timeoutMs: number,
  headers: Record<string, string>,
  mayRetry: boolean,
): Promise<Answer | 'closed'> {
  const controller = new AbortController();
  let timer = setTimeout(() => {
    controller.abort();
  }, timeoutMs);
  const heard = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      controller.abort();
    }, timeoutMs);
  };
  try {
    const response = await fetch(url, { signal: controller.signal, headers, redirect: 'manual' });
    heard();
    const statusText = response.statusText === '' ? '' : ` ${response.statusText}`;
    if (!response.ok || response.body === null) {
      await response.body?.cancel();
      return { status: response.status, statusText };
    }
    const chunks: Uint8Array[] = [];
    let length = 0;
    const reader = response.body.getReader();
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      heard();
      chunks.push(chunk.value);
      length += chunk.value.length;
    }
    const bytes = new Uint8Array(length);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    return { status: response.status, statusText, bytes };
  } catch (e) {
    if (mayRetry && !controller.signal.aborted && closedUnder(e)) return 'closed';
    const why = controller.signal.aborted
      ? `no answer for ${String(timeoutMs / 1000)} s`
      : unreachable(e, new URL(url).hostname);
    throw new CliFailure(`cannot read ${url}: ${why}`);
  } finally {
    clearTimeout(timer);
  }
}

/** The error's code: fetch says only "fetch failed", and why in its cause. */
function causeOf(e: unknown): { readonly first: unknown; readonly code: string } {
  const cause = e instanceof Error && e.cause instanceof Error ? e.cause : e;
  // Several addresses tried at once (IPv6 and IPv4) fail together, each with its own code.
  const first = cause instanceof AggregateError ? (cause.errors[0] as unknown) : cause;
  return { first, code: (first as NodeJS.ErrnoException | undefined)?.code ?? '' };
}

/** Whether the server closed the connection under the request (see ATTEMPTS). */
function closedUnder(e: unknown): boolean {
  const { code } = causeOf(e);
  return code === 'UND_ERR_SOCKET' || code === 'ECONNRESET';
}

/** Why a request failed, in words. */
function unreachable(e: unknown, host: string): string {
  const { first, code } = causeOf(e);
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
      return `no such host as ${host} (DNS)`;
    case 'EAI_AGAIN':
      return `${host} could not be looked up (DNS)`;
    case 'ECONNRESET':
      return 'the connection was reset';
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'the connection timed out';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${host} cannot be reached from this network`;
  }
  const message = first instanceof Error ? first.message : String(first);
  return code === '' || message.includes(code) ? message : `${message} (${code})`;
}
