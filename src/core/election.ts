// The election definition: Tally's own JSON (format `tally-election/1`), parsed at the boundary
// into a precise, read-only model, and indexed for the questions ingest and tally ask of it.
import { z } from 'zod';
import { compiledCheck } from './compiled_schema.js';
import { err, ok, problem, type Problem, type Result } from './result.js';

export const ELECTION_FORMAT = 'tally-election/1';

export const Id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'an id is 1-128 letters, digits, . _ : or -');

const LanguageTag = z
  .string()
  .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 language tag such as en or fr-CA');

/**
 * An IANA time zone, as the tz database names it (America/Chicago, Europe/Paris, UTC); that the
 * name is one the tz database has is checked with the cross-references (indexElection).
 */
const TimeZone = z
  .string()
  .regex(
    /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+){0,2}$/,
    'an IANA time zone such as America/Chicago',
  );

/** Text in several languages: at least one, keyed by language tag. */
export const LocalizedText = z
  .record(LanguageTag, z.string().min(1).max(100_000))
  .refine((t) => Object.keys(t).length > 0, 'needs text in at least one language')
  .meta({ minProperties: 1 });

const Count = z.int().min(0);

export const VoteType = z.strictObject({ id: Id, name: LocalizedText });

const Position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const Ring = z.array(Position).min(4);

/** A unit's outline for maps: a GeoJSON geometry in longitude and latitude (RFC 7946). */
export const Boundary = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('Polygon'), coordinates: z.array(Ring).min(1) }),
  z.strictObject({
    type: z.literal('MultiPolygon'),
    coordinates: z.array(z.array(Ring).min(1)).min(1),
  }),
]);

export const Unit = z.strictObject({
  id: Id,
  name: LocalizedText,
  /** What the unit is, in the election office's words: state, county, precinct, region... */
  type: z.string().min(1).max(64),
  /** The unit this one is part of; absent for the one root. */
  parent: Id.optional(),
  registeredVoters: Count.optional(),
  /**
   * The ballots the election office expects the unit to cast (all vote types): what the share of
   * the expected vote counted is estimated against, before registered voters.
   */
  expectedBallots: Count.optional(),
  /**
   * The vote types the unit reports, for it and every unit beneath it that does not say: all the
   * election's when no unit above says either. A reporting unit is fully reported when each is in.
   */
  voteTypes: z.array(Id).min(1).optional(),
  boundary: Boundary.optional(),
  /**
   * Whom the election office calls when the unit has not reported. Public, as the whole definition
   * is: an office line or address, not a private one.
   */
  contact: z
    .strictObject({
      name: z.string().min(1).max(200).optional(),
      phone: z.string().min(1).max(64).optional(),
      email: z.string().min(1).max(254).optional(),
    })
    .optional(),
});

export const District = z.strictObject({
  id: Id,
  name: LocalizedText,
  /** The units whose voters vote in this district (each with everything beneath it). */
  units: z.array(Id).min(1),
});

export const Party = z.strictObject({
  id: Id,
  name: LocalizedText,
  abbreviation: LocalizedText.optional(),
});

export const Choice = z.strictObject({
  id: Id,
  name: LocalizedText,
  party: Id.optional(),
  writeIn: z.boolean().optional(),
});

const ContestBase = {
  id: Id,
  name: LocalizedText,
  /** The district whose voters have this contest on their ballot; absent for everyone. */
  district: Id.optional(),
  choices: z.array(Choice).min(1),
};

export const CandidateContest = z.strictObject({
  ...ContestBase,
  kind: z.literal('candidate'),
  voteFor: z.int().min(1).max(1000),
});

/**
 * What a measure needs to pass: its `choice` (the yes) must have more than `share` of the votes
 * cast for its choices, or at least that share with `atLeast`. A simple majority is
 * `{ choice: 'yes', share: [1, 2] }`; a two-thirds majority `{ choice: 'yes', share: [2, 3],
 * atLeast: true }`. The share is a fraction, numerator and denominator, so that two thirds are
 * exactly two thirds.
 */
export const PassRule = z.strictObject({
  choice: Id,
  share: z.tuple([z.int().min(1).max(1000), z.int().min(2).max(1000)]),
  atLeast: z.boolean().optional(),
});

export const MeasureContest = z.strictObject({
  ...ContestBase,
  kind: z.literal('measure'),
  text: LocalizedText.optional(),
  /** How it passes; without it, the pages say which choice leads, as for a candidate contest. */
  passes: PassRule.optional(),
});

/**
 * A party caucus: each reporting unit (a precinct, or a satellite caucus) reports its first and
 * final alignment of preference groups (the choices) and the county delegates each group won;
 * Tally works out the state delegate equivalents (SDEs). The math is src/core/caucus.ts.
 */
export const CaucusContest = z.strictObject({
  ...ContestBase,
  kind: z.literal('caucus'),
  /**
   * Whose 2020 rules, where they differ: in Nevada's, the first alignment counts the early
   * voters' preference cards, and a precinct with more viable groups than delegates gets one
   * more delegate for each; in Iowa's, the smallest viable groups realign instead.
   */
  rules: z.enum(['iowa-2020', 'nevada-2020']),
  /** Each reporting unit's delegates to its county convention (D), by unit id: all of them. */
  delegates: z.record(Id, z.int().min(0).max(10_000)),
  /**
   * Each county's delegates to the state convention, by the id of the unit that is the county:
   * every reporting unit lies within exactly one. A group's SDEs in a precinct are its county
   * delegates × these / the county's county delegates (the sum of its precincts' D).
   */
  stateDelegates: z.record(Id, z.int().min(0).max(100_000)),
  /**
   * The vote type a precinct's caucus report comes with (a caucus meets once, in person); the
   * election's first vote type when absent. Its other vote types' submissions leave it out.
   */
  voteType: Id.optional(),
});

export const Contest = z.discriminatedUnion('kind', [
  CandidateContest,
  MeasureContest,
  CaucusContest,
]);

/** How the office decides what the rules held for review. */
export const ReviewRules = z.strictObject({
  /**
   * How many reviewers must accept a submission that broke a rule (one held with warnings)
   * before it counts: 2 is the four-eyes rule. A conflict between sources with no warning, and
   * any rejection, needs one.
   */
  acceptWarningsWith: z.union([z.literal(1), z.literal(2)]),
});

/**
 * When results reach the public site. Until the election's results are released (a release
 * entry in its log), the site publishes nothing: no numbers, no log.
 */
export const ReleaseRules = z.strictObject({
  /**
   * When polls close: the server releases the results then, unless staff released them first.
   * Without it, staff release them.
   */
  at: z.iso.datetime({ offset: true }).optional(),
  /** Publish as results arrive, with no release (a rehearsal, a practice election). */
  beforeRelease: z.literal('publish').optional(),
});

export const ElectionDefinition = z.strictObject({
  format: z.literal(ELECTION_FORMAT),
  id: Id,
  name: LocalizedText,
  date: z.iso.date(),
  /** Where the election is held: the public pages give times there. UTC when absent. */
  timeZone: TimeZone.optional(),
  /** A test or practice election: marked TEST wherever it is shown. */
  test: z.boolean(),
  /** The languages results are published in; the first is the default. */
  languages: z.array(LanguageTag).min(1),
  voteTypes: z.array(VoteType).min(1),
  /**
   * What the pages call the units of each type (a unit's `type`), in the plural, as a label:
   * `{"precinct": {"en": "Precincts", "fr": "Bureaux de vote"}}`. Types it does not name are
   * called reporting units or areas.
   */
  levels: z.record(z.string().min(1).max(64), LocalizedText).optional(),
  units: z.array(Unit).min(1),
  districts: z.array(District).default([]),
  parties: z.array(Party).default([]),
  contests: z.array(Contest).min(1),
  /** The election authority's verifier keys (C2SP signed-note), which certify unit keys. */
  authority: z.strictObject({ keys: z.array(z.string().min(1)).min(1) }),
  /** One reviewer decides each held submission, unless this says otherwise. */
  review: ReviewRules.optional(),
  /** Results stay off the public site until staff release them, unless this says otherwise. */
  release: ReleaseRules.optional(),
  /**
   * Whether the photos submissions name (tally sheets, caucus worksheets) are published, each at
   * <election>/evidence/<sha256> once the results are released; private (staff only) if absent.
   */
  evidence: z.enum(['private', 'public']).optional(),
});

export type ElectionDefinition = Readonly<z.infer<typeof ElectionDefinition>>;
export type Unit = Readonly<z.infer<typeof Unit>>;
export type ReleaseRules = Readonly<z.infer<typeof ReleaseRules>>;
export type Boundary = Readonly<z.infer<typeof Boundary>>;
export type Contest = Readonly<z.infer<typeof Contest>>;
export type CaucusContest = Readonly<z.infer<typeof CaucusContest>>;
export type Choice = Readonly<z.infer<typeof Choice>>;
export type PassRule = Readonly<z.infer<typeof PassRule>>;
export type LocalizedText = Readonly<z.infer<typeof LocalizedText>>;

export type DefinitionProblem = Problem<'invalid_definition'>;

/** Whether the public site waits for a release entry before it publishes anything. */
export function waitsForRelease(election: Election): boolean {
  return election.definition.release?.beforeRelease !== 'publish';
}

/** How many votes each ballot may cast in a contest. */
export function voteFor(contest: Contest): number {
  return contest.kind === 'candidate' ? contest.voteFor : 1;
}

/** A zod issue path as people read it: `contests[3].choices[0].id`. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}

export function zodProblem<C extends string>(code: C, what: string, error: z.ZodError): Problem<C> {
  const first = error.issues[0];
  const where =
    first === undefined || first.path.length === 0 ? '' : ` at ${issuePath(first.path)}`;
  return problem(code, `${what}${where}: ${first?.message ?? 'invalid'}`, {
    issues: error.issues.slice(0, 20).map((i) => ({ path: issuePath(i.path), message: i.message })),
  });
}

/** The definition with the lookups every rule needs. Built once per election. */
export interface Election {
  readonly definition: ElectionDefinition;
  readonly units: ReadonlyMap<string, Unit>;
  readonly root: Unit;
  readonly children: ReadonlyMap<string, readonly string[]>;
  readonly contests: ReadonlyMap<string, Contest>;
  readonly voteTypes: ReadonlySet<string>;
  /** Units that report results: those with no units beneath them. */
  readonly reportingUnits: readonly string[];
  /** By reporting unit, the vote types it reports (its own, or the nearest unit's above). */
  readonly unitVoteTypes: ReadonlyMap<string, readonly string[]>;
  readonly districtUnits: ReadonlyMap<string, ReadonlySet<string>>;
  /** By caucus contest, where its reporting units send delegates (see CaucusCounties). */
  readonly caucusCounties: ReadonlyMap<string, CaucusCounties>;
}

/** A caucus contest's counties: what a precinct's SDEs are worked out with. */
export interface CaucusCounties {
  /** By reporting unit on the contest's ballot, the county (a unit id in `stateDelegates`). */
  readonly countyOf: ReadonlyMap<string, string>;
  /** By county: its delegates to the state convention, and to its county convention (Σ D). */
  readonly county: ReadonlyMap<
    string,
    { readonly stateDelegates: number; readonly countyDelegates: number }
  >;
}

/** Parses and checks a definition: the schema first, then every cross-reference. */
const isElectionDefinition = compiledCheck(ElectionDefinition);

export function parseElectionDefinition(input: unknown): Result<Election, DefinitionProblem> {
  // The compiled check first: a national election lists 175,000 units, over which zod takes
  // seconds (and a verifier's every thread reads the definition). What zod makes of a definition
  // it accepts is the definition with its defaults (a test holds the two roads to the same
  // definition); anything the check refuses goes to zod, whose verdict and message stand.
  if (isElectionDefinition(input)) {
    const given = input as z.input<typeof ElectionDefinition>;
    return indexElection({
      ...given,
      districts: given.districts ?? [],
      parties: given.parties ?? [],
    });
  }
  const parsed = ElectionDefinition.safeParse(input);
  if (!parsed.success) {
    return err(zodProblem('invalid_definition', 'invalid election definition', parsed.error));
  }
  return indexElection(parsed.data);
}

/** Whether the tz database (as Node.js carries it) has a time zone by this name. */
function knownTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export function indexElection(definition: ElectionDefinition): Result<Election, DefinitionProblem> {
  const bad = (message: string): Result<never, DefinitionProblem> =>
    err(problem('invalid_definition', `invalid election definition: ${message}`));

  const duplicate = (kind: string, ids: readonly string[]): string | undefined => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) return `two ${kind} have the id "${id}"`;
      seen.add(id);
    }
    return undefined;
  };
  if (definition.timeZone !== undefined && !knownTimeZone(definition.timeZone)) {
    return bad(
      `timeZone "${definition.timeZone}" is not a time zone of the tz database (such as America/Chicago)`,
    );
  }
  const dup =
    duplicate(
      'units',
      definition.units.map((u) => u.id),
    ) ??
    duplicate(
      'districts',
      definition.districts.map((d) => d.id),
    ) ??
    duplicate(
      'parties',
      definition.parties.map((p) => p.id),
    ) ??
    duplicate(
      'contests',
      definition.contests.map((c) => c.id),
    ) ??
    duplicate(
      'vote types',
      definition.voteTypes.map((v) => v.id),
    ) ??
    definition.contests
      .map((c) =>
        duplicate(
          `choices of contest "${c.id}"`,
          c.choices.map((ch) => ch.id),
        ),
      )
      .find((m) => m !== undefined);
  if (dup !== undefined) return bad(dup);
  for (const c of definition.contests) {
    if (c.kind !== 'measure' || c.passes === undefined) continue;
    const { choice, share } = c.passes;
    if (!c.choices.some((ch) => ch.id === choice)) {
      return bad(`measure "${c.id}" passes on choice "${choice}", which is not one of its choices`);
    }
    if (share[0] >= share[1]) {
      return bad(
        `measure "${c.id}" passes on a share of ${String(share[0])}/${String(share[1])}: the share must be under the whole`,
      );
    }
  }

  const units = new Map(definition.units.map((u) => [u.id, u]));
  const roots = definition.units.filter((u) => u.parent === undefined);
  const [root] = roots;
  if (root === undefined || roots.length > 1) {
    return bad(
      `exactly one unit has no parent; found ${roots.map((u) => u.id).join(', ') || 'none'}`,
    );
  }
  const children = new Map<string, string[]>();
  for (const unit of definition.units) {
    if (unit.parent === undefined) continue;
    if (!units.has(unit.parent))
      return bad(`unit "${unit.id}" names unknown parent "${unit.parent}"`);
    const list = children.get(unit.parent) ?? [];
    list.push(unit.id);
    children.set(unit.parent, list);
  }
  // Every unit must hang from the root: anything else is a cycle.
  const reached = new Set<string>();
  const stack = [root.id];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    reached.add(id);
    for (const child of children.get(id) ?? []) stack.push(child);
  }
  const orphan = definition.units.find((u) => !reached.has(u.id));
  if (orphan !== undefined) return bad(`unit "${orphan.id}" is in a cycle of parents`);

  const districtUnits = new Map<string, ReadonlySet<string>>();
  for (const district of definition.districts) {
    const unknown = district.units.find((u) => !units.has(u));
    if (unknown !== undefined)
      return bad(`district "${district.id}" names unknown unit "${unknown}"`);
    districtUnits.set(district.id, new Set(district.units));
  }
  const parties = new Set(definition.parties.map((p) => p.id));
  for (const contest of definition.contests) {
    if (contest.district !== undefined && !districtUnits.has(contest.district)) {
      return bad(`contest "${contest.id}" names unknown district "${contest.district}"`);
    }
    const party = contest.choices.find((c) => c.party !== undefined && !parties.has(c.party));
    if (party !== undefined) {
      return bad(
        `choice "${party.id}" of contest "${contest.id}" names unknown party "${party.party ?? ''}"`,
      );
    }
  }
  const voteTypes = new Set(definition.voteTypes.map((v) => v.id));
  for (const unit of definition.units) {
    const unknown = unit.voteTypes?.find((v) => !voteTypes.has(v));
    if (unknown !== undefined)
      return bad(`unit "${unit.id}" reports unknown vote type "${unknown}"`);
    const twice = unit.voteTypes?.find((v, i) => unit.voteTypes?.indexOf(v) !== i);
    if (twice !== undefined) return bad(`unit "${unit.id}" lists vote type "${twice}" twice`);
  }
  const unitTypes = new Set(definition.units.map((u) => u.type));
  const unnamed = Object.keys(definition.levels ?? {}).find((type) => !unitTypes.has(type));
  if (unnamed !== undefined) return bad(`levels name "${unnamed}", the type of no unit`);
  const keyNames = new Set<string>();
  for (const key of definition.authority.keys) {
    if (keyNames.has(key)) return bad('an authority key is listed twice');
    keyNames.add(key);
  }

  const reportingUnits = definition.units.filter((u) => !children.has(u.id)).map((u) => u.id);
  const everyVoteType = definition.voteTypes.map((v) => v.id);
  const unitVoteTypes = new Map<string, readonly string[]>();
  for (const id of reportingUnits) {
    let own: readonly string[] | undefined;
    for (let at: string | undefined = id; own === undefined && at !== undefined;) {
      const unit = units.get(at);
      own = unit?.voteTypes;
      at = unit?.parent;
    }
    unitVoteTypes.set(id, own ?? everyVoteType);
  }

  const partial = { definition, units, children, districtUnits, unitVoteTypes };
  const caucusCounties = new Map<string, CaucusCounties>();
  for (const contest of definition.contests) {
    if (contest.kind !== 'caucus') continue;
    const counties = indexCaucus(partial, reportingUnits, contest);
    if (typeof counties === 'string') return bad(`caucus "${contest.id}": ${counties}`);
    caucusCounties.set(contest.id, counties);
  }

  return ok({
    definition,
    units,
    root,
    children,
    contests: new Map(definition.contests.map((c) => [c.id, c])),
    voteTypes,
    reportingUnits,
    unitVoteTypes,
    districtUnits,
    caucusCounties,
  });
}

/**
 * A caucus contest's counties, or what is wrong with its delegates: every reporting unit on its
 * ballot, and only those, has its D; every one lies within exactly one county, whose precincts
 * elect at least one county delegate where it sends any to the state convention.
 */
function indexCaucus(
  election: Pick<Election, 'definition' | 'units' | 'children' | 'districtUnits' | 'unitVoteTypes'>,
  reportingUnits: readonly string[],
  contest: CaucusContest,
): CaucusCounties | string {
  const onBallot = reportingUnits.filter((id) => isOnBallot(election, contest, id));
  const caucusing = new Set(onBallot);
  const stray = Object.keys(contest.delegates).find((id) => !caucusing.has(id));
  if (stray !== undefined) {
    return election.units.has(stray)
      ? `delegates name unit "${stray}", which is not a reporting unit with the caucus on its ballot`
      : `delegates name unknown unit "${stray}"`;
  }
  if (
    contest.voteType !== undefined &&
    !election.definition.voteTypes.some((v) => v.id === contest.voteType)
  ) {
    return `voteType names unknown vote type "${contest.voteType}"`;
  }
  const unknownCounty = Object.keys(contest.stateDelegates).find((id) => !election.units.has(id));
  if (unknownCounty !== undefined) return `stateDelegates name unknown unit "${unknownCounty}"`;
  const countyOf = new Map<string, string>();
  const county = new Map<string, { stateDelegates: number; countyDelegates: number }>();
  for (const id of onBallot) {
    const d = contest.delegates[id];
    if (d === undefined) return `reporting unit "${id}" has no delegates`;
    const voteType = contest.voteType ?? election.definition.voteTypes[0]?.id ?? '';
    if (!(election.unitVoteTypes.get(id) ?? []).includes(voteType)) {
      return `reporting unit "${id}" does not report vote type "${voteType}", which the caucus is reported with`;
    }
    const counties = ancestry(election, id).filter((u) => contest.stateDelegates[u] !== undefined);
    const [own] = counties;
    if (own === undefined || counties.length > 1) {
      return `reporting unit "${id}" lies within ${counties.length === 0 ? 'no county of stateDelegates' : `two counties of stateDelegates (${counties.join(', ')})`}`;
    }
    countyOf.set(id, own);
    const totals = county.get(own) ?? {
      stateDelegates: contest.stateDelegates[own] ?? 0,
      countyDelegates: 0,
    };
    totals.countyDelegates += d;
    county.set(own, totals);
  }
  for (const [id, totals] of county) {
    if (totals.stateDelegates > 0 && totals.countyDelegates === 0) {
      return `county "${id}" sends ${String(totals.stateDelegates)} delegates to the state convention, but its precincts elect no county delegates`;
    }
  }
  return { countyOf, county };
}

/** The unit and every unit above it, nearest first. */
export function ancestry(election: Pick<Election, 'units'>, unitId: string): string[] {
  const chain: string[] = [];
  for (let id: string | undefined = unitId; id !== undefined; id = election.units.get(id)?.parent) {
    chain.push(id);
  }
  return chain;
}

/** True when `unitId` is `ancestorId` or lies beneath it. */
export function isWithin(election: Election, unitId: string, ancestorId: string): boolean {
  return ancestry(election, unitId).includes(ancestorId);
}

/** The vote type whose submissions carry a contest: every one, or a caucus's own. */
export function reportsContest(election: Election, contest: Contest, voteType: string): boolean {
  if (contest.kind !== 'caucus') return true;
  return voteType === (contest.voteType ?? election.definition.voteTypes[0]?.id);
}

/** Whether a contest is on the ballot of a unit's voters. */
export function isOnBallot(
  election: Pick<Election, 'units' | 'districtUnits'>,
  contest: Contest,
  unitId: string,
): boolean {
  if (contest.district === undefined) return true;
  const members = election.districtUnits.get(contest.district);
  return members !== undefined && ancestry(election, unitId).some((id) => members.has(id));
}

/** By election, the contests on the ballot anywhere within each unit, as found (each once). */
const within = new WeakMap<Election, Map<string, ReadonlySet<string>>>();

/**
 * The contests on the ballot of some voter within a unit (itself or a unit beneath it): those of
 * no district, and those of a district with a member that is the unit, above it or beneath it.
 */
export function contestsWithin(election: Election, unitId: string): ReadonlySet<string> {
  let byUnit = within.get(election);
  if (byUnit === undefined) {
    byUnit = new Map();
    within.set(election, byUnit);
  }
  const known = byUnit.get(unitId);
  if (known !== undefined) return known;
  const above = new Set(ancestry(election, unitId));
  const found = new Set<string>();
  for (const c of election.definition.contests) {
    const members = c.district === undefined ? undefined : election.districtUnits.get(c.district);
    if (
      c.district === undefined ||
      (members !== undefined &&
        [...members].some((m) => above.has(m) || ancestry(election, m).includes(unitId)))
    ) {
      found.add(c.id);
    }
  }
  if (election.units.has(unitId)) byUnit.set(unitId, found);
  return found;
}

/** By election, the contests on each of its units' ballots, as found (each once). */
const ballots = new WeakMap<Election, Map<string, readonly Contest[]>>();

/** The contests on a unit's ballot, in definition order. */
export function contestsOnBallot(election: Election, unitId: string): readonly Contest[] {
  let byUnit = ballots.get(election);
  if (byUnit === undefined) {
    byUnit = new Map();
    ballots.set(election, byUnit);
  }
  const known = byUnit.get(unitId);
  if (known !== undefined) return known;
  const found = election.definition.contests.filter((c) => isOnBallot(election, c, unitId));
  // Only the election's own units are kept: an id from outside may be anything.
  if (election.units.has(unitId)) byUnit.set(unitId, found);
  return found;
}
