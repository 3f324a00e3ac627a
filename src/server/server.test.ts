import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateSigner } from '../log/note.js';
import { openStore } from '../store/store.js';
import { startServer } from './server.js';

describe('stopping the server', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('stops even when a client opened a connection and sent nothing on it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tally-server-'));
    const store = await openStore({ dialect: 'sqlite', file: join(dir, 'tally.db') });
    const logKey = generateSigner('tally.test');
    if (!logKey.ok) throw new Error(logKey.error.message);
    const server = await startServer({ store, logSigner: logKey.value });
    // What an HTTP client leaves behind when a send is cut off before its request went out: a
    // connection in its pool, open, on which nothing was sent. Node's HTTP server counts it as
    // busy, and alone would wait for it until its headers timeout, a minute later.
    const { hostname, port } = new URL(server.url);
    const client = connect(Number(port), hostname);
    await once(client, 'connect');
    const dropped = once(client, 'close');
    await server.close();
    await dropped;
    expect(client.destroyed).toBe(true);
    await store.close();
  }, 20_000);
});
