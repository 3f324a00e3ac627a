// `tally simulate`: rehearses election night against a running `tally serve` (which shares the
// data directory), and writes the readiness report.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { encodeVerifierKey, parseVerifierKey } from '../log/note.js';
import { NO_FAULTS, REALISTIC_FAULTS } from '../sim/night.js';
import { reportHtml, reportText, simulate } from '../sim/simulate.js';
import type { CliIo } from './program.js';
import { readSignerFile, withDataDir, withStore, type StoreOptions } from './store_options.js';
import { CliFailure } from './run_command.js';
import { publishedReader } from './site_reader.js';
import { verifyPool } from './verify_pool.js';

/** A progress bar on a terminal; a plain line every tenth otherwise. */
function progress(io: CliIo, tty: boolean): (done: number, total: number) => void {
  let shown = -1;
  return (done, total) => {
    if (tty) {
      const width = 30;
      const filled = Math.round((width * done) / total);
      io.out(
        `\r  [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${String(done)}/${String(total)}${done === total ? '\n' : ''}`,
      );
      return;
    }
    const tenth = Math.floor((10 * done) / total);
    if (tenth > shown) {
      shown = tenth;
      io.out(`  ${String(done)} of ${String(total)} reports (${String(tenth * 10)}%)\n`);
    }
  };
}

export function addSimulateCommand(program: Command, io: CliIo): void {
  withDataDir(
    program
      .command('simulate')
      .description(
        "Rehearse election night at full scale against a running `tally serve` on the same data directory: a generated election, realistic faults, readers on the public site, then a readiness report and the verifier's verdict.",
      )
      .option('--server <url>', 'the ingest API', 'http://127.0.0.1:8080')
      .option('--public <url>', 'the public plane', 'http://127.0.0.1:8081')
      .option('--units <n>', 'reporting units', '1000')
      .option('--contests <n>', 'contests on every ballot', '10')
      .option('--minutes <n>', 'how long the night lasts', '1')
      .option(
        '--polls-close <seconds>',
        'seconds from loading the election to the polls closing, when the results are released and the reports begin; the server builds the site in private meanwhile (default: 10, and 0.4 per 1,000 units)',
      )
      .option('--readers <n>', 'concurrent readers on the public site', '8')
      .option('--faults <mix>', 'realistic or none', 'realistic')
      .option(
        '--caucus [rules]',
        'a caucus night instead: every precinct caucuses (rules: iowa-2020, the default, or nevada-2020), some reports breaking the rules',
      )
      .option(
        '--log-key <key>',
        "the server's checkpoint verifier key (default: read from the data directory)",
      )
      .option('--report <file>', 'where to write the HTML report', 'readiness-report.html'),
  ).action(
    async (
      options: StoreOptions & {
        server: string;
        public: string;
        units: string;
        contests: string;
        minutes: string;
        pollsClose?: string;
        readers: string;
        faults: string;
        caucus?: string | true;
        logKey?: string;
        report: string;
      },
    ) => {
      const units = Number(options.units);
      const contests = Number(options.contests);
      const minutes = Number(options.minutes);
      if (!(units >= 1 && contests >= 1 && minutes > 0)) {
        throw new CliFailure('--units and --contests are at least 1, --minutes above 0');
      }
      const pollsClose =
        options.pollsClose === undefined ? undefined : Number(options.pollsClose) * 1000;
      if (pollsClose !== undefined && !(pollsClose >= 0)) {
        throw new CliFailure('--polls-close is a number of seconds, 0 or more');
      }
      if (options.faults !== 'realistic' && options.faults !== 'none') {
        throw new CliFailure('--faults is realistic or none');
      }
      const caucus =
        options.caucus === undefined
          ? undefined
          : options.caucus === true
            ? 'iowa-2020'
            : options.caucus;
      if (caucus !== undefined && caucus !== 'iowa-2020' && caucus !== 'nevada-2020') {
        throw new CliFailure('--caucus takes iowa-2020 or nevada-2020');
      }
      const keyText =
        options.logKey ??
        encodeVerifierKey(
          await readSignerFile(join(options.dataDir, 'log-signer.key'), 'checkpoint key'),
        );
      const logKey = parseVerifierKey(keyText);
      if (!logKey.ok) throw new CliFailure(`--log-key: ${logKey.error.message}`);
      const verifyWorkers = verifyPool();
      const report = await withStore(options, (store) =>
        simulate({
          verifyWorkers,
          store,
          serverUrl: options.server,
          publicUrl: options.public.replace(/\/$/, ''),
          units,
          contests,
          durationMs: minutes * 60_000,
          ...(pollsClose === undefined ? {} : { pollsCloseInMs: pollsClose }),
          readers: Number(options.readers),
          faults: options.faults === 'none' ? NO_FAULTS : REALISTIC_FAULTS,
          logKey: logKey.value,
          read: (url) => publishedReader(url),
          onProgress: progress(io, process.stdout.isTTY),
          ...(caucus === undefined ? {} : { caucus }),
        }),
      ).finally(() => verifyWorkers.close());
      io.out(reportText(report));
      await writeFile(options.report, reportHtml(report));
      io.out(`  report: ${options.report}\n`);
      if (!report.verdict.ok) throw new CliFailure('the published results did not verify');
    },
  );
}
