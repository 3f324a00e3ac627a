#!/usr/bin/env node
// Entry point of the one-file verifier, tally-verify.mjs (npm run build:verifier): `tally verify`
// alone, which needs no store, bundled with everything it imports so that it runs on plain
// Node.js with nothing installed. The file is its own worker script: started as a worker thread
// with VERIFY_WORKER_ROLE, it answers the verifier's tasks instead.
import { isMainThread, workerData } from 'node:worker_threads';
import { Command } from 'commander';
import { unsupportedNode } from './node_version.js';
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
      .showHelpAfterError();
    verifyCommand(program, io, {
      script: new URL(import.meta.url),
      workerData: VERIFY_WORKER_ROLE,
    });
    process.exitCode = await runCommand(program, process.argv.slice(2), io);
  } else {
    process.stderr.write(`${refusal}\n`);
    process.exitCode = 1;
  }
}
