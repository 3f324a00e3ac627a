// Crash safety: the server process is killed (SIGKILL) at random moments while a client streams
// submissions; after every restart, everything it acknowledged is in the log, every checkpoint
// it published is consistent with the final log, and no submission is recorded twice.
// TALLY_CRASH_SUBMISSIONS and TALLY_CRASH_KILLS make it larger on demand.
import { spawn, execFileSync, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, type JsonValue } from '../core/canonical_json.js';
import { decodeLogEntry } from '../core/log_entry.js';
import { openCheckpoint } from '../log/checkpoint.js';
import { encodeBase64 } from '../log/encoding.js';
import { leafHash } from '../log/hash.js';
import { encodeSignerKey, encodeVerifierKey, generateSigner, type Signer } from '../log/note.js';
import { verifyConsistency } from '../log/proof.js';
import { importElection, loadElection } from '../ingest/elections.js';
import { changeRoster } from '../ingest/roster.js';
import { signSubmission } from '../ingest/submit_client.js';
import { generateElection, generateSubmission, seededRandom } from '../sim/generate.js';
import { openStore, type Store } from '../store/store.js';
import { writeFileSync } from 'node:fs';

const SUBMISSIONS = Number(process.env['TALLY_CRASH_SUBMISSIONS'] ?? 1500);
const KILLS = Number(process.env['TALLY_CRASH_KILLS'] ?? 4);
const COUNTIES = 8;
const root = join(import.meta.dirname, '..', '..');

function signer(name: string): Signer {
  const s = generateSigner(name);
  if (!s.ok) throw new Error(s.error.message);
  return s.value;
}

interface Acknowledged {
  readonly body: string;
  readonly leafIndex: number;
  readonly leafHash: string;
}

function startServer(
  dataDir: string,
): Promise<{ child: ChildProcessByStdio<null, Readable, Readable>; url: string }> {
  const child = spawn(
    process.execPath,
    [join(root, 'dist/src/cli/main.js'), 'serve', '--data-dir', dataDir, '--port', '0', '--quiet'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1] !== undefined) resolve({ child, url: match[1] });
    });
    child.stderr.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('exit', (code) => {
      reject(new Error(`server exited (${String(code)}) before listening: ${out}`));
    });
  });
}

describe('the server killed at random moments', () => {
  let dir: string;
  const bodies: string[] = [];
  /** Each county's submissions, in the order its sequence numbers rise. */
  const byCounty = new Map<string, string[]>();
  const acknowledged = new Map<string, Acknowledged>();
  const checkpoints: string[] = [];
  let logKey: Signer;

  beforeAll(async () => {
    // The test runs the built command, as an operator would.
    execFileSync(process.execPath, [
      join(root, 'node_modules/typescript/bin/tsc'),
      '-p',
      join(root, 'tsconfig.build.json'),
    ]);
    dir = mkdtempSync(join(tmpdir(), 'tally-crash-'));
    const authority = signer('authority.crash');
    const election = generateElection({
      id: 'crash',
      counties: COUNTIES,
      precinctsPerCounty: Math.ceil(SUBMISSIONS / (3 * COUNTIES)),
      contests: 10,
      authorityKeys: [encodeVerifierKey(authority)],
    });
    const store = await openStore({ dialect: 'sqlite', file: join(dir, 'tally.db') });
    const imported = await importElection(store, election, new Date());
    if (!imported.ok) throw new Error(imported.error.message);
    const counties = new Map<string, Signer>();
    for (const county of election.children.get('state') ?? []) {
      const key = signer(`${county}.tabulator`);
      const r = await changeRoster(
        store,
        election,
        imported.value.log,
        authority,
        { action: 'certify', unit: county, key: encodeVerifierKey(key) },
        new Date(),
      );
      if (!r.ok) throw new Error(r.error.message);
      counties.set(county, key);
    }
    await store.close();
    logKey = signer('tally.crash');
    writeFileSync(join(dir, 'log-signer.key'), encodeSignerKey(logKey));
    const random = seededRandom(42);
    const sequences = new Map<string, number>();
    outer: for (const voteType of ['election-day', 'early', 'mail']) {
      for (const unit of election.reportingUnits) {
        if (bodies.length >= SUBMISSIONS) break outer;
        const county = election.units.get(unit)?.parent ?? '';
        const sequence = (sequences.get(county) ?? 0) + 1;
        sequences.set(county, sequence);
        const submission = generateSubmission(election, unit, random, { voteType, sequence });
        const body = JSON.stringify(signSubmission(submission, counties.get(county)!));
        bodies.push(body);
        byCounty.set(county, [...(byCounty.get(county) ?? []), body]);
      }
    }
  }, 120_000);

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('loses nothing it acknowledged, forks nothing, and records nothing twice', async () => {
    // Each county's tabulator sends its submissions in order (its sequence numbers rise), one at
    // a time; the counties send in parallel.
    const queues = [...byCounty.values()].map((list) => [...list]);
    const left = (): number => queues.reduce((n, q) => n + q.length, 0);
    let interrupted = 0;
    let kills = 0;
    const random = seededRandom(7);
    for (let round = 0; round <= KILLS && left() > 0; round++) {
      const { child, url } = await startServer(dir);
      const finalRound = round === KILLS;
      const server = { alive: true };
      child.on('exit', () => {
        server.alive = false;
      });
      const poller = setInterval(() => {
        void fetch(`${url}/v1/elections/crash/checkpoint`)
          .then(async (r) => (r.ok ? checkpoints.push(await r.text()) : 0))
          .catch(() => undefined);
      }, 50);
      const killer = finalRound
        ? undefined
        : setTimeout(
            () => {
              kills++;
              child.kill('SIGKILL');
            },
            150 + Math.floor(random() * 500),
          );
      const worker = async (queue: string[]): Promise<void> => {
        while (server.alive && queue.length > 0) {
          const body = queue.shift()!;
          try {
            const response = await fetch(`${url}/v1/elections/crash/submissions`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body,
            });
            const json = (await response.json()) as {
              receipt?: { leafIndex: number; leafHash: string; status: string };
            };
            if (response.status >= 300 || json.receipt === undefined)
              throw new Error(`refused: ${JSON.stringify(json)}`);
            const previous = acknowledged.get(body);
            if (previous !== undefined) expect(json.receipt.leafIndex).toBe(previous.leafIndex);
            acknowledged.set(body, {
              body,
              leafIndex: json.receipt.leafIndex,
              leafHash: json.receipt.leafHash,
            });
          } catch (e) {
            if ((e as Error).message.startsWith('refused')) throw e;
            // Killed mid-request: not acknowledged, so it goes back in the queue.
            interrupted++;
            queue.unshift(body);
            return;
          }
        }
      };
      await Promise.all(queues.map(worker));
      clearTimeout(killer);
      clearInterval(poller);
      if (finalRound) {
        // Identical re-sends after the crashes get their first receipts back.
        for (const ack of [...acknowledged.values()].slice(0, 50)) {
          const again = await fetch(`${url}/v1/elections/crash/submissions`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: ack.body,
          });
          const json = (await again.json()) as { receipt: { leafIndex: number } };
          expect(again.status).toBe(200);
          expect(json.receipt.leafIndex).toBe(ack.leafIndex);
        }
        child.kill('SIGTERM');
      } else if (server.alive) {
        child.kill('SIGKILL');
      }
      if (child.exitCode === null && child.signalCode === null) {
        await new Promise((resolve) => child.once('exit', resolve));
      }
    }
    expect(left()).toBe(0);
    // The kills landed while submissions were in flight.
    expect(kills).toBeGreaterThan(0);
    expect(interrupted).toBeGreaterThan(0);
    console.log(
      `crash test: ${bodies.length} submissions, ${kills} kills, ${interrupted} requests cut off`,
    );
    expect(acknowledged.size).toBe(bodies.length);

    const store: Store = await openStore({ dialect: 'sqlite', file: join(dir, 'tally.db') });
    try {
      const loaded = await loadElection(store, 'crash');
      if (!loaded.ok) throw new Error(loaded.error.message);
      const log = loaded.value.log;
      const size = Number(log.size);
      const entries = await log.entries(0n, size);
      if (!entries.ok) throw new Error(entries.error.message);
      // Everything acknowledged is in the log, where its receipt says.
      for (const ack of acknowledged.values()) {
        const entry = entries.value[ack.leafIndex]!;
        expect(encodeBase64(leafHash(entry))).toBe(ack.leafHash);
      }
      // No submission twice.
      const digests = entries.value
        .map((e) => decodeLogEntry(e))
        .filter((e) => e.ok && e.value.type === 'submission')
        .map((e) =>
          e.ok && e.value.type === 'submission'
            ? createHash('sha256')
                .update(canonicalJson(e.value.signed as unknown as JsonValue))
                .digest('hex')
            : '',
        );
      expect(new Set(digests).size).toBe(digests.length);
      expect(digests.length).toBe(bodies.length);
      // Every checkpoint published before, between and after the crashes is a prefix of the log.
      expect(checkpoints.length).toBeGreaterThan(0);
      for (const note of new Set(checkpoints)) {
        const checkpoint = openCheckpoint(note, [logKey], 'tally.crash/crash');
        if (!checkpoint.ok) throw new Error(checkpoint.error.message);
        const proof = await log.consistencyProof(checkpoint.value.size);
        if (!proof.ok) throw new Error(proof.error.message);
        expect(
          verifyConsistency(
            checkpoint.value.size,
            log.size,
            proof.value,
            checkpoint.value.root,
            log.root(),
          ).ok,
        ).toBe(true);
      }
    } finally {
      await store.close();
    }
  }, 300_000);
});
