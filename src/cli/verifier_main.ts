#!/usr/bin/env node
// Entry point of the one-file verifier, tally-verify.mjs (npm run build:verifier): `tally verify`
// as its own command (`tally-verify <url-or-dir> ...`) and `tally receipt check` as its one
// subcommand (`tally-verify receipt check ...`), which need no store, bundled with everything they
// import so that it runs on plain Node.js with nothing installed. The file is its own worker script: started as a worker thread
// with VERIFY_WORKER_ROLE, it answers the verifier's tasks instead.
import { isMainThread, workerData } from 'node:worker_threads';
import { Command } from 'commander';
import { unsupportedNode } from './node_version.js';
import { addReceiptCommand } from './receipt_command.js';
import { runCommand } from './run_command.js';
import { verifyCommand } from './verify_command.js';
import { answerVerifyTasks } from './verify_pool.js';
import { tallyVersion } from './version.js';

/** What a worker thread of this file is started with, to know it is one. */
const VERIFY_WORKER_ROLE = 'tally-verify-worker';

if (!isMainThread && workerData === VERIFY_WORKER_ROLE) {
  answerVerifyTasks();
} else {
  const refusal = unsupportedNode(process.versions.node);
  if (refusal === undefined) {
    const io = {
      out: (text: string) => process.stdout.write(text),
      err: (text: string) => process.stderr.write(text),
    };
    const program = new Command('tally-verify')
      .version(tallyVersion(), '-V, --version', 'print the version of Tally it was built from')
      .configureOutput({ writeOut: io.out, writeErr: io.err })
      .exitOverride()
      .showHelpAfterError()
      .usage(
        '[options] <url-or-dir>\n   or: tally-verify receipt check [options] <submission> <receipt> <url-or-dir>',
      )
      // Options after `receipt` are the receipt check's own: both commands take --log-key.
      .enablePositionalOptions();
    const worker = { script: new URL(import.meta.url), workerData: VERIFY_WORKER_ROLE };
    verifyCommand(program, io, worker);
    addReceiptCommand(program, io, worker);
    process.exitCode = await runCommand(program, process.argv.slice(2), io);
  } else {
    process.stderr.write(`${refusal}\n`);
    process.exitCode = 1;
  }
}
