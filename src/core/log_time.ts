// The time of the log as of a size: what a published file says about when its numbers are from.
// Never the time a file was built: a version is a function of the log, so a page says the time
// of the newest entry it counts (the ingest's receipt time of a submission or rejection, the
// authority's time of a definition or roster statement).
import type { LogEntry } from './log_entry.js';

/** The time an entry carries, when it carries one (an election-part entry does not). */
export function entryTime(e: LogEntry): string | undefined {
  switch (e.type) {
    case 'election':
      return e.time;
    case 'election-part':
      return undefined;
    case 'roster':
      return e.statement.time;
    case 'review':
    case 'release':
    case 'contest-status':
      return e.time;
    case 'submission':
    case 'rejection':
      return e.receivedAt;
  }
}

/**
 * The time of the log as of `size`: that of the last entry among the first `size` (at least the
 * first, which is the definition's) that carries one. `timeOf(i)` is entry i's own time.
 */
export function logTimeAt(size: number, timeOf: (index: number) => string | undefined): string {
  for (let i = Math.max(size, 1) - 1; i >= 0; i--) {
    const time = timeOf(i);
    if (time !== undefined) return time;
  }
  return timeOf(0) ?? '1970-01-01T00:00:00Z';
}

/** The entry times of a log as it is read in order, for `logTimeAt`. */
export class LogTimes {
  private readonly times: (string | undefined)[] = [];

  record(e: LogEntry): void {
    this.times.push(entryTime(e));
  }

  at(size: number): string {
    return logTimeAt(size, (i) => this.times[i]);
  }
}
