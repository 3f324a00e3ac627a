import { describe, expect, it } from 'vitest';
import type { Election } from '../core/election.js';
import { Tally, type CountedSubmission } from '../core/tally.js';
import {
  acceptedEntry,
  sampleElectionWithMaps,
  sampleSubmission,
} from '../core/testonly/fixtures.js';
import { encodeVerifierKey, generateSigner } from '../log/note.js';
import { SnapshotBuilder } from './snapshot.js';

const made = generateSigner('tally.test');
if (!made.ok) throw new Error(made.error.message);
const signer = made.value;

const electionWithMaps = (): Election => sampleElectionWithMaps(['authority+00000000+AAAA']);

const accepted = acceptedEntry;

function setUp(): {
  election: Election;
  tally: Tally;
  builder: SnapshotBuilder;
  counted: CountedSubmission[];
} {
  const election = electionWithMaps();
  const tally = new Tally(election);
  tally.apply(accepted(sampleSubmission('n-1')));
  const builder = new SnapshotBuilder({
    election,
    signer,
    logVerifierKey: encodeVerifierKey(signer),
  });
  return { election, tally, builder, counted: [...tally.counted()] };
}

const text = (bytes: Uint8Array | undefined): string => new TextDecoder().decode(bytes);

describe('building a version', () => {
  it('refuses totals that leave out an accepted submission, and says where (Iowa 2020)', async () => {
    const { tally, builder, counted } = setUp();
    const missing: CountedSubmission = { leafIndex: 99, submission: sampleSubmission('s-1') };
    const built = await builder.build(
      tally,
      [...counted, missing],
      1,
      'checkpoint',
      '2026-11-03T21:00:05Z',
    );
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.error.code).toBe('totals_do_not_add_up');
    expect(built.error.message).toMatch(/refusing to publish/);
    const areas = (built.error.details?.['problems'] as { area: string }[]).map((p) => p.area);
    expect(areas).toEqual(expect.arrayContaining(['s-1', 'south', 'state']));
  });

  it('draws a map by county from the definition’s boundaries, with the same figures in a table', async () => {
    const { tally, builder, counted } = setUp();
    const built = await builder.build(tally, counted, 1, 'checkpoint', '2026-11-03T21:00:05Z');
    if (!built.ok) throw new Error(built.error.message);
    const page = built.value.files.find((f) => f.path === 'en/contest/governor.html');
    const html = text(page?.bytes ?? new Uint8Array());
    expect(html).toMatch(/<svg class="map"[^>]*aria-hidden="true"/);
    expect(html.match(/<path /g)).toHaveLength(2);
    expect(html).toContain('<title>North County: Ada Lovelace</title>');
    expect(html).toContain('<title>South County: No results yet</title>');
    expect(html).toContain('<caption>Governor: Results by area</caption>');
  });

  it('uses no inline script or style, so the site’s Content-Security-Policy can forbid them', async () => {
    const { tally, builder, counted } = setUp();
    const built = await builder.build(tally, counted, 1, 'checkpoint', '2026-11-03T21:00:05Z');
    if (!built.ok) throw new Error(built.error.message);
    for (const f of built.value.files.filter((x) => x.path.endsWith('.html'))) {
      const html = text(f.bytes);
      expect(html, f.path).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
      expect(html, f.path).not.toMatch(/\sstyle=/);
      expect(html, f.path).not.toMatch(/\son[a-z]+=/);
    }
  });

  it('names the contest, choices and units in the page’s language, and marks fallbacks', async () => {
    const { tally, builder, counted } = setUp();
    const built = await builder.build(tally, counted, 1, 'checkpoint', '2026-11-03T21:00:05Z');
    if (!built.ok) throw new Error(built.error.message);
    const fr = text(
      built.value.files.find((f) => f.path === 'fr/index.html')?.bytes ?? new Uint8Array(),
    );
    expect(fr).toContain('<html lang="fr"');
    // The sample names its units in English only: marked as English on the French page.
    expect(fr).toContain('<span lang="en">North County</span>');
  });
});
