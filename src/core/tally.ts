// The tally: what each area (every unit of the hierarchy, and every district) has counted so far,
// per contest and vote type. A published total is the sum, over reporting units, of each unit's
// latest accepted submission per vote type (DESIGN.md). `Tally` keeps that sum incrementally as
// log entries arrive; `checkTally` checks a set of results against the counted submissions from
// scratch, so the publisher can refuse totals that do not add up.
import type { PublishedStatus } from './admission.js';
import { stateDelegateEquivalents } from './caucus.js';
import { ancestry, contestsOnBallot, voteFor, type Contest, type Election } from './election.js';
import type { LogEntry } from './log_entry.js';
import { problem, type Problem } from './result.js';
import { slotKey, type ContestResult, type Submission } from './submission.js';

/** One contest's numbers in one area for one vote type, or for all of them. */
export interface ContestTotals {
  readonly ballotsCast: number;
  readonly overvotes: number;
  readonly undervotes: number;
  /**
   * Votes per choice, every choice of the contest present, in definition order; for a caucus,
   * members per preference group in the final alignment.
   */
  readonly counts: Readonly<Record<string, number>>;
  /** A caucus contest's other numbers per preference group. */
  readonly caucus?: CaucusTotals;
}

/** A caucus's numbers per preference group beyond its final alignment. */
export interface CaucusTotals {
  /** Members in the first alignment. */
  readonly first: Readonly<Record<string, number>>;
  /** County delegates won. */
  readonly delegates: Readonly<Record<string, number>>;
  /**
   * State delegate equivalents, in ten-thousandths (whole numbers): each precinct's to 4 decimal
   * places, as the party works them out, and an area's the sum of its precincts'.
   */
  readonly sde: Readonly<Record<string, number>>;
}

export interface Reporting {
  /** Reporting units with at least one counted submission (for a contest: one that has it). */
  readonly reported: number;
  /** Reporting units in the area (for a contest: those with it on their ballot). */
  readonly expected: number;
}

/**
 * How far an area's count has come, beyond which units have sent anything: its reporting units
 * with every vote type they report in, and an estimate of the ballots it will cast in all.
 */
export interface Progress {
  /** Reporting units with a counted submission for every vote type they report. */
  readonly fullyReported: number;
  /**
   * The ballots the area is expected to cast in all (estimateExpectedBallots), or undefined when
   * some unit in it has neither expected ballots nor registered voters to estimate from, or
   * nothing is counted yet.
   */
  readonly expectedBallots?: number | undefined;
}

export interface ContestResults {
  readonly contest: string;
  readonly reporting: Reporting;
  readonly total: ContestTotals;
  /** Every vote type of the election, in definition order. */
  readonly byVoteType: Readonly<Record<string, ContestTotals>>;
  /**
   * The choices with the most votes so far (several when tied; as many as are elected when
   * vote-for is above one, with every choice tied at the last place); empty before any vote.
   */
  readonly leaders: readonly string[];
}

export interface AreaResults {
  readonly area: string;
  readonly kind: 'unit' | 'district';
  readonly registeredVoters: number;
  readonly ballotsCast: {
    readonly total: number;
    readonly byVoteType: Readonly<Record<string, number>>;
  };
  readonly reporting: Reporting;
  readonly progress: Progress;
  /** The contests on the ballot anywhere in the area, in definition order. */
  readonly contests: readonly ContestResults[];
}

/** What a row of an areas table says of an area: ballots cast, registered voters, reporting. */
export interface AreaOverview {
  readonly registeredVoters: number;
  readonly ballotsCast: number;
  readonly reporting: Reporting;
  readonly progress: Progress;
}

/** A submission that counts: the latest accepted one for its unit and vote type. */
export interface CountedSubmission {
  readonly leafIndex: number;
  readonly submission: Submission;
  /** When the office received it (its entry's time), where the tally was told: see `trend`. */
  readonly receivedAt?: string;
}

/**
 * The width of the slots of the night's trend, in milliseconds: a counted submission's numbers
 * are added to the slot of the time it was received.
 */
export const TREND_SLOT_MS = 10_000;

/**
 * A contest's trend as kept: per slot of TREND_SLOT_MS (its index from the epoch), what the
 * submissions received then that count now add to each choice's votes.
 */
export interface TrendSlots {
  /** Slot index to [votes added per choice of every contest, in order], for slots with any. */
  readonly slots: ReadonlyMap<number, Float64Array>;
  /** Where each contest's choices start in a slot's numbers. */
  readonly offsets: ReadonlyMap<string, number>;
}

/**
 * The latest accepted submission per unit and vote type, as a publisher keeps it apart from the
 * tally, and the order in which units' submissions changed: a check (checkTally) then reads only
 * the units that changed since it last looked, not every submission (at 175,000 precincts and
 * 500 new submissions a check, 49-56 ms a check, against 69-98 ms going through every one).
 */
export class CountedSubmissions implements Iterable<CountedSubmission> {
  private readonly bySlot = new Map<string, CountedSubmission>();
  /** Each unit's, in the order of bySlot's. */
  private readonly byUnit = new Map<string, CountedSubmission[]>();
  private readonly changes: string[] = [];

  /** `counted` counts for its unit and vote type from now on, in place of the one before. */
  set(counted: CountedSubmission): void {
    const { unit, voteType } = counted.submission;
    this.bySlot.set(slotKey(unit, voteType), counted);
    const slots = this.byUnit.get(unit) ?? [];
    const at = slots.findIndex((c) => c.submission.voteType === voteType);
    if (at >= 0) slots[at] = counted;
    else slots.push(counted);
    this.byUnit.set(unit, slots);
    this.changes.push(unit);
  }

  [Symbol.iterator](): IterableIterator<CountedSubmission> {
    return this.bySlot.values();
  }

  /** How many changes there were: unit `changedUnit(i)` changed at the i-th. */
  get changeCount(): number {
    return this.changes.length;
  }

  changedUnit(i: number): string {
    return this.changes[i] ?? '';
  }

  /** A unit's submissions that count, in the order the whole iterates them. */
  ofUnit(unit: string): readonly Submission[] {
    return (this.byUnit.get(unit) ?? []).map((c) => c.submission);
  }
}

/** The numbers of the areas above the reporting units, as `Tally.sums` gives them. */
export interface TallySums {
  readonly areas: readonly {
    readonly id: string;
    readonly revision: number;
    readonly reported: number;
    readonly ballotsCast: Float64Array;
    readonly numbers: Float64Array;
    readonly progress: Float64Array;
  }[];
  /** The trend's slots (see Tally.trend): [slot index, counted submissions in it, ...votes]. */
  readonly trend: readonly (readonly [number, Float64Array])[];
}

interface ContestShape {
  readonly contest: Contest;
  readonly choiceIndex: ReadonlyMap<string, number>;
  /** Where the contest's numbers start in an area's vector. */
  readonly offset: number;
  /** Numbers per vote type: [ballotsCast, overvotes, undervotes, ...choices]. */
  readonly width: number;
}

// Per vote type, a contest's numbers are [ballotsCast, overvotes, undervotes, ...choices]; a
// caucus's, then its groups' first alignment, county delegates and SDEs (CAUCUS_FIELDS).
const FIXED = 3;
const CAUCUS_FIELDS = ['first', 'delegates', 'sde'] as const;

/** How many numbers a contest has per vote type. */
function contestWidth(contest: Contest): number {
  const groups = contest.choices.length;
  return FIXED + groups * (contest.kind === 'caucus' ? 1 + CAUCUS_FIELDS.length : 1);
}

/**
 * A caucus result's numbers beyond its final alignment, by field and group (in definition
 * order): first alignment, county delegates, and the SDEs those delegates are worth in the
 * precinct's county, in ten-thousandths. Undefined for a ballot contest.
 */
export function caucusNumbers(
  election: Election,
  contest: Contest,
  unitId: string,
  result: ContestResult,
): readonly (readonly number[])[] | undefined {
  const report = result.caucus;
  if (contest.kind !== 'caucus' || report === undefined) return undefined;
  const counties = election.caucusCounties.get(contest.id);
  const county = counties?.county.get(counties.countyOf.get(unitId) ?? '');
  const first = contest.choices.map((c) => report.first[c.id] ?? 0);
  const delegates = contest.choices.map((c) => report.delegates[c.id] ?? 0);
  const sde = delegates.map((d) =>
    county === undefined || county.countyDelegates === 0 ? 0 : stateDelegateEquivalents(d, county),
  );
  return [first, delegates, sde];
}

// An area's contest block is [units expected, units reported, then per vote type its numbers].
const EXPECTED = 0;
const REPORTED = 1;
const HEAD = 2;

interface AreaState {
  readonly id: string;
  readonly kind: 'unit' | 'district';
  /** The log index of the last entry that changed the area's numbers; -1 for none. */
  revision: number;
  registeredVoters: number;
  expected: number;
  reported: number;
  /** Ballots cast per vote type index (a reporting unit's: made with its vector). */
  ballotsCast: Float64Array;
  /**
   * Every contest's block, at its shape's offset (units expected 0: not on a ballot here).
   * A reporting unit's is made when first needed (see `vector`): most are never read.
   */
  numbers: Float64Array;
  /** A reporting unit's contests: where its vector, once made, has units expected 1. */
  readonly onBallot?: readonly ContestShape[];
  /**
   * An area above the reporting units: [units fully reported, per vote type the base of the
   * units that reported it, per vote type the base of the units that report it, units with no
   * base] (see estimateExpectedBallots). Empty for a reporting unit, whose own is worked out.
   */
  readonly progress: Float64Array;
}

// Where an area's progress numbers sit: units fully reported, then per vote type the base
// (expected ballots, else registered voters) of its units that reported it, then of those that
// report it, then how many units have no base.
const FULLY = 0;
const REPORTED_BASE = 1;

const NOT_YET = new Float64Array(0);
/**
 * Reporting units' vectors are cut from slabs of about this many numbers (8 MB), or of one vector
 * where one is larger: one buffer each would be hundreds of thousands of separate allocations,
 * which the garbage collector tracks one by one.
 */
const SLAB_NUMBERS = 1 << 20;

interface UnitState {
  /** The areas a reporting unit's numbers add to: itself, its ancestors, its districts. */
  readonly areas: readonly AreaState[];
  /** Counted submission per vote type index. */
  readonly counted: (CountedSubmission | undefined)[];
  /** Per vote type index, whether the unit reports it. */
  readonly reports: readonly boolean[];
  /** Its expected ballots, else registered voters; undefined when it has neither. */
  readonly base: number | undefined;
}

/** The slot a submission fills: its unit and vote type. */

/**
 * The running tally of one election. Pure: it changes only through `apply`. Each area's numbers
 * are one flat vector, so that an election of 175,000 units and 50 contests fits in memory.
 */
export class Tally {
  private readonly shapes = new Map<string, ContestShape>();
  private readonly voteTypeIndex: ReadonlyMap<string, number>;
  private readonly areas = new Map<string, AreaState>();
  private readonly units = new Map<string, UnitState>();
  private readonly countedSlots = new Map<string, CountedSubmission>();
  /** Submissions held for review and not yet decided, by entry. */
  private readonly held = new Map<number, { submission: Submission; receivedAt: string }>();
  /**
   * The night's trend: per slot of TREND_SLOT_MS, the counted submissions received in it and
   * what they add to every contest's choices (at trendOffsets) where the contest is decided.
   */
  private readonly trendSlots = new Map<number, Float64Array>();
  private readonly trendOffsets = new Map<string, number>();
  private readonly trendWidth: number;
  private readonly contestRevisions = new Map<string, number>();
  /** Every change of a contest's status, in log order. */
  private readonly statusChanges: PublishedStatus[] = [];
  /** The results of areas above the reporting units as last built, until their revision moves. */
  private readonly built = new Map<string, { revision: number; results: AreaResults }>();
  private applied = 0;
  /** The reporting units whose revision moved, in order, once per move (see changedUnit). */
  private readonly unitChanges: string[] = [];
  /** The length of an area's vector. */
  private readonly size: number;
  /** The slab reporting units' vectors are cut from (vector), and how much of it is used. */
  private slab = new Float64Array(0);
  private slabUsed = 0;
  /** Where `build` sums a contest's vote types. */
  private sum = new Float64Array(0);

  constructor(readonly election: Election) {
    const { definition } = election;
    const voteTypes = definition.voteTypes.length;
    let offset = 0;
    for (const contest of definition.contests) {
      const width = contestWidth(contest);
      this.shapes.set(contest.id, {
        contest,
        choiceIndex: new Map(contest.choices.map((c, i) => [c.id, i])),
        offset,
        width,
      });
      offset += HEAD + voteTypes * width;
    }
    const size = offset;
    this.size = size;
    let trendAt = 1;
    for (const contest of definition.contests) {
      this.trendOffsets.set(contest.id, trendAt);
      trendAt += contest.choices.length;
    }
    this.trendWidth = trendAt;
    this.voteTypeIndex = new Map(definition.voteTypes.map((v, i) => [v.id, i]));
    // A reporting unit's vectors (it has `onBallot`) are made when first needed.
    const area = (
      id: string,
      kind: 'unit' | 'district',
      onBallot?: readonly ContestShape[],
    ): AreaState => ({
      id,
      kind,
      revision: -1,
      registeredVoters: 0,
      expected: 0,
      reported: 0,
      ballotsCast: onBallot === undefined ? new Float64Array(voteTypes) : NOT_YET,
      numbers: onBallot === undefined ? new Float64Array(size) : NOT_YET,
      progress: onBallot === undefined ? new Float64Array(2 + 2 * voteTypes) : NOT_YET,
      ...(onBallot === undefined ? {} : { onBallot }),
    });
    const districtStates = new Map(
      definition.districts.map((d) => [d.id, area(d.id, 'district')] as const),
    );
    const districtsOf = new Map<string, AreaState[]>();
    for (const district of definition.districts) {
      for (const member of district.units) {
        const list = districtsOf.get(member) ?? [];
        list.push(districtStates.get(district.id) as AreaState);
        districtsOf.set(member, list);
      }
    }
    /** The districts a reporting unit is in, through itself or any unit above it. */
    const districtsAbove = new Map<string, AreaState[]>();
    // Units with the same districts have the same contests on their ballot.
    const ballots = new Map<string, readonly ContestShape[]>();
    const reporting = new Set(election.reportingUnits);
    for (const unit of definition.units) {
      if (!reporting.has(unit.id)) {
        this.areas.set(unit.id, area(unit.id, 'unit'));
        continue;
      }
      const districts: AreaState[] = [];
      for (const id of ancestry(election, unit.id)) {
        for (const d of districtsOf.get(id) ?? []) if (!districts.includes(d)) districts.push(d);
      }
      districtsAbove.set(unit.id, districts);
      const key = districts.map((d) => d.id).join('\u0000');
      let onBallot = ballots.get(key);
      if (onBallot === undefined) {
        const within = new Set(districts.map((d) => d.id));
        onBallot = [...this.shapes.values()].filter(
          (shape) => shape.contest.district === undefined || within.has(shape.contest.district),
        );
        ballots.set(key, onBallot);
      }
      // A reporting unit's vectors are made when first needed (`vector`): a verifier's worker
      // counts only some units.
      this.areas.set(unit.id, area(unit.id, 'unit', onBallot));
    }
    for (const [id, state] of districtStates) this.areas.set(id, state);
    /** Per area above the units, how many of its units have each ballot (contests on it). */
    const ballotsBelow = new Map<AreaState, Map<readonly ContestShape[], number>>();
    for (const unitId of election.reportingUnits) {
      const own = this.areas.get(unitId) as AreaState;
      const areas: AreaState[] = [own];
      for (const id of ancestry(election, unitId)) {
        const a = this.areas.get(id);
        if (a !== undefined && a !== own) areas.push(a);
      }
      areas.push(...(districtsAbove.get(unitId) ?? []));
      const definitionUnit = election.units.get(unitId);
      const registered = definitionUnit?.registeredVoters ?? 0;
      const base = definitionUnit?.expectedBallots ?? definitionUnit?.registeredVoters;
      const reportsTypes = new Set(election.unitVoteTypes.get(unitId) ?? []);
      const reports = definition.voteTypes.map((v) => reportsTypes.has(v.id));
      for (const a of areas) {
        a.expected++;
        a.registeredVoters += registered;
        if (a !== own) {
          const p = a.progress;
          if (base === undefined) bump(p, 1 + 2 * voteTypes, 1);
          else for (let t = 0; t < voteTypes; t++) if (reports[t]) bump(p, 1 + voteTypes + t, base);
        }
        if (a === own || own.onBallot === undefined) continue;
        const below = ballotsBelow.get(a) ?? new Map<readonly ContestShape[], number>();
        below.set(own.onBallot, (below.get(own.onBallot) ?? 0) + 1);
        ballotsBelow.set(a, below);
      }
      this.units.set(unitId, {
        areas,
        counted: definition.voteTypes.map(() => undefined),
        reports,
        base,
      });
    }
    // Each contest's expected units in an area: its units with the contest on their ballot.
    for (const [a, below] of ballotsBelow) {
      for (const [onBallot, units] of below) {
        for (const shape of onBallot) bump(a.numbers, shape.offset + EXPECTED, units);
      }
    }
  }

  /** How many log entries have been applied: the tally is as of this log size. */
  get logSize(): number {
    return this.applied;
  }

  /**
   * The log index of the last entry that changed an area's numbers (-1 for none): what is
   * built from an area's results needs rebuilding only when this moves.
   */
  revision(areaId: string): number {
    return this.areas.get(areaId)?.revision ?? -1;
  }

  /**
   * How many times a reporting unit's revision moved; `changedUnit(i)` is the unit the i-th
   * time. One who keeps what depends on units' revisions (a publisher's groups of units) reads
   * only the moves since it last looked, rather than every unit again.
   */
  get unitChangeCount(): number {
    return this.unitChanges.length;
  }

  changedUnit(i: number): string {
    return this.unitChanges[i] ?? '';
  }

  /** The log index of the last entry that changed a contest's numbers anywhere (-1 for none). */
  contestRevision(contestId: string): number {
    return this.contestRevisions.get(contestId) ?? -1;
  }

  /**
   * Every change of a contest's status, in log order (a contest none names is unofficial): the
   * admission rules decided each entry before the tally applies it.
   */
  statuses(): readonly PublishedStatus[] {
    return this.statusChanges;
  }

  /** The submissions that count now, by unit and vote type. */
  counted(): IterableIterator<CountedSubmission> {
    return this.countedSlots.values();
  }

  /**
   * Applies the next log entry (entry `logSize`). Only accepted submissions count, from the
   * entry that accepted them (their own, or a review's); a later accepted submission for the
   * same unit and vote type replaces the earlier one.
   */
  apply(entry: LogEntry): void {
    const leafIndex = this.applied++;
    if (entry.type === 'contest-status') {
      const { contest, status, winners, time, by, reason } = entry;
      this.statusChanges.push({
        contest,
        status,
        time,
        by,
        reason,
        entry: leafIndex,
        ...(winners === undefined ? {} : { winners }),
      });
      return;
    }
    if (entry.type === 'review') {
      // A held submission a reviewer accepts counts from the review's entry on.
      const held = this.held.get(entry.entry);
      this.held.delete(entry.entry);
      if (held !== undefined && entry.decision === 'accept') {
        this.count(leafIndex, held.submission, held.receivedAt);
      }
      return;
    }
    if (entry.type !== 'submission') return;
    if (entry.status === 'held') {
      this.held.set(leafIndex, {
        submission: entry.signed.submission,
        receivedAt: entry.receivedAt,
      });
    } else this.count(leafIndex, entry.signed.submission, entry.receivedAt);
  }

  /**
   * Counts an accepted submission recorded at `leafIndex`, unless its unit and vote type already
   * count a later one. What `apply` does for each accepted submission; a tally of some units
   * alone (a verifier's worker) calls it directly with the submissions that count.
   */
  count(leafIndex: number, submission: Submission, receivedAt?: string): void {
    if (submission.election !== this.election.definition.id) return;
    const unit = this.units.get(submission.unit);
    const vt = this.voteTypeIndex.get(submission.voteType);
    // Ingest accepts only submissions that fit the definition; anything else is not counted.
    if (unit === undefined || vt === undefined) return;
    if ((unit.counted[vt]?.leafIndex ?? -1) > leafIndex) return;
    const previous = unit.counted[vt];
    const wasReported = unit.counted.some((c) => c !== undefined);
    const wasFully = fullyReported(unit);
    const contestsBefore = this.reportedContests(unit);
    // The latest entry, however the units are counted: a verifier's worker counts group by group.
    for (const a of unit.areas) a.revision = Math.max(a.revision, leafIndex);
    this.unitChanges.push(submission.unit);
    const touched = new Set<string>();
    for (const s of [previous?.submission, submission]) {
      for (const r of s?.contests ?? []) {
        this.contestRevisions.set(r.contest, leafIndex);
        touched.add(r.contest);
      }
    }
    if (previous !== undefined) this.add(unit, vt, previous.submission, -1);
    if (previous?.receivedAt !== undefined) {
      this.addTrend(unit, previous.submission, previous.receivedAt, -1);
    }
    if (receivedAt !== undefined) this.addTrend(unit, submission, receivedAt, 1);
    const next =
      receivedAt === undefined ? { leafIndex, submission } : { leafIndex, submission, receivedAt };
    unit.counted[vt] = next;
    this.countedSlots.set(slotKey(submission.unit, submission.voteType), next);
    this.add(unit, vt, submission, 1);
    if (!wasReported) for (const a of unit.areas) a.reported++;
    // The first of this vote type from the unit: its base joins the type's reported base.
    if (previous === undefined) {
      const fully = !wasFully && fullyReported(unit);
      for (const a of unit.areas) {
        if (a.progress.length === 0) continue;
        if (unit.reports[vt] === true) bump(a.progress, REPORTED_BASE + vt, unit.base ?? 0);
        if (fully) bump(a.progress, FULLY, 1);
      }
    }
    // A replacement may add contests the unit had not reported, or drop some it had.
    const contestsAfter = this.reportedContests(unit);
    const adjust = (ids: ReadonlySet<string>, others: ReadonlySet<string>, by: 1 | -1): void => {
      for (const id of ids) {
        const shape = this.shapes.get(id);
        if (others.has(id) || shape === undefined) continue;
        for (const a of unit.areas) {
          const n = this.vector(a);
          if ((n[shape.offset + EXPECTED] ?? 0) > 0) bump(n, shape.offset + REPORTED, by);
        }
      }
    };
    adjust(contestsAfter, contestsBefore, 1);
    adjust(contestsBefore, contestsAfter, -1);
  }

  /**
   * The night's trend, as kept: per slot of TREND_SLOT_MS, what the counted submissions received
   * then add to each contest where it is decided (its district, or everywhere). Only submissions
   * counted with the time they were received are in it. A function of the submissions that count
   * now, not of those they replaced: an amendment's numbers are in its own slot, and those it
   * replaced nowhere.
   */
  trend(): TrendSlots {
    return { slots: this.trendSlots, offsets: this.trendOffsets };
  }

  private addTrend(
    unit: UnitState,
    submission: Submission,
    receivedAt: string,
    sign: 1 | -1,
  ): void {
    const slot = Math.floor(Date.parse(receivedAt) / TREND_SLOT_MS);
    if (!Number.isFinite(slot)) return;
    let numbers = this.trendSlots.get(slot);
    if (numbers === undefined) {
      numbers = new Float64Array(this.trendWidth);
      this.trendSlots.set(slot, numbers);
    }
    numbers[0] = (numbers[0] ?? 0) + sign;
    for (const result of submission.contests) {
      const shape = this.shapes.get(result.contest);
      const at = this.trendOffsets.get(result.contest);
      if (shape === undefined || at === undefined) continue;
      const scope = this.areas.get(shape.contest.district ?? this.election.root.id);
      if (scope === undefined || !unit.areas.includes(scope)) continue;
      for (const choice in result.counts) {
        const i = shape.choiceIndex.get(choice);
        if (i !== undefined) bump(numbers, at + i, sign * (result.counts[choice] ?? 0));
      }
    }
    // A slot none of the counted submissions is in is no slot: the same, however counted.
    if (numbers[0] === 0) this.trendSlots.delete(slot);
  }

  private reportedContests(unit: UnitState): Set<string> {
    const ids = new Set<string>();
    for (const c of unit.counted) for (const r of c?.submission.contests ?? []) ids.add(r.contest);
    return ids;
  }

  private add(unit: UnitState, vt: number, submission: Submission, sign: 1 | -1): void {
    const vectors = unit.areas.map((a) => {
      // A reporting unit's vectors (its ballots cast too) are made here, when first needed.
      const n = this.vector(a);
      a.ballotsCast[vt] = (a.ballotsCast[vt] ?? 0) + sign * submission.ballotsCast;
      return n;
    });
    // Each contest's numbers found once, then added to every area the unit is part of.
    for (const result of submission.contests) {
      const shape = this.shapes.get(result.contest);
      if (shape === undefined) continue;
      const at = shape.offset + HEAD + vt * shape.width;
      const places: number[] = [];
      const votes: number[] = [];
      for (const choice in result.counts) {
        const i = shape.choiceIndex.get(choice);
        if (i === undefined) continue;
        places.push(at + FIXED + i);
        votes.push(sign * (result.counts[choice] ?? 0));
      }
      const caucus = caucusNumbers(this.election, shape.contest, submission.unit, result);
      const groups = shape.contest.choices.length;
      caucus?.forEach((field, f) => {
        for (let i = 0; i < groups; i++) {
          places.push(at + FIXED + (f + 1) * groups + i);
          votes.push(sign * (field[i] ?? 0));
        }
      });
      for (const n of vectors) {
        if ((n[shape.offset + EXPECTED] ?? 0) === 0) continue;
        n[at] = (n[at] ?? 0) + sign * result.ballotsCast;
        n[at + 1] = (n[at + 1] ?? 0) + sign * result.overvotes;
        n[at + 2] = (n[at + 2] ?? 0) + sign * result.undervotes;
        for (let k = 0; k < places.length; k++) {
          const p = places[k] as number;
          n[p] = (n[p] ?? 0) + (votes[k] as number);
        }
      }
    }
  }

  /**
   * What the counted submissions add to each area above the reporting units: additive, so the
   * tallies of disjoint sets of units (a verifier's workers) add up to the tally of them all.
   */
  sums(): TallySums {
    const areas: TallySums['areas'][number][] = [];
    for (const a of this.areas.values()) {
      if (this.units.has(a.id) || a.reported === 0) continue;
      areas.push({
        id: a.id,
        revision: a.revision,
        reported: a.reported,
        ballotsCast: a.ballotsCast.slice(),
        numbers: a.numbers.slice(),
        progress: a.progress.slice(),
      });
    }
    return { areas, trend: [...this.trendSlots].map(([slot, n]) => [slot, n.slice()] as const) };
  }

  /** Adds another tally's sums (of other units) into this one's areas above the units. */
  addSums(sums: TallySums): void {
    const voteTypes = this.voteTypeIndex.size;
    for (const from of sums.areas) {
      const a = this.areas.get(from.id);
      if (a === undefined || this.units.has(a.id)) continue;
      a.revision = Math.max(a.revision, from.revision);
      a.reported += from.reported;
      for (let i = 0; i < voteTypes; i++)
        a.ballotsCast[i] = (a.ballotsCast[i] ?? 0) + (from.ballotsCast[i] ?? 0);
      // Units fully reported and the reported bases; what units report the definition sets.
      for (let i = FULLY; i < REPORTED_BASE + voteTypes; i++) {
        a.progress[i] = (a.progress[i] ?? 0) + (from.progress[i] ?? 0);
      }
      // Everything but units expected, which the definition sets.
      for (const shape of this.shapes.values()) {
        const end = shape.offset + HEAD + voteTypes * shape.width;
        for (let i = shape.offset + REPORTED; i < end; i++) {
          a.numbers[i] = (a.numbers[i] ?? 0) + (from.numbers[i] ?? 0);
        }
      }
      this.built.delete(a.id);
    }
    for (const [slot, from] of sums.trend) {
      const numbers = this.trendSlots.get(slot) ?? new Float64Array(this.trendWidth);
      for (let i = 0; i < numbers.length; i++) numbers[i] = (numbers[i] ?? 0) + (from[i] ?? 0);
      if (numbers[0] === 0) this.trendSlots.delete(slot);
      else this.trendSlots.set(slot, numbers);
    }
  }

  /** Every area's results: the units of the hierarchy in definition order, then the districts. */
  results(): AreaResults[] {
    return [...this.areas.keys()].map((id) => this.area(id) as AreaResults);
  }

  /**
   * One area's results, or undefined for an id that is no unit or district. Those of areas
   * above the reporting units are kept until their numbers change; a reporting unit's are
   * built afresh each time (there may be hundreds of thousands).
   */
  area(id: string): AreaResults | undefined {
    const a = this.areas.get(id);
    if (a === undefined) return undefined;
    if (this.units.has(id)) return this.build(a);
    const known = this.built.get(id);
    if (known?.revision === a.revision) return known.results;
    const results = this.build(a);
    this.built.set(id, { revision: a.revision, results });
    return results;
  }

  /** An area's overview, without building its results (a reporting unit's are built afresh). */
  overview(id: string): AreaOverview | undefined {
    const a = this.areas.get(id);
    if (a === undefined) return undefined;
    let ballots = 0;
    for (const cast of a.ballotsCast) ballots += cast;
    return {
      registeredVoters: a.registeredVoters,
      ballotsCast: ballots,
      reporting: { reported: a.reported, expected: a.expected },
      progress: this.progress(a),
    };
  }

  /** An area's vector, made now for a reporting unit that had none. */
  private vector(a: AreaState): Float64Array {
    if (a.numbers === NOT_YET) {
      const size = this.size + this.voteTypeIndex.size;
      if (this.slabUsed + size > this.slab.length) {
        this.slab = new Float64Array(Math.max(1, Math.floor(SLAB_NUMBERS / size)) * size);
        this.slabUsed = 0;
      }
      a.numbers = this.slab.subarray(this.slabUsed, this.slabUsed + this.size);
      a.ballotsCast = this.slab.subarray(this.slabUsed + this.size, this.slabUsed + size);
      this.slabUsed += size;
      for (const shape of a.onBallot ?? []) a.numbers[shape.offset + EXPECTED] = 1;
    }
    return a.numbers;
  }

  private build(a: AreaState): AreaResults {
    const voteTypes = this.election.definition.voteTypes;
    const n = this.vector(a);
    const contests: ContestResults[] = [];
    for (const shape of this.shapes.values()) {
      const { contest, offset, width } = shape;
      const expected = n[offset + EXPECTED] ?? 0;
      if (expected === 0) continue;
      const byVoteType: Record<string, ContestTotals> = {};
      // Summed in one buffer for every contest and area: totalsOf copies what it reads.
      if (this.sum.length < width) this.sum = new Float64Array(width);
      const sum = this.sum.fill(0, 0, width);
      for (let i = 0; i < voteTypes.length; i++) {
        const at = offset + HEAD + i * width;
        for (let k = 0; k < width; k++) sum[k] = (sum[k] ?? 0) + (n[at + k] ?? 0);
        byVoteType[voteTypes[i]?.id ?? ''] = totalsOf(contest, n, at);
      }
      const total = totalsOf(contest, sum, 0);
      contests.push({
        contest: contest.id,
        reporting: { reported: n[offset + REPORTED] ?? 0, expected },
        total,
        byVoteType,
        leaders: leadersOf(contest, total),
      });
    }
    const byVoteType: Record<string, number> = {};
    let ballots = 0;
    for (let i = 0; i < voteTypes.length; i++) {
      const cast = a.ballotsCast[i] ?? 0;
      byVoteType[voteTypes[i]?.id ?? ''] = cast;
      ballots += cast;
    }
    return {
      area: a.id,
      kind: a.kind,
      registeredVoters: a.registeredVoters,
      ballotsCast: { total: ballots, byVoteType },
      reporting: { reported: a.reported, expected: a.expected },
      progress: this.progress(a),
      contests,
    };
  }

  /** An area's progress; a reporting unit's worked out from its own counted submissions. */
  private progress(a: AreaState): Progress {
    const voteTypes = this.voteTypeIndex.size;
    const unit = this.units.get(a.id);
    if (unit === undefined) {
      const p = a.progress;
      return {
        fullyReported: p[FULLY] ?? 0,
        expectedBallots: estimateExpectedBallots({
          ballotsCast: a.ballotsCast,
          reportedBase: p.subarray(REPORTED_BASE, REPORTED_BASE + voteTypes),
          reportingBase: p.subarray(REPORTED_BASE + voteTypes, REPORTED_BASE + 2 * voteTypes),
          unitsWithoutBase: p[REPORTED_BASE + 2 * voteTypes] ?? 0,
        }),
      };
    }
    return progressOfUnit(unit.reports, unit.base, (t) => unit.counted[t]?.submission.ballotsCast);
  }
}

/** A reporting unit's progress, from the ballots of each vote type it has counted. */
export function unitProgress(
  election: Election,
  unitId: string,
  ballotsByVoteType: ReadonlyMap<string, number>,
): Progress {
  const unit = election.units.get(unitId);
  const reports = new Set(election.unitVoteTypes.get(unitId) ?? []);
  const types = election.definition.voteTypes;
  return progressOfUnit(
    types.map((v) => reports.has(v.id)),
    unit?.expectedBallots ?? unit?.registeredVoters,
    (t) => ballotsByVoteType.get(types[t]?.id ?? ''),
  );
}

/**
 * A reporting unit's progress from which vote types it reports (by index), its base, and the
 * ballots of each vote type it has counted (undefined: not counted).
 */
function progressOfUnit(
  reports: readonly boolean[],
  base: number | undefined,
  ballotsOf: (voteType: number) => number | undefined,
): Progress {
  const types = reports.length;
  const ballotsCast = new Float64Array(types);
  const reportedBase = new Float64Array(types);
  const reportingBase = new Float64Array(types);
  let fully = 1;
  for (let t = 0; t < types; t++) {
    const ballots = ballotsOf(t);
    ballotsCast[t] = ballots ?? 0;
    if (reports[t] !== true) continue;
    reportingBase[t] = base ?? 0;
    if (ballots === undefined) fully = 0;
    else reportedBase[t] = base ?? 0;
  }
  return {
    fullyReported: fully,
    expectedBallots: estimateExpectedBallots({
      ballotsCast,
      reportedBase,
      reportingBase,
      unitsWithoutBase: base === undefined ? 1 : 0,
    }),
  };
}

/** Whether a reporting unit has a counted submission for every vote type it reports. */
function fullyReported(unit: UnitState): boolean {
  for (let t = 0; t < unit.reports.length; t++) {
    if (unit.reports[t] === true && unit.counted[t] === undefined) return false;
  }
  return true;
}

/**
 * The ballots an area is expected to cast in all, as newsrooms estimate the expected vote: per
 * vote type, the ballots counted, plus what its units yet to report it would add at the rate the
 * area's units that did report it cast (ballots per unit of base: a unit's expected ballots,
 * else its registered voters). A vote type none of the area's units has reported yet is taken
 * at the mean rate of those that have. Whole ballots, never fewer than counted; undefined when a
 * unit has no base, or nothing is counted yet. A fully reported area's estimate is its count.
 */
export function estimateExpectedBallots(area: {
  /** Ballots counted per vote type. */
  readonly ballotsCast: ArrayLike<number>;
  /** Per vote type, the base of the units that have reported it (and report it). */
  readonly reportedBase: ArrayLike<number>;
  /** Per vote type, the base of the units that report it. */
  readonly reportingBase: ArrayLike<number>;
  readonly unitsWithoutBase: number;
}): number | undefined {
  if (area.unitsWithoutBase > 0) return undefined;
  const types = area.ballotsCast.length;
  let counted = 0;
  let rates = 0;
  let known = 0;
  for (let t = 0; t < types; t++) {
    counted += area.ballotsCast[t] ?? 0;
    const base = area.reportedBase[t] ?? 0;
    if (base > 0) {
      rates += (area.ballotsCast[t] ?? 0) / base;
      known++;
    }
  }
  if (known === 0 || counted === 0) return undefined;
  let expected = counted;
  for (let t = 0; t < types; t++) {
    const reported = area.reportedBase[t] ?? 0;
    const missing = (area.reportingBase[t] ?? 0) - reported;
    if (missing <= 0) continue;
    const rate = reported > 0 ? (area.ballotsCast[t] ?? 0) / reported : rates / known;
    expected += missing * rate;
  }
  return Math.max(counted, Math.round(expected));
}

function bump(numbers: Float64Array, at: number, by: number): void {
  numbers[at] = (numbers[at] ?? 0) + by;
}

/** A contest's totals from its numbers in `vector` at `at` (see FIXED). */
function totalsOf(contest: Contest, vector: Float64Array, at: number): ContestTotals {
  const { choices } = contest;
  const field = (f: number): Record<string, number> => {
    const numbers: Record<string, number> = {};
    for (let i = 0; i < choices.length; i++) {
      numbers[choices[i]?.id ?? ''] = vector[at + FIXED + f * choices.length + i] ?? 0;
    }
    return numbers;
  };
  return {
    ballotsCast: vector[at] ?? 0,
    overvotes: vector[at + 1] ?? 0,
    undervotes: vector[at + 2] ?? 0,
    counts: field(0),
    ...(contest.kind === 'caucus'
      ? { caucus: { first: field(1), delegates: field(2), sde: field(3) } }
      : {}),
  };
}

/** The `k`th of a contest's numbers in its totals (see FIXED). */
function totalsField(contest: Contest, totals: ContestTotals, k: number): number {
  if (k === 0) return totals.ballotsCast;
  if (k === 1) return totals.overvotes;
  if (k === 2) return totals.undervotes;
  const groups = contest.choices.length;
  const f = Math.floor((k - FIXED) / groups);
  const id = contest.choices[(k - FIXED) % groups]?.id ?? '';
  const numbers = f === 0 ? totals.counts : totals.caucus?.[CAUCUS_FIELDS[f - 1] ?? 'first'];
  return numbers?.[id] ?? 0;
}

/** The leading choices: the top vote-for places, ties at the last place included. */
export function leadersOf(contest: Contest, totals: ContestTotals): string[] {
  // A caucus is led in state delegate equivalents.
  const counts = (contest.kind === 'caucus' ? totals.caucus?.sde : undefined) ?? totals.counts;
  const seats = voteFor(contest);
  if (seats === 1) {
    // One place: every choice with the most votes, in ballot order (a million areas are built
    // for a large election's precinct files: no ranking for each).
    let most = 0;
    for (const c of contest.choices) most = Math.max(most, counts[c.id] ?? 0);
    if (most === 0) return [];
    const leaders: string[] = [];
    for (const c of contest.choices) if ((counts[c.id] ?? 0) === most) leaders.push(c.id);
    return leaders;
  }
  const ranked = contest.choices
    .map((c) => ({ id: c.id, votes: counts[c.id] ?? 0 }))
    .filter((c) => c.votes > 0)
    .sort((a, b) => b.votes - a.votes);
  const last = ranked[Math.min(seats, ranked.length) - 1];
  if (last === undefined) return [];
  return ranked.filter((c) => c.votes >= last.votes).map((c) => c.id);
}

/**
 * Whether a measure with a rule to pass (PassRule) passes on these totals, in whole numbers:
 * its choice's votes against the share of the votes cast for all its choices. Undefined when it
 * has no rule, or no votes yet.
 */
export function measureOutcome(
  contest: Contest,
  totals: ContestTotals,
): 'passing' | 'failing' | undefined {
  if (contest.kind !== 'measure' || contest.passes === undefined) return undefined;
  const { choice, share, atLeast } = contest.passes;
  let all = 0;
  for (const c of contest.choices) all += totals.counts[c.id] ?? 0;
  if (all === 0) return undefined;
  const [numerator, denominator] = share;
  const votes = (totals.counts[choice] ?? 0) * denominator;
  const needed = numerator * all;
  return votes > needed || (atLeast === true && votes === needed) ? 'passing' : 'failing';
}

export type TallyProblem = Problem<'tally_mismatch'>;

/** The name of a contest vector's `field`th number. */
function fieldName(contest: Contest, field: number): string {
  if (field === 0) return 'ballots cast';
  if (field === 1) return 'overvotes';
  if (field === 2) return 'undervotes';
  const groups = contest.choices.length;
  const id = contest.choices[(field - FIXED) % groups]?.id ?? '';
  if (contest.kind !== 'caucus') return `votes for ${id}`;
  const f = Math.floor((field - FIXED) / groups);
  return [
    `final alignment of ${id}`,
    `first alignment of ${id}`,
    `county delegates of ${id}`,
    `state delegate equivalents of ${id} (ten-thousandths)`,
  ][f] as string;
}

/**
 * Where each number of an area sits in a flat vector, for checkTally: units expected and
 * reported, registered voters, ballots cast per vote type, then per contest its units expected
 * and reported and per vote type [ballots cast, overvotes, undervotes, ...choices].
 */
export class TallyLayout {
  readonly width: number;
  readonly contestAt = new Map<string, number>();
  /** By contest: where its block starts, its choices' ids in order, and a vote type's width. */
  readonly blocks = new Map<
    string,
    { readonly at: number; readonly choices: readonly string[]; readonly width: number }
  >();
  readonly voteTypes: readonly string[];

  constructor(readonly election: Election) {
    this.voteTypes = election.definition.voteTypes.map((v) => v.id);
    let at = 3 + this.voteTypes.length;
    for (const contest of election.definition.contests) {
      this.contestAt.set(contest.id, at);
      const width = contestWidth(contest);
      this.blocks.set(contest.id, { at, choices: contest.choices.map((c) => c.id), width });
      at += 2 + this.voteTypes.length * width;
    }
    this.width = at;
  }

  name(index: number): string {
    if (index === 0) return 'units expected';
    if (index === 1) return 'units reported';
    if (index === 2) return 'registered voters';
    if (index < 3 + this.voteTypes.length)
      return `ballots cast (${this.voteTypes[index - 3] ?? ''})`;
    for (const contest of this.election.definition.contests) {
      const at = this.contestAt.get(contest.id) ?? 0;
      const width = contestWidth(contest);
      if (index >= at + 2 + this.voteTypes.length * width) continue;
      if (index === at) return `${contest.id}: units expected`;
      if (index === at + 1) return `${contest.id}: units reported`;
      const within = index - at - 2;
      const vt = this.voteTypes[Math.floor(within / width)] ?? '';
      const what = fieldName(contest, within % width);
      return `${contest.id}: ${what} (${vt})`;
    }
    return `number ${index}`;
  }
}

/**
 * What checkTally may keep between checks of the same election: each reporting unit's counted
 * submissions as last read and what comparing them with its results found; each area above
 * them, its expected numbers (the sums, kept up to date by what each unit's numbers moved by),
 * what its results said and the last comparison. A check then reads again only the units whose
 * counted submissions changed and the areas whose results moved, and compares again only where
 * either side moved. A reporting unit's numbers are not kept (there may be hundreds of
 * thousands): they are read again from its submissions when they change.
 */
export class TallyCheckCache {
  /** By reporting unit. */
  readonly units = new Map<
    string,
    {
      readonly slots: readonly Submission[];
      /** The revision of the results compared (none: results without revisions). */
      readonly revision: number | undefined;
      readonly problems: readonly TallyProblem[];
    }
  >();
  /** By area above the reporting units: what its results said at a revision. */
  readonly results = new Map<
    string,
    {
      readonly revision: number;
      readonly vector: Float64Array;
      readonly problems: readonly TallyProblem[];
    }
  >();
  /**
   * By area above the reporting units (units and districts): the sum of the numbers of the
   * reporting units beneath it or within it, and the mark of its last change.
   */
  readonly sums = new Map<string, { readonly vector: Float64Array; mark: number }>();
  /**
   * By area above the reporting units: the last comparison of what it should hold (as of a
   * mark) with what it said, and its problems; the same two again compare the same.
   */
  readonly compared = new Map<
    string,
    {
      readonly mark: number;
      readonly found: Float64Array;
      readonly problems: readonly TallyProblem[];
    }
  >();
  /** Counts the changes to expected numbers: each change a new mark. */
  marks = 0;
  /** Every submission in `units`' slots: what counted at the last check. */
  readonly counted = new Set<Submission>();
  /** Submissions that say which units changed, and how many changes they had said (unitsToRead). */
  countedChanges: { readonly counted: CountedSubmissions; readonly seen: number } | undefined;
  /** Results that say which units changed, and how many changes they had said (unitsToRead). */
  changes: { readonly view: ResultsView; readonly seen: number } | undefined;
  /** The election's shape as the check walks it, found once. */
  shape: CheckShape | undefined;
}

/**
 * The reporting units the check reads again, and the submissions that count for them. The first
 * time, every unit. Then those whose counted submissions changed (found from the submissions
 * themselves, never from the tally checked), and those whose results moved: the ones the results
 * say changed since the last check (Tally.changedUnit), or, from results that do not say, every
 * unit whose revision is not the one compared. A submission no longer counted, with none in its
 * place, has every unit read again.
 */
function unitsToRead(
  shape: CheckShape,
  counted: Iterable<CountedSubmission>,
  view: ResultsView,
  cache: TallyCheckCache,
): { slotsOf: (unit: string) => readonly Submission[]; toRead: Iterable<string> } {
  // Where the submissions say which units changed, only those are read.
  if (counted instanceof CountedSubmissions) {
    const since = cache.countedChanges;
    cache.countedChanges = { counted, seen: counted.changeCount };
    if (cache.units.size > 0 && since?.counted === counted) {
      const changed = new Set<string>();
      for (let i = since.seen; i < counted.changeCount; i++) changed.add(counted.changedUnit(i));
      const none: readonly Submission[] = [];
      const slots = (unit: string): readonly Submission[] =>
        changed.has(unit) ? counted.ofUnit(unit) : (cache.units.get(unit)?.slots ?? none);
      return { slotsOf: slots, toRead: unitsMoved(shape, view, cache, changed) };
    }
  } else {
    cache.countedChanges = undefined;
  }
  const all = Array.from(counted, (c) => c.submission);
  const slotsOf = new Map<string, Submission[]>();
  const gather = (only?: ReadonlySet<string>): void => {
    for (const submission of all) {
      if (only !== undefined && !only.has(submission.unit)) continue;
      const list = slotsOf.get(submission.unit) ?? [];
      list.push(submission);
      slotsOf.set(submission.unit, list);
    }
  };
  const none: readonly Submission[] = [];
  const everyUnit = () => {
    cache.changes = changesOf(view);
    gather();
    return { slotsOf: (unit: string) => slotsOf.get(unit) ?? none, toRead: shape.leaves };
  };
  if (cache.units.size === 0) return everyUnit();
  // Units with a submission that did not count at the last check.
  const changed = new Set<string>();
  for (const submission of all) if (!cache.counted.has(submission)) changed.add(submission.unit);
  // Every other unit counts exactly what it counted: all of its submissions are still here.
  let kept = 0;
  for (const submission of all) if (!changed.has(submission.unit)) kept++;
  let dropped = 0;
  for (const unit of changed) dropped += cache.units.get(unit)?.slots.length ?? 0;
  if (kept !== cache.counted.size - dropped) return everyUnit();
  gather(changed);
  const slots = (unit: string): readonly Submission[] =>
    slotsOf.get(unit) ?? (changed.has(unit) ? none : (cache.units.get(unit)?.slots ?? none));
  return { slotsOf: slots, toRead: unitsMoved(shape, view, cache, changed) };
}

/**
 * The units to read: those whose counted submissions `changed`, and those whose results moved, as
 * the results say, since the last check; every unit where they do not say.
 */
function unitsMoved(
  shape: CheckShape,
  view: ResultsView,
  cache: TallyCheckCache,
  changed: ReadonlySet<string>,
): Iterable<string> {
  const since = cache.changes;
  const now = changesOf(view);
  cache.changes = now;
  if (since === undefined || now === undefined || since.view !== now.view) return shape.leaves;
  const toRead = new Set(changed);
  for (let i = since.seen; i < now.seen; i++) toRead.add(view.changedUnit?.(i) ?? '');
  return shape.leaves.filter((unit) => toRead.has(unit));
}

/** How many unit changes results that say them had said (ResultsView.changedUnit). */
function changesOf(view: ResultsView): { view: ResultsView; seen: number } | undefined {
  const seen = view.unitChangeCount;
  return seen === undefined || view.changedUnit === undefined ? undefined : { view, seen };
}

/** The units in the order the check reports them (each after the units beneath it), and more. */
interface CheckShape {
  readonly layout: TallyLayout;
  /** Every unit beneath the root and the root, each after its children (depth first). */
  readonly order: readonly string[];
  /** The units with no units beneath them (reporting units). */
  readonly leaves: readonly string[];
  /** By reporting unit: the units above it and the districts it lies within. */
  readonly sumsOf: ReadonlyMap<string, readonly string[]>;
}

function checkShape(election: Election): CheckShape {
  const layout = new TallyLayout(election);
  const order: string[] = [];
  const leaves: string[] = [];
  const visit = (unitId: string): void => {
    const children = election.children.get(unitId);
    if (children === undefined) leaves.push(unitId);
    else for (const child of children) visit(child);
    order.push(unitId);
  };
  visit(election.root.id);
  const districtsOf = new Map<string, string[]>();
  for (const d of election.definition.districts) {
    for (const member of d.units)
      districtsOf.set(member, [...(districtsOf.get(member) ?? []), d.id]);
  }
  const sumsOf = new Map<string, readonly string[]>();
  for (const leaf of leaves) {
    const chain = ancestry(election, leaf);
    const districts = new Set(chain.flatMap((id) => districtsOf.get(id) ?? []));
    sumsOf.set(leaf, [...chain.slice(1), ...districts]);
  }
  return { layout, order, leaves, sumsOf };
}

/** Results to check: an area's by id, and (from a Tally) the revision it is at. */
export interface ResultsView {
  area(id: string): AreaResults | undefined;
  revision?(id: string): number;
  /** Which reporting units' results moved, in order, where the results say (Tally.changedUnit). */
  readonly unitChangeCount?: number;
  changedUnit?(i: number): string;
}

function mismatch(area: string, what: string, expected: number, found: number): TallyProblem {
  return problem('tally_mismatch', `${area}: ${what} is ${found}, expected ${expected}`, {
    area,
    what,
    expected,
    found,
  });
}

/** Stage 1: a reporting unit's numbers, read off its counted submissions (one per vote type). */
export function unitNumbers(
  layout: TallyLayout,
  unitId: string,
  slots: readonly Submission[],
  /** Filled in and returned, when given (no vector made). */
  into?: Float64Array,
): Float64Array {
  const { election, voteTypes } = layout;
  const v = into?.fill(0) ?? new Float64Array(layout.width);
  v[0] = 1;
  v[1] = slots.length > 0 ? 1 : 0;
  v[2] = election.units.get(unitId)?.registeredVoters ?? 0;
  const reported = new Set<string>();
  for (const s of slots) for (const r of s.contests) reported.add(r.contest);
  for (const contest of contestsOnBallot(election, unitId)) {
    const at = layout.contestAt.get(contest.id) ?? 0;
    v[at] = 1;
    if (reported.has(contest.id)) v[at + 1] = 1;
  }
  for (const s of slots) {
    const vt = voteTypes.indexOf(s.voteType);
    v[3 + vt] = (v[3 + vt] ?? 0) + s.ballotsCast;
    for (const r of s.contests) {
      const block = layout.blocks.get(r.contest);
      if (block === undefined) continue;
      const base = block.at + 2 + vt * block.width;
      v[base] = (v[base] ?? 0) + r.ballotsCast;
      v[base + 1] = (v[base + 1] ?? 0) + r.overvotes;
      v[base + 2] = (v[base + 2] ?? 0) + r.undervotes;
      for (let i = 0; i < block.choices.length; i++) {
        v[base + FIXED + i] =
          (v[base + FIXED + i] ?? 0) + (r.counts[block.choices[i] as string] ?? 0);
      }
      const contest = election.contests.get(r.contest);
      const caucus = contest && caucusNumbers(election, contest, unitId, r);
      caucus?.forEach((field, f) => {
        const from = base + FIXED + (f + 1) * block.choices.length;
        field.forEach((n, i) => (v[from + i] = (v[from + i] ?? 0) + n));
      });
    }
  }
  return v;
}

/**
 * Stage 2: the numbers an area's published results state, and where their totals over vote
 * types are not the sums of their vote types' numbers.
 */
export function publishedNumbers(
  layout: TallyLayout,
  r: AreaResults,
  /** Filled in and returned, when given (no vector made). */
  into?: Float64Array,
): { readonly vector: Float64Array; readonly problems: TallyProblem[] } {
  const { election, voteTypes } = layout;
  const problems: TallyProblem[] = [];
  const v = into?.fill(0) ?? new Float64Array(layout.width);
  v[0] = r.reporting.expected;
  v[1] = r.reporting.reported;
  v[2] = r.registeredVoters;
  let ballots = 0;
  for (let i = 0; i < voteTypes.length; i++) {
    const n = r.ballotsCast.byVoteType[voteTypes[i] as string] ?? 0;
    ballots += n;
    v[3 + i] = n;
  }
  if (ballots !== r.ballotsCast.total)
    problems.push(mismatch(r.area, 'ballots cast (all vote types)', ballots, r.ballotsCast.total));
  for (const c of r.contests) {
    const block = layout.blocks.get(c.contest);
    const contest = election.contests.get(c.contest);
    if (contest === undefined || block === undefined) {
      problems.push(mismatch(r.area, `contest ${c.contest}`, 0, 1));
      continue;
    }
    const { at, width } = block;
    v[at] = c.reporting.expected;
    v[at + 1] = c.reporting.reported;
    for (let i = 0; i < voteTypes.length; i++) {
      const t = c.byVoteType[voteTypes[i] as string];
      if (t === undefined) continue;
      const base = at + 2 + i * width;
      v[base] = t.ballotsCast;
      v[base + 1] = t.overvotes;
      v[base + 2] = t.undervotes;
      for (let k = FIXED; k < width; k++) v[base + k] = totalsField(contest, t, k);
    }
    // The totals over vote types must be the sums of the vote types' numbers.
    for (let k = 0; k < width; k++) {
      let sum = 0;
      for (let i = 0; i < voteTypes.length; i++) sum += v[at + 2 + i * width + k] ?? 0;
      const total = totalsField(contest, c.total, k);
      if (total !== sum)
        problems.push(
          mismatch(r.area, `${c.contest}: ${fieldName(contest, k)} (all vote types)`, sum, total),
        );
    }
  }
  return { vector: v, problems };
}

/** Stage 3: every number in which an area's published results differ from what they must be. */
export function compareNumbers(
  layout: TallyLayout,
  area: string,
  expected: Float64Array,
  found: Float64Array,
): TallyProblem[] {
  const problems: TallyProblem[] = [];
  for (let i = 0; i < layout.width; i++) {
    if (expected[i] !== found[i])
      problems.push(mismatch(area, layout.name(i), expected[i] ?? 0, found[i] ?? 0));
  }
  return problems;
}

/**
 * Checks results against the counted submissions, by another road than `Tally`: each reporting
 * unit's numbers are read off its counted submissions, each unit above is the sum of the units
 * beneath it, each district the sum of the reporting units within it; every area's published
 * numbers, totals over vote types included, must equal those. Returns every mismatch; none
 * means the results are the sum of the accepted submissions at every level. With the cache of
 * the check before, the sums move by what each changed unit's numbers moved by (whole numbers
 * in doubles: exact), and only what moved is compared again.
 */
export function checkTally(
  election: Election,
  counted: Iterable<CountedSubmission>,
  results: readonly AreaResults[] | ResultsView,
  cache: TallyCheckCache = new TallyCheckCache(),
): TallyProblem[] {
  const problems: TallyProblem[] = [];
  const shape = (cache.shape ??= checkShape(election));
  const { layout } = shape;
  let view: ResultsView;
  if (Array.isArray(results)) {
    const byArea = new Map((results as readonly AreaResults[]).map((r) => [r.area, r]));
    view = { area: (id) => byArea.get(id) };
  } else {
    view = results as ResultsView;
  }
  const { slotsOf, toRead } = unitsToRead(shape, counted, view, cache);

  const sumOf = (area: string): { readonly vector: Float64Array; mark: number } => {
    let sum = cache.sums.get(area);
    if (sum === undefined) {
      sum = { vector: new Float64Array(layout.width), mark: 0 };
      cache.sums.set(area, sum);
    }
    return sum;
  };
  // Vectors filled in again for each reporting unit: none made per unit.
  const now = new Float64Array(layout.width);
  const before = new Float64Array(layout.width);
  const stated = new Float64Array(layout.width);

  // Each reporting unit, read again when its counted submissions changed (stage 1), what they
  // moved by added to every sum it is part of (stage 4), and its results read (stage 2) and
  // compared (stage 3) again when either side moved.
  for (const unitId of toRead) {
    const slots = slotsOf(unitId);
    const revision = view.revision?.(unitId);
    const known = cache.units.get(unitId);
    const same =
      known?.slots.length === slots.length && known.slots.every((s, i) => s === slots[i]);
    if (same && revision !== undefined && known.revision === revision) continue;
    const expected = unitNumbers(layout, unitId, slots, now);
    if (!same) {
      const mark = ++cache.marks;
      const was =
        known === undefined ? undefined : unitNumbers(layout, unitId, known.slots, before);
      for (const area of shape.sumsOf.get(unitId) ?? []) {
        const sum = sumOf(area);
        const into = sum.vector;
        for (let i = 0; i < into.length; i++)
          into[i] = (into[i] ?? 0) + (expected[i] ?? 0) - (was?.[i] ?? 0);
        sum.mark = mark;
      }
    }
    const r = view.area(unitId);
    let found: TallyProblem[];
    if (r === undefined) {
      found = [problem('tally_mismatch', `${unitId}: no results`, { area: unitId })];
    } else {
      const read = publishedNumbers(layout, r, stated);
      found = [...read.problems, ...compareNumbers(layout, unitId, expected, read.vector)];
    }
    const slotsBefore = cache.units.get(unitId)?.slots;
    if (slotsBefore !== slots) {
      for (const submission of slotsBefore ?? []) cache.counted.delete(submission);
      for (const submission of slots) cache.counted.add(submission);
    }
    cache.units.set(unitId, { slots, revision, problems: found });
  }

  // Stage 2 for the areas above, read again only for one whose results moved to another
  // revision.
  const foundOfArea = (area: string): Float64Array | undefined => {
    const revision = view.revision?.(area);
    const known = cache.results.get(area);
    if (revision !== undefined && known?.revision === revision) {
      problems.push(...known.problems);
      return known.vector;
    }
    const r = view.area(area);
    if (r === undefined) return undefined;
    const read = publishedNumbers(layout, r);
    problems.push(...read.problems);
    if (revision !== undefined) {
      cache.results.set(area, { revision, vector: read.vector, problems: read.problems });
    }
    return read.vector;
  };
  // Stage 3 for them, compared again only where either side moved.
  const compare = (area: string): void => {
    const unit = cache.units.get(area);
    if (unit !== undefined) {
      problems.push(...unit.problems);
      return;
    }
    const found = foundOfArea(area);
    if (found === undefined) {
      problems.push(problem('tally_mismatch', `${area}: no results`, { area }));
      return;
    }
    const expected = sumOf(area);
    const known = cache.compared.get(area);
    if (known?.mark === expected.mark && known.found === found) {
      problems.push(...known.problems);
      return;
    }
    const differ = compareNumbers(layout, area, expected.vector, found);
    cache.compared.set(area, { mark: expected.mark, found, problems: differ });
    problems.push(...differ);
  };
  for (const area of shape.order) compare(area);
  for (const d of election.definition.districts) compare(d.id);
  return problems;
}
