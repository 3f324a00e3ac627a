import { describe, expect, it } from 'vitest';
import { canonicalJson, type JsonValue } from '../core/canonical_json.js';
import { parseElectionDefinition, type Election } from '../core/election.js';
import { sha256Hex } from '../core/sha256.js';
import type { Submission } from '../core/submission.js';
import { Tally, type CountedSubmission } from '../core/tally.js';
import {
  acceptedEntry,
  caucusElection,
  caucusSubmission,
  sampleDefinition,
  sampleElectionWithMaps,
  sampleSubmission,
  statusEntry,
  withMeasureRule,
} from '../core/testonly/fixtures.js';
import type { LogEntry } from '../core/log_entry.js';
import { MANIFEST_CONTEXT } from '../formats/manifest.js';
import { ResultsFeed, UnitResultsFeed } from '../formats/results_feed.js';
import { verifyCanonical } from '../log/envelope.js';
import { encodeVerifierKey, generateSigner, parseVerifierKey } from '../log/note.js';
import {
  buildFeeds,
  buildPages,
  buildParameters,
  signVersion,
  SnapshotBuilder,
  VersionFiles,
  type BuiltFile,
  type VersionInput,
} from './snapshot.js';
import { paletteColour } from './map.js';
import { pagePaths, UNIT_RESULTS_UP_TO, unitsWithPages, type SiteInput } from './site.js';
import { generateElection } from '../sim/generate.js';

const made = generateSigner('tally.test');
if (!made.ok) throw new Error(made.error.message);
const signer = made.value;

const electionWithMaps = (): Election => sampleElectionWithMaps(['authority+00000000+AAAA']);

const accepted = acceptedEntry;

/** The sample election, held in a time zone. */
function electionIn(timeZone: string): Election {
  const parsed = parseElectionDefinition({
    ...sampleDefinition(['authority+00000000+AAAA']),
    timeZone,
  });
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

const AT = '2026-11-03T21:00:05Z';
const stamp = { version: 1, checkpoint: 'checkpoint', generatedAt: AT, timeAt: () => AT };

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

/** South 1's report of measure 1 alone, where No leads: yes 100, no 400. */
const southAgainstMeasure = sampleSubmission('s-1', {
  contests: [
    {
      contest: 'measure-1',
      counts: { yes: 100, no: 400 },
      ballotsCast: 500,
      overvotes: 0,
      undervotes: 0,
    },
  ],
});

/**
 * A version of `election` counting these submissions (entries 0, 1, …): its files' text by path,
 * with the no-break spaces Intl may write (as each Node.js's ICU does) read as spaces.
 */
async function versionOf(
  election: Election,
  submissions: readonly Submission[],
): Promise<(path: string) => string> {
  const tally = new Tally(election);
  for (const s of submissions) tally.apply(accepted(s));
  const builder = new SnapshotBuilder({
    election,
    signer,
    logVerifierKey: encodeVerifierKey(signer),
  });
  const built = await builder.build(tally, [...tally.counted()], stamp);
  if (!built.ok) throw new Error(built.error.message);
  const { files } = built.value;
  return (path) => text(files.find((f) => f.path === path)?.bytes).replace(/[\u00a0\u202f]/g, ' ');
}

describe('building a version', () => {
  it('refuses totals that leave out an accepted submission, and says where (Iowa 2020)', async () => {
    const { tally, builder, counted } = setUp();
    const missing: CountedSubmission = { leafIndex: 99, submission: sampleSubmission('s-1') };
    const built = await builder.build(tally, [...counted, missing], stamp);
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.error.code).toBe('totals_do_not_add_up');
    expect(built.error.message).toMatch(/refusing to publish/);
    const areas = (built.error.details?.['problems'] as { area: string }[]).map((p) => p.area);
    expect(areas).toEqual(expect.arrayContaining(['s-1', 'south', 'state']));
  });

  it('draws a map by county from the definition’s boundaries, with the same figures in a table', async () => {
    const { tally, builder, counted } = setUp();
    const built = await builder.build(tally, counted, stamp);
    if (!built.ok) throw new Error(built.error.message);
    const page = built.value.files.find((f) => f.path === 'en/contest/governor.html');
    const html = text(page?.bytes ?? new Uint8Array());
    expect(html).toMatch(/<svg class="map"[^>]*aria-hidden="true"/);
    expect(html.match(/<path /g)).toHaveLength(2);
    expect(html).toContain('<title>North County: Ada Lovelace</title>');
    expect(html).toContain('<title>South County: No results yet</title>');
    expect(html).toContain('<caption class="visually-hidden">Governor: Results by area</caption>');
  });

  it('shades each area by its lead, names it on the map, and says what each shade means', async () => {
    const page = await versionOf(electionWithMaps(), [sampleSubmission('n-1')]);
    const governor = page('en/contest/governor.html');
    // North: Ada 260, Alan 220 of 485 votes: a lead of 8.2 points, the middle shade.
    expect(governor).toMatch(
      new RegExp(`<path d="[^"]*" fill="${paletteColour(0)}" fill-opacity="0.65"`),
    );
    // South has no results: grey, not shaded.
    expect(governor).toMatch(/<path d="[^"]*" fill="#d9d9d9" stroke=/);
    expect(governor).toMatch(
      /<text class="label" x="[\d.]+" y="[\d.]+" text-anchor="middle">North County<\/text>/,
    );
    expect(governor).toContain('>South County</text>');
    for (const legend of ['lead under 5%', 'lead of 5% to 15%', 'lead of 15% or more']) {
      expect(governor).toContain(legend);
    }
    // Two seats: Barbara 350 and Grace 300 win, Edsger 280 is first to lose: a 2.2-point lead,
    // in the colour of the most voted.
    expect(page('en/contest/council.html')).toMatch(
      new RegExp(`<path d="[^"]*" fill="${paletteColour(2)}" fill-opacity="0.35"`),
    );
    expect(page('fr/contest/governor.html')).toContain('avance de 5 % à 15 %');
  });

  it('uses no inline script or style, so the site’s Content-Security-Policy can forbid them', async () => {
    const { tally, builder, counted } = setUp();
    const built = await builder.build(tally, counted, stamp);
    if (!built.ok) throw new Error(built.error.message);
    for (const f of built.value.files.filter((x) => x.path.endsWith('.html'))) {
      const html = text(f.bytes);
      expect(html, f.path).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
      expect(html, f.path).not.toMatch(/\sstyle=/);
      expect(html, f.path).not.toMatch(/\son[a-z]+=/);
    }
  });

  it('gives times in the election’s time zone, with its name, and in UTC when it names none', async () => {
    const chicago = await versionOf(electionIn('America/Chicago'), [sampleSubmission('n-1')]);
    // 21:00:05 UTC on 3 November 2026 is 3 pm in Chicago (CST, UTC−6, after the clocks went back).
    expect(chicago('en/index.html')).toContain('03:00:05 PM CST');
    expect(chicago('fr/index.html')).toContain('15:00:05 UTC−6');
    // The chart of the night, on a contest page: its figures' times.
    expect(chicago('en/contest/governor.html')).toContain('03:00:05 PM CST');
    const utc = (await versionOf(electionWithMaps(), [sampleSubmission('n-1')]))('en/index.html');
    expect(utc).toContain('09:00:05 PM UTC');
    expect(utc).not.toContain('UTC UTC');
  });

  it('lists a contest’s candidates most votes first, and a measure’s choices as on the ballot', async () => {
    const page = await versionOf(electionWithMaps(), [
      // On the ballot: Grace, Edsger, Barbara. Barbara leads; then Grace; Edsger is last.
      sampleSubmission('n-1'),
      // The measure: No leads, and stays below Yes.
      southAgainstMeasure,
    ]);
    const order = (html: string, names: readonly string[]): string[] =>
      [...names].sort((a, b) => html.indexOf(a) - html.indexOf(b));
    const council = ['Grace Hopper', 'Edsger Dijkstra', 'Barbara Liskov'];
    const byVotes = ['Barbara Liskov', 'Grace Hopper', 'Edsger Dijkstra'];
    const summary = page('en/index.html');
    const councilSection = summary.slice(summary.indexOf('id="c-council"'));
    expect(order(councilSection, council)).toEqual(byVotes);
    const measureSection = summary.slice(summary.indexOf('id="c-measure-1"'));
    expect(order(measureSection, ['row">Yes', 'row">No'])).toEqual(['row">Yes', 'row">No']);
    // The contest page's total and by-vote-type tables alike.
    const contest = page('en/contest/council.html');
    for (const table of contest.split('<table').slice(1, 3)) {
      expect(order(table, council)).toEqual(byVotes);
    }
    // The contest's name is shown once above its table; the table's caption is for screen readers.
    const visible = councilSection
      .slice(0, councilSection.indexOf('</table>'))
      .replace(/<caption class="visually-hidden">[^<]*<\/caption>/g, '');
    expect(visible.split('North County Council').length - 1).toBe(1);
  });

  it('draws each choice’s share as a bar in its map colour, for the eye only, beside the same percentage', async () => {
    const page = await versionOf(electionWithMaps(), [sampleSubmission('n-1')]);
    const summary = page('en/index.html');
    const council = summary.slice(summary.indexOf('id="c-council"'));
    // Grace 300, Edsger 280, Barbara 350 of 930 votes.
    for (const [name, colour, percent] of [
      ['Barbara Liskov', paletteColour(2), '37.6'],
      ['Grace Hopper', paletteColour(0), '32.3'],
      ['Edsger Dijkstra', paletteColour(1), '30.1'],
    ] as const) {
      const row = council.slice(
        council.indexOf(name),
        council.indexOf('</tr>', council.indexOf(name)),
      );
      expect(row, name).toMatch(/<svg class="bar"[^>]*aria-hidden="true"/);
      expect(row, name).toContain(`<rect fill="${colour}" width="${percent}" height="6">`);
      expect(row, name).toContain(`>${percent}%</td>`);
    }
  });

  it('says whether a measure passes by its rule, and what it needs, rather than which choice leads', async () => {
    const summaryWith = async (passes: unknown, lang: 'en' | 'fr'): Promise<string> => {
      const parsed = parseElectionDefinition(
        withMeasureRule(sampleDefinition(['authority+00000000+AAAA']), passes),
      );
      if (!parsed.ok) throw new Error(parsed.error.message);
      // Yes 270, no 200: 57.4% yes.
      const html = (await versionOf(parsed.value, [sampleSubmission('n-1')]))(`${lang}/index.html`);
      const section = html.slice(html.indexOf('id="c-measure-1"'));
      return section.slice(0, section.indexOf('</section>'));
    };
    const majority = await summaryWith({ choice: 'yes', share: [1, 2] }, 'en');
    expect(majority).toContain('<strong class="outcome">Passing</strong>');
    expect(majority).toContain('(needs more than 50% of the votes)');
    expect(majority).not.toContain('Leading');
    const twoThirds = await summaryWith({ choice: 'yes', share: [2, 3], atLeast: true }, 'en');
    expect(twoThirds).toContain('<strong class="outcome">Failing</strong>');
    expect(twoThirds).toContain('(needs at least 2/3 of the votes)');
    const french = await summaryWith({ choice: 'yes', share: [2, 3], atLeast: true }, 'fr');
    expect(french).toContain('(il faut au moins 2/3 des voix)');
    // Without a rule, the leading choice, as for a candidate.
    const noRule = await summaryWith(undefined, 'en');
    expect(noRule).toContain('Leading');
    expect(noRule).not.toContain('class="outcome"');
  });

  it('says whether a measure passes only where its votes are all of it: not from a county’s', async () => {
    const parsed = parseElectionDefinition(
      withMeasureRule(electionWithMaps().definition, { choice: 'yes', share: [1, 2] }),
    );
    if (!parsed.ok) throw new Error(parsed.error.message);
    const page = await versionOf(parsed.value, [
      // North: yes 270, no 200; South: yes 100, no 400. Statewide: yes 370 of 970, failing.
      sampleSubmission('n-1'),
      southAgainstMeasure,
    ]);
    const measure = (html: string): string => {
      const section = html.slice(html.indexOf('id="c-measure-1"'));
      return section.slice(0, section.indexOf('</section>'));
    };
    expect(measure(page('en/index.html'))).toContain('<strong class="outcome">Failing</strong>');
    expect(page('en/contest/measure-1.html')).toContain('<strong class="outcome">Failing</strong>');
    // North's page gives its votes: not that the measure passes, nor that yes "leads" there (a
    // reader took 50.6% leading for passing a measure that needs 55%).
    const north = measure(page('en/unit/north.html'));
    expect(north).not.toContain('class="outcome"');
    expect(north).not.toContain('Leading');
    expect(north).toContain('57.4%');
    // The map: North in yes's colour (ahead of the half it needs by 7.7 points), South in no's.
    const map = page('en/contest/measure-1.html');
    expect(map).toMatch(
      new RegExp(`<path d="[^"]*" fill="${paletteColour(0)}" fill-opacity="0.65"`),
    );
    expect(map).toMatch(new RegExp(`<path d="[^"]*" fill="${paletteColour(1)}" fill-opacity="1"`));
  });

  it('says on every page, in its language, that the results are unofficial until certified', async () => {
    const { tally, builder, counted } = setUp();
    const built = await builder.build(tally, counted, stamp);
    if (!built.ok) throw new Error(built.error.message);
    const pages = built.value.files.filter((f) => f.path.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    for (const f of pages) {
      const standing = /<p class="standing">(.*?)<\/p>/.exec(text(f.bytes))?.[1];
      expect(standing, f.path).toBe(
        f.path.startsWith('fr/')
          ? 'Résultats provisoires : l’autorité électorale certifie les résultats définitifs.'
          : 'Unofficial results: the election office certifies the final results.',
      );
    }
  });

  it('stamps each page with the log entry that last changed its numbers, not the newest', async () => {
    const page = await versionOf(electionWithMaps(), [
      sampleSubmission('n-1'), // entry 0
      sampleSubmission('s-1'), // entry 1
    ]);
    const status = (path: string): string =>
      /<p class="status">(.*?)<\/p>/.exec(page(path))?.[1] ?? '';
    expect(status('en/index.html')).toBe(
      'Results last changed November 3, 2026 at 09:00:05 PM UTC · with log entry 1',
    );
    // North's numbers last changed with entry 0: as new as the summary's, and said so.
    expect(status('en/unit/north.html')).toContain('Results last changed');
    expect(status('en/unit/north.html')).toContain('with log entry 0');
    expect(status('en/unit/south.html')).toContain('with log entry 1');
  });

  it('names the contest, choices and units in the page’s language, and marks fallbacks', async () => {
    const { tally, builder, counted } = setUp();
    const built = await builder.build(tally, counted, stamp);
    if (!built.ok) throw new Error(built.error.message);
    const fr = text(
      built.value.files.find((f) => f.path === 'fr/index.html')?.bytes ?? new Uint8Array(),
    );
    expect(fr).toContain('<html lang="fr"');
    // The sample names its units in English only: marked as English on the French page.
    expect(fr).toContain('<span lang="en">North County</span>');
  });
});

describe('how far the count has come, on the pages', () => {
  const election = (): Election => sampleElectionWithMaps(['authority+00000000+AAAA']);
  // North 1 has sent election day and mail; North 2 election day only. Each precinct reports both.
  const partlyIn = [
    sampleSubmission('n-1'),
    sampleSubmission('n-1', { voteType: 'mail' }),
    sampleSubmission('n-2'),
  ];

  it('counts a precinct fully reported only with every vote type in, in the election’s word for it (Iowa 2020)', async () => {
    const page = await versionOf(election(), partlyIn);
    expect(page('en/index.html')).toContain(
      'Precincts: 1 of 5 fully reported (20%), 1 more partly reported',
    );
    expect(page('fr/index.html')).toContain('Bureaux de vote : résultats complets pour 1 sur 5');
  });

  it('estimates the expected vote from each vote type’s turnout where it is counted', async () => {
    // Election day: 1,000 ballots from 1,800 registered, 4,600 registered in all; mail: 500 from
    // 1,000. Expected: 1,500 + 2,800 × 1,000/1,800 + 3,600 × 500/1,000 = 4,856; 30.9% counted.
    const page = await versionOf(election(), partlyIn);
    expect(page('en/index.html')).toContain('About 30% of the expected vote counted');
    expect(page('en/index.html')).toContain('The expected vote is an estimate');
    const governor = page('en/contest/governor.html');
    // By area, as much in columns; a county's page says so of each precinct.
    expect(governor).toContain('data-label="Fully reported">1/2</td>');
    expect(page('en/unit/north.html')).toContain(
      'data-label="Fully reported">Partly reported</td>',
    );
    expect(page('en/unit/north.html')).toContain('data-label="Fully reported">Fully reported</td>');
  });

  it('lists each precinct’s results, contest by contest, on its county’s page, and links their file', async () => {
    const north = (await versionOf(election(), partlyIn))('en/unit/north.html');
    expect(north).toContain('<h2 id="unit-results">Precincts</h2>');
    expect(north).toMatch(
      /<tr><th scope="row">North 1<\/th><td class="num" data-label="Ada Lovelace">520<\/td>.*?data-label="Fully reported">Fully reported<\/td><\/tr>/,
    );
    expect(north).toContain('<a href="../../units/north.json">units/north.json</a>');
  });

  it('keeps a county of more precincts than a phone can show to their files', async () => {
    const big = generateElection({
      counties: 1,
      precinctsPerCounty: UNIT_RESULTS_UP_TO + 1,
      release: { beforeRelease: 'publish' },
      contests: 2,
      authorityKeys: ['authority+00000000+AAAA'],
    });
    const county = (await versionOf(big, []))('en/unit/c1.html');
    expect(county).toContain('<h2 id="unit-results">');
    expect(county).not.toContain('id="u-');
    expect(county).toContain('units/c1.1.json');
  });

  it('says new results come as they are counted, and once all is in, that the certified ones are next', async () => {
    const early = await versionOf(election(), partlyIn);
    expect(early('en/index.html')).toContain('New results are published within seconds');
    const all = ['n-1', 'n-2', 's-1', 's-2', 's-3'].flatMap((unit) => [
      sampleSubmission(unit),
      sampleSubmission(unit, { voteType: 'mail' }),
    ]);
    const done = await versionOf(election(), all);
    expect(done('en/index.html')).toContain('Every place has fully reported');
    expect(done('en/index.html')).toContain('Precincts: 5 of 5 fully reported (100%)');
    expect(done('en/index.html')).toContain('About 100% of the expected vote counted');
  });
});

describe('the stages of a version', () => {
  it('takes a file as it was while its key stays, and makes it afresh when the key moves', async () => {
    const cache = new Map<string, { key: string; file: BuiltFile }>();
    const made: string[] = [];
    const make = (text: string) => () => {
      made.push(text);
      return text;
    };
    const first = new VersionFiles(cache);
    await first.reuse('a.csv', '1', 1, make('one'));
    const again = new VersionFiles(cache);
    await again.reuse('a.csv', '1', 1, make('not made'));
    expect(made).toEqual(['one']);
    expect(again.rebuilt).toBe(0);
    expect(again.files[0]?.sha256).toBe(sha256Hex('one'));
    const sunk: string[] = [];
    const moved = new VersionFiles(cache, (f) => {
      sunk.push(text(f.bytes));
      return Promise.resolve();
    });
    await moved.reuse('a.csv', '2', 2, make('two'));
    expect(sunk).toEqual(['two']);
    expect(moved.files[0]?.bytes).toBeUndefined();
    expect([...moved.fresh]).toEqual(['a.csv']);
  });

  it('builds every feed, and builds again only the feeds of the units whose numbers moved', async () => {
    const { election, tally } = setUp();
    const input = (): VersionInput => ({ election, tally, logSize: tally.logSize, ...stamp });
    const cache = new Map<string, { key: string; file: BuiltFile }>();
    const first = new VersionFiles(cache);
    await buildFeeds(first, input(), 'Sample County');
    const paths = first.files.map((f) => f.path);
    expect(paths.slice(0, 2)).toEqual(['results.json', 'cdf.json']);
    for (const c of election.definition.contests) expect(paths).toContain(`csv/${c.id}.csv`);
    expect(paths.some((p) => p.startsWith('units/'))).toBe(true);
    expect(paths.some((p) => p.startsWith('cdf/'))).toBe(true);

    tally.apply({ ...accepted(sampleSubmission('s-1')) });
    const second = new VersionFiles(cache);
    await buildFeeds(second, input(), 'Sample County');
    const fresh = [...second.fresh];
    expect(fresh).toEqual(expect.arrayContaining(['results.json', 'cdf.json']));
    expect(fresh.length).toBeLessThan(second.files.length);
  });

  it('builds each page in every language of the election', async () => {
    const { election, tally } = setUp();
    const out = new VersionFiles(new Map());
    const input: VersionInput = { election, tally, logSize: tally.logSize, ...stamp };
    const site = (asOfLog: number): SiteInput => ({
      election,
      languages: ['en', 'fr'],
      version: { logSize: input.logSize, checkpoint: 'c' },
      area: (id) => tally.area(id),
      overview: (id) => tally.overview(id),
      trend: () => tally.trend(),
      statuses: tally.statuses(),
      trendPoints: 120,
      timeAt: () => AT,
      verifierKeys: { log: encodeVerifierKey(signer), manifest: encodeVerifierKey(signer) },
      asOfLog,
    });
    await buildPages(out, input, ['en', 'fr'], site);
    const expected = (['en', 'fr'] as const).flatMap((lang) => [
      pagePaths.summary(lang),
      ...election.definition.contests.map((c) => pagePaths.contest(lang, c.id)),
      ...unitsWithPages(election).map((u) => pagePaths.unit(lang, u)),
      pagePaths.verify(lang),
    ]);
    expect(out.files.map((f) => f.path).sort()).toEqual(expected.sort());
  });

  it('signs a manifest that lists every file with its SHA-256 and log size, and current.json names it', () => {
    const { election } = setUp();
    const files: BuiltFile[] = [
      {
        path: 'results.json',
        sha256: sha256Hex('{}'),
        contentType: 'application/json',
        size: 2,
        asOf: 5,
      },
    ];
    const parameters = buildParameters({ election, signer, logVerifierKey: 'k' });
    const signed = signVersion(
      { election, version: 3, generatedAt: AT, logSize: 7, checkpoint: 'c' },
      parameters,
      files,
      signer,
    );
    expect(signed.manifest.manifest.files).toEqual({
      'results.json': { sha256: sha256Hex('{}'), asOf: 5 },
    });
    expect(signed.manifest.manifest.build).toEqual(parameters);
    const held = JSON.parse(text(signed.manifestFile.bytes)) as {
      manifest: unknown;
      signature: string;
      signer: string;
    };
    const verifier = parseVerifierKey(encodeVerifierKey(signer));
    if (!verifier.ok) throw new Error(verifier.error.message);
    const manifestText = canonicalJson(held.manifest as JsonValue);
    expect(verifyCanonical(MANIFEST_CONTEXT, manifestText, held.signature, verifier.value)).toBe(
      true,
    );
    const current = JSON.parse(text(signed.current.bytes)) as Record<string, unknown>;
    expect(current['manifestSha256']).toBe(signed.manifestFile.sha256);
    expect(current['path']).toBe('v/3/');
  });

  describe('a contest’s status', () => {
    /** Entries 0 to 4: n-1, the governor too early, s-1, the governor called, council certified. */
    const night: LogEntry[] = [
      accepted(sampleSubmission('n-1')),
      statusEntry('governor', 'too-early', undefined, '2026-11-03T21:30:00Z'),
      accepted(sampleSubmission('s-1')),
      statusEntry('governor', 'called', ['ada'], '2026-11-03T22:15:00Z'),
      statusEntry('council', 'certified', ['grace', 'edsger'], '2026-11-20T17:00:00Z'),
    ];
    /** The version of the first `size` entries, and its files' text and sizes they are as of. */
    const built = async (
      entries: readonly LogEntry[],
      builder = new SnapshotBuilder({
        election: electionWithMaps(),
        signer,
        logVerifierKey: encodeVerifierKey(signer),
      }),
    ) => {
      const tally = new Tally(electionWithMaps());
      for (const e of entries) tally.apply(e);
      const version = await builder.build(tally, [...tally.counted()], stamp);
      if (!version.ok) throw new Error(version.error.message);
      const { files } = version.value;
      const file = (path: string) => files.find((f) => f.path === path);
      return {
        tally,
        text: (path: string) => text(file(path)?.bytes).replace(/[\u00a0\u202f]/g, ' '),
        asOf: (path: string) => file(path)?.asOf,
      };
    };
    const section = (html: string, contest: string): string => {
      const from = html.slice(html.indexOf(`id="c-${contest}"`));
      return from.slice(0, from.indexOf('</section>'));
    };

    it('is shown with each contest on every page, as the entry that set it says, in each language', async () => {
      const v = await built(night);
      const summary = v.text('en/index.html');
      const governor = section(summary, 'governor');
      expect(governor).toContain('Called: Ada Lovelace');
      expect(governor).toContain('since November 3, 2026 at 10:15:00 PM UTC (log entry 3)');
      // Where it is decided, the call marks its winner, and no one "leads".
      expect(governor).toContain('Ada Lovelace <span class="badge">Winner</span>');
      expect(governor).not.toContain('Leading');
      const council = section(summary, 'council');
      expect(council).toContain('Certified: Grace Hopper and Edsger Dijkstra');
      // A district's contest is decided in its district: the summary marks its winners too.
      expect(council).toContain('Grace Hopper <span class="badge">Winner</span>');
      expect(section(summary, 'measure-1')).toContain('Unofficial');
      expect(section(summary, 'measure-1')).not.toContain('log entry');
      // The page as a whole is unofficial until every contest on it is certified.
      expect(summary).toContain('Unofficial results: the election office certifies');
      expect(v.text('en/contest/governor.html')).toContain('Called: Ada Lovelace');
      expect(v.text('fr/contest/governor.html')).toContain('Acquis : Ada Lovelace');
      expect(v.text('fr/index.html')).toContain('Certifié : Grace Hopper et Edsger Dijkstra');
      // A county's page says the call too; its own table shows who leads there.
      const north = section(v.text('en/unit/north.html'), 'governor');
      expect(north).toContain('Called: Ada Lovelace');
      expect(north).not.toContain('Winner');
    });

    it('is in every feed: results.json, the CSVs, and the NIST report once all are certified', async () => {
      const v = await built(night);
      const set = {
        by: 'director',
        reason: 'every precinct is in and the margin is beyond any recount',
      };
      const results = JSON.parse(v.text('results.json')) as {
        contests: { id: string; status: unknown }[];
      };
      expect(results.contests.map((c) => [c.id, c.status])).toEqual([
        [
          'governor',
          { status: 'called', winners: ['ada'], entry: 3, time: '2026-11-03T22:15:00Z', ...set },
        ],
        [
          'council',
          {
            status: 'certified',
            winners: ['grace', 'edsger'],
            entry: 4,
            time: '2026-11-20T17:00:00Z',
            ...set,
          },
        ],
        ['measure-1', { status: 'unofficial' }],
      ]);
      const governorCsv = v.text('csv/governor.csv').split('\r\n');
      const column = governorCsv[0]?.split(',').indexOf('contest_status') ?? -1;
      expect(governorCsv[1]?.split(',')[column]).toBe('called');
      expect(v.text('csv/measure-1.csv').split('\r\n')[1]?.split(',')).toContain('unofficial');
      const long = v.text('csv/results.csv');
      expect(long).toMatch(
        /^state,State,state,governor,Governor,ada,Ada Lovelace,Blue Party,total,\d+,\d+,[^,]+,TEST,called,yes$/m,
      );
      expect(long).toMatch(
        /^state,State,state,governor,Governor,alan,Alan Turing,[^,]*,total,\d+,\d+,[^,]+,TEST,called,$/m,
      );
      expect(JSON.parse(v.text('cdf.json'))).toMatchObject({ Status: 'unofficial-partial' });
      const all = await built([
        ...night,
        statusEntry('governor', 'certified', ['ada']),
        statusEntry('measure-1', 'certified', ['yes']),
      ]);
      expect(JSON.parse(all.text('cdf.json'))).toMatchObject({ Status: 'certified' });
      expect(all.text('en/index.html')).toContain(
        'Certified results: the election office has certified every result on this page.',
      );
      const measure = section(all.text('en/index.html'), 'measure-1');
      // A measure's outcome is the choice in quotes, marked as the outcome, not a winner.
      expect(measure).toContain('Certified: “Yes”');
      expect(measure).toContain('Yes <span class="badge">Outcome</span>');
      expect(section(all.text('fr/index.html'), 'measure-1')).toContain('Certifié : « Yes »');
      const recount = await built([...night, statusEntry('measure-1', 'recount')]);
      expect(JSON.parse(recount.text('cdf.json'))).toMatchObject({ Status: 'recount' });
      expect(section(recount.text('en/index.html'), 'measure-1')).toContain('Recount under way');
    });

    it('rebuilds what shows it when it changes, as of the entry that changed it, and nothing else', async () => {
      const builder = new SnapshotBuilder({
        election: electionWithMaps(),
        signer,
        logVerifierKey: encodeVerifierKey(signer),
      });
      const before = await built(night.slice(0, 3), builder);
      expect(section(before.text('en/index.html'), 'governor')).toContain('Too early to call');
      expect(before.asOf('en/contest/governor.html')).toBe(3);
      const after = await built(night.slice(0, 4), builder);
      for (const path of [
        'en/index.html',
        'fr/contest/governor.html',
        'en/unit/state.html',
        'csv/governor.csv',
        'csv/results.csv',
      ]) {
        expect([path, after.asOf(path)]).toEqual([path, 4]);
      }
      // The other contests' pages and CSVs, and the precinct files, stay as they were.
      for (const path of ['en/contest/measure-1.html', 'csv/measure-1.csv', 'units/north.json']) {
        expect([path, after.asOf(path)]).toEqual([path, before.asOf(path)]);
      }
      // The counties' pages, precinct detail, follow in the detail pass: they say the call too.
      expect(after.asOf('en/unit/north.html')).toBe(before.asOf('en/unit/north.html'));
      const rebuilt: { path: string; asOf: number; bytes?: Uint8Array }[] = [];
      await builder.buildDetail(
        after.tally,
        stamp,
        (f) => {
          rebuilt.push(f);
          return Promise.resolve();
        },
        () => true,
      );
      expect(rebuilt.map((f) => `${f.path} ${String(f.asOf)}`).sort()).toEqual(
        ['en', 'fr']
          .flatMap((lang) => ['north', 'south'].map((county) => `${lang}/unit/${county}.html 4`))
          .sort(),
      );
      const north = rebuilt.find((f) => f.path === 'en/unit/north.html');
      expect(text(north?.bytes)).toContain('Called: Ada Lovelace');
      // North's council is on no South ballot: its certification rebuilds North's pages alone.
      const certified = await built(night, builder);
      const again: string[] = [];
      await builder.buildDetail(
        certified.tally,
        stamp,
        (f) => {
          again.push(`${f.path} ${String(f.asOf)}`);
          return Promise.resolve();
        },
        () => true,
      );
      expect(again.sort()).toEqual(['en/unit/north.html 5', 'fr/unit/north.html 5']);
    });
  });
});

describe('a caucus in a version', () => {
  const election = caucusElection(['authority+00000000+AAAA']);
  const reports = [
    caucusSubmission('n-1', {
      first: [40, 30, 20, 10],
      final: [45, 32, 23, 0],
      delegates: [2, 2, 1, 0],
    }),
    caucusSubmission('n-2', {
      first: [6, 10, 4, 0],
      final: [10, 10, 0, 0],
      delegates: [1, 1, 0, 0],
    }),
    caucusSubmission('s-1', { first: [3, 4, 2, 1], final: [5, 5, 0, 0], delegates: [0, 1, 0, 0] }),
  ];

  it('shows each area’s first and final alignment, county delegates and SDEs, led in SDEs', async () => {
    const page = await versionOf(election, reports);
    const contest = page('en/contest/caucus.html');
    for (const head of [
      'Preference group',
      'First alignment',
      'Final alignment',
      'County delegates',
      'State delegate equivalents',
    ]) {
      expect(contest).toContain(head);
    }
    // The state: B leads in SDEs (1.5357 to A's 1.2857), though A has more in both alignments.
    expect(contest).toMatch(
      /Candidate B <span class="badge">Leading<\/span>[\s\S]*?>44<\/td><td[^>]*>47<\/td><td[^>]*>4<\/td><td[^>]*>1\.5357<\/td>/,
    );
    expect(contest).toMatch(/>49<\/td><td[^>]*>60<\/td><td[^>]*>3<\/td><td[^>]*>1\.2857<\/td>/);
    // By county, the numbers the table gives are SDEs: South's one delegate is worth 0.25.
    expect(contest).toMatch(/data-label="Candidate B">0\.2500<\/td>/);
    // Each precinct's three sets of numbers, on its county's page.
    const north = page('en/unit/north.html');
    expect(north).toMatch(
      /North 1[\s\S]*?Candidate A<\/th><td[^>]*>40<\/td><td[^>]*>45<\/td><td[^>]*>2<\/td><td[^>]*>0\.8571<\/td>/,
    );
    expect(page('fr/contest/caucus.html')).toContain('Premier alignement');
  });

  it('gives the three sets of numbers and the SDEs in the feeds', async () => {
    const file = await versionOf(election, reports);
    const feed = ResultsFeed.parse(JSON.parse(file('results.json')));
    const state = feed.areas.find((a) => a.area === 'state')?.contests[0]?.total;
    expect(state?.counts).toEqual({ a: 60, b: 47, c: 23, d: 0 });
    expect(state?.caucus).toEqual({
      firstAlignment: { a: 49, b: 44, c: 26, d: 11 },
      countyDelegates: { a: 3, b: 4, c: 1, d: 0 },
      stateDelegateEquivalents: { a: 1.2857, b: 1.5357, c: 0.4286, d: 0 },
    });
    const units = UnitResultsFeed.parse(JSON.parse(file('units/north.json')));
    expect(units.areas.find((a) => a.area === 'n-1')?.contests[0]?.total.caucus).toEqual({
      firstAlignment: { a: 40, b: 30, c: 20, d: 10 },
      countyDelegates: { a: 2, b: 2, c: 1, d: 0 },
      stateDelegateEquivalents: { a: 0.8571, b: 0.8571, c: 0.4286, d: 0 },
    });
    const csv = file('csv/caucus.csv').split('\r\n');
    expect(csv[0]).toContain(
      'Candidate A: first alignment,Candidate B: first alignment,Candidate C: first alignment,Candidate D: first alignment,Candidate A: final alignment',
    );
    expect(csv[0]).toContain('Candidate D: state delegate equivalents');
    expect(csv.find((row) => row.startsWith('state,') && row.includes(',total,'))).toContain(
      ',49,44,26,11,60,47,23,0,3,4,1,0,1.2857,1.5357,0.4286,0.0000,',
    );
  });
});
