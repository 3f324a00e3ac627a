// The committed JSON Schemas of the results feeds are generated from the zod schemas, and this
// test keeps them equal, and checks a published feed against them with a JSON Schema validator
// (Ajv), as a journalist's program would. UPDATE_SCHEMAS=1 rewrites the files instead of failing.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import {
  acceptedEntry,
  statusEntry,
  sampleElection,
  sampleSubmission,
} from '../core/testonly/fixtures.js';
import { Tally } from '../core/tally.js';
import { FEED_SCHEMAS, feedJsonSchema, resultsFeed, unitResultsFeed } from './results_feed.js';

const regenerate = 'UPDATE_SCHEMAS=1 npx vitest run src/formats/results_feed_schema.test.ts';

const schemas = FEED_SCHEMAS;
const jsonSchema = feedJsonSchema;

describe('the results feeds’ JSON Schemas', () => {
  for (const s of schemas) {
    it(`schema/${s.file} is the one the zod schema generates`, async () => {
      const path = fileURLToPath(new URL(`../../schema/${s.file}`, import.meta.url));
      const options = (await resolveConfig(path)) ?? {};
      const generated = await format(JSON.stringify(jsonSchema(s), null, 2), {
        ...options,
        parser: 'json',
      });
      if (process.env['UPDATE_SCHEMAS'] === '1') writeFileSync(path, generated);
      let committed = '';
      try {
        committed = readFileSync(path, 'utf8');
      } catch {
        // Missing: fails below with the advice.
      }
      expect(committed, `schema/${s.file} is stale; regenerate it with: ${regenerate}`).toBe(
        generated,
      );
    });
  }

  it('accept the feeds Tally publishes, and refuse one with a negative count', () => {
    const election = sampleElection(['authority+00000000+AAAA']);
    const tally = new Tally(election);
    tally.apply(acceptedEntry(sampleSubmission('n-1')));
    tally.apply(statusEntry('governor', 'called', ['ada']));
    const ajv = new Ajv2020.default({ strict: false });
    const results = ajv.compile(jsonSchema(schemas[0]));
    const units = ajv.compile(jsonSchema(schemas[1]));
    const upper = tally.results().filter((r) => r.area === 'state' || r.area === 'north');
    const feed = resultsFeed(
      election,
      { version: 1, generatedAt: '2026-11-03T21:00:01Z', logSize: 9 },
      upper,
      tally.statuses(),
    );
    expect(results(feed), JSON.stringify(results.errors)).toBe(true);
    expect(feed.contests.map((c) => c.status)).toEqual([
      {
        status: 'called',
        winners: ['ada'],
        entry: 1,
        time: '2026-11-03T22:00:00Z',
        by: 'director',
        reason: 'every precinct is in and the margin is beyond any recount',
      },
      { status: 'unofficial' },
      { status: 'unofficial' },
    ]);
    const unitFeed = unitResultsFeed(election, 9, { id: 'north', parent: 'north' }, [
      tally.area('n-1')!,
    ]);
    expect(units(unitFeed), JSON.stringify(units.errors)).toBe(true);
    const broken = structuredClone(feed);
    broken.areas[0]!.contests[0]!.total.counts['ada'] = -1;
    expect(results(broken)).toBe(false);
  });
});
