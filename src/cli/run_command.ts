// How a command ends: a failure the user must hear about (CliFailure) becomes one line on stderr
// and an exit code, never a stack trace. Kept apart from the store so that the one-file verifier
// (verifier_main.ts) uses the same handling without bundling a database driver.
import { CommanderError, type Command } from 'commander';
import type { CliIo } from './program.js';

/** A failure the user must hear about; the command exits with `exitCode`. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Runs a parsed command line; resolves to the process exit code. */
export async function runCommand(
  program: Command,
  argv: readonly string[],
  io: CliIo,
): Promise<number> {
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CliFailure) {
      if (e.message !== '') io.err(`tally: ${e.message}\n`);
      return e.exitCode;
    }
    if (e instanceof CommanderError) return e.exitCode;
    throw e;
  }
}
