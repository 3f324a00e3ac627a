// The night's control room: how far reporting has come, county by county and vote type by vote
// type, who has not reported and whom to call, what waits for a reviewer, what is refused and how
// fast results arrive and are published. A pure function of plain facts gathered at the edge,
// and the in-memory counts ingest keeps of what it records.
import { z } from 'zod';
import { waitsForRelease, type Election } from '../core/election.js';

/** At most this many units are named among those not reported; the count says how many in all. */
export const NOT_REPORTED_LISTED = 200;

/** The window over which submissions per second are counted. */
export const RATE_WINDOW_SECONDS = 60;

const Text = z.record(z.string(), z.string());
const Count = z.int().min(0);

/** What the control room shows at one moment (the route's JSON and each event's data). */
export const ControlRoomStatusSchema = z.object({
  time: z.string(),
  /** A test or practice election: marked TEST wherever it is shown. */
  test: z.boolean(),
  release: z.object({
    waitsForRelease: z.boolean(),
    /** The definition's release time (polls close), if it gives one. */
    releaseAt: z.string().optional(),
    /** The release's log entry, once released. */
    releasedAt: z.int().optional(),
  }),
  /** Each county (each unit beneath the root; the root alone where no county lies between). */
  counties: z.array(
    z.object({
      unit: z.string(),
      name: Text,
      /** Per vote type: the reporting units beneath it, and those with a counted submission. */
      byVoteType: z.record(z.string(), z.object({ reported: Count, expected: Count })),
    }),
  ),
  /** Reporting units with no counted submission of any vote type, in the definition's order. */
  notReported: z.array(
    z.object({
      unit: z.string(),
      name: Text,
      county: z.string(),
      contact: z
        .object({
          name: z.string().optional(),
          phone: z.string().optional(),
          email: z.string().optional(),
        })
        .optional(),
    }),
  ),
  notReportedCount: Count,
  /** Submissions held for a reviewer and not yet decided; the oldest's age from its arrival. */
  held: z.object({ count: Count, oldestSeconds: Count.optional() }),
  /** Bodies rejected since this server started, by error code. */
  rejections: z.record(z.string(), Count),
  /** Bodies logged per second over the last minute, by this server. */
  submissionsPerSecond: z.number().min(0),
  publish: z.object({
    /** The newest version this server published, and how long from its checkpoint to served. */
    version: z.int().optional(),
    latencyMs: z.number().min(0).optional(),
    /** The newest checkpoint: how many entries it covers and how long ago it was signed. */
    checkpointSize: Count.optional(),
    checkpointAgeSeconds: Count.optional(),
    logSize: Count,
  }),
  desk: z.object({ awaitingSecondEntry: Count, mismatches: Count }),
});

export type ControlRoomStatus = z.infer<typeof ControlRoomStatusSchema>;

/** What the status is computed from: the store's answers and the server's counts, as data. */
export interface ControlRoomFacts {
  readonly election: Election;
  readonly now: Date;
  /** The release's log entry, once released. */
  readonly releasedAt?: number;
  /** Each unit and vote type with an accepted (counted) submission, each once. */
  readonly reported: readonly { readonly unit: string; readonly voteType: string }[];
  /** The undecided held submissions, and when the oldest of them arrived. */
  readonly held: { readonly count: number; readonly oldestReceivedAt?: string };
  readonly rejections: ReadonlyMap<string, number>;
  /** Bodies logged in the last RATE_WINDOW_SECONDS. */
  readonly loggedLastMinute: number;
  readonly publish: {
    readonly version?: number;
    readonly latencyMs?: number;
    readonly checkpoint?: { readonly size: number; readonly createdAt: string };
    readonly logSize: number;
  };
  readonly desk: { readonly awaitingSecondEntry: number; readonly mismatches: number };
}

/** The counties of an election and the county of each reporting unit: worked out once. */
interface Counties {
  readonly ids: readonly string[];
  readonly countyOf: ReadonlyMap<string, string>;
  readonly leavesOf: ReadonlyMap<string, number>;
}

const countiesByElection = new WeakMap<Election, Counties>();

function countiesOf(election: Election): Counties {
  const known = countiesByElection.get(election);
  if (known !== undefined) return known;
  const rootId = election.root.id;
  const children = election.children.get(rootId) ?? [];
  const isLeaf = (id: string): boolean => (election.children.get(id) ?? []).length === 0;
  // Where every unit beneath the root reports, no county lies between: the root is the one.
  const ids = children.length === 0 || children.every(isLeaf) ? [rootId] : [...children];
  const countyOf = new Map<string, string>();
  const leavesOf = new Map<string, number>(ids.map((id) => [id, 0]));
  for (const leaf of election.reportingUnits) {
    let id = leaf;
    let parent = election.units.get(id)?.parent;
    while (parent !== undefined && parent !== rootId) {
      id = parent;
      parent = election.units.get(id)?.parent;
    }
    const county = ids.length === 1 && ids[0] === rootId ? rootId : id;
    countyOf.set(leaf, county);
    leavesOf.set(county, (leavesOf.get(county) ?? 0) + 1);
  }
  const counties = { ids, countyOf, leavesOf };
  countiesByElection.set(election, counties);
  return counties;
}

const secondsBetween = (from: string, to: Date): number | undefined => {
  const at = Date.parse(from);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.floor((to.getTime() - at) / 1000));
};

export function controlRoomStatus(facts: ControlRoomFacts): ControlRoomStatus {
  const { election, now } = facts;
  const { definition } = election;
  const { ids, countyOf, leavesOf } = countiesOf(election);
  const voteTypes = definition.voteTypes.map((v) => v.id);

  // Counted slots per county and vote type; and which units counted anything at all.
  const reportedIn = new Map<string, Map<string, number>>(ids.map((id) => [id, new Map()]));
  const reportedUnits = new Set<string>();
  for (const { unit, voteType } of facts.reported) {
    const county = countyOf.get(unit);
    if (county === undefined) continue;
    reportedUnits.add(unit);
    const byType = reportedIn.get(county);
    byType?.set(voteType, (byType.get(voteType) ?? 0) + 1);
  }
  const counties = ids.map((id) => {
    const expected = leavesOf.get(id) ?? 0;
    const byType = reportedIn.get(id);
    return {
      unit: id,
      name: { ...election.units.get(id)?.name },
      byVoteType: Object.fromEntries(
        voteTypes.map((v) => [v, { reported: byType?.get(v) ?? 0, expected }]),
      ),
    };
  });

  const notReported: ControlRoomStatus['notReported'] = [];
  let notReportedCount = 0;
  for (const id of election.reportingUnits) {
    if (reportedUnits.has(id)) continue;
    notReportedCount++;
    if (notReported.length >= NOT_REPORTED_LISTED) continue;
    const unit = election.units.get(id);
    notReported.push({
      unit: id,
      name: { ...unit?.name },
      county: countyOf.get(id) ?? election.root.id,
      ...(unit?.contact === undefined ? {} : { contact: { ...unit.contact } }),
    });
  }

  const oldest =
    facts.held.oldestReceivedAt === undefined
      ? undefined
      : secondsBetween(facts.held.oldestReceivedAt, now);
  const { checkpoint } = facts.publish;
  const checkpointAge =
    checkpoint === undefined ? undefined : secondsBetween(checkpoint.createdAt, now);
  return {
    time: now.toISOString(),
    test: definition.test,
    release: {
      waitsForRelease: waitsForRelease(election),
      ...(definition.release?.at === undefined ? {} : { releaseAt: definition.release.at }),
      ...(facts.releasedAt === undefined ? {} : { releasedAt: facts.releasedAt }),
    },
    counties,
    notReported,
    notReportedCount,
    held: { count: facts.held.count, ...(oldest === undefined ? {} : { oldestSeconds: oldest }) },
    rejections: Object.fromEntries(facts.rejections),
    submissionsPerSecond: facts.loggedLastMinute / RATE_WINDOW_SECONDS,
    publish: {
      ...(facts.publish.version === undefined ? {} : { version: facts.publish.version }),
      ...(facts.publish.latencyMs === undefined ? {} : { latencyMs: facts.publish.latencyMs }),
      ...(checkpoint === undefined ? {} : { checkpointSize: checkpoint.size }),
      ...(checkpointAge === undefined ? {} : { checkpointAgeSeconds: checkpointAge }),
      logSize: facts.publish.logSize,
    },
    desk: { ...facts.desk },
  };
}

/**
 * What ingest counts as it records bodies, for the control room: the bodies logged, second by
 * second over the last minute, and the rejections by error code. Kept in memory by this server
 * alone, so they start again from nothing when it restarts (the log keeps every rejection). An
 * increment per body: recording costs nothing more.
 */
export class ArrivalCounts {
  private readonly perSecond = new Float64Array(RATE_WINDOW_SECONDS);
  /** The second (since the epoch) each slot of perSecond counts. */
  private readonly secondOf = new Float64Array(RATE_WINDOW_SECONDS);
  private readonly rejected = new Map<string, number>();

  /** A body logged at `nowMs`; with its error code when it was rejected. */
  logged(nowMs: number, rejectedWith?: string): void {
    const second = Math.floor(nowMs / 1000);
    const slot = second % RATE_WINDOW_SECONDS;
    if (this.secondOf[slot] !== second) {
      this.secondOf[slot] = second;
      this.perSecond[slot] = 0;
    }
    this.perSecond[slot] = (this.perSecond[slot] ?? 0) + 1;
    if (rejectedWith !== undefined)
      this.rejected.set(rejectedWith, (this.rejected.get(rejectedWith) ?? 0) + 1);
  }

  /** The bodies logged in the RATE_WINDOW_SECONDS before `nowMs`, the current second included. */
  lastMinute(nowMs: number): number {
    const second = Math.floor(nowMs / 1000);
    let sum = 0;
    for (let slot = 0; slot < RATE_WINDOW_SECONDS; slot++) {
      const at = this.secondOf[slot] ?? 0;
      if (at <= second && second - at < RATE_WINDOW_SECONDS) sum += this.perSecond[slot] ?? 0;
    }
    return sum;
  }

  /** Rejections by error code since the server started. */
  rejections(): ReadonlyMap<string, number> {
    return new Map(this.rejected);
  }
}
