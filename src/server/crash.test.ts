// Crash safety: server processes are killed (SIGKILL) at random moments while county
// tabulators stream submissions; after every restart, everything acknowledged is in the log,
// every checkpoint published is consistent with the final log, and no submission is recorded
// twice. On PostgreSQL two servers share the database and take requests at once, so this also
// checks that two processes never fork the log. TALLY_CRASH_SUBMISSIONS and TALLY_CRASH_KILLS
// make it larger on demand.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, type JsonValue } from '../core/canonical_json.js';
import { decodeLogEntry } from '../core/log_entry.js';
import { openCheckpoint } from '../log/checkpoint.js';
import { encodeBase64 } from '../log/encoding.js';
import { leafHash } from '../log/hash.js';
import { encodeSignerKey, encodeVerifierKey, type Signer } from '../log/note.js';
import { verifyConsistency } from '../log/proof.js';
import { importElection, loadElection } from '../ingest/elections.js';
import { changeRosterMany } from '../ingest/roster.js';
import { signSubmission } from '../ingest/submit_client.js';
import { generateElection, generateSubmission, seededRandom } from '../sim/generate.js';
import { openStore } from '../store/store.js';
import { storeKinds, type TestStore } from '../store/testonly/stores.js';
import { buildCommand, startServeProcess, type ServeProcess } from './testonly/serve_process.js';
import { testSigner } from '../log/testonly/signers.js';

const SUBMISSIONS = Number(process.env['TALLY_CRASH_SUBMISSIONS'] ?? 1500);
const KILLS = Number(process.env['TALLY_CRASH_KILLS'] ?? 4);
const COUNTIES = 8;

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
      let logKey: Signer;
      /** Each county's submissions, in the order its sequence numbers rise. */
      const byCounty: string[][] = [];
      const acknowledged = new Map<string, Acknowledged>();
      const checkpoints = new Set<string>();

      beforeAll(async () => {
        buildCommand();
        dir = mkdtempSync(join(tmpdir(), 'tally-crash-'));
        t = kind.name === 'sqlite' ? await sqliteIn(dir) : await kind.create();
        const authority = signer('authority.crash');
        const election = generateElection({
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
        writeFileSync(join(dir, 'log-signer.key'), encodeSignerKey(logKey));
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

      it('loses nothing it acknowledged, forks nothing, and records nothing twice', async () => {
        const queues = byCounty.map((list) => [...list]);
        const left = (): number => queues.reduce((n, q) => n + q.length, 0);
        const total = left();
        let interrupted = 0;
        let kills = 0;
        const random = seededRandom(7);
        for (let round = 0; round <= KILLS && left() > 0; round++) {
          const finalRound = round === KILLS;
          const running: ServeProcess[] = [];
          for (let i = 0; i < servers; i++)
            running.push(await startServeProcess(dir, t.databaseUrl));
          const poller = setInterval(() => {
            for (const s of running) {
              void fetch(`${s.url}/v1/elections/crash/checkpoint`)
                .then(async (r) => (r.ok ? checkpoints.add(await r.text()) : undefined))
                .catch(() => undefined);
            }
          }, 50);
          // One server dies at a random moment; the round ends a little later (the other server,
          // if any, keeps taking submissions meanwhile) and whatever still runs is killed too.
          let over = false;
          const killer = finalRound
            ? undefined
            : setTimeout(
                () => {
                  kills++;
                  running[Math.floor(random() * running.length)]?.child.kill('SIGKILL');
                  setTimeout(() => {
                    over = true;
                  }, 200);
                },
                150 + Math.floor(random() * 500),
              );
          let turn = 0;
          const worker = async (queue: string[]): Promise<void> => {
            while (!over && queue.length > 0) {
              const live = running.filter((s) => s.alive());
              const server = live[turn++ % Math.max(1, live.length)];
              if (server === undefined) return;
              const body = queue[0]!;
              try {
                const { status, receipt } = await send(server.url, body);
                if (status >= 300 || receipt === undefined) {
                  throw new Error(`refused (HTTP ${status}): ${body.slice(0, 200)}`);
                }
                const previous = acknowledged.get(body);
                if (previous !== undefined) expect(receipt.leafIndex).toBe(previous.leafIndex);
                acknowledged.set(body, {
                  leafIndex: receipt.leafIndex,
                  leafHash: receipt.leafHash,
                });
                queue.shift();
              } catch (e) {
                if ((e as Error).message.startsWith('refused')) throw e;
                // Cut off mid-request: not acknowledged, so it is sent again (perhaps elsewhere).
                interrupted++;
              }
            }
          };
          await Promise.all(queues.map(worker));
          clearTimeout(killer);
          clearInterval(poller);
          if (finalRound) {
            // Identical re-sends after the crashes get their first receipts back, from any server.
            for (const [i, [body, ack]] of [...acknowledged.entries()].slice(0, 40).entries()) {
              const again = await send(running[i % running.length]!.url, body);
              expect(again.status).toBe(200);
              expect(again.receipt?.leafIndex).toBe(ack.leafIndex);
            }
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
        console.log(
          `crash test (${kind.name}, ${servers} server(s)): ${total} submissions, ${kills} kills, ${interrupted} requests cut off`,
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
          return [
            createHash('sha256')
              .update(canonicalJson(e.value.signed as unknown as JsonValue))
              .digest('hex'),
          ];
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
      }, 300_000);
    },
  );
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
