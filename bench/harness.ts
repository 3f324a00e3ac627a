// What the benchmarks that drive `tally serve` share: a generated election with a key per unit
// and a signed submission each, a store set up with them, the server as its own process, and
// HTTP posts.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Agent } from 'node:http';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { Election } from '../src/core/election.js';
import { importElection } from '../src/ingest/elections.js';
import { changeRosterMany } from '../src/ingest/roster.js';
import { signSubmission } from '../src/ingest/submit_client.js';
import { encodeVerifierKey, generateSigner, type Signer } from '../src/log/note.js';
import { generateElection, generateSubmission, seededRandom } from '../src/sim/generate.js';
import { openStore, type StoreConfig } from '../src/store/store.js';

const root = join(import.meta.dirname, '..', '..');

export function signer(name: string): Signer {
  const s = generateSigner(name);
  if (!s.ok) throw new Error(s.error.message);
  return s.value;
}

export interface Prepared {
  readonly election: Election;
  readonly authority: Signer;
  readonly unitKeys: readonly Signer[];
  readonly bodies: readonly string[];
}

/** The benchmarks' election: `units` precincts in counties of a thousand, ten contests. */
export function benchElection(units: number, authority: Signer): Election {
  const counties = Math.max(1, Math.round(units / 1000));
  return generateElection({
    release: { beforeRelease: 'publish' },
    id: 'bench',
    counties,
    precinctsPerCounty: Math.ceil(units / counties),
    contests: 10,
    authorityKeys: [encodeVerifierKey(authority)],
  });
}

/** An election of `units` reporting units with ten contests, a key per unit, a signed body each. */
export function prepare(units: number): Prepared {
  const authority = signer('authority.bench');
  const election = benchElection(units, authority);
  const reporting = election.reportingUnits.slice(0, units);
  const random = seededRandom(1);
  const unitKeys = reporting.map((u) => signer(`bench.${u}`));
  const bodies = reporting.map((unit, i) =>
    JSON.stringify(
      signSubmission(generateSubmission(election, unit, random), unitKeys[i] as Signer),
    ),
  );
  return { election, authority, unitKeys, bodies };
}

/** Imports the election and certifies every unit's key. */
export async function setUpStore(config: StoreConfig, prepared: Prepared): Promise<void> {
  const store = await openStore(config);
  try {
    const imported = await importElection(store, prepared.election, new Date());
    if (!imported.ok) throw new Error(imported.error.message);
    const units = prepared.election.reportingUnits;
    for (let at = 0; at < prepared.unitKeys.length; at += 5000) {
      const changes = prepared.unitKeys.slice(at, at + 5000).map((key, i) => ({
        action: 'certify' as const,
        unit: units[at + i] as string,
        key: encodeVerifierKey(key),
      }));
      const done = await changeRosterMany(
        imported.value.ledger,
        prepared.election,
        prepared.authority,
        changes,
        new Date(),
      );
      if (!done.ok) throw new Error(done.error.message);
    }
  } finally {
    await store.close();
  }
}

/** `tally serve` as its own process, as in production; `extra` adds options. */
export function startServer(
  dataDir: string,
  databaseUrl: string | undefined,
  extra: readonly string[] = ['--no-publish'],
): Promise<{ child: ChildProcessByStdio<null, Readable, Readable>; port: number }> {
  const env = { ...process.env };
  if (databaseUrl === undefined) delete env['DATABASE_URL'];
  else env['DATABASE_URL'] = databaseUrl;
  const child = spawn(
    process.execPath,
    [
      // e.g. BENCH_SERVER_NODE_ARGS=--cpu-prof to profile the server
      ...(process.env['BENCH_SERVER_NODE_ARGS'] ?? '').split(' ').filter(Boolean),
      join(root, 'dist/src/cli/main.js'),
      'serve',
      '--data-dir',
      dataDir,
      '--port',
      '0',
      '--quiet',
      ...extra,
      ...(process.env['BENCH_CHECK_WORKERS'] === undefined
        ? []
        : ['--check-workers', process.env['BENCH_CHECK_WORKERS']]),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (match?.[1] !== undefined) resolve({ child, port: Number(match[1]) });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    if (process.env['BENCH_SERVER_STDERR'] !== undefined) child.stderr.pipe(process.stderr);
    child.on('exit', (code) => {
      reject(new Error(`server exited (${String(code)}): ${out}`));
    });
  });
}

export function post(
  agent: Agent,
  port: number,
  path: string,
  type: string,
  body: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port,
        method: 'POST',
        path,
        headers: { 'content-type': type, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A port nothing listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}
