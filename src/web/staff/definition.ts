// The election definition as the staff application reads it (GET /staff/elections/:election/
// definition): names in the reader's language, the reporting units an operator chooses among
// (found by name or id) and the contests on a unit's ballot. Pure. The rules are core's
// (src/core/election.ts), which the bundle does not import (it would bring the schema checks
// along); definition.test.ts holds the two to the same answers.
import type { Contest, ElectionDefinition, LocalizedText, Unit } from '../../core/election.js';

export type { Contest, ElectionDefinition, Unit };

/**
 * A text in the reader's language: their language, else its primary subtag's, else the
 * definition's first language, else any.
 */
export function localName(
  text: LocalizedText,
  language: string,
  fallback: readonly string[] = [],
): string {
  const primary = language.split('-')[0] ?? language;
  for (const tag of [language, primary, ...fallback]) {
    const found = text[tag];
    if (found !== undefined) return found;
  }
  return Object.values(text)[0] ?? '';
}

/** What the screens ask of a definition, indexed once. */
export interface DefinitionIndex {
  readonly definition: ElectionDefinition;
  readonly units: ReadonlyMap<string, Unit>;
  readonly contests: ReadonlyMap<string, Contest>;
  /** Units that report results: those with no units beneath them, in definition order. */
  readonly reportingUnits: readonly Unit[];
  /** The name of a unit, contest, choice of a contest or vote type, in `language`; else the id. */
  readonly unitName: (id: string, language: string) => string;
  readonly contestName: (id: string, language: string) => string;
  readonly choiceName: (contest: string, choice: string, language: string) => string;
  readonly voteTypeName: (id: string, language: string) => string;
}

export function indexDefinition(definition: ElectionDefinition): DefinitionIndex {
  const units = new Map(definition.units.map((u) => [u.id, u]));
  const parents = new Set(
    definition.units.flatMap((u) => (u.parent === undefined ? [] : [u.parent])),
  );
  const contests = new Map(definition.contests.map((c) => [c.id, c]));
  const voteTypes = new Map(definition.voteTypes.map((v) => [v.id, v]));
  const name = (text: LocalizedText | undefined, id: string, language: string): string =>
    text === undefined ? id : localName(text, language, definition.languages);
  return {
    definition,
    units,
    contests,
    reportingUnits: definition.units.filter((u) => !parents.has(u.id)),
    unitName: (id, language) => name(units.get(id)?.name, id, language),
    contestName: (id, language) => name(contests.get(id)?.name, id, language),
    choiceName: (contest, choice, language) =>
      name(contests.get(contest)?.choices.find((c) => c.id === choice)?.name, choice, language),
    voteTypeName: (id, language) => name(voteTypes.get(id)?.name, id, language),
  };
}

/** The unit and every unit above it, nearest first. */
function ancestry(index: DefinitionIndex, unit: string): string[] {
  const chain: string[] = [];
  for (let id: string | undefined = unit; id !== undefined; id = index.units.get(id)?.parent) {
    if (chain.includes(id)) break;
    chain.push(id);
  }
  return chain;
}

/** The contests on a unit's ballot, in definition order (core's contestsOnBallot). */
export function contestsOnBallot(index: DefinitionIndex, unit: string): Contest[] {
  const above = ancestry(index, unit);
  return index.definition.contests.filter((contest) => {
    if (contest.district === undefined) return true;
    const district = index.definition.districts.find((d) => d.id === contest.district);
    return district !== undefined && above.some((id) => district.units.includes(id));
  });
}

/** How many votes each ballot may cast in a contest (core's voteFor). */
export function voteFor(contest: Contest): number {
  return contest.kind === 'candidate' ? contest.voteFor : 1;
}

/** Folds case and accents, so that "sud" finds "Süd". */
const fold = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');

/**
 * The reporting units whose id or name (in any of its languages) contains every word of `query`,
 * those whose id or name starts with it first; at most `limit`.
 */
export function findReportingUnits(
  index: DefinitionIndex,
  query: string,
  limit = 50,
): readonly Unit[] {
  return findUnits(index, query, limit, index.reportingUnits);
}

/** The same among `among`: by default every unit, counties and the root too. */
export function findUnits(
  index: DefinitionIndex,
  query: string,
  limit = 50,
  among: readonly Unit[] = index.definition.units,
): readonly Unit[] {
  const words = fold(query)
    .split(/\s+/)
    .filter((w) => w !== '');
  if (words.length === 0) return among.slice(0, limit);
  const starts: Unit[] = [];
  const contains: Unit[] = [];
  const whole = fold(query.trim());
  for (const unit of among) {
    const texts = [unit.id, ...Object.values(unit.name)].map(fold);
    if (!words.every((w) => texts.some((t) => t.includes(w)))) continue;
    (texts.some((t) => t.startsWith(whole)) ? starts : contains).push(unit);
    if (starts.length >= limit) break;
  }
  return [...starts, ...contains].slice(0, limit);
}
