// The tally the verifier rebuilds the version's pages from, without counting the log a second
// time on its main thread: the areas above the reporting units are the sums the workers return
// (src/verify/results.ts), each reporting unit's overview and revision come from the replay, and
// what the publisher's Tally kept as it counted (each contest's last change, and its total after
// each of its last changes) is worked back from the totals through the last entries that changed
// each contest. What it says must be what Tally says of the same log: the rebuilt pages are
// compared byte for byte with the published ones, so any difference shows as a problem.
import { isOnBallot, type Election } from '../core/election.js';
import type { Submission } from '../core/submission.js';
import { Tally, type AreaOverview, type AreaResults, type ContestPoint } from '../core/tally.js';
import type { VersionSource } from '../publish/snapshot.js';
import type { CountingEntry, Replayed } from './replay.js';
import { submissionIn } from './work.js';

export class Recount implements VersionSource {
  private readonly election: Election;
  private readonly reporting: ReadonlySet<string>;
  private readonly byEntry = new Map<number, CountingEntry>();
  private readonly contestRevisions = new Map<string, number>();
  private readonly histories = new Map<string, readonly ContestPoint[]>();
  /** Each reporting unit's ballots cast: the sum of its counted submissions'. */
  private readonly ballots = new Map<string, number>();
  /** A tally of the reporting units, made only when a page shows one's full results. */
  private units?: Tally;

  constructor(
    private readonly replay: Replayed,
    /** The workers' sums, added up: the areas above the reporting units. */
    private readonly upper: Tally,
    /** The log's entries up to the version's size. */
    private readonly entries: readonly Uint8Array[],
    private readonly historyLength: number,
  ) {
    this.election = replay.election;
    this.reporting = new Set(this.election.reportingUnits);
    for (const c of replay.counting) {
      this.byEntry.set(c.entry, c);
      // As Tally.count: every contest the entry, or the one it replaces, has results for.
      for (const contest of this.touched(c)) this.contestRevisions.set(contest, c.at);
    }
    for (const [unit, counted] of replay.counted) {
      let ballots = 0;
      for (const { entry } of counted) ballots += this.byEntry.get(entry)?.ballotsCast ?? 0;
      this.ballots.set(unit, ballots);
    }
  }

  area(id: string): AreaResults | undefined {
    if (!this.reporting.has(id)) return this.upper.area(id);
    return this.unitTally().area(id);
  }

  overview(id: string): AreaOverview | undefined {
    if (!this.reporting.has(id)) return this.upper.overview(id);
    return {
      registeredVoters: this.election.units.get(id)?.registeredVoters ?? 0,
      ballotsCast: this.ballots.get(id) ?? 0,
      reporting: { reported: this.replay.counted.has(id) ? 1 : 0, expected: 1 },
    };
  }

  revision(areaId: string): number {
    if (!this.reporting.has(areaId)) return this.upper.revision(areaId);
    return this.replay.revisions.get(areaId) ?? -1;
  }

  contestRevision(contestId: string): number {
    return this.contestRevisions.get(contestId) ?? -1;
  }

  /**
   * The contest's total after each of its last `historyLength` changes, as Tally.history: from
   * its total now, each change taken back in turn (what the entry added, less what the entry it
   * replaced had added).
   */
  history(contestId: string): readonly ContestPoint[] {
    const known = this.histories.get(contestId);
    if (known !== undefined) return known;
    const points: ContestPoint[] = [];
    const contest = this.election.contests.get(contestId);
    const scope = contest?.district ?? this.election.root.id;
    const total = this.upper.area(scope)?.contests.find((c) => c.contest === contestId)?.total;
    if (contest !== undefined && this.historyLength > 0) {
      const counts = new Map(contest.choices.map((c) => [c.id, total?.counts[c.id] ?? 0]));
      const { counting } = this.replay;
      for (let i = counting.length - 1; i >= 0 && points.length < this.historyLength; i--) {
        const c = counting[i] as CountingEntry;
        if (!this.touched(c).has(contestId)) continue;
        points.push({ asOfLog: c.at + 1, counts: Object.fromEntries(counts) });
        // Tally adds a unit's numbers to the contest's area only where the unit is in it.
        if (contest.district !== undefined && !isOnBallot(this.election, contest, c.unit)) continue;
        this.takeBack(counts, contestId, this.submission(c.entry), 1);
        if (c.replaces !== undefined) {
          this.takeBack(counts, contestId, this.submission(c.replaces), -1);
        }
      }
    }
    points.reverse();
    this.histories.set(contestId, points);
    return points;
  }

  /** The contests an entry changes: its own, and those of the entry it replaces. */
  private touched(c: CountingEntry): Set<string> {
    const contests = new Set(c.contests);
    const replaced = c.replaces === undefined ? undefined : this.byEntry.get(c.replaces);
    for (const contest of replaced?.contests ?? []) contests.add(contest);
    return contests;
  }

  /** Subtracts (sign 1) or adds back (sign -1) what a submission's results add to a contest. */
  private takeBack(
    counts: Map<string, number>,
    contestId: string,
    submission: Submission,
    sign: 1 | -1,
  ): void {
    for (const result of submission.contests) {
      if (result.contest !== contestId) continue;
      for (const [choice, votes] of Object.entries(result.counts)) {
        const now = counts.get(choice);
        if (now !== undefined) counts.set(choice, now - sign * votes);
      }
    }
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
