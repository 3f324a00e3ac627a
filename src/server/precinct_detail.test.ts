// Precinct detail that follows the headline reaches readers on its own: the version that brings
// it up to date is published with no new checkpoint (nothing new was logged), and the server's
// next tick must still announce it to the public plane.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleElection, sampleSubmission } from '../core/testonly/fixtures.js';
import type { Current, SignedManifest } from '../formats/manifest.js';
import { importWithKeys, postSample } from '../ingest/testonly/sample_store.js';
import { encodeVerifierKey } from '../log/note.js';
import { testSigner } from '../log/testonly/signers.js';
import { openStore, type Store } from '../store/store.js';
import { startServer, type RunningServer } from './server.js';

describe('precinct detail on the public plane', () => {
  let dir: string;
  let store: Store;
  let server: RunningServer;
  const keys = {
    n1: testSigner('n-1.app'),
    s1: testSigner('s-1.app'),
    s2: testSigner('s-2.app'),
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tally-detail-server-'));
    store = await openStore({ dialect: 'sqlite', file: join(dir, 'tally.db') });
    const authority = testSigner('authority.sample');
    await importWithKeys(store, sampleElection([encodeVerifierKey(authority)]), authority, [
      ['n-1', keys.n1],
      ['s-1', keys.s1],
      ['s-2', keys.s2],
    ]);
    server = await startServer({
      store,
      logSigner: testSigner('tally.test'),
      // Long enough that the detail version is out before the next tick asks again.
      checkpointEveryMs: 300,
      // Precinct detail never goes into the version of a new checkpoint: it always follows.
      publish: { siteDir: join(dir, 'site'), port: 0, thread: false, inlineDetailMs: 0 },
    });
  }, 60_000);

  afterAll(async () => {
    await server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** What a reader polling the public plane sees: each version's log size and what it lists. */
  const served = async (): Promise<{
    version: number;
    logSize: number;
    files: SignedManifest['manifest']['files'];
  }> => {
    const base = `${server.publicUrl ?? ''}/sample-2026/`;
    const current = (await (await fetch(`${base}current.json`)).json()) as Current;
    const { manifest } = (await (
      await fetch(`${base}${current.path}manifest.json`)
    ).json()) as SignedManifest;
    return { version: current.version, logSize: current.logSize, files: manifest.files };
  };

  /** Polls the public plane until `done` holds of what it serves, keeping every version seen. */
  const until = async (
    done: (v: Awaited<ReturnType<typeof served>>) => boolean,
    seen: Awaited<ReturnType<typeof served>>[],
  ): Promise<void> => {
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const v = await served().catch(() => undefined);
      if (v !== undefined) {
        if (seen.at(-1)?.version !== v.version) seen.push(v);
        if (done(v)) return;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    throw new Error(`not served within 20 s; versions seen: ${JSON.stringify(seen)}`);
  };

  /** Whether south's precinct detail (files and page) shows what the headline does. */
  const southCaughtUp = (v: Awaited<ReturnType<typeof served>>): boolean =>
    ['units/south.json', 'cdf/south.json', 'en/unit/south.html', 'fr/unit/south.html'].every(
      (path) => v.files[path]?.asOf === v.files['results.json']?.asOf,
    );

  it(
    'announces the version that brings it up to date, with no new checkpoint',
    { timeout: 60_000 },
    async () => {
      expect(await postSample(server.url, sampleSubmission('n-1'), keys.n1)).toBe(201);
      expect(await postSample(server.url, sampleSubmission('s-1'), keys.s1)).toBe(201);
      await server.checkpointNow();
      const seen: Awaited<ReturnType<typeof served>>[] = [];
      // Everything before s-2 is published, its precinct detail too.
      const before = (await served()).logSize;
      await until(southCaughtUp, seen);

      expect(await postSample(server.url, sampleSubmission('s-2'), keys.s2)).toBe(201);
      // The headline counts s-2 at once; south's files and page then catch up, in a version of
      // the same log size that only a tick of the server announces.
      await until((v) => v.logSize > before && southCaughtUp(v), seen);
      const headline = seen.find((v) => v.logSize > before);
      const last = seen.at(-1);
      expect(headline?.files['units/south.json']?.asOf).toBeLessThan(headline?.logSize ?? 0);
      expect(last?.logSize).toBe(headline?.logSize);
      expect(last?.version).toBeGreaterThan(headline?.version ?? Infinity);
    },
  );
});
