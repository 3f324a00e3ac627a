// `tally receipt check <submission> <receipt> <url-or-dir>`: a sender holds the log to the receipt
// it was given, with the bytes it sent: is the entry in the log, is it what was sent, and is what
// the log records what the admission rules decide (receipt_check.ts).
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { errorBody } from '../server/error_shape.js';
import type { CliIo } from './program.js';
import { checkReceipt, type ReceiptReport } from './receipt_check.js';
import { CliFailure } from './run_command.js';
import { keysFrom } from './verify_command.js';
import { publishedReader } from './site_reader.js';
import { verifyPool, type VerifyWorkerScript } from './verify_pool.js';

async function readInput(file: string, what: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (e) {
    throw new CliFailure(`cannot read the ${what} ${file}: ${(e as Error).message}`, 2);
  }
}

function describe(report: ReceiptReport): string {
  const lines: string[] = [];
  const where = `entry ${String(report.entry)} of election ${report.election}`;
  lines.push(
    report.ok
      ? `RECEIPT CONFIRMED: ${where} is in the log and holds the submission sent; the log records what the admission rules decide.`
      : `RECEIPT NOT CONFIRMED: ${String(report.problems.length)} problem(s) with ${where}.`,
  );
  if (report.logSize > 0) {
    lines.push(
      `  in the log's signed checkpoint of ${String(report.logSize)} entries (inclusion proof of ${String(report.inclusionProof.length)} hashes)`,
    );
  }
  const { recorded } = report;
  if (recorded !== undefined) {
    const outcome =
      recorded.status === 'rejected'
        ? `rejected (${recorded.error?.code ?? '?'}: ${recorded.error?.message ?? ''})`
        : `${recorded.status} (${recorded.kind ?? '?'})`;
    const kept = recorded.holdsSubmission
      ? 'the entry holds the submission'
      : 'the entry keeps only the digest of the bytes sent';
    lines.push(`  recorded as ${outcome}; ${kept}`);
  }
  if (report.rules !== undefined) {
    lines.push(`  the admission rules, replayed over the log up to it, make it ${report.rules}`);
  }
  for (const p of report.problems) {
    lines.push(`  - [${p.code}] ${p.message}`);
    if (p.expected !== undefined || p.found !== undefined) {
      lines.push(`      expected ${String(p.expected ?? '-')}, found ${String(p.found ?? '-')}`);
    }
  }
  if (report.earlierProblems.length > 0) {
    lines.push(
      `  the log before entry ${String(report.entry)} has ${String(report.earlierProblems.length)} problem(s) of its own: \`tally verify\` names them`,
    );
  }
  return lines.join('\n') + '\n';
}

/**
 * `receipt check` under `program`: `tally receipt check`, or the one-file verifier's
 * (verifier_main.ts), whose worker threads run `worker`.
 */
export function addReceiptCommand(program: Command, io: CliIo, worker?: VerifyWorkerScript): void {
  const receipt = program
    .command('receipt')
    .description('Hold the published log to the receipt a submission was given.');
  receipt
    .command('check <submission> <receipt> <url-or-dir>')
    .description(
      "Check a submission you sent against the published log, with your receipt: the entry the receipt names is in the log (an inclusion proof to its signed checkpoint), it is the bytes you sent (or their digest, for a rejection that keeps only that), the receipt says what the log records, and the admission rules, replayed over the log up to it, decide what it records; a valid submission logged as rejected is named. <submission> is the file of the bytes sent; <receipt> the receipt, or ingest's answer holding it; <url-or-dir> the election's published site.",
    )
    .option('--log-key <key...>', 'a verifier key you trust for the log’s checkpoints')
    .option('--key-file <file...>', 'a file of trusted verifier keys, one a line')
    .option('--json', 'print the report as JSON')
    .option('--workers <n>', 'worker threads to replay the log with (default: one per core)')
    .action(
      async (
        submissionFile: string,
        receiptFile: string,
        location: string,
        options: { logKey?: string[]; keyFile?: string[]; json?: boolean; workers?: string },
      ) => {
        const logKeys = [
          ...(await keysFrom(options.logKey ?? [], [])),
          ...(await keysFrom([], options.keyFile ?? [])),
        ];
        if (logKeys.length === 0) {
          throw new CliFailure(
            'give the keys you trust: --log-key <key> or --key-file <file> (the site’s own keys prove nothing)',
            2,
          );
        }
        const count = options.workers === undefined ? undefined : Number(options.workers);
        if (count !== undefined && !(Number.isInteger(count) && count >= 1)) {
          throw new CliFailure('--workers is a whole number, at least 1', 2);
        }
        const sent = await readInput(submissionFile, 'submission');
        const receiptText = new TextDecoder().decode(await readInput(receiptFile, 'receipt'));
        const workers = verifyPool(count, worker);
        const checked = await checkReceipt(publishedReader(location), sent, receiptText, {
          logKeys,
          workers,
        }).finally(() => workers.close());
        if (!checked.ok) {
          if (options.json === true) {
            io.out(
              `${JSON.stringify(errorBody(checked.error.code, checked.error.message), null, 2)}\n`,
            );
            throw new CliFailure('', 2);
          }
          throw new CliFailure(`${checked.error.code}: ${checked.error.message}`, 2);
        }
        const report = checked.value;
        io.out(options.json === true ? `${JSON.stringify(report, null, 2)}\n` : describe(report));
        if (!report.ok) throw new CliFailure('', 1);
      },
    );
}
