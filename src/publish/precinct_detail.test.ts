// Precinct detail follows the headline: a version whose group files and pages of the areas above
// the precincts (a county's lists its precincts) would hold it up lists them as last built, each
// as of the log size it shows; the detail pass then brings them up to date for the next version.
// Every version verifies, the one whose detail lags included.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeLogEntry } from '../core/log_entry.js';
import { sampleSubmission } from '../core/testonly/fixtures.js';
import { compressedReader, directoryLister, publishedReader } from '../cli/site_reader.js';
import { testSigner } from '../log/testonly/signers.js';
import { recorded, sampleLog, sampleLogElection } from '../server/testonly/sample_log.js';
import { inProcessWorkers, verifySite } from '../verify/verify.js';
import { DirectoryContentStore } from './content_store.js';
import { Publisher } from './publisher.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

interface Listed {
  readonly logSize: number;
  readonly files: Record<string, { readonly asOf: number }>;
}

function manifestOf(site: string, version: number): Listed {
  const text = readFileSync(join(site, 'v', String(version), 'manifest.json'), 'utf8');
  return (JSON.parse(text) as { manifest: Listed }).manifest;
}

describe('precinct detail', () => {
  it('follows the headline in the next version, and every version verifies', async () => {
    const site = mkdtempSync(join(tmpdir(), 'tally-detail-'));
    dirs.push(site);
    const log = await sampleLog();
    const signer = testSigner('tally.test');
    // Any detail to bring up to date holds the headline up too long: it always follows.
    const publisher = new Publisher({
      election: sampleLogElection,
      log,
      signer,
      content: new DirectoryContentStore(site),
      inlineDetailMs: 0,
    });
    const report = async (unit: string, sequence: number) => {
      const added = await log.append([
        encodeLogEntry(recorded(sampleSubmission(unit, { sequence }))),
      ]);
      if (!added.ok) throw new Error(added.error.message);
      const note = log.checkpoint('tally.test/sample-2026', [signer]);
      if (!note.ok) throw new Error(note.error.message);
      const published = await publisher.request({ size: Number(log.size), note: note.value });
      if (!published.ok) throw new Error(published.error.message);
      return Number(log.size);
    };
    // The first version builds every group's files: there are none to list yet.
    const first = await report('s-1', 1);
    await publisher.settle();
    expect(publisher.publishedVersion).toBe(1);
    expect(manifestOf(site, 1).files['units/south.json']?.asOf).toBe(first);

    // s-2 reports: the headline says so at once; the south group's files are as they were.
    const second = await report('s-2', 2);
    const headline = manifestOf(site, 2);
    expect(headline.logSize).toBe(second);
    expect(headline.files['results.json']?.asOf).toBe(second);
    expect(headline.files['units/south.json']?.asOf).toBe(first);
    expect(headline.files['cdf/south.json']?.asOf).toBe(first);
    // The page that lists south's precincts, in each language; the summary, the contest pages and
    // the state's page (which lists counties) are headline.
    for (const lang of ['en', 'fr']) {
      expect(headline.files[`${lang}/unit/south.html`]?.asOf).toBe(first);
      expect(headline.files[`${lang}/unit/state.html`]?.asOf).toBe(second);
      expect(headline.files[`${lang}/index.html`]?.asOf).toBe(second);
    }

    // Then the detail pass: a version at the same checkpoint, listing the group's new files.
    await publisher.settle();
    expect(publisher.publishedVersion).toBe(3);
    const detail = manifestOf(site, 3);
    expect(detail.logSize).toBe(second);
    expect(detail.files['units/south.json']?.asOf).toBe(second);
    expect(detail.files['en/unit/south.html']?.asOf).toBe(second);
    expect(detail.files['fr/unit/south.html']?.asOf).toBe(second);
    const south = JSON.parse(readFileSync(join(site, 'v', '3', 'units', 'south.json'), 'utf8')) as {
      areas: { area: string; reporting: { reported: number } }[];
    };
    expect(south.areas.find((a) => a.area === 's-2')?.reporting.reported).toBe(1);

    const verify = (version?: number) =>
      verifySite(publishedReader(site), {
        logKeys: [signer],
        manifestKeys: [signer],
        workers: inProcessWorkers(2),
        readCompressed: compressedReader(site),
        list: directoryLister(site) ?? expect.unreachable(),
        ...(version === undefined ? {} : { version }),
      });
    const lagging = await verify(2);
    expect(lagging.problems).toEqual([]);
    expect(lagging).toMatchObject({ ok: true, version: 2, groupFilesBehind: 1, pagesBehind: 1 });
    const current = await verify();
    expect(current.problems).toEqual([]);
    expect(current).toMatchObject({ ok: true, version: 3, groupFilesBehind: 0, pagesBehind: 0 });
  });
});
