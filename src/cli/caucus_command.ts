// `tally caucus check <results.csv> --delegates <apportionment.csv> [--json]`: audits a published
// caucus results file (the Iowa Democratic Party's 2020 wide format) against the caucus rules and
// lists every precinct that breaks them, and why (src/formats/iowa_caucus_csv.ts and
// src/core/caucus.ts).
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  checkIowaResults,
  readApportionment,
  readIowaResults,
  type CaucusCheck,
} from '../formats/iowa_caucus_csv.js';
import type { CliIo } from './program.js';
import { CliFailure } from './run_command.js';

async function readText(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    throw new CliFailure(`cannot read the ${what} ${file}: ${(e as Error).message}`, 2);
  }
}

function describe(check: CaucusCheck): string {
  const lines: string[] = [];
  for (const b of check.breakers) {
    lines.push(`${b.county}, ${b.precinct}:`);
    for (const p of b.problems) lines.push(`  - [${p.code}] ${p.message}`);
  }
  lines.push(...aside(check));
  lines.push(summary(check));
  return lines.join('\n') + '\n';
}

/** The precincts not checked, one a line: not in the apportionment, or with unreadable cells. */
function aside(check: CaucusCheck): string[] {
  const lines: string[] = [];
  if (check.unreadable.length > 0) {
    lines.push(`Not checked, with cells that are no numbers (${String(check.unreadable.length)}):`);
    for (const u of check.unreadable)
      lines.push(`  ${u.county}, ${u.precinct}: ${u.problems.map((p) => p.message).join('; ')}`);
  }
  if (check.unchecked.length > 0) {
    lines.push(
      `Not checked, not in the apportionment file (${String(check.unchecked.length)}): their delegates are unknown`,
    );
    for (const u of check.unchecked) lines.push(`  ${u.county}, ${u.precinct}`);
  }
  return lines;
}

function summary(check: CaucusCheck): string {
  const byCode = new Map<string, number>();
  // Precincts by each code they break (a precinct may break one rule several times).
  for (const b of check.breakers)
    for (const code of new Set(b.problems.map((p) => p.code)))
      byCode.set(code, (byCode.get(code) ?? 0) + 1);
  const codes = [...byCode].map(([code, n]) => `${code} ${String(n)}`).join(', ');
  const plural = (n: number, one: string, many: string): string =>
    `${String(n)} ${n === 1 ? one : many}`;
  return [
    `${plural(check.checked, 'precinct', 'precincts')} checked: ${plural(check.breakers.length, 'breaks', 'break')} the caucus rules${codes === '' ? '' : ` (${codes})`}`,
    check.unchecked.length + check.unreadable.length > 0
      ? `; ${String(check.unchecked.length + check.unreadable.length)} not checked`
      : '',
    check.notInResults > 0
      ? `; ${plural(check.notInResults, 'precinct', 'precincts')} of the apportionment file not in the results`
      : '',
    '.',
  ].join('');
}

export function addCaucusCommand(program: Command, io: CliIo): void {
  const caucus = program.command('caucus').description('Caucus results against the caucus rules.');
  caucus
    .command('check <results.csv>')
    .description(
      "Audit a published caucus results file against the caucus rules: every precinct whose numbers break them, and why (a first alignment missing; more in the final alignment than the first; more viable groups than delegates; delegates to a group not viable in the final alignment; delegates the rules cannot give). <results.csv> is in the wide format the Iowa Democratic Party published in 2020: a row of measures (First Expression, Final Expression, SDE), a row of candidates, then County,Precinct and a row per precinct (county Total rows are skipped). SDEs are turned into delegates with each precinct's county delegates from --delegates. Exit status 1 when a precinct breaks the rules.",
    )
    .requiredOption(
      '--delegates <apportionment.csv>',
      'each precinct’s county delegates: a CSV with the columns County,Precinct,County Delegates',
    )
    .option('--rules <rules>', 'iowa-2020 or nevada-2020', 'iowa-2020')
    .option(
      '--json',
      'print the precincts that break the rules as JSON: [{county, precinct, problems: [{code, message}]}]',
    )
    .action(
      async (
        resultsFile: string,
        options: { delegates: string; rules: string; json?: boolean },
      ) => {
        if (options.rules !== 'iowa-2020' && options.rules !== 'nevada-2020')
          throw new CliFailure('--rules is iowa-2020 or nevada-2020', 2);
        const results = readIowaResults(await readText(resultsFile, 'results file'));
        if (!results.ok)
          throw new CliFailure(
            `${resultsFile}: ${results.error.code}: ${results.error.message}`,
            2,
          );
        const apportionment = readApportionment(
          await readText(options.delegates, 'apportionment file'),
        );
        if (!apportionment.ok) {
          throw new CliFailure(
            `${options.delegates}: ${apportionment.error.code}: ${apportionment.error.message}`,
            2,
          );
        }
        const check = checkIowaResults(results.value, apportionment.value, options.rules);
        if (check.checked === 0 && check.unreadable.length === 0) {
          throw new CliFailure(
            `no precinct of ${resultsFile} is in ${options.delegates}: nothing checked (its County and Precinct columns name none of the results file's ${String(check.unchecked.length)})`,
            2,
          );
        }
        if (options.json === true) {
          io.out(`${JSON.stringify(check.breakers, null, 2)}\n`);
          // Those not checked are no rule breakers: said apart, on standard error.
          io.err([...aside(check), summary(check)].join('\n') + '\n');
        } else io.out(describe(check));
        if (check.breakers.length > 0) throw new CliFailure('', 1);
      },
    );
}
