// Results as NIST SP 1500-100 v2 election results reports (JSON), the format results feeds are
// exchanged in. A version is published as a series: `cdf.json` holds every unit above the
// reporting units and every district, and `cdf/<parent>.json` the reporting units beneath one
// parent; each is a whole, valid ElectionReport. `readNistResults` reads such reports back into
// totals, so a round trip can show that nothing was lost on the way out.
import { z } from 'zod';
import { voteFor, type Election, type LocalizedText } from '../core/election.js';
import { err, ok, problem, type Problem, type Result } from '../core/result.js';
import type { AreaResults } from '../core/tally.js';
import { JsonBytes, utf8Fragment, withJsonBytes } from './json_bytes.js';

export interface NistReportInfo {
  /** Who issues the report: the election office. */
  readonly issuer: string;
  readonly issuerAbbreviation: string;
  readonly generatedAt: string;
  /** This report's place in the version's series, from 1, and the series' length. */
  readonly sequence: number;
  readonly sequenceEnd: number;
  /** Whether every reporting unit has reported. */
  readonly complete: boolean;
  /**
   * Where the report's contests stand, where the election office said so of them all: every one
   * certified, or one in a recount (see reportStanding).
   */
  readonly standing?: ReportStanding;
  readonly vendorApplicationId: string;
}

/** What the contests' statuses make of a whole report's status, where they make anything. */
export type ReportStanding = 'certified' | 'recount';

/**
 * A report's standing from its contests' statuses: a recount while any contest is in one; certified
 * once every contest is; else nothing (the report is unofficial, complete or partial).
 */
export function reportStanding(
  statuses: readonly (string | undefined)[],
): ReportStanding | undefined {
  if (statuses.includes('recount')) return 'recount';
  if (statuses.length > 0 && statuses.every((s) => s === 'certified')) return 'certified';
  return undefined;
}

/** NIST's ResultsStatus of a report. */
function resultsStatus(complete: boolean, standing: ReportStanding | undefined): string {
  return standing ?? (complete ? 'unofficial-complete' : 'unofficial-partial');
}

// NIST's CountItemType for Tally's usual vote type ids; any other id is "other" with OtherType.
export const countItemTypes: Readonly<Record<string, string>> = {
  'election-day': 'election-day',
  early: 'early',
  mail: 'absentee-mail',
  absentee: 'absentee',
  provisional: 'provisional',
  uocava: 'uocava',
};
const voteTypeOfCountItem = new Map(Object.entries(countItemTypes).map(([k, v]) => [v, k]));

/** The @id a report gives each kind of thing. */
export const nistIds = {
  unit: (id: string): string => `ru-${id}`,
  district: (id: string): string => `district-${id}`,
  contest: (id: string): string => `contest-${id}`,
  selection: (contest: string, choice: string): string => `sel-${contest}-${choice}`,
  candidate: (contest: string, choice: string): string => `cand-${contest}-${choice}`,
  party: (id: string): string => `party-${id}`,
};
const {
  unit: unitRef,
  district: districtRef,
  contest: contestRef,
  selection: selectionRef,
  candidate: candidateRef,
  party: partyRef,
} = nistIds;

/** An InternationalizedText as JSON. */
function text(t: LocalizedText): string {
  const strings = Object.entries(t).map(
    ([language, content]) =>
      `{"@type":"ElectionResults.LanguageString","Content":${JSON.stringify(content)},"Language":${JSON.stringify(language)}}`,
  );
  return `{"@type":"ElectionResults.InternationalizedText","Text":[${strings.join(',')}]}`;
}

/** A vote type as NIST's Type (and OtherType), as JSON members. */
function countType(voteType: string): string {
  const known = countItemTypes[voteType];
  return known === undefined
    ? `"Type":"other","OtherType":${JSON.stringify(voteType)}`
    : `"Type":${JSON.stringify(known)}`;
}

/** NIST's ReportingUnitType values: any other unit type is "other" with OtherType. */
export const NIST_UNIT_TYPES: ReadonlySet<string> = new Set([
  'borough',
  'city',
  'combined-precinct',
  'country',
  'county',
  'municipality',
  'polling-place',
  'precinct',
  'split-precinct',
  'state',
  'town',
  'township',
  'village',
  'vote-center',
  'ward',
]);

/** NIST's ReportingUnitType for a unit's type, or "other" with OtherType, as JSON members. */
function unitType(type: string): string {
  return NIST_UNIT_TYPES.has(type)
    ? `"Type":${JSON.stringify(type)}`
    : `"Type":"other","OtherType":${JSON.stringify(type)}`;
}

const str = (value: string): string => JSON.stringify(value);

const VOTE_COUNT_START = '{"@type":"ElectionResults.VoteCounts","Count":';
const VOTE_COUNT_START_BYTES = utf8Fragment(VOTE_COUNT_START);
const VOTE_COUNTS_OPEN = utf8Fragment('"VoteCounts":[');
const VOTE_COUNTS_FIRST = utf8Fragment(`"VoteCounts":[${VOTE_COUNT_START}`);
const LIST_END = utf8Fragment(']}');
const OTHER_COUNTS_START = utf8Fragment('{"@type":"ElectionResults.OtherCounts","GpUnitId":');
const OVERVOTES = utf8Fragment(',"Overvotes":');
const UNDERVOTES = utf8Fragment(',"Undervotes":');
const OBJECT_END = utf8Fragment('}');
/** Where writeNistResults keeps the texts after its counts (it never runs within itself). */
const tails = new JsonBytes(1 << 16);
const BALLOT_COUNTS_START = utf8Fragment('{"@type":"ElectionResults.BallotCounts","GpUnitId":');
const BALLOTS_CAST = utf8Fragment(',"BallotsCast":');
const COMMA = utf8Fragment(',');
const ids = (values: readonly string[]): string => `[${values.map(str).join(',')}]`;

/**
 * A report's file as Tally publishes it (cdf.json, cdf/<group>.json): one ElectionReport with
 * the results of `areas` (units or districts of the election), listing as GpUnits the areas and
 * any unit they are composed of. Written as UTF-8 bytes directly: a precinct-level report of a
 * large election holds millions of vote counts, and this is several times faster than building
 * the objects and serialising them (src/formats/testonly holds that plain version; a test holds
 * the two to the same bytes).
 */
export function nistResultsBytes(
  election: Election,
  areas: readonly AreaResults[],
  info: NistReportInfo,
): Uint8Array {
  return withJsonBytes(
    (w) => {
      writeNistResults(w, election, areas, info);
    },
    (bytes) => bytes.slice(),
  );
}

/** What nistResultsBytes makes, written into `w`. */
export function writeNistResults(
  w: JsonBytes,
  election: Election,
  areas: readonly AreaResults[],
  info: NistReportInfo,
): void {
  const d = election.definition;
  const listed = new Set(areas.map((a) => a.area));
  const districts = new Map(d.districts.map((x) => [x.id, x]));
  const gpOf = (a: AreaResults): string =>
    a.kind === 'district' ? districtRef(a.area) : unitRef(a.area);
  /** Each area's GpUnitId, as JSON. */
  const gpIds = areas.map((area) => str(gpOf(area)));
  /** A list's items: each call writes the comma before an item, but for the first. */
  const commas = (): (() => void) => {
    let first = true;
    return () => {
      if (!first) w.raw(COMMA);
      first = false;
    };
  };
  const list = <T>(items: Iterable<T>, write: (item: T) => void): void => {
    const item = commas();
    for (const x of items) {
      item();
      write(x);
    }
  };

  w.text(
    `{"@type":"ElectionResults.ElectionReport","Format":"precinct-level","GeneratedDate":${str(info.generatedAt)}` +
      `,"Issuer":${str(info.issuer)},"IssuerAbbreviation":${str(info.issuerAbbreviation)},"IsTest":${d.test}` +
      (d.test ? ',"TestType":"test"' : '') +
      `,"SequenceStart":${info.sequence},"SequenceEnd":${info.sequenceEnd},"Status":${str(resultsStatus(info.complete, info.standing))}` +
      `,"VendorApplicationId":${str(info.vendorApplicationId)},"GpUnit":[`,
  );
  list(areas, (area) => {
    w.text('{"@type":"ElectionResults.ReportingUnit","SubUnitsReported":')
      .number(area.reporting.reported)
      .text(',"TotalSubUnits":')
      .number(area.reporting.expected)
      .text(',"VotersRegistered":')
      .number(area.registeredVoters)
      .text(',"VotersParticipated":')
      .number(area.ballotsCast.total);
    if (area.kind === 'district') {
      const district = districts.get(area.area);
      const composing = (district?.units ?? []).filter((u) => listed.has(u)).map(unitRef);
      w.text(
        `,"@id":${str(districtRef(area.area))},"Name":${text(district?.name ?? { en: area.area })},"Type":"other","OtherType":"district","IsDistricted":true,"ComposingGpUnitIds":${ids(composing)}}`,
      );
      return;
    }
    const unit = election.units.get(area.area);
    const children = (election.children.get(area.area) ?? []).filter((c) => listed.has(c));
    w.text(
      `,"@id":${str(unitRef(area.area))},"Name":${text(unit?.name ?? { en: area.area })},${unitType(unit?.type ?? 'other')}${children.length > 0 ? `,"ComposingGpUnitIds":${ids(children.map(unitRef))}` : ''}}`,
    );
  });
  const parties = d.parties.map(
    (p) => `{"@type":"ElectionResults.Party","@id":${str(partyRef(p.id))},"Name":${text(p.name)}}`,
  );
  w.text(
    `],"Party":[${parties.join(',')}],"Election":[{"@type":"ElectionResults.Election","ElectionScopeId":${str(unitRef(election.root.id))},"Name":${text(d.name)}` +
      `,"StartDate":${str(d.date)},"EndDate":${str(d.date)},"Type":"other","OtherType":"as defined by the election office"` +
      `,"BallotCounts":[`,
  );
  const ballotCount = commas();
  areas.forEach((area, i) => {
    for (const [voteType, n] of Object.entries(area.ballotsCast.byVoteType)) {
      ballotCount();
      w.raw(BALLOT_COUNTS_START)
        .text(gpIds[i] ?? '')
        .raw(BALLOTS_CAST)
        .number(n)
        .raw(COMMA)
        .text(countType(voteType))
        .raw(OBJECT_END);
    }
  });
  // A caucus's preference groups are its candidates' (NIST has no caucus: see README).
  const candidates = d.contests.flatMap((contest) =>
    contest.kind === 'measure'
      ? []
      : contest.choices.map(
          (choice) =>
            `{"@type":"ElectionResults.Candidate","@id":${str(candidateRef(contest.id, choice.id))},"BallotName":${text(choice.name)}${choice.party === undefined ? '' : `,"PartyId":${str(partyRef(choice.party))}`}}`,
        ),
  );
  w.text(`],"Candidate":[${candidates.join(',')}],"Contest":[`);

  // Each area's results by contest. A selection's vote counts are one per area and vote type;
  // the text between two counts (the end of one, the start of the next) depends on nothing but
  // the area and vote type, so it is encoded once per file and copied: a precinct-level report
  // of a large election holds millions of them.
  const byContest = areas.map((area) => new Map(area.contests.map((c) => [c.contest, c] as const)));
  // Each area's texts after a count, one per vote type, in one buffer: a file's hundreds of
  // them, made as arrays of their own, each its own allocation, kept a large election's
  // publisher collecting garbage (a fifth of its time at 175,000 precincts).
  tails.reset();
  const countTails = areas.map((area, i) => {
    const at = new Map<string, readonly [number, number]>();
    for (const c of area.contests) {
      for (const voteType of Object.keys(c.byVoteType)) {
        if (at.has(voteType)) continue;
        const from = tails.view().length;
        tails.text(`,"GpUnitId":${gpIds[i] ?? ''},${countType(voteType)}},${VOTE_COUNT_START}`);
        at.set(voteType, [from, tails.view().length]);
      }
    }
    return at;
  });
  const tailBytes = tails.view();
  /** A contest's vote counts in the order listed: each one's numbers, and the text after it. */
  const countSlots = (contest: string) => {
    const counts: Readonly<Record<string, number>>[] = [];
    /** Where the text after each count is in tailBytes. */
    const from: number[] = [];
    const to: number[] = [];
    areas.forEach((_, i) => {
      const c = byContest[i]?.get(contest);
      if (c === undefined) return;
      const at = countTails[i];
      for (const voteType in c.byVoteType) {
        const t = c.byVoteType[voteType];
        const range = at?.get(voteType);
        if (t === undefined || range === undefined) continue;
        counts.push(t.counts);
        from.push(range[0]);
        to.push(range[1]);
      }
    });
    // The last count ends the list: its text stops before the next count's start.
    const last = to.length - 1;
    if (last >= 0) to[last] = (to[last] as number) - VOTE_COUNT_START_BYTES.length - 1;
    return { counts, from, to };
  };
  const voteCounts = (slots: ReturnType<typeof countSlots>, choice: string): void => {
    const { counts, from, to } = slots;
    w.raw(counts.length > 0 ? VOTE_COUNTS_FIRST : VOTE_COUNTS_OPEN);
    for (let k = 0; k < counts.length; k++) {
      w.number((counts[k] as Readonly<Record<string, number>>)[choice] ?? 0).rawRange(
        tailBytes,
        from[k] as number,
        to[k] as number,
      );
    }
    w.raw(LIST_END);
  };
  const areaById = new Map(areas.map((a) => [a.area, a]));
  const contests = d.contests.filter((contest) => byContest.some((m) => m.has(contest.id)));
  list(contests, (contest) => {
    const scope = contest.district === undefined ? election.root.id : contest.district;
    const reporting = areaById
      .get(scope)
      ?.contests.find((c) => c.contest === contest.id)?.reporting;
    const name =
      contest.name[d.languages[0] ?? 'en'] ?? Object.values(contest.name)[0] ?? contest.id;
    w.text(
      `{"@id":${str(contestRef(contest.id))},"Name":${str(name)},"BallotTitle":${text(contest.name)}` +
        `,"ElectionDistrictId":${str(contest.district === undefined ? unitRef(election.root.id) : districtRef(contest.district))}` +
        (reporting === undefined
          ? ''
          : `,"SubUnitsReported":${reporting.reported},"TotalSubUnits":${reporting.expected}`) +
        `,"OtherCounts":[`,
    );
    const otherCount = commas();
    areas.forEach((_, i) => {
      const c = byContest[i]?.get(contest.id);
      if (c === undefined) return;
      otherCount();
      w.raw(OTHER_COUNTS_START)
        .text(gpIds[i] ?? '')
        .raw(OVERVOTES)
        .number(c.total.overvotes)
        .raw(UNDERVOTES)
        .number(c.total.undervotes)
        .raw(OBJECT_END);
    });
    const slots = countSlots(contest.id);
    if (contest.kind === 'measure') {
      w.text('],"@type":"ElectionResults.BallotMeasureContest","ContestSelection":[');
      list(contest.choices, (choice) => {
        w.text(
          `{"@type":"ElectionResults.BallotMeasureSelection","@id":${str(selectionRef(contest.id, choice.id))},"Selection":${text(choice.name)},`,
        );
        voteCounts(slots, choice.id);
      });
      w.text(']}');
      return;
    }
    w.text(
      `],"@type":"ElectionResults.CandidateContest","VotesAllowed":${voteFor(contest)},"NumberElected":${voteFor(contest)},"VoteVariation":${str(voteFor(contest) > 1 ? 'n-of-m' : 'plurality')},"ContestSelection":[`,
    );
    list(contest.choices, (choice) => {
      w.text(
        `{"@type":"ElectionResults.CandidateSelection","@id":${str(selectionRef(contest.id, choice.id))},"CandidateIds":[${str(candidateRef(contest.id, choice.id))}]${choice.writeIn === true ? ',"IsWriteIn":true' : ''},`,
      );
      voteCounts(slots, choice.id);
    });
    w.text(']}');
  });
  w.text(']}]}');
}

/** A report as a JSON object: what nistResultsBytes writes, parsed. */
export function nistResultsReport(
  election: Election,
  areas: readonly AreaResults[],
  info: NistReportInfo,
): object {
  return JSON.parse(new TextDecoder().decode(nistResultsBytes(election, areas, info))) as object;
}

// ---- Reading results back: the totals a report states, by area, contest, vote type and choice.

const Counted = z.looseObject({
  GpUnitId: z.string(),
  Type: z.string(),
  OtherType: z.string().optional(),
});
const NistResults = z.looseObject({
  '@type': z.literal('ElectionResults.ElectionReport'),
  Election: z
    .array(
      z.looseObject({
        BallotCounts: z.array(Counted.extend({ BallotsCast: z.int() })).default([]),
        Contest: z
          .array(
            z.looseObject({
              '@id': z.string(),
              ContestSelection: z
                .array(
                  z.looseObject({
                    '@id': z.string(),
                    VoteCounts: z.array(Counted.extend({ Count: z.number() })).default([]),
                  }),
                )
                .default([]),
              OtherCounts: z
                .array(
                  z.looseObject({
                    GpUnitId: z.string(),
                    Overvotes: z.number().optional(),
                    Undervotes: z.number().optional(),
                  }),
                )
                .default([]),
            }),
          )
          .default([]),
      }),
    )
    .min(1),
});

/** What a report states, flattened: `area|contest|voteType|choice` and the like, to a number. */
export type NistTotals = Map<string, number>;

export type NistResultsProblem = Problem<'invalid_nist_results'>;

const areaOf = (gpUnitId: string): string => gpUnitId.replace(/^(ru|district)-/, '');
const voteTypeOf = (c: { Type: string; OtherType?: string | undefined }): string =>
  c.Type === 'other' ? (c.OtherType ?? 'other') : (voteTypeOfCountItem.get(c.Type) ?? c.Type);

/**
 * The totals stated in Tally's own NIST reports: `<area>|<contest>|<voteType>|<choice>` votes,
 * `<area>|<contest>|overvotes` and `|undervotes`, `<area>|ballots|<voteType>`.
 */
export function readNistResults(report: unknown): Result<NistTotals, NistResultsProblem> {
  const parsed = NistResults.safeParse(report);
  if (!parsed.success) {
    return err(
      problem('invalid_nist_results', `not a NIST results report: ${parsed.error.message}`),
    );
  }
  const totals: NistTotals = new Map();
  for (const election of parsed.data.Election) {
    for (const b of election.BallotCounts) {
      totals.set(`${areaOf(b.GpUnitId)}|ballots|${voteTypeOf(b)}`, b.BallotsCast);
    }
    for (const contest of election.Contest) {
      const contestId = contest['@id'].replace(/^contest-/, '');
      for (const selection of contest.ContestSelection) {
        const choice = selection['@id'].slice(`sel-${contestId}-`.length);
        for (const v of selection.VoteCounts) {
          totals.set(`${areaOf(v.GpUnitId)}|${contestId}|${voteTypeOf(v)}|${choice}`, v.Count);
        }
      }
      for (const o of contest.OtherCounts) {
        totals.set(`${areaOf(o.GpUnitId)}|${contestId}|overvotes`, o.Overvotes ?? 0);
        totals.set(`${areaOf(o.GpUnitId)}|${contestId}|undervotes`, o.Undervotes ?? 0);
      }
    }
  }
  return ok(totals);
}

/** The same flattening of Tally's own results, to compare a report against. */
export function flattenResults(areas: readonly AreaResults[]): NistTotals {
  const totals: NistTotals = new Map();
  for (const area of areas) {
    for (const [voteType, n] of Object.entries(area.ballotsCast.byVoteType)) {
      totals.set(`${area.area}|ballots|${voteType}`, n);
    }
    for (const c of area.contests) {
      totals.set(`${area.area}|${c.contest}|overvotes`, c.total.overvotes);
      totals.set(`${area.area}|${c.contest}|undervotes`, c.total.undervotes);
      for (const [voteType, t] of Object.entries(c.byVoteType)) {
        for (const [choice, n] of Object.entries(t.counts)) {
          totals.set(`${area.area}|${c.contest}|${voteType}|${choice}`, n);
        }
      }
    }
  }
  return totals;
}

// ---- Reading a report whole: every number, name, status and flag it states, for the verifier
// to compare with what the log makes (src/verify/results.ts).

/** What a statement of a report is about, which says how a difference is named. */
export type NistStatementKind = 'number' | 'name' | 'status' | 'test' | 'field';

/** One thing a report states: a key naming what it is, and its value. */
export interface NistStatement {
  readonly key: string;
  readonly value: string | number | boolean;
  readonly kind: NistStatementKind;
  /** The area (unit or district id) it is of, when it is of one. */
  readonly area?: string;
  readonly contest?: string;
}

/** A count, keyed `area|contest|...` as flattenResults keys it, as a statement of its area. */
function countStatement(key: string, value: number): NistStatement {
  const [area, contest] = key.split('|');
  return {
    key,
    value,
    kind: 'number',
    ...(area === undefined ? {} : { area }),
    ...(contest === undefined || contest === 'ballots' ? {} : { contest }),
  };
}

const Text = z.looseObject({
  Text: z.array(z.looseObject({ Content: z.string(), Language: z.string() })),
});
const optionalCount = z.number().optional();
const NistReport = z.looseObject({
  IsTest: z.boolean().optional(),
  TestType: z.string().optional(),
  Status: z.string().optional(),
  GpUnit: z
    .array(
      z.looseObject({
        '@id': z.string(),
        Name: Text.optional(),
        SubUnitsReported: optionalCount,
        TotalSubUnits: optionalCount,
        VotersRegistered: optionalCount,
        VotersParticipated: optionalCount,
      }),
    )
    .default([]),
  Party: z.array(z.looseObject({ '@id': z.string(), Name: Text.optional() })).default([]),
  Election: z
    .array(
      z.looseObject({
        Name: Text.optional(),
        Candidate: z
          .array(
            z.looseObject({
              '@id': z.string(),
              BallotName: Text.optional(),
              PartyId: z.string().optional(),
            }),
          )
          .default([]),
        Contest: z
          .array(
            z.looseObject({
              '@id': z.string(),
              Name: z.string().optional(),
              BallotTitle: Text.optional(),
              ElectionDistrictId: z.string().optional(),
              SubUnitsReported: optionalCount,
              TotalSubUnits: optionalCount,
              ContestSelection: z
                .array(
                  z.looseObject({
                    '@id': z.string(),
                    CandidateIds: z.array(z.string()).optional(),
                    Selection: Text.optional(),
                  }),
                )
                .default([]),
            }),
          )
          .default([]),
      }),
    )
    .min(1),
});

type NistText = z.infer<typeof Text>;

/**
 * Every statement of one of Tally's NIST reports, in the order it makes them: a statement made
 * twice is there twice (JSON.parse has already kept only the last of two equal keys; the
 * verifier names those apart). The name of a selection is that of the candidates it points to.
 */
export function readNistStatements(report: unknown): Result<NistStatement[], NistResultsProblem> {
  const counts = NistResults.safeParse(report);
  const parsed = NistReport.safeParse(report);
  const error = counts.error ?? parsed.error;
  if (error !== undefined || !counts.success || !parsed.success) {
    return err(
      problem('invalid_nist_results', `not a NIST results report: ${error?.message ?? ''}`),
    );
  }
  const r = parsed.data;
  const out: NistStatement[] = [];
  const texts = (key: string, t: NistText | undefined, extra: Partial<NistStatement> = {}) => {
    for (const s of t?.Text ?? [])
      out.push({ key: `${key}|${s.Language}`, value: s.Content, kind: 'name', ...extra });
  };
  if (r.IsTest !== undefined) out.push({ key: 'report|test', value: r.IsTest, kind: 'test' });
  if (r.TestType !== undefined)
    out.push({ key: 'report|test-type', value: r.TestType, kind: 'test' });
  if (r.Status !== undefined) out.push({ key: 'report|status', value: r.Status, kind: 'status' });
  for (const gp of r.GpUnit) {
    const area = areaOf(gp['@id']);
    texts(`area|${area}|name`, gp.Name, { area });
    for (const [what, n] of [
      ['reported', gp.SubUnitsReported],
      ['expected', gp.TotalSubUnits],
      ['registered', gp.VotersRegistered],
      ['participated', gp.VotersParticipated],
    ] as const) {
      if (n !== undefined)
        out.push({ key: `area|${area}|${what}`, value: n, kind: 'number', area });
    }
  }
  for (const p of r.Party) texts(`party|${p['@id'].replace(/^party-/, '')}|name`, p.Name);
  for (const election of r.Election) {
    texts('election|name', election.Name);
    const candidates = new Map(election.Candidate.map((c) => [c['@id'], c] as const));
    for (const contest of election.Contest) {
      const id = contest['@id'].replace(/^contest-/, '');
      const of = { contest: id };
      if (contest.Name !== undefined)
        out.push({ key: `contest|${id}|name`, value: contest.Name, kind: 'name', ...of });
      texts(`contest|${id}|title`, contest.BallotTitle, of);
      if (contest.ElectionDistrictId !== undefined) {
        const value = contest.ElectionDistrictId;
        out.push({ key: `contest|${id}|district`, value, kind: 'field', ...of });
      }
      for (const [what, n] of [
        ['reported', contest.SubUnitsReported],
        ['expected', contest.TotalSubUnits],
      ] as const) {
        if (n !== undefined)
          out.push({ key: `contest|${id}|${what}`, value: n, kind: 'number', ...of });
      }
      for (const selection of contest.ContestSelection) {
        const choice = selection['@id'].slice(`sel-${id}-`.length);
        const key = `choice|${id}|${choice}`;
        texts(`${key}|name`, selection.Selection, of);
        for (const ref of selection.CandidateIds ?? []) {
          const candidate = candidates.get(ref);
          texts(`${key}|name`, candidate?.BallotName, of);
          if (candidate?.PartyId !== undefined) {
            const value = candidate.PartyId.replace(/^party-/, '');
            out.push({ key: `${key}|party`, value, kind: 'field', ...of });
          }
        }
      }
    }
  }
  // The counts, each as often as the report states it.
  for (const [key, value] of countStatements(counts.data)) out.push(countStatement(key, value));
  return ok(out);
}

/** readNistResults' keys and numbers, each as often as the report states it. */
function countStatements(report: z.infer<typeof NistResults>): [string, number][] {
  const out: [string, number][] = [];
  for (const election of report.Election) {
    for (const b of election.BallotCounts)
      out.push([`${areaOf(b.GpUnitId)}|ballots|${voteTypeOf(b)}`, b.BallotsCast]);
    for (const contest of election.Contest) {
      const contestId = contest['@id'].replace(/^contest-/, '');
      for (const selection of contest.ContestSelection) {
        const choice = selection['@id'].slice(`sel-${contestId}-`.length);
        for (const v of selection.VoteCounts)
          out.push([`${areaOf(v.GpUnitId)}|${contestId}|${voteTypeOf(v)}|${choice}`, v.Count]);
      }
      for (const o of contest.OtherCounts) {
        out.push([`${areaOf(o.GpUnitId)}|${contestId}|overvotes`, o.Overvotes ?? 0]);
        out.push([`${areaOf(o.GpUnitId)}|${contestId}|undervotes`, o.Undervotes ?? 0]);
      }
    }
  }
  return out;
}

/**
 * What a report of `areas` states, worked out from the election's definition and the areas'
 * results directly (not from the report's writer): the statements readNistStatements reads.
 */
export function nistStatementsOf(
  election: Election,
  areas: readonly AreaResults[],
  complete: boolean,
  standing?: ReportStanding,
): NistStatement[] {
  const d = election.definition;
  const out: NistStatement[] = [];
  const texts = (key: string, t: LocalizedText, extra: Partial<NistStatement> = {}) => {
    for (const [language, content] of Object.entries(t))
      out.push({ key: `${key}|${language}`, value: content, kind: 'name', ...extra });
  };
  out.push({ key: 'report|test', value: d.test, kind: 'test' });
  if (d.test) out.push({ key: 'report|test-type', value: 'test', kind: 'test' });
  out.push({
    key: 'report|status',
    value: resultsStatus(complete, standing),
    kind: 'status',
  });
  for (const a of areas) {
    const area = a.area;
    const name =
      election.units.get(area)?.name ?? d.districts.find((x) => x.id === area)?.name ?? {};
    texts(`area|${area}|name`, name, { area });
    for (const [what, n] of [
      ['reported', a.reporting.reported],
      ['expected', a.reporting.expected],
      ['registered', a.registeredVoters],
      ['participated', a.ballotsCast.total],
    ] as const) {
      out.push({ key: `area|${area}|${what}`, value: n, kind: 'number', area });
    }
  }
  for (const p of d.parties) texts(`party|${p.id}|name`, p.name);
  texts('election|name', d.name);
  const stated = new Set(areas.flatMap((a) => a.contests.map((c) => c.contest)));
  for (const contest of d.contests) {
    if (!stated.has(contest.id)) continue;
    const id = contest.id;
    const of = { contest: id };
    const name = contest.name[d.languages[0] ?? 'en'] ?? Object.values(contest.name)[0] ?? id;
    out.push({ key: `contest|${id}|name`, value: name, kind: 'name', ...of });
    texts(`contest|${id}|title`, contest.name, of);
    const district = contest.district === undefined ? undefined : contest.district;
    out.push({
      key: `contest|${id}|district`,
      value: district === undefined ? `ru-${election.root.id}` : `district-${district}`,
      kind: 'field',
      ...of,
    });
    const scope = district ?? election.root.id;
    const reporting = areas
      .find((a) => a.area === scope)
      ?.contests.find((c) => c.contest === id)?.reporting;
    if (reporting !== undefined) {
      out.push({ key: `contest|${id}|reported`, value: reporting.reported, kind: 'number', ...of });
      out.push({ key: `contest|${id}|expected`, value: reporting.expected, kind: 'number', ...of });
    }
    for (const choice of contest.choices) {
      const key = `choice|${id}|${choice.id}`;
      texts(`${key}|name`, choice.name, of);
      if (contest.kind !== 'measure' && choice.party !== undefined)
        out.push({ key: `${key}|party`, value: choice.party, kind: 'field', ...of });
    }
  }
  for (const [key, value] of flattenResults(areas)) out.push(countStatement(key, value));
  return out;
}
