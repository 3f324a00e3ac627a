// What the reporting units counted at every size of the log, from the replay's counting order
// (each counted entry, and the entry it replaces): for precinct detail a version lists as of an
// earlier log size than its numbers (a group file, a county's page), which the verifier rebuilds
// as of that size.
import type { CountedEntry, CountingEntry, Replayed } from './replay.js';

/** The reporting units' counting, by unit, as of any log size. */
export class CountingHistory {
  private byUnit: Map<string, CountingEntry[]> | undefined;

  constructor(private readonly replay: Replayed) {}

  private of(unit: string): readonly CountingEntry[] {
    if (this.byUnit === undefined) {
      this.byUnit = new Map();
      for (const c of this.replay.counting) {
        const list = this.byUnit.get(c.unit) ?? [];
        list.push(c);
        this.byUnit.set(c.unit, list);
      }
    }
    return this.byUnit.get(unit) ?? [];
  }

  /** The entry at which the units' numbers last changed as of log size `size` (-1: never). */
  lastChange(units: readonly string[], size: number): number {
    let last = -1;
    for (const u of units) for (const c of this.of(u)) if (c.at < size) last = Math.max(last, c.at);
    return last;
  }

  /** Whether the units' numbers last changed, as of log size `size`, at entry `size - 1`. */
  isChangePoint(units: readonly string[], size: number): boolean {
    return Number.isSafeInteger(size) && size >= 0 && this.lastChange(units, size) + 1 === size;
  }

  /** The unit's latest counted submission per vote type as of log size `size`. */
  countedAt(unit: string, size: number): CountedEntry[] {
    const before = this.of(unit).filter((c) => c.at < size);
    const replaced = new Set(before.flatMap((c) => (c.replaces === undefined ? [] : [c.replaces])));
    return before.filter((c) => !replaced.has(c.entry)).map(({ entry, at }) => ({ entry, at }));
  }
}
