// Imports Tally's election definition from a NIST SP 1500-100 v2 pre-election results file: units
// from the ComposingGpUnitIds tree under ElectionScopeId (a combined-precinct reports in place of
// its precincts), other ReportingUnits as districts, contests with their selections. Anything that
// would change how votes count and Tally cannot express (rcv, cumulative, unknown contest types)
// is refused as unsupported_nist_cdf; NIST fields that only describe the ballot are ignored.
import { z } from 'zod';
import {
  Id,
  issuePath,
  parseElectionDefinition,
  zodProblem,
  type Election,
  type ElectionDefinition,
} from '../core/election.js';
import {
  err,
  ok,
  problem,
  throwIllegalValue,
  type Err,
  type Problem,
  type Result,
} from '../core/result.js';

export type NistImportProblem = Problem<
  'invalid_nist_cdf' | 'unsupported_nist_cdf' | 'invalid_definition'
>;

export interface NistImportOptions {
  /** The election authority's verifier keys (at least one). */
  readonly authorityKeys: readonly string[];
  /** Mark the election as a test; by default the report's own IsTest, else false. */
  readonly test?: boolean;
  /**
   * Contest @ids to leave out on purpose, e.g. a ranked-choice contest the office reports
   * elsewhere. Nothing is ever left out silently: an unsupported contest not named here fails.
   */
  readonly omitContests?: readonly string[];
}

const REPORT_TYPE = 'ElectionResults.ElectionReport';

/** True when the input looks like a NIST CDF election results report (any version check aside). */
export function isNistElectionReport(input: unknown): boolean {
  return (
    typeof input === 'object' &&
    input !== null &&
    !Array.isArray(input) &&
    (input as Record<string, unknown>)['@type'] === REPORT_TYPE
  );
}

// ---- The part of NIST CDF v2 the importer reads. Loose objects: other NIST fields are ignored.

const NistId = z.string().min(1, 'an @id is a non-empty string');

const LanguageString = z.looseObject({
  Content: z.string(),
  Language: z
    .string()
    .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'a language tag such as en or es-MX')
    .transform((tag) => tag.replace(/^[A-Za-z]+/, (primary) => primary.toLowerCase())),
});
const InternationalizedText = z.looseObject({ Text: z.array(LanguageString).min(1) });
type NistText = z.output<typeof InternationalizedText>;

const ReportingUnit = z.looseObject({
  '@type': z.literal('ElectionResults.ReportingUnit'),
  '@id': NistId,
  Type: z.string().min(1),
  OtherType: z.string().min(1).optional(),
  Name: InternationalizedText.optional(),
  ComposingGpUnitIds: z.array(NistId).optional(),
  VotersRegistered: z.int().min(0).optional(),
});
type NistUnit = z.output<typeof ReportingUnit>;
const ReportingDevice = z.looseObject({
  '@type': z.literal('ElectionResults.ReportingDevice'),
  '@id': NistId,
});
const GpUnit = z.discriminatedUnion('@type', [ReportingUnit, ReportingDevice]);

const Party = z.looseObject({
  '@id': NistId,
  Name: InternationalizedText.optional(),
  // A plain string in the published v2 examples, InternationalizedText in the v2 JSON schema.
  Abbreviation: z.union([z.string(), InternationalizedText]).optional(),
});

const Report = z.looseObject({
  '@type': z.literal(REPORT_TYPE),
  IsTest: z.boolean().optional(),
  Election: z.array(z.unknown()).min(1, 'a report needs an Election'),
  GpUnit: z.array(GpUnit).min(1, 'a report needs GpUnits'),
  Party: z.array(Party).default([]),
});

const Candidate = z.looseObject({
  '@id': NistId,
  BallotName: InternationalizedText,
  PartyId: NistId.optional(),
});

const Head = z.looseObject({ '@type': z.string(), '@id': NistId });

const NistElection = z.looseObject({
  Name: InternationalizedText,
  StartDate: z.iso.date(),
  ElectionScopeId: NistId,
  Candidate: z.array(Candidate).default([]),
  Contest: z.array(
    z.looseObject({
      '@type': z.string(),
      '@id': NistId,
      ContestSelection: z.array(Head).default([]),
    }),
  ),
});

const CandidateSelection = z.looseObject({
  '@id': NistId,
  CandidateIds: z.array(NistId).default([]),
  EndorsementPartyIds: z.array(NistId).default([]),
  IsWriteIn: z.boolean().optional(),
});
const BallotMeasureSelection = z.looseObject({ '@id': NistId, Selection: InternationalizedText });
const PartySelection = z.looseObject({ '@id': NistId, PartyIds: z.array(NistId).min(1) });

const contestFields = {
  '@id': NistId,
  Name: z.string().min(1),
  ElectionDistrictId: NistId,
  VoteVariation: z.string().optional(),
  OtherVoteVariation: z.string().optional(),
};
const CandidateContest = z.looseObject({
  ...contestFields,
  VotesAllowed: z.int().min(1).default(1),
  ContestSelection: z.array(CandidateSelection),
});
const BallotMeasureContest = z.looseObject({
  ...contestFields,
  FullText: InternationalizedText.optional(),
  SummaryText: InternationalizedText.optional(),
  ContestSelection: z.array(BallotMeasureSelection),
});
const PartyContest = z.looseObject({ ...contestFields, ContestSelection: z.array(PartySelection) });

/** Contest types Tally imports, and the one selection type each may hold. */
const contestTypes = {
  'ElectionResults.CandidateContest': 'ElectionResults.CandidateSelection',
  'ElectionResults.BallotMeasureContest': 'ElectionResults.BallotMeasureSelection',
  // A retention question is a yes/no ballot measure about a sitting officer.
  'ElectionResults.RetentionContest': 'ElectionResults.BallotMeasureSelection',
  // Straight-party: its choices are the parties.
  'ElectionResults.PartyContest': 'ElectionResults.PartySelection',
} as const;
type ContestType = keyof typeof contestTypes;

/** Variations counted as one vote per choice up to the limit; others change the count. */
const countedVariations = new Set(['plurality', 'n-of-m', 'majority']);

type ParsedContest =
  | { kind: 'candidate'; at: Path; nist: z.output<typeof CandidateContest> }
  | { kind: 'measure'; at: Path; nist: z.output<typeof BallotMeasureContest> }
  | { kind: 'party'; at: Path; nist: z.output<typeof PartyContest> };

// ---- Tally's side.

type Definition = z.input<typeof ElectionDefinition>;
type UnitDef = Definition['units'][number];
type DistrictDef = NonNullable<Definition['districts']>[number];
type ChoiceDef = Definition['contests'][number]['choices'][number];
type Localized = Record<string, string>;
type Path = readonly PropertyKey[];

const invalidWhat = 'invalid NIST CDF election report';

function failAt(
  code: 'invalid_nist_cdf' | 'unsupported_nist_cdf',
  path: Path,
  id: string | undefined,
  what: string,
): Err<NistImportProblem> {
  const where = `${issuePath(path)}${id === undefined ? '' : ` (@id ${id})`}`;
  const prefix = code === 'invalid_nist_cdf' ? `${invalidWhat} at ` : 'unsupported NIST CDF at ';
  return err(
    problem(code, `${prefix}${where}: ${what}`, {
      path: issuePath(path),
      ...(id === undefined ? {} : { id }),
    }),
  );
}

function parseAt<S extends z.ZodType>(
  schema: S,
  input: unknown,
  path: Path,
): Result<z.output<S>, NistImportProblem> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const issues = parsed.error.issues.map((i) => ({ ...i, path: [...path, ...i.path] }));
  return err(zodProblem('invalid_nist_cdf', invalidWhat, new z.ZodError(issues)));
}

/** A NIST @id as a Tally id: itself when valid, else a cleaned form made unique by a hash. */
function tallyId(nistId: string): string {
  if (Id.safeParse(nistId).success) return nistId;
  const cleaned = nistId
    .replace(/[^A-Za-z0-9._:-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 100);
  return `${cleaned === '' ? 'id' : cleaned}-${fnv1a(nistId)}`;
}

function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

function localize(text: NistText | undefined): Localized | undefined {
  if (text === undefined) return undefined;
  const out: Localized = {};
  for (const { Content, Language } of text.Text) {
    if (Content.trim() !== '' && !Object.hasOwn(out, Language)) out[Language] = Content;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/, '');
}

/** Converts a NIST SP 1500-100 v2 (pre-election) report into a checked Tally election. */
export function importNistElection(
  input: unknown,
  options: NistImportOptions,
): Result<Election, NistImportProblem> {
  const report = parseAt(Report, input, []);
  if (!report.ok) return report;
  const { GpUnit: gpUnits, Party: parties, Election: elections, IsTest } = report.value;
  if (elections.length > 1) {
    return failAt(
      'unsupported_nist_cdf',
      ['Election'],
      undefined,
      `${elections.length} elections in one report; Tally imports one`,
    );
  }
  const electionAt = ['Election', 0] as const;
  const parsedElection = parseAt(NistElection, elections[0], electionAt);
  if (!parsedElection.ok) return parsedElection;
  const election = parsedElection.value;

  const omit = new Set(options.omitContests ?? []);
  const unknownOmitted = [...omit].find((id) => !election.Contest.some((c) => c['@id'] === id));
  if (unknownOmitted !== undefined) {
    return failAt(
      'invalid_nist_cdf',
      [...electionAt, 'Contest'],
      undefined,
      `omitContests names "${unknownOmitted}", which is not a contest in the report`,
    );
  }
  const contests: ParsedContest[] = [];
  for (const [index, head] of election.Contest.entries()) {
    if (omit.has(head['@id'])) continue;
    const contest = parseContest(head, [...electionAt, 'Contest', index]);
    if (!contest.ok) return contest;
    contests.push(contest.value);
  }

  // Languages: every one the imported texts use, English first when present.
  const texts: (NistText | undefined)[] = [
    election.Name,
    ...gpUnits.map((u) => (u['@type'] === 'ElectionResults.ReportingUnit' ? u.Name : undefined)),
    ...parties.flatMap((p) => [
      p.Name,
      typeof p.Abbreviation === 'string' ? undefined : p.Abbreviation,
    ]),
    ...election.Candidate.map((c) => c.BallotName),
    ...contests.flatMap((c) =>
      c.kind === 'measure'
        ? [c.nist.FullText, c.nist.SummaryText, ...c.nist.ContestSelection.map((s) => s.Selection)]
        : [],
    ),
  ];
  const seen = new Set(texts.flatMap((t) => Object.keys(localize(t) ?? {})));
  const languages = seen.has('en') ? ['en', ...[...seen].filter((l) => l !== 'en')] : [...seen];
  const lang = languages[0] ?? 'en';
  if (languages.length === 0) languages.push(lang);
  const named = (text: NistText | undefined, fallback: string): Localized =>
    localize(text) ?? { [lang]: fallback };

  const geo = geography(
    gpUnits,
    election.ElectionScopeId,
    contests.map((c) => c.nist.ElectionDistrictId),
    named,
  );
  if (!geo.ok) return geo;
  const { units, districts, districtFor } = geo.value;

  const partyIds = new Map<string, string>();
  for (const [index, party] of parties.entries()) {
    if (partyIds.has(party['@id'])) {
      return failAt(
        'invalid_nist_cdf',
        ['Party', index],
        party['@id'],
        'a second Party with this @id',
      );
    }
    partyIds.set(party['@id'], tallyId(party['@id']));
  }
  const candidates = new Map(election.Candidate.map((c, i) => [c['@id'], { c, i }]));
  for (const { c, i } of candidates.values()) {
    if (c.PartyId !== undefined && !partyIds.has(c.PartyId)) {
      return failAt(
        'invalid_nist_cdf',
        [...electionAt, 'Candidate', i, 'PartyId'],
        c['@id'],
        `names no Party "${c.PartyId}"`,
      );
    }
  }

  const contestDefs: Definition['contests'] = [];
  for (const contest of contests) {
    const { nist, at } = contest;
    const district = districtFor(nist.ElectionDistrictId);
    if (!district.ok) {
      const code = district.error === 'unknown' ? 'invalid_nist_cdf' : 'unsupported_nist_cdf';
      const what =
        district.error === 'unknown'
          ? `names no ReportingUnit "${nist.ElectionDistrictId}"`
          : `ElectionDistrictId "${nist.ElectionDistrictId}" has no units within the election scope "${election.ElectionScopeId}"`;
      return failAt(code, [...at, 'ElectionDistrictId'], nist['@id'], what);
    }
    const base = {
      id: tallyId(nist['@id']),
      name: { [lang]: nist.Name },
      ...(district.value === undefined ? {} : { district: district.value }),
    };
    const choices: ChoiceDef[] = [];
    switch (contest.kind) {
      case 'candidate': {
        let writeIns = 0;
        for (const [index, selection] of contest.nist.ContestSelection.entries()) {
          const selectionAt = [...at, 'ContestSelection', index];
          const people: z.output<typeof Candidate>[] = [];
          for (const [k, candidateId] of selection.CandidateIds.entries()) {
            const found = candidates.get(candidateId);
            if (found === undefined) {
              return failAt(
                'invalid_nist_cdf',
                [...selectionAt, 'CandidateIds', k],
                selection['@id'],
                `names no Candidate "${candidateId}"`,
              );
            }
            people.push(found.c);
          }
          const endorsed = selection.EndorsementPartyIds.find((p) => !partyIds.has(p));
          if (endorsed !== undefined) {
            return failAt(
              'invalid_nist_cdf',
              [...selectionAt, 'EndorsementPartyIds'],
              selection['@id'],
              `names no Party "${endorsed}"`,
            );
          }
          const writeIn = selection.IsWriteIn === true;
          if (people.length === 0 && !writeIn) {
            return failAt(
              'unsupported_nist_cdf',
              selectionAt,
              selection['@id'],
              'a CandidateSelection with no CandidateIds that is not a write-in',
            );
          }
          // A ticket (president and vice president) is one choice; the top of the ticket's party.
          const party =
            people.find((p) => p.PartyId !== undefined)?.PartyId ??
            selection.EndorsementPartyIds[0];
          if (writeIn && people.length === 0) writeIns += 1;
          choices.push({
            id: tallyId(selection['@id']),
            name:
              people.length > 0
                ? joinNames(people.map((p) => named(p.BallotName, p['@id'])))
                : { [lang]: writeIns === 1 ? 'Write-in' : `Write-in ${writeIns}` },
            ...(party === undefined ? {} : { party: partyIds.get(party) ?? party }),
            ...(writeIn ? { writeIn: true } : {}),
          });
        }
        contestDefs.push({
          ...base,
          kind: 'candidate',
          voteFor: contest.nist.VotesAllowed,
          choices,
        });
        break;
      }
      case 'measure': {
        for (const selection of contest.nist.ContestSelection) {
          choices.push({
            id: tallyId(selection['@id']),
            name: named(selection.Selection, selection['@id']),
          });
        }
        const text = localize(contest.nist.FullText) ?? localize(contest.nist.SummaryText);
        contestDefs.push({
          ...base,
          kind: 'measure',
          choices,
          ...(text === undefined ? {} : { text }),
        });
        break;
      }
      case 'party': {
        for (const [index, selection] of contest.nist.ContestSelection.entries()) {
          const unknown = selection.PartyIds.find((p) => !partyIds.has(p));
          if (unknown !== undefined) {
            return failAt(
              'invalid_nist_cdf',
              [...at, 'ContestSelection', index, 'PartyIds'],
              selection['@id'],
              `names no Party "${unknown}"`,
            );
          }
          const first = selection.PartyIds[0];
          choices.push({
            id: tallyId(selection['@id']),
            name: joinNames(
              selection.PartyIds.map((id) => {
                const party = parties.find((p) => p['@id'] === id);
                return named(party?.Name, id);
              }),
            ),
            ...(first === undefined ? {} : { party: partyIds.get(first) ?? first }),
          });
        }
        contestDefs.push({ ...base, kind: 'candidate', voteFor: 1, choices });
        break;
      }
      default:
        throwIllegalValue(contest);
    }
  }

  const electionName = named(election.Name, election.ElectionScopeId);
  const stem = slug(electionName[lang] ?? '') || slug(election.ElectionScopeId) || 'election';
  const definition: Definition = {
    format: 'tally-election/1',
    id: `${stem}-${election.StartDate}`,
    name: electionName,
    date: election.StartDate,
    test: options.test ?? IsTest === true,
    languages,
    // A pre-election report names no count types; results come as NIST's "total".
    voteTypes: [{ id: 'total', name: { [lang]: 'Total' } }],
    units,
    districts,
    parties: parties.map((p) => {
      const abbreviation =
        typeof p.Abbreviation === 'string'
          ? p.Abbreviation.trim() === ''
            ? undefined
            : { [lang]: p.Abbreviation }
          : localize(p.Abbreviation);
      return {
        id: tallyId(p['@id']),
        name: named(p.Name, p['@id']),
        ...(abbreviation === undefined ? {} : { abbreviation }),
      };
    }),
    contests: contestDefs,
    authority: { keys: [...options.authorityKeys] },
  };
  return parseElectionDefinition(definition);
}

/** Names of a ticket or a fusion line, per language, joined with " / ". */
function joinNames(names: readonly Localized[]): Localized {
  const first = names[0] ?? {};
  const out: Localized = {};
  for (const language of Object.keys(first)) {
    out[language] = names
      .map((n) => n[language] ?? Object.values(n)[0] ?? '')
      .filter((n) => n !== '')
      .join(' / ');
  }
  return out;
}

function parseContest(
  head: z.output<typeof NistElection>['Contest'][number],
  at: Path,
): Result<ParsedContest, NistImportProblem> {
  const id = head['@id'];
  const type = head['@type'];
  if (!Object.hasOwn(contestTypes, type)) {
    return failAt('unsupported_nist_cdf', at, id, `contest type "${type}" is not supported`);
  }
  const contestType = type as ContestType;
  const expected = contestTypes[contestType];
  if (head.ContestSelection.length === 0) {
    return failAt('unsupported_nist_cdf', at, id, 'a contest with no ContestSelection');
  }
  for (const [index, selection] of head.ContestSelection.entries()) {
    if (selection['@type'] !== expected) {
      return failAt(
        'unsupported_nist_cdf',
        [...at, 'ContestSelection', index],
        selection['@id'],
        `a ${selection['@type'].replace(/^ElectionResults\./, '')} in a ${type.replace(/^ElectionResults\./, '')} is not supported`,
      );
    }
  }
  // The head is a loose object: it still holds every field of the contest.
  const raw: unknown = head;
  let parsed: Result<ParsedContest, NistImportProblem>;
  switch (contestType) {
    case 'ElectionResults.CandidateContest': {
      const r = parseAt(CandidateContest, raw, at);
      parsed = r.ok ? ok({ kind: 'candidate', at, nist: r.value }) : r;
      break;
    }
    case 'ElectionResults.BallotMeasureContest':
    case 'ElectionResults.RetentionContest': {
      const r = parseAt(BallotMeasureContest, raw, at);
      parsed = r.ok ? ok({ kind: 'measure', at, nist: r.value }) : r;
      break;
    }
    case 'ElectionResults.PartyContest': {
      const r = parseAt(PartyContest, raw, at);
      parsed = r.ok ? ok({ kind: 'party', at, nist: r.value }) : r;
      break;
    }
    default:
      return throwIllegalValue(contestType);
  }
  if (!parsed.ok) return parsed;
  const { VoteVariation: variation, OtherVoteVariation: other } = parsed.value.nist;
  if (variation !== undefined && !countedVariations.has(variation)) {
    const detail =
      variation === 'other' && other !== undefined ? ` (OtherVoteVariation "${other}")` : '';
    return failAt(
      'unsupported_nist_cdf',
      at,
      id,
      `VoteVariation "${variation}"${detail} is not supported`,
    );
  }
  return parsed;
}

interface Geography {
  readonly units: UnitDef[];
  readonly districts: DistrictDef[];
  /** The Tally district for a contest's ElectionDistrictId; undefined for the whole election. */
  readonly districtFor: (gpId: string) => Result<string | undefined, 'unknown' | 'empty'>;
}

/**
 * The unit tree and the districts. The tree is every ReportingUnit reached from the scope through
 * ComposingGpUnitIds; a unit listed by two units sits under the more specific one, and a unit
 * whose parts already sit elsewhere in the tree is a grouping (a district), not a unit.
 * A combined-precinct, which NIST uses for precincts that report together, replaces its
 * precincts as one reporting unit when they are leaves under one parent and no district or
 * contest divides it; otherwise it is a district. Split precincts are units under their precinct.
 */
function geography(
  gpUnits: readonly z.output<typeof GpUnit>[],
  scope: string,
  contestDistricts: readonly string[],
  named: (text: NistText | undefined, fallback: string) => Localized,
): Result<Geography, NistImportProblem> {
  const byId = new Map<string, { unit: NistUnit | undefined; index: number }>();
  for (const [index, gp] of gpUnits.entries()) {
    if (byId.has(gp['@id'])) {
      return failAt(
        'invalid_nist_cdf',
        ['GpUnit', index],
        gp['@id'],
        'a second GpUnit with this @id',
      );
    }
    byId.set(gp['@id'], {
      unit: gp['@type'] === 'ElectionResults.ReportingUnit' ? gp : undefined,
      index,
    });
  }
  for (const [index, gp] of gpUnits.entries()) {
    if (gp['@type'] !== 'ElectionResults.ReportingUnit') continue;
    for (const [k, part] of (gp.ComposingGpUnitIds ?? []).entries()) {
      if (!byId.has(part)) {
        return failAt(
          'invalid_nist_cdf',
          ['GpUnit', index, 'ComposingGpUnitIds', k],
          gp['@id'],
          `names no GpUnit "${part}"`,
        );
      }
    }
  }
  if (byId.get(scope)?.unit === undefined) {
    return failAt(
      'invalid_nist_cdf',
      ['Election', 0, 'ElectionScopeId'],
      undefined,
      `names no ReportingUnit "${scope}"`,
    );
  }
  // Reporting devices are not places: a unit's devices report for the unit.
  const parts = (id: string): string[] => [
    ...new Set(
      (byId.get(id)?.unit?.ComposingGpUnitIds ?? []).filter((p) => byId.get(p)?.unit !== undefined),
    ),
  ];

  const parent = new Map<string, string>();
  const children = new Map<string, string[]>();
  const inTree = (id: string): boolean => id === scope || parent.has(id);
  const isAncestor = (a: string, b: string): boolean => {
    for (let x = parent.get(b); x !== undefined; x = parent.get(x)) if (x === a) return true;
    return false;
  };
  const attach = (id: string, to: string): void => {
    parent.set(id, to);
    children.set(to, [...(children.get(to) ?? []), id]);
  };
  const detach = (id: string): void => {
    const from = parent.get(id);
    if (from !== undefined)
      children.set(
        from,
        (children.get(from) ?? []).filter((c) => c !== id),
      );
    parent.delete(id);
  };

  const groupings = new Set<string>();
  const queue = [scope];
  for (let next = 0; next < queue.length; next++) {
    const current = queue[next] as string;
    if (!inTree(current)) continue;
    const list = parts(current);
    const loop = list.find((p) => p === current || p === scope || isAncestor(p, current));
    if (loop !== undefined) {
      const at = byId.get(current)?.index ?? 0;
      return failAt(
        'invalid_nist_cdf',
        ['GpUnit', at, 'ComposingGpUnitIds'],
        current,
        `is composed of "${loop}", which contains it`,
      );
    }
    const elsewhere = (p: string): boolean => {
      const at = parent.get(p);
      return (
        at !== undefined && at !== current && !isAncestor(at, current) && !isAncestor(current, at)
      );
    };
    const above = parent.get(current);
    if (above !== undefined && list.some(elsewhere)) {
      // Its parts already belong to other units: a grouping across the tree, so a district.
      detach(current);
      groupings.add(current);
      for (const p of list) {
        if (!inTree(p) && !groupings.has(p)) {
          attach(p, above);
          queue.push(p);
        }
      }
      continue;
    }
    for (const p of list) {
      if (groupings.has(p)) continue;
      if (!inTree(p)) {
        attach(p, current);
        queue.push(p);
      } else {
        const at = parent.get(p);
        if (at !== undefined && at !== current && isAncestor(at, current)) {
          // Listed by a unit and by a unit inside it: it belongs to the inner one.
          detach(p);
          attach(p, current);
        }
      }
    }
  }

  const alias = new Map<string, string>();
  const expand = (id: string, seen: Set<string> = new Set()): string[] => {
    if (inTree(id)) return [id];
    const combined = alias.get(id);
    if (combined !== undefined) return [combined];
    if (seen.has(id)) return [];
    seen.add(id);
    return [...new Set(parts(id).flatMap((p) => expand(p, seen)))];
  };

  const isCombined = (u: NistUnit): boolean => u.Type === 'combined-precinct' && u['@id'] !== scope;
  const dividers = [
    ...gpUnits
      .filter(
        (gp) =>
          !inTree(gp['@id']) &&
          !(gp['@type'] === 'ElectionResults.ReportingUnit' && isCombined(gp)),
      )
      .map((gp) => new Set(expand(gp['@id']))),
    ...contestDistricts.filter(inTree).map((id) => new Set([id])),
  ];
  for (const gp of gpUnits) {
    if (gp['@type'] !== 'ElectionResults.ReportingUnit' || !isCombined(gp)) continue;
    const id = gp['@id'];
    const members = parts(id);
    const owner = inTree(id) ? id : parent.get(members[0] ?? '');
    const combinable =
      owner !== undefined &&
      members.length > 0 &&
      members.every(
        (m) => parent.get(m) === owner && (children.get(m) ?? []).length === 0 && !alias.has(m),
      ) &&
      !dividers.some((d) => {
        const inside = members.filter((m) => d.has(m)).length;
        return inside > 0 && inside < members.length;
      });
    if (!combinable) continue;
    const siblings = children.get(owner) ?? [];
    if (owner === id) {
      children.delete(id);
    } else {
      const first = siblings.findIndex((s) => members.includes(s));
      const kept = siblings.filter((s) => !members.includes(s));
      kept.splice(first, 0, id);
      children.set(owner, kept);
      parent.set(id, owner);
    }
    for (const m of members) {
      parent.delete(m);
      alias.set(m, id);
    }
  }

  const nameOf = (id: string): Localized => named(byId.get(id)?.unit?.Name, id);
  const units: UnitDef[] = [];
  const visit = (id: string): void => {
    const nist = byId.get(id)?.unit;
    const above = parent.get(id);
    const voters = nist?.VotersRegistered;
    units.push({
      id: tallyId(id),
      name: nameOf(id),
      type: (nist?.Type === 'other' ? nist.OtherType : undefined) ?? nist?.Type ?? 'other',
      ...(above === undefined ? {} : { parent: tallyId(above) }),
      ...(voters === undefined ? {} : { registeredVoters: voters }),
    });
    for (const child of children.get(id) ?? []) visit(child);
  };
  visit(scope);

  const districts: DistrictDef[] = [];
  const districtIds = new Map<string, string>();
  const addDistrict = (id: string, members: readonly string[]): string => {
    const districtId = tallyId(id);
    districts.push({ id: districtId, name: nameOf(id), units: members.map(tallyId) });
    districtIds.set(id, districtId);
    return districtId;
  };
  for (const gp of gpUnits) {
    const id = gp['@id'];
    if (gp['@type'] !== 'ElectionResults.ReportingUnit' || inTree(id) || alias.has(id)) continue;
    const members = expand(id);
    if (members.length > 0) addDistrict(id, members);
  }

  const districtFor = (id: string): Result<string | undefined, 'unknown' | 'empty'> => {
    if (id === scope) return ok(undefined);
    if (byId.get(id)?.unit === undefined) return err('unknown');
    const known = districtIds.get(id);
    if (known !== undefined) return ok(known);
    // A contest on one unit of the tree: a district of that unit alone.
    if (inTree(id) || alias.has(id)) return ok(addDistrict(id, expand(id)));
    return err('empty');
  };
  return ok({ units, districts, districtFor });
}
