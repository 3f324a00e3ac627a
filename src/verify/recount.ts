// The tally the verifier rebuilds the version's pages from, without counting the log a second
// time on its main thread: the areas above the reporting units are the sums the workers return
// (src/verify/results.ts), each reporting unit's overview and revision come from the replay, and
// what the publisher's Tally kept as it counted (each contest's last change, and its total after
// each of its last changes) is worked back from the totals through the last entries that changed
// each contest. What it says must be what Tally says of the same log: the rebuilt pages are
// compared byte for byte with the published ones, so any difference shows as a problem.
import type { PublishedStatus } from '../core/admission.js';
import type { Election } from '../core/election.js';
import type { Submission } from '../core/submission.js';
import {
  Tally,
  unitProgress,
  type AreaOverview,
  type AreaResults,
  type TrendSlots,
} from '../core/tally.js';
import type { VersionSource } from '../publish/snapshot.js';
import type { CountingEntry, Replayed } from './replay.js';
import { submissionIn } from './work.js';

export class Recount implements VersionSource {
  private readonly election: Election;
  private readonly reporting: ReadonlySet<string>;
  private readonly byEntry = new Map<number, CountingEntry>();
  private readonly contestRevisions = new Map<string, number>();
  /** Each reporting unit's ballots cast: the sum of its counted submissions'. */
  private readonly ballots = new Map<string, Map<string, number>>();
  /** A tally of the reporting units, made only when a page shows one's full results. */
  private units?: Tally;

  constructor(
    private readonly replay: Replayed,
    /** The workers' sums, added up: the areas above the reporting units. */
    private readonly upper: Tally,
    /** The log's entries up to the version's size. */
    private readonly entries: readonly Uint8Array[],
  ) {
    this.election = replay.election;
    this.reporting = new Set(this.election.reportingUnits);
    for (const c of replay.counting) {
      this.byEntry.set(c.entry, c);
      // As Tally.count: every contest the entry, or the one it replaces, has results for.
      for (const contest of this.touched(c)) this.contestRevisions.set(contest, c.at);
    }
    for (const [unit, counted] of replay.counted) {
      const ballots = new Map<string, number>();
      for (const { entry } of counted) {
        const c = this.byEntry.get(entry);
        if (c !== undefined) ballots.set(c.voteType, c.ballotsCast);
      }
      this.ballots.set(unit, ballots);
    }
  }

  area(id: string): AreaResults | undefined {
    if (!this.reporting.has(id)) return this.upper.area(id);
    return this.unitTally().area(id);
  }

  overview(id: string): AreaOverview | undefined {
    if (!this.reporting.has(id)) return this.upper.overview(id);
    const ballots = this.ballots.get(id) ?? new Map<string, number>();
    let total = 0;
    for (const cast of ballots.values()) total += cast;
    return {
      registeredVoters: this.election.units.get(id)?.registeredVoters ?? 0,
      ballotsCast: total,
      reporting: { reported: this.replay.counted.has(id) ? 1 : 0, expected: 1 },
      progress: unitProgress(this.election, id, ballots),
    };
  }

  revision(areaId: string): number {
    if (!this.reporting.has(areaId)) return this.upper.revision(areaId);
    return this.replay.revisions.get(areaId) ?? -1;
  }

  contestRevision(contestId: string): number {
    return this.contestRevisions.get(contestId) ?? -1;
  }

  /** Every change of a contest's status, as the replay found them. */
  statuses(): readonly PublishedStatus[] {
    return this.replay.statuses;
  }

  /** The night's trend, as the workers counted it (with each submission's time received). */
  trend(): TrendSlots {
    return this.upper.trend();
  }

  /** The contests an entry changes: its own, and those of the entry it replaces. */
  private touched(c: CountingEntry): Set<string> {
    const contests = new Set(c.contests);
    const replaced = c.replaces === undefined ? undefined : this.byEntry.get(c.replaces);
    for (const contest of replaced?.contests ?? []) contests.add(contest);
    return contests;
  }

  private submission(entry: number): Submission {
    const bytes = this.entries[entry] ?? new Uint8Array();
    return submissionIn(bytes);
  }

  /** The reporting units' tally, counted once, for the pages that show a unit's results. */
  private unitTally(): Tally {
    if (this.units === undefined) {
      const tally = new Tally(this.election);
      for (const c of this.replay.counting) tally.count(c.at, this.submission(c.entry));
      this.units = tally;
    }
    return this.units;
  }
}
