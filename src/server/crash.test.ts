// Crash safety: server processes are killed (SIGKILL) at moments spread over the whole run while
// county tabulators stream submissions, half of them one per request and half in batches (whose
// lines arrive together and are committed in groups of more than eight); after every restart,
// everything acknowledged is in the log, every checkpoint published is consistent with the final
// log, no submission is recorded twice, and the results site each server published verifies as
// `tally verify` would verify it. On PostgreSQL two servers share the database and take requests
// at once, so this also checks that two processes never fork the log. TALLY_CRASH_SUBMISSIONS
// and TALLY_CRASH_KILLS make it larger on demand.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, type JsonValue } from '../core/canonical_json.js';
import { decodeLogEntry } from '../core/log_entry.js';
import { sha256Hex } from '../core/sha256.js';
import { publishedReader } from '../cli/site_reader.js';
import { openCheckpoint } from '../log/checkpoint.js';
import { encodeBase64 } from '../log/encoding.js';
import { leafHash } from '../log/hash.js';
import { encodeSignerKey, encodeVerifierKey, parseVerifierKey, type Signer } from '../log/note.js';
import { verifyConsistency } from '../log/proof.js';
import { importElection, loadElection } from '../ingest/elections.js';
import { changeRosterMany } from '../ingest/roster.js';
import { signSubmission } from '../ingest/submit_client.js';
import { generateElection, generateSubmission, seededRandom } from '../sim/generate.js';
import { openStore } from '../store/store.js';
import { storeKinds, type TestStore } from '../store/testonly/stores.js';
import { verifySite } from '../verify/verify.js';
import { startServeProcess, type ServeProcess } from './testonly/serve_process.js';
import { testSigner } from '../log/testonly/signers.js';

const SUBMISSIONS = Number(process.env['TALLY_CRASH_SUBMISSIONS'] ?? 1500);
const KILLS = Number(process.env['TALLY_CRASH_KILLS'] ?? 4);
const COUNTIES = 16;
/** The lines a batching county sends at most in one request. */
const BATCH_LINES = 25;

const signer = testSigner;

interface Acknowledged {
  readonly leafIndex: number;
  readonly leafHash: string;
}

interface Receipt {
  readonly leafIndex: number;
  readonly leafHash: string;
}

for (const kind of storeKinds) {
  // SQLite is one process's store; PostgreSQL is shared by two servers at once.
  const servers = kind.name === 'postgres' ? 2 : 1;

  describe.skipIf(!kind.available)(
    `${servers} server(s) on ${kind.name} killed at random moments`,
    () => {
      let t: TestStore;
      let dir: string;
      /** Each server's data directory: its key, and the results site it publishes. */
      const dataDirs: string[] = [];
      let logKey: Signer;
      /** Each county's submissions, in the order its sequence numbers rise. */
      const byCounty: string[][] = [];
      const acknowledged = new Map<string, Acknowledged>();
      const checkpoints = new Set<string>();

      beforeAll(async () => {
        dir = mkdtempSync(join(tmpdir(), 'tally-crash-'));
        t = kind.name === 'sqlite' ? await sqliteIn(dir) : await kind.create();
        const authority = signer('authority.crash');
        const election = generateElection({
          release: { beforeRelease: 'publish' },
          id: 'crash',
          counties: COUNTIES,
          precinctsPerCounty: Math.ceil(SUBMISSIONS / (3 * COUNTIES)),
          contests: 10,
          authorityKeys: [encodeVerifierKey(authority)],
        });
        const imported = await importElection(t.store, election, new Date());
        if (!imported.ok) throw new Error(imported.error.message);
        const counties = (election.children.get('state') ?? []).map((county) => ({
          county,
          key: signer(`${county}.tabulator`),
        }));
        const certified = await changeRosterMany(
          imported.value.ledger,
          election,
          authority,
          counties.map((c) => ({
            action: 'certify',
            unit: c.county,
            key: encodeVerifierKey(c.key),
          })),
          new Date(),
        );
        if (!certified.ok) throw new Error(certified.error.message);
        logKey = signer('tally.crash');
        for (let i = 0; i < servers; i++) {
          const own = servers === 1 ? dir : join(dir, `server-${String(i)}`);
          mkdirSync(own, { recursive: true });
          writeFileSync(join(own, 'log-signer.key'), encodeSignerKey(logKey));
          dataDirs.push(own);
        }
        const random = seededRandom(42);
        const queues = new Map(counties.map((c) => [c.county, [] as string[]]));
        let made = 0;
        outer: for (const voteType of ['election-day', 'early', 'mail']) {
          for (const unit of election.reportingUnits) {
            if (made++ >= SUBMISSIONS) break outer;
            const county = election.units.get(unit)?.parent ?? '';
            const queue = queues.get(county)!;
            const key = counties.find((c) => c.county === county)!.key;
            const submission = generateSubmission(election, unit, random, {
              voteType,
              sequence: queue.length + 1,
            });
            queue.push(JSON.stringify(signSubmission(submission, key)));
          }
        }
        byCounty.push(...queues.values());
      }, 120_000);

      afterAll(async () => {
        await t.dispose();
        rmSync(dir, { recursive: true, force: true });
      });

      async function send(
        url: string,
        body: string,
      ): Promise<{ status: number; receipt?: Receipt }> {
        const response = await fetch(`${url}/v1/elections/crash/submissions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        const json = (await response.json()) as { receipt?: Receipt };
        return {
          status: response.status,
          ...(json.receipt === undefined ? {} : { receipt: json.receipt }),
        };
      }

      /** A county's next lines in one batch: each line's status and receipt, in order. */
      async function sendBatch(
        url: string,
        lines: readonly string[],
      ): Promise<{ status: number; receipt?: Receipt }[]> {
        const response = await fetch(`${url}/v1/elections/crash/submission-batches`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-ndjson' },
          body: lines.join('\n'),
        });
        const json = (await response.json()) as {
          results?: { status: number; receipt?: Receipt }[];
        };
        if (response.status !== 200 || json.results?.length !== lines.length) {
          throw new Error(`refused (HTTP ${String(response.status)}): ${JSON.stringify(json)}`);
        }
        return json.results;
      }

      it('loses nothing it acknowledged, forks nothing, and records nothing twice', async () => {
        const queues = byCounty.map((list) => [...list]);
        const left = (): number => queues.reduce((n, q) => n + q.length, 0);
        const total = left();
        let interrupted = 0;
        let kills = 0;
        const random = seededRandom(7);
        // Kill k is due once about k/(KILLS+1) of the submissions are acknowledged: the kills
        // fall over the whole run, not only at its start.
        const killDue = Array.from({ length: KILLS }, (_, k) =>
          Math.round((total * (k + 1)) / (KILLS + 1) + (random() - 0.5) * (total / 20)),
        );
        const acknowledge = (body: string, receipt: Receipt): void => {
          const previous = acknowledged.get(body);
          if (previous !== undefined) expect(receipt.leafIndex).toBe(previous.leafIndex);
          acknowledged.set(body, { leafIndex: receipt.leafIndex, leafHash: receipt.leafHash });
        };
        let largestBatch = 0;
        for (let round = 0; round <= KILLS && left() > 0; round++) {
          const finalRound = round === KILLS;
          const running: ServeProcess[] = [];
          for (let i = 0; i < servers; i++)
            running.push(await startServeProcess(dataDirs[i]!, t.databaseUrl));
          const poller = setInterval(() => {
            for (const s of running) {
              void fetch(`${s.url}/v1/elections/crash/checkpoint`)
                .then(async (r) => (r.ok ? checkpoints.add(await r.text()) : undefined))
                .catch(() => undefined);
            }
          }, 50);
          // When this round's kill is due, one server dies; the round ends a little later (the
          // other server, if any, keeps taking submissions meanwhile) and whatever still runs is
          // killed too.
          let over = false;
          let killed = false;
          const killIfDue = (): void => {
            if (finalRound || killed || total - left() < (killDue[round] ?? Infinity)) return;
            killed = true;
            kills++;
            running[Math.floor(random() * running.length)]?.child.kill('SIGKILL');
            setTimeout(() => {
              over = true;
            }, 200);
          };
          let turn = 0;
          const worker = async (queue: string[], batching: boolean): Promise<void> => {
            while (!over && queue.length > 0) {
              const live = running.filter((s) => s.alive());
              const server = live[turn++ % Math.max(1, live.length)];
              if (server === undefined) return;
              const lines = queue.slice(0, batching ? BATCH_LINES : 1);
              try {
                if (batching) {
                  const results = await sendBatch(server.url, lines);
                  results.forEach(({ status, receipt }, i) => {
                    if (status >= 300 || receipt === undefined) {
                      throw new Error(
                        `refused (HTTP ${String(status)}): ${lines[i]!.slice(0, 200)}`,
                      );
                    }
                    acknowledge(lines[i]!, receipt);
                  });
                  largestBatch = Math.max(largestBatch, lines.length);
                } else {
                  const { status, receipt } = await send(server.url, lines[0]!);
                  if (status >= 300 || receipt === undefined) {
                    throw new Error(`refused (HTTP ${String(status)}): ${lines[0]!.slice(0, 200)}`);
                  }
                  acknowledge(lines[0]!, receipt);
                }
                queue.splice(0, lines.length);
                killIfDue();
              } catch (e) {
                if ((e as Error).message.startsWith('refused')) throw e;
                // Cut off mid-request: not acknowledged, so it is sent again (perhaps elsewhere).
                interrupted++;
              }
            }
          };
          await Promise.all(queues.map((queue, i) => worker(queue, i % 2 === 1)));
          clearInterval(poller);
          if (finalRound) {
            // Identical re-sends after the crashes get their first receipts back, from any server.
            for (const [i, [body, ack]] of [...acknowledged.entries()].slice(0, 40).entries()) {
              const again = await send(running[i % running.length]!.url, body);
              expect(again.status).toBe(200);
              expect(again.receipt?.leafIndex).toBe(ack.leafIndex);
            }
            // The whole log is published before the servers stop. (With two servers, each
            // publishes the checkpoints it makes itself: one of them has the whole log.)
            await publishedAll(running);
            for (const s of running) s.child.kill('SIGTERM');
          } else {
            for (const s of running) s.child.kill('SIGKILL');
          }
          await Promise.all(running.map((s) => s.exited));
        }
        expect(left()).toBe(0);
        // The kills landed while submissions were in flight.
        expect(kills).toBeGreaterThan(0);
        expect(interrupted).toBeGreaterThan(0);
        // Batches reach the server whole: groups of more than eight are committed at once.
        expect(largestBatch).toBeGreaterThan(8);
        console.log(
          `crash test (${kind.name}, ${servers} server(s)): ${total} submissions, ${kills} kills (due at ${killDue.join(', ')} acknowledged), ${interrupted} requests cut off`,
        );
        expect(acknowledged.size).toBe(total);

        const loaded = await loadElection(t.store, 'crash');
        if (!loaded.ok) throw new Error(loaded.error.message);
        const { log } = loaded.value.ledger;
        const entries = await log.entries(0n, Number(log.size));
        if (!entries.ok) throw new Error(entries.error.message);
        // Everything acknowledged is in the log, where its receipt says.
        for (const ack of acknowledged.values()) {
          expect(encodeBase64(leafHash(entries.value[ack.leafIndex]!))).toBe(ack.leafHash);
        }
        // No submission twice.
        const digests = entries.value.flatMap((bytes) => {
          const e = decodeLogEntry(bytes);
          if (!e.ok || e.value.type !== 'submission') return [];
          return [sha256Hex(canonicalJson(e.value.signed as unknown as JsonValue))];
        });
        expect(new Set(digests).size).toBe(digests.length);
        expect(digests.length).toBe(total);
        // Every checkpoint published, by any server, before, between or after the kills, is a
        // prefix of the final log.
        expect(checkpoints.size).toBeGreaterThan(0);
        for (const note of checkpoints) {
          const checkpoint = openCheckpoint(note, [logKey], 'tally.crash/crash');
          if (!checkpoint.ok) throw new Error(checkpoint.error.message);
          const proof = await log.consistencyProof(checkpoint.value.size);
          if (!proof.ok) throw new Error(proof.error.message);
          const { size, root } = checkpoint.value;
          expect(verifyConsistency(size, log.size, proof.value, root, log.root()).ok).toBe(true);
        }
        // Each server's results site, as `tally verify` checks it: every file, every number.
        const verifier = parseVerifierKey(encodeVerifierKey(logKey));
        if (!verifier.ok) throw new Error(verifier.error.message);
        const counted: number[] = [];
        for (const own of dataDirs) {
          const report = await verifySite(publishedReader(join(own, 'site', 'crash')), {
            logKeys: [verifier.value],
            manifestKeys: [verifier.value],
          });
          expect(report.problems).toEqual([]);
          expect(report.ok).toBe(true);
          counted.push(report.submissionsCounted);
        }
        expect(Math.max(...counted)).toBe(total);
      }, 420_000);
    },
  );
}

/** Resolves once one of the servers' public planes serves a version of the whole log. */
async function publishedAll(servers: readonly ServeProcess[]): Promise<void> {
  const first = servers[0]!;
  const checkpoint = await (await fetch(`${first.url}/v1/elections/crash/checkpoint`)).text();
  const size = Number(checkpoint.split('\n')[1]);
  const published = async (server: ServeProcess): Promise<number> => {
    const response = await fetch(`${server.publicUrl}/crash/current.json`);
    return response.ok ? ((await response.json()) as { logSize: number }).logSize : 0;
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    const sizes = await Promise.all(servers.map(published));
    if (Math.max(...sizes) >= size) return;
    if (Date.now() > deadline) {
      throw new Error(`no version of the log's ${String(size)} entries (${sizes.join(', ')})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The SQLite store in the directory the server will use. */
async function sqliteIn(dir: string): Promise<TestStore> {
  const store = await openStore({ dialect: 'sqlite', file: join(dir, 'tally.db') });
  return {
    store,
    reopen: () => openStore({ dialect: 'sqlite', file: join(dir, 'tally.db') }),
    dispose: () => store.close(),
  };
}
