// `tally verify` on an address that is no site, or a site that cannot be read: one sentence
// naming the address and the cause (the HTTP status, a refused connection, DNS, a silent
// server), a non-zero exit, and no stack trace; never a verdict on an election it never read.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeVerifierKey } from '../log/note.js';
import { testSigner } from '../log/testonly/signers.js';
import { runCli } from './program.js';
import { CliFailure } from './run_command.js';
import { publishedReader } from './site_reader.js';

const logKey = encodeVerifierKey(testSigner('tally.test'));

/** Runs `tally verify <location>`; its exit code and what it wrote. */
async function verify(location: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(['verify', location, '--log-key', logKey, '--workers', '1'], {
    out: (t) => (out += t),
    err: (t) => (err += t),
  });
  return { code, out, err };
}

const servers: Server[] = [];

/** A server answering every request with `answer`; its address. */
async function serve(answer: (response: ServerResponse) => void): Promise<string> {
  const server = createServer((_, response) => {
    answer(response);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return `http://127.0.0.1:${String(port)}`;
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe('a site that cannot be read', () => {
  it('is named with its address when nothing listens there: connection refused', async () => {
    const closed = await serve(() => undefined);
    await new Promise((resolve) => servers.pop()?.close(resolve));
    const result = await verify(`${closed}/sample-2026/`);
    expect(result).toEqual({
      code: 1,
      out: '',
      err: `tally: cannot read ${closed}/sample-2026/current.json: connection refused\n`,
    });
  });

  it('is no Tally site when its current.json is not found (HTTP 404)', async () => {
    const site = await serve((response) => {
      response.writeHead(404).end('not found');
    });
    const result = await verify(`${site}/sample-2026`);
    expect(result).toEqual({
      code: 1,
      out: '',
      err: `tally: no Tally site at ${site}/sample-2026/ (current.json: HTTP 404)\n`,
    });
  });

  it('names any other status the server answers with', async () => {
    const site = await serve((response) => {
      response.writeHead(500).end();
    });
    expect(await verify(`${site}/sample-2026/`)).toEqual({
      code: 1,
      out: '',
      err: `tally: ${site}/sample-2026/current.json: HTTP 500 Internal Server Error\n`,
    });
  });

  it('names a host that DNS does not know', async () => {
    const result = await verify('http://tally-site.invalid/sample-2026/');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(
      /^tally: cannot read http:\/\/tally-site\.invalid\/sample-2026\/current\.json: .*tally-site\.invalid.* \(DNS\)\n$/,
    );
  });

  it('gives up on a server that does not answer, or stops sending mid-file', async () => {
    const silent = await serve(() => undefined);
    const read = publishedReader(`${silent}/sample-2026/`, 200);
    await expect(read('current.json')).rejects.toThrow(
      new CliFailure(`cannot read ${silent}/sample-2026/current.json: no answer for 0.2 s`),
    );
    const stalled = await serve((response) => {
      response.writeHead(200, { 'content-length': '1000' }).write('{"election":');
    });
    await expect(publishedReader(stalled, 200)('current.json')).rejects.toThrow(
      `cannot read ${stalled}/current.json: no answer for 0.2 s`,
    );
  });

  it('reads a file that arrives in pieces whole', async () => {
    const slow = await serve((response) => {
      response.writeHead(200);
      response.write('{"a":');
      setTimeout(() => response.end('1}'), 50);
    });
    const bytes = await publishedReader(slow, 1000)('current.json');
    expect(new TextDecoder().decode(bytes)).toBe('{"a":1}');
  });

  it('reads again when the server closes the connection under the request, twice at most', async () => {
    // As a server does when it closes a kept-alive connection as idle just as a request is sent.
    let closed = 0;
    const closing = (times: number) => (response: ServerResponse) => {
      if (closed < times) {
        closed++;
        response.socket?.destroy();
        return;
      }
      response.writeHead(200);
      response.end('{"a":1}');
    };
    const flaky = await serve(closing(2));
    const bytes = await publishedReader(flaky, 1000)('current.json');
    expect(new TextDecoder().decode(bytes)).toBe('{"a":1}');
    expect(closed).toBe(2);

    closed = 0;
    const gone = await serve(closing(3));
    await expect(publishedReader(gone, 1000)('current.json')).rejects.toThrow(
      `cannot read ${gone}/current.json: other side closed`,
    );
    expect(closed).toBe(3);
  });

  it('is no Tally site when a directory holds no current.json', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'tally-no-site-'));
    try {
      expect(await verify(empty)).toEqual({
        code: 1,
        out: '',
        err: `tally: no Tally site at ${empty} (no current.json)\n`,
      });
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
