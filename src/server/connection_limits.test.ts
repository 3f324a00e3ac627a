// A client that sends slowly, sends too much, or sends what is not HTTP is answered in the one
// error shape and let go; what the server holds for it is bounded and freed when it leaves.
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeldBytes } from './client_limits.js';
import { ingestHarness, type IngestHarness } from './testonly/ingest_harness.js';

const BATCHES = '/v1/elections/sample-2026/submission-batches';

/** Opens a connection, writes `data`, and resolves with all it is sent until the server closes. */
function exchange(
  port: number,
  data: string | Buffer,
  options: { keepOpen?: (socket: Socket) => void } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(data);
      options.keepOpen?.(socket);
    });
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      resolve(Buffer.concat(chunks).toString('latin1'));
    });
    setTimeout(() => {
      socket.destroy();
      reject(new Error('the server kept the connection open'));
    }, 15_000);
  });
}

/** The status and the JSON body of a raw HTTP/1.1 answer. */
function parse(answer: string): { status: number; json: unknown } {
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
  const body = answer.slice(answer.indexOf('\r\n\r\n') + 4);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    json = body;
  }
  return { status, json };
}

const shape = (code: string): unknown => ({
  error: { code, message: expect.any(String) as string },
});

describe('the ingest API and a client that does not play by the rules', () => {
  let h: IngestHarness;
  let port: number;
  const held = new HeldBytes(1024 * 1024, 1536 * 1024);

  beforeAll(async () => {
    h = await ingestHarness({
      limits: { headersTimeoutMs: 500, requestTimeoutMs: 1_500, idleTimeoutMs: 5_000 },
      held,
    });
    const url = await h.app.listen({ port: 0, host: '127.0.0.1' });
    port = Number(new URL(url).port);
  });
  afterAll(async () => {
    await h.dispose();
  });

  it('answers headers that never finish with 408 in the error shape, and closes', async () => {
    const answer = parse(await exchange(port, 'GET /healthz HTTP/1.1\r\nHost: x\r\nX-a: b'));
    expect(answer).toEqual({ status: 408, json: shape('request_timeout') });
  });

  it('answers a body that never finishes with 408, and keeps none of it', async () => {
    const head = `POST ${BATCHES} HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-ndjson\r\nContent-Length: 100000\r\n\r\n`;
    let trickle: NodeJS.Timeout | undefined;
    const answer = parse(
      await exchange(port, head + '{"a":', {
        keepOpen: (socket) => {
          trickle = setInterval(() => socket.write(' '), 200);
        },
      }),
    );
    clearInterval(trickle);
    expect(answer.status).toBe(408);
    expect(answer.json).toEqual(shape('request_timeout'));
    expect(held.total).toBe(0);
  });

  it('answers headers too large with 431, a URL it cannot read and a bad request line with 400, all in the error shape', async () => {
    const huge = parse(
      await exchange(
        port,
        `GET /healthz HTTP/1.1\r\nHost: x\r\nX-a: ${'a'.repeat(20_000)}\r\n\r\n`,
      ),
    );
    expect(huge).toEqual({ status: 431, json: shape('headers_too_large') });
    const badUrl = parse(
      await exchange(
        port,
        'GET /v1/elections/%zz/checkpoint HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      ),
    );
    expect(badUrl.status).toBe(400);
    expect(badUrl.json).toEqual(shape('bad_url'));
    const notHttp = parse(await exchange(port, 'HELLO\r\n\r\n'));
    expect(notHttp).toEqual({ status: 400, json: shape('bad_request') });
  });

  it('answers a parameter too long with 414 in the error shape', async () => {
    const long = await h.app.inject({ url: `/v1/elections/${'e'.repeat(500)}/checkpoint` });
    expect(long.statusCode).toBe(414);
    expect(long.json()).toEqual(shape('uri_too_long'));
  });

  it('holds at most its share of bytes for one address, and lets go of a body cut off', async () => {
    const head = (length: number): string =>
      `POST ${BATCHES} HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-ndjson\r\nContent-Length: ${String(length)}\r\n\r\n`;
    // The first body arrives in part (768 KiB of 1 MiB) and stays open.
    let first: Socket | undefined;
    const firstDone = exchange(port, head(1024 * 1024) + ' '.repeat(768 * 1024), {
      keepOpen: (socket) => {
        first = socket;
      },
    });
    await expect.poll(() => held.total, { timeout: 5_000 }).toBe(768 * 1024);
    // A second from the same address would pass its share (1 MiB): refused, and closed.
    const second = parse(await exchange(port, head(512 * 1024) + ' '.repeat(512 * 1024)));
    expect(second).toEqual({ status: 429, json: shape('too_many_bytes_held') });
    first?.destroy();
    await firstDone;
    await expect.poll(() => held.total, { timeout: 5_000 }).toBe(0);
  });

  it('refuses a body over the route limit from its declared length, unread', async () => {
    const answer = parse(
      await exchange(
        port,
        `POST /v1/elections/sample-2026/submissions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 900000000\r\n\r\n{`,
      ),
    );
    expect(answer).toEqual({ status: 413, json: shape('body_too_large') });
    expect(held.total).toBe(0);
  });
});
