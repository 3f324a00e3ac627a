// The caucus results files the Iowa Democratic Party published in 2020, and the apportionment
// of county delegates to precincts, read for `tally caucus check`. Pure: text in, data out.
//
// The results file is "wide": three header rows, then a row per precinct. The first header row
// names each column's measure (`First Expression`, `Final Expression`, `SDE`), once at the first
// column of its block as a spreadsheet's merged cells export; the second names each column's
// candidate; the third starts `County,Precinct`. Each county ends with a `Total` row, skipped.
// The apportionment file has the columns `County,Precinct,County Delegates`.
import { parse } from 'csv-parse/sync';
import { caucusProblems, viabilityNumber, type CaucusRules } from '../core/caucus.js';
import { err, ok, problem, type Problem, type Result } from '../core/result.js';

/** One precinct's reported numbers, by candidate (preference group) in the file's order. */
export interface IowaPrecinct {
  readonly county: string;
  readonly precinct: string;
  /** The file's row (1-based), for messages. */
  readonly row: number;
  readonly first: readonly (number | undefined)[];
  readonly final: readonly (number | undefined)[];
  /** State delegate equivalents, as published (4 decimals). */
  readonly sde: readonly (number | undefined)[];
  /** Cells that are not numbers, as `candidate (measure): "text"`. */
  readonly unreadable: readonly string[];
}

export interface IowaResults {
  /** The preference groups, in the order the file first names them. */
  readonly groups: readonly string[];
  readonly precincts: readonly IowaPrecinct[];
}

export type CaucusFileProblem = Problem<'not_csv' | 'no_header'>;

type Measure = 'first' | 'final' | 'sde';

function rowsOf(text: string): Result<string[][], CaucusFileProblem> {
  try {
    const rows: string[][] = parse(text, {
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    });
    return ok(rows);
  } catch (e) {
    return err(problem('not_csv', `not a CSV file: ${e instanceof Error ? e.message : String(e)}`));
  }
}

const cell = (row: readonly string[] | undefined, i: number): string =>
  (row?.[i] ?? '').replace(/\s+/g, ' ').trim();

function measureOf(text: string): Measure | undefined {
  const t = text.toLowerCase();
  if (t.includes('first')) return 'first';
  if (t.includes('final')) return 'final';
  if (t.includes('sde') || t.includes('delegate equivalent')) return 'sde';
  return undefined;
}

/** A cell's number: blank is undefined; "1,234" and "0.5000" read as numbers; else NaN. */
function numberOf(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const n = Number(text.replace(/,/g, ''));
  return Number.isFinite(n) && n >= 0 ? n : Number.NaN;
}

/** Reads a results file in the Iowa Democratic Party's 2020 wide format. */
export function readIowaResults(text: string): Result<IowaResults, CaucusFileProblem> {
  const parsed = rowsOf(text);
  if (!parsed.ok) return parsed;
  const rows = parsed.value;
  const header = rows.findIndex(
    (r) => cell(r, 0).toLowerCase() === 'county' && cell(r, 1).toLowerCase() === 'precinct',
  );
  if (header < 2) {
    return err(
      problem(
        'no_header',
        'no header rows: the file starts with a row of measures (First Expression, Final Expression, SDE), a row of candidates, then County,Precinct',
      ),
    );
  }
  const measures = rows[header - 2] ?? [];
  const candidates = rows[header - 1] ?? [];
  const width = Math.max(measures.length, candidates.length);
  const groups: string[] = [];
  const columns: { index: number; measure: Measure; group: number }[] = [];
  let measure: Measure | undefined;
  let candidate = '';
  const taken = new Set<string>();
  for (let i = 2; i < width; i++) {
    // A measure names the first column of its block; the block runs to the next one.
    if (cell(measures, i) !== '') measure = measureOf(cell(measures, i));
    // A candidate's merged cells: a blank under a measure is the name before it; a blank
    // under none (a spacer column) is nobody's.
    if (cell(candidates, i) !== '') candidate = cell(candidates, i);
    else if (cell(measures, i) === '') candidate = '';
    if (measure === undefined || candidate === '' || /total/i.test(candidate)) continue;
    // The same candidate in each block, however its name is cased there.
    const named = candidate.toLowerCase();
    let group = groups.findIndex((g) => g.toLowerCase() === named);
    if (group < 0) group = groups.push(candidate) - 1;
    // A measure and candidate named twice: the first column is theirs.
    if (taken.has(`${measure}|${String(group)}`)) continue;
    taken.add(`${measure}|${String(group)}`);
    columns.push({ index: i, measure, group });
  }
  if (!columns.some((c) => c.measure === 'first') || !columns.some((c) => c.measure === 'final')) {
    return err(
      problem(
        'no_header',
        'the header names no First Expression or no Final Expression columns of candidates',
      ),
    );
  }
  const precincts: IowaPrecinct[] = [];
  for (let r = header + 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const county = cell(row, 0);
    const precinct = cell(row, 1);
    // Blank rows, and each county's (and the state's) total.
    if (precinct === '' || /total/i.test(precinct) || /total$/i.test(county)) continue;
    const numbers = { first: [], final: [], sde: [] } as Record<Measure, (number | undefined)[]>;
    for (const m of ['first', 'final', 'sde'] as const) numbers[m] = groups.map(() => undefined);
    const unreadable: string[] = [];
    for (const c of columns) {
      const text = cell(row, c.index);
      const n = numberOf(text);
      // A blank cell is a number not reported; a row that ends before the column has lost it.
      if (Number.isNaN(n) || c.index >= row.length) {
        unreadable.push(
          `${groups[c.group] ?? ''} (${c.measure}): ${c.index >= row.length ? 'missing (the row ends before it)' : `"${text}"`}`,
        );
        continue;
      }
      numbers[c.measure][c.group] = n;
    }
    precincts.push({
      county,
      precinct,
      row: r + 1,
      first: numbers.first,
      final: numbers.final,
      sde: numbers.sde,
      unreadable,
    });
  }
  return ok({ groups, precincts });
}

/** County|Precinct as the two files are matched: case and spacing do not count. */
export const precinctKey = (county: string, precinct: string): string =>
  `${nameKey(county)}|${nameKey(precinct)}`;

/**
 * A name as the files are matched on: HTML's &amp; (as some exports write &, some escaped twice:
 * &amp;amp;), case, spacing.
 */
const nameKey = (name: string): string =>
  name
    .replace(/&(?:amp;)+/gi, '&')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** Reads an apportionment file: County,Precinct,County Delegates; a map by precinctKey. */
export function readApportionment(
  text: string,
): Result<Map<string, number>, CaucusFileProblem | Problem<'bad_delegates'>> {
  const parsed = rowsOf(text);
  if (!parsed.ok) return parsed;
  const [head = [], ...rows] = parsed.value;
  const names = head.map((h) => h.replace(/\s+/g, ' ').trim().toLowerCase());
  const county = names.indexOf('county');
  const precinct = names.indexOf('precinct');
  const delegates = names.indexOf('county delegates');
  if (county < 0 || precinct < 0 || delegates < 0) {
    return err(
      problem('no_header', 'the apportionment file has no header County,Precinct,County Delegates'),
    );
  }
  const out = new Map<string, number>();
  const rowOf = new Map<string, number>();
  for (const [i, row] of rows.entries()) {
    if (row.every((c) => c.trim() === '')) continue;
    const d = numberOf(cell(row, delegates));
    if (d === undefined || Number.isNaN(d) || !Number.isInteger(d)) {
      return err(
        problem(
          'bad_delegates',
          `row ${String(i + 2)}: "${cell(row, delegates)}" is not a whole number of county delegates`,
        ),
      );
    }
    const key = precinctKey(cell(row, county), cell(row, precinct));
    const before = out.get(key);
    if (before !== undefined && before !== d) {
      // A file that contradicts itself: which number holds is not this command's to guess.
      return err(
        problem(
          'bad_delegates',
          `row ${String(i + 2)}: ${cell(row, county)}, ${cell(row, precinct)} has ${String(d)} county delegates, but ${String(before)} at row ${String(rowOf.get(key) ?? 0)}`,
        ),
      );
    }
    out.set(key, d);
    rowOf.set(key, i + 2);
  }
  return ok(out);
}

/** A precinct's problems with the rules, as `tally caucus check` lists them. */
export interface PrecinctFinding {
  readonly county: string;
  readonly precinct: string;
  readonly problems: readonly { readonly code: string; readonly message: string }[];
}

export interface CaucusCheck {
  /** Precincts checked against the rules. */
  readonly checked: number;
  /** Those that break them, in the file's order. */
  readonly breakers: readonly PrecinctFinding[];
  /** Those the apportionment file does not name: not checked (their delegates are unknown). */
  readonly unchecked: readonly { readonly county: string; readonly precinct: string }[];
  /** Those with a cell that is no number: not checked, each with its cells. */
  readonly unreadable: readonly PrecinctFinding[];
  /** Precincts of the apportionment file the results file does not have. */
  readonly notInResults: number;
}

/**
 * How far a group's delegates derived from its SDEs may be from a whole number: SDEs are
 * published to 4 decimals (each within 0.00005), so a group's derived delegates are off by at
 * most (groups + 1) x 0.00005 / the SDE of one delegate; at least a hundredth.
 */
const wholeWithin = (groups: number, perDelegate: number): number =>
  Math.max(0.01, ((groups + 1) * 0.00005) / perDelegate);

/**
 * Checks every precinct of a results file against the caucus rules, with each precinct's county
 * delegates from the apportionment. The file gives SDEs, not delegates: the SDE value of one
 * county delegate is the precinct's SDE total over its delegates, and each group's delegates
 * its SDEs over that value.
 */
export function checkIowaResults(
  results: IowaResults,
  apportionment: ReadonlyMap<string, number>,
  rules: CaucusRules = 'iowa-2020',
): CaucusCheck {
  const breakers: PrecinctFinding[] = [];
  const unchecked: { county: string; precinct: string }[] = [];
  const unreadable: PrecinctFinding[] = [];
  const inResults = new Set<string>();
  let checked = 0;
  for (const p of results.precincts) {
    const key = precinctKey(p.county, p.precinct);
    inResults.add(key);
    const apportioned = apportionment.get(key);
    if (apportioned === undefined) {
      unchecked.push({ county: p.county, precinct: p.precinct });
      continue;
    }
    if (p.unreadable.length > 0) {
      const problems = p.unreadable.map((u) => ({
        code: 'unreadable_number',
        message: `not a number: ${u}`,
      }));
      unreadable.push({ county: p.county, precinct: p.precinct, problems });
      continue;
    }
    checked++;
    const problems: { code: string; message: string }[] = [];
    // Nevada adds a delegate for each viable group beyond the precinct's.
    const first = p.first.reduce<number>((a, b) => a + (b ?? 0), 0);
    const need = viabilityNumber(first, apportioned);
    const viableGroups = p.final.filter((m) => (m ?? 0) > 0 && (m ?? 0) >= need).length;
    const D =
      rules === 'nevada-2020' && apportioned > 1
        ? Math.max(apportioned, viableGroups)
        : apportioned;
    const sdeTotal = p.sde.reduce<number>((a, b) => a + (b ?? 0), 0);
    let delegates: number[] | undefined;
    if (D > 0 && sdeTotal > 0) {
      const perDelegate = sdeTotal / D;
      const derived = p.sde.map((x) => (x ?? 0) / perDelegate);
      delegates = derived.map((d) => Math.round(d));
      const within = wholeWithin(p.sde.filter((x) => (x ?? 0) > 0).length, perDelegate);
      const fractional = derived.flatMap((d, i) =>
        Math.abs(d - Math.round(d)) > within ? [`${results.groups[i] ?? ''} ${d.toFixed(3)}`] : [],
      );
      if (fractional.length > 0) {
        problems.push({
          code: 'sde_not_whole_delegates',
          message: `SDEs that are no whole number of delegates (${perDelegate.toFixed(4)} SDE each): ${fractional.join(', ')}`,
        });
      }
    } else if (D > 0) {
      delegates = p.sde.map(() => 0);
    } else if (sdeTotal > 0) {
      // No delegates to give, yet SDEs: each group with any named as given one.
      delegates = p.sde.map((x) => ((x ?? 0) > 0 ? 1 : 0));
    }
    problems.push(
      ...caucusProblems({
        groups: results.groups,
        first: p.first,
        final: p.final,
        ...(delegates === undefined ? {} : { delegates }),
        precinctDelegates: D,
        rules,
      }),
    );
    if (problems.length > 0) breakers.push({ county: p.county, precinct: p.precinct, problems });
  }
  let notInResults = 0;
  for (const key of apportionment.keys()) if (!inResults.has(key)) notInResults++;
  return { checked, breakers, unchecked, unreadable, notInResults };
}
