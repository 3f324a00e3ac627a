// Where the count of a contest stands, as the election office says: the statuses a log entry may
// set, and the limit on a staff member's reason. Plain constants, with no dependency, for the
// log's schema and the staff application alike.

/**
 * Unofficial (as every contest starts), too early to call, called (for the winners it names), in
 * a recount, or certified (for the winners it names).
 */
export const CONTEST_STATUSES = [
  'unofficial',
  'too-early',
  'called',
  'recount',
  'certified',
] as const;
export type ContestStatusValue = (typeof CONTEST_STATUSES)[number];

/** The statuses that name the contest's winners: a call, and the certification. */
export const STATUSES_WITH_WINNERS: readonly ContestStatusValue[] = ['called', 'certified'];

/** Longest reason a staff member gives for a decision: a few sentences a reader can follow. */
export const MAX_STAFF_REASON = 1000;
