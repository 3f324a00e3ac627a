// The `tally` command: argument parsing and output. Each command is a thin shell over the pure
// libraries; the program takes its output streams as arguments so tests run it in-process.
import { Command, InvalidArgumentError } from 'commander';
import { canonicalJsonBytes } from '../core/canonical_json.js';
import { encodeBase64 } from '../log/encoding.js';
import { Log } from '../log/log.js';
import { MemoryLogStorage } from '../log/memory_storage.js';
import {
  encodeSignerKey,
  encodeVerifierKey,
  generateSigner,
  parseSignerKey,
  parseVerifierKey,
  type Signer,
  type Verifier,
} from '../log/note.js';
import { CHECKPOINT_PATH, tiledLogFiles, verifyTiledLog } from '../log/tiled_log.js';
import { registerElectionCommands } from './election_commands.js';
import { addVerifyCommand } from './verify_command.js';
import { addReceiptCommand } from './receipt_command.js';
import { addCaucusCommand } from './caucus_command.js';
import { addDemoCommand } from './demo_command.js';
import { addSimulateCommand } from './simulate_command.js';
import { addStaffCommand } from './staff_command.js';
import { logReader, writeLogFile } from './log_files.js';
import { CliFailure, runCommand } from './run_command.js';
import { tallyVersion } from './version.js';

export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1)
    throw new InvalidArgumentError('must be a whole number of 1 or more');
  return n;
}

function signerKey(text: string): Signer {
  const parsed = parseSignerKey(text);
  if (!parsed.ok) throw new CliFailure(parsed.error.message);
  return parsed.value;
}

function verifierKeys(texts: readonly string[]): Verifier[] {
  return texts.map((text) => {
    const parsed = parseVerifierKey(text);
    if (!parsed.ok) throw new CliFailure(parsed.error.message);
    return parsed.value;
  });
}

function newSigner(name: string): Signer {
  const made = generateSigner(name);
  if (!made.ok) throw new CliFailure(made.error.message);
  return made.value;
}

export function buildProgram(io: CliIo): Command {
  const program = new Command('tally')
    .description('Verifiable election night reporting.')
    .version(tallyVersion(), '-V, --version', 'print the version')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride()
    .showHelpAfterError();

  program
    .command('keygen')
    .description(
      'Make a new Ed25519 signer key and print it with its verifier key (C2SP signed-note).',
    )
    .requiredOption(
      '--name <name>',
      'key name, usually the log origin, e.g. results.example.gov/2026-general',
    )
    .action((options: { name: string }) => {
      const signer = newSigner(options.name);
      io.out(`signer key (keep secret):   ${encodeSignerKey(signer)}\n`);
      io.out(`verifier key (publish it): ${encodeVerifierKey(signer)}\n`);
    });

  const log = program
    .command('log')
    .description('Work with transparency logs in the C2SP tlog-tiles layout.');

  log
    .command('verify')
    .description(
      'Verify a published log: the checkpoint signature, every entry bundle and tile, and the root.',
    )
    .argument('<source>', 'directory or http(s) URL where the log is published')
    .requiredOption(
      '--key <verifier-key>',
      'verifier key the checkpoint must be signed by (repeat for several)',
      (value: string, previous?: string[]) => [...(previous ?? []), value],
    )
    .option('--origin <origin>', 'origin the checkpoint must name')
    .action(async (source: string, options: { key: string[]; origin?: string }) => {
      await verifyLog(io, source, verifierKeys(options.key), options.origin);
    });

  log
    .command('demo')
    .description('Write a small signed demo log in the tlog-tiles layout, to try the verifier on.')
    .argument('<dir>', 'directory to write the log to')
    .option('--entries <n>', 'how many entries', positiveInteger, 1000)
    .option('--origin <origin>', 'log origin', 'demo.tally.example/log')
    .option('--key <signer-key>', 'sign with this key instead of a new one')
    .option('--verify', 'verify the log once written, as `tally log verify` would')
    .action(
      async (
        dir: string,
        options: { entries: number; origin: string; key?: string; verify?: boolean },
      ) => {
        const signer =
          options.key === undefined ? newSigner(options.origin) : signerKey(options.key);
        const demo = await Log.open(new MemoryLogStorage());
        const entries = Array.from({ length: options.entries }, (_, i) =>
          canonicalJsonBytes({ kind: 'demo', sequence: i, text: `demo entry ${i}` }),
        );
        const appended = await demo.append(entries);
        if (!appended.ok) throw new CliFailure(appended.error.message);
        let files = 0;
        for await (const file of tiledLogFiles(demo)) {
          await writeLogFile(dir, file);
          files++;
        }
        const note = demo.checkpoint(options.origin, [signer]);
        if (!note.ok) throw new CliFailure(note.error.message);
        await writeLogFile(dir, {
          path: CHECKPOINT_PATH,
          bytes: new TextEncoder().encode(note.value),
        });
        io.out(`wrote a log of ${demo.size} entries (${files} tiles and bundles) to ${dir}\n`);
        io.out(`verifier key: ${encodeVerifierKey(signer)}\n`);
        io.out(`try: tally log verify ${dir} --key ${encodeVerifierKey(signer)}\n`);
        if (options.verify === true) await verifyLog(io, dir, [signer], options.origin);
      },
    );

  registerElectionCommands(program, io);
  addVerifyCommand(program, io);
  addReceiptCommand(program, io);
  addCaucusCommand(program, io);
  addDemoCommand(program, io);
  addSimulateCommand(program, io);
  addStaffCommand(program, io);
  return program;
}

async function verifyLog(
  io: CliIo,
  source: string,
  verifiers: readonly Verifier[],
  origin: string | undefined,
): Promise<void> {
  let entries = 0;
  const result = await verifyTiledLog(logReader(source), verifiers, {
    ...(origin === undefined ? {} : { origin }),
    onEntries: (_, batch) => {
      entries += batch.length;
    },
  });
  if (!result.ok) {
    const where = result.error.details?.['path'];
    throw new CliFailure(
      `log verification FAILED: ${result.error.message}${typeof where === 'string' ? ` [${where}]` : ''}`,
    );
  }
  const checkpoint = result.value;
  io.out(`log verified: ${checkpoint.origin}\n`);
  io.out(`  size ${checkpoint.size} (${entries} entries checked)\n`);
  io.out(`  root ${encodeBase64(checkpoint.root)}\n`);
}

/** Runs the command line; resolves to the process exit code. */
export function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  return runCommand(buildProgram(io), argv, io);
}
