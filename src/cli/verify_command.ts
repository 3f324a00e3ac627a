// `tally verify <url-or-dir>`: checks a published election from its public files alone, with keys
// the user gives (never only the keys the site serves), and says plainly whether every published
// number is the sum of the accepted, signed submissions in the log.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { parseVerifierKey, type Verifier } from '../log/note.js';
import { CHECKPOINT_PATH } from '../log/tiled_log.js';
import {
  verifySite,
  type ReadPublished,
  type VerifyProblem,
  type VerifiedFiles,
  type VerifyReport,
} from '../verify/verify.js';
import { BuildParameters, ManifestFile } from '../formats/manifest.js';
import type { CliIo } from './program.js';
import { compressedReader, directoryLister, publishedReader } from './site_reader.js';
import { filesThread, verifyPool, type VerifyWorkerScript } from './verify_pool.js';
import { CliFailure } from './run_command.js';

/**
 * Reads until a read fails, then reads nothing more, so that the verifier winds down; the
 * command then reports the failure, not a verdict. Thrown into the verifier, which reads many
 * files at once, a failure could surface as an unhandled rejection: a stack trace, no sentence.
 */
function untilFailure(read: ReadPublished): { read: ReadPublished; rethrow: () => void } {
  let failure: { readonly error: unknown } | undefined;
  return {
    read: async (path) => {
      if (failure !== undefined) return undefined;
      try {
        return await read(path);
      } catch (error) {
        failure ??= { error };
        return undefined;
      }
    },
    rethrow: () => {
      if (failure !== undefined) throw failure.error;
    },
  };
}

/** Files that never change once published: a mirror keeps them and never fetches them again. */
const immutable = (path: string): boolean => path.startsWith('v/') || path.startsWith('log/tile/');

/** The checkpoint a mirror last verified: later runs require the log to still contain it. */
export const VERIFIED_CHECKPOINT = 'verified-checkpoint';

/**
 * Reads through a local mirror: immutable files come from the mirror when it has them, and
 * everything read from the site is kept there, so that later runs extend the copy.
 */
export function mirroredReader(source: ReadPublished, mirror: string): ReadPublished {
  const local = publishedReader(join(mirror, 'site'));
  return async (path) => {
    if (immutable(path)) {
      const kept = await local(path);
      if (kept !== undefined) return kept;
    }
    const bytes = await source(path);
    if (bytes !== undefined) {
      const target = join(mirror, 'site', ...path.split('/'));
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, bytes);
    }
    return bytes;
  };
}

/**
 * The group files a mirror's last verified run found to be what the log makes: the next run does
 * not rebuild those listed again the same (VerifiedFiles). Kept beside the checkpoint it held.
 */
export const VERIFIED_FILES = 'verified-files.json';
const VERIFIED_FILES_FORMAT = 'tally-verified-files/1';
const VerifiedFilesFile = z.strictObject({
  format: z.literal(VERIFIED_FILES_FORMAT),
  build: BuildParameters,
  allReported: z.boolean(),
  files: z.record(z.string(), ManifestFile),
});

/** What the mirror's last verified run verified; none when absent or unreadable (all rebuilt). */
async function readVerifiedFiles(mirror?: string): Promise<VerifiedFiles | undefined> {
  if (mirror === undefined) return undefined;
  const text = await readFile(join(mirror, VERIFIED_FILES), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = VerifiedFilesFile.safeParse(value);
  if (!parsed.success) return undefined;
  const { build, allReported, files } = parsed.data;
  return { build, allReported, files };
}

/** The checkpoint to hold the log to: --since, else what the mirror last verified, if any. */
async function readSince(since?: string, mirror?: string): Promise<string | undefined> {
  if (since !== undefined) {
    return readFile(since, 'utf8').catch(() => {
      throw new CliFailure(`cannot read --since ${since}`);
    });
  }
  if (mirror === undefined) return undefined;
  return readFile(join(mirror, VERIFIED_CHECKPOINT), 'utf8').catch(() => undefined);
}

export async function keysFrom(
  values: readonly string[],
  files: readonly string[],
): Promise<Verifier[]> {
  const texts = [...values];
  for (const file of files) {
    texts.push(
      ...(await readFile(file, 'utf8'))
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#')),
    );
  }
  return texts.map((text) => {
    const key = parseVerifierKey(text);
    if (!key.ok) throw new CliFailure(`not a verifier key: ${text} (${key.error.message})`);
    return key.value;
  });
}

function describe(report: VerifyReport): string {
  const lines: string[] = [];
  if (report.ok) {
    lines.push(
      `VERIFIED: election ${report.election ?? '?'} version ${String(report.version ?? '?')}: every published file is the one the log makes, and every published number is the sum of the accepted, signed submissions in the log.`,
    );
  } else {
    lines.push(
      `NOT VERIFIED: ${String(report.problems.length)} problem(s) in election ${report.election ?? '?'} version ${String(report.version ?? '?')}.`,
    );
  }
  const freshness = describeFreshness(report);
  if (freshness !== undefined) lines.push(`  ${freshness}`);
  lines.push(
    `  checked ${String(report.filesChecked)} files (${String(report.filesRebuilt)} rebuilt from the log${report.filesVerifiedBefore > 0 ? `, ${String(report.filesVerifiedBefore)} group files as verified before` : ''}${report.groupFilesBehind > 0 ? `; ${String(report.groupFilesBehind)} groups' precinct files as of an earlier log size than the version's numbers, verified as of it` : ''}${report.pagesBehind > 0 ? `; ${String(report.pagesBehind)} areas' pages of their precincts as of an earlier log size, verified as of it` : ''}), ${String(report.entriesChecked)} log entries (version counts ${String(report.versionLogSize ?? '?')} of ${String(report.logSize ?? '?')}), ${String(report.submissionsCounted)} accepted submissions${report.reviewsReplayed > 0 ? ` (${String(report.reviewsReplayed)} reviewers' decisions replayed)` : ''}${report.statusChangesReplayed > 0 ? `, ${String(report.statusChangesReplayed)} changes of contests' statuses` : ''}, ${String(report.numbersCompared)} published numbers${report.evidence === undefined ? '' : `, ${String(report.evidence.published)} published photos of tally sheets (${String(report.evidence.missing)} named and not published yet)`}`,
  );
  const inVersion = report.problems.filter((p) => p.afterVersion !== true);
  const after = report.problems.filter((p) => p.afterVersion === true);
  for (const p of inVersion) lines.push(...describeProblem(p));
  if (after.length > 0) {
    lines.push(
      `  in the log's entries after the version's ${String(report.versionLogSize ?? '?')}, which no version counts yet (${String(after.length)}):`,
    );
    for (const p of after) lines.push(...describeProblem(p).map((l) => `  ${l}`));
  }
  return lines.join('\n') + '\n';
}

function describeProblem(p: VerifyProblem): string[] {
  const where = [
    p.file === undefined ? undefined : `file ${p.file}`,
    p.entry === undefined ? undefined : `entry ${String(p.entry)}`,
    p.area === undefined ? undefined : `area ${p.area}`,
    p.contest === undefined ? undefined : `contest ${p.contest}`,
  ]
    .filter((x) => x !== undefined)
    .join(', ');
  const lines = [`  - [${p.code}] ${p.message}${where === '' ? '' : ` (${where})`}`];
  if (p.expected !== undefined || p.found !== undefined) {
    lines.push(`      expected ${String(p.expected ?? '-')}, found ${String(p.found ?? '-')}`);
  }
  return lines;
}

/** When the version was published, and how much of the log it does not count yet. */
function describeFreshness(report: VerifyReport): string | undefined {
  if (report.publishedAt === undefined) return undefined;
  const parts = [`version ${String(report.version ?? '?')} was published ${report.publishedAt}`];
  if (report.entriesBehind !== undefined && report.logSize !== undefined) {
    parts.push(
      report.entriesBehind === 0
        ? `it counts the whole log (${String(report.logSize)} entries)`
        : report.entriesBehind > 0
          ? `its checkpoint is ${String(report.entriesBehind)} entries behind the log's ${String(report.logSize)}`
          : `it claims ${String(-report.entriesBehind)} entries more than the log's ${String(report.logSize)}`,
    );
  }
  if (report.heldLogSize !== undefined)
    parts.push(`the checkpoint held from before has ${String(report.heldLogSize)}`);
  return `${parts.join('; ')}.`;
}

export function addVerifyCommand(program: Command, io: CliIo): void {
  verifyCommand(program.command('verify'), io);
}

/**
 * The verify command's argument, options and action, set on `command`: `tally verify`, or the
 * one-file verifier's own (verifier_main.ts), whose worker threads run `worker`.
 */
export function verifyCommand(command: Command, io: CliIo, worker?: VerifyWorkerScript): Command {
  return command
    .argument(
      '<url-or-dir>',
      "the election's site address (https://…/<election>/), or a directory holding a copy of its files",
    )
    .description(
      "Verify a published election (its site's address or a copy of its files) from the public files alone: signatures with your keys, every file against the manifest, the log, every entry and decision, and every published number recomputed.",
    )
    .option('--log-key <key...>', 'a verifier key you trust for the log’s checkpoints')
    .option(
      '--manifest-key <key...>',
      'a verifier key you trust for manifests (default: the log keys)',
    )
    .option(
      '--key-file <file...>',
      'a file of trusted verifier keys, one a line (log and manifest)',
    )
    .option(
      '--since <file>',
      'a checkpoint you saw before: the log must still contain it, and the version count at least as much',
    )
    .option(
      '--mirror <dir>',
      'keep a local copy of the site that later runs extend; each run also checks the log still holds what the last verified run saw',
    )
    .option(
      '--version-number <n>',
      'verify that earlier version (a link to v/<n>/) instead of the one current.json names',
    )
    .option('--json', 'print the report as JSON')
    .option('--workers <n>', 'worker threads to verify with (default: one per core)')
    .action(
      async (
        location: string,
        options: {
          logKey?: string[];
          manifestKey?: string[];
          keyFile?: string[];
          since?: string;
          mirror?: string;
          json?: boolean;
          workers?: string;
          versionNumber?: string;
        },
      ) => {
        const fileKeys = await keysFrom([], options.keyFile ?? []);
        const logKeys = [...(await keysFrom(options.logKey ?? [], [])), ...fileKeys];
        if (logKeys.length === 0) {
          throw new CliFailure(
            'give the keys you trust: --log-key <key> or --key-file <file> (the site’s own keys prove nothing)',
            2,
          );
        }
        const manifestKeys =
          options.manifestKey === undefined
            ? logKeys
            : [...(await keysFrom(options.manifestKey, [])), ...fileKeys];
        const since = await readSince(options.since, options.mirror);
        const verifiedBefore = await readVerifiedFiles(options.mirror);
        const source = publishedReader(location);
        const site = untilFailure(
          options.mirror === undefined ? source : mirroredReader(source, options.mirror),
        );
        // The log checkpoint this run verifies: read again later, it may be a newer one.
        let verifiedCheckpoint: Uint8Array | undefined;
        const read: ReadPublished = async (path) => {
          const bytes = await site.read(path);
          if (path === `log/${CHECKPOINT_PATH}`) verifiedCheckpoint ??= bytes;
          return bytes;
        };
        const count = options.workers === undefined ? undefined : Number(options.workers);
        if (count !== undefined && !(Number.isInteger(count) && count >= 1)) {
          throw new CliFailure('--workers is a whole number, at least 1', 2);
        }
        const version =
          options.versionNumber === undefined ? undefined : Number(options.versionNumber);
        if (version !== undefined && !(Number.isInteger(version) && version >= 1)) {
          throw new CliFailure('--version-number is a version: a whole number, at least 1', 2);
        }
        // Threads last, once nothing more can stop the command before it closes them.
        const workers = verifyPool(count, worker);
        // Through a mirror, every file read is also kept there: read on this thread.
        const files = options.mirror === undefined ? filesThread(location, worker) : undefined;
        const list = directoryLister(location);
        const report = await verifySite(read, {
          logKeys,
          manifestKeys,
          workers,
          readCompressed: compressedReader(location),
          ...(list === undefined ? {} : { list }),
          ...(version === undefined ? {} : { version }),
          ...(since === undefined ? {} : { since }),
          ...(verifiedBefore === undefined ? {} : { verifiedBefore }),
          ...(files === undefined ? {} : { checkFiles: files.checkFiles }),
        }).finally(() => Promise.all([workers.close(), files?.close()]));
        site.rethrow();
        files?.rethrow();
        // The files verified are for the mirror, not for the reader.
        const { verified, ...shown } = report;
        io.out(options.json === true ? `${JSON.stringify(shown, null, 2)}\n` : describe(report));
        if (report.ok && options.mirror !== undefined) {
          // What this run verified is what the next run holds the log, and the version, to.
          if (verifiedCheckpoint !== undefined) {
            await writeFile(join(options.mirror, VERIFIED_CHECKPOINT), verifiedCheckpoint);
          }
          if (verified !== undefined) {
            await writeFile(
              join(options.mirror, VERIFIED_FILES),
              JSON.stringify({ format: VERIFIED_FILES_FORMAT, ...verified }),
            );
          }
        }
        if (!report.ok) throw new CliFailure('', 1);
      },
    );
}
