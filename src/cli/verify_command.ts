// `tally verify <url-or-dir>`: checks a published election from its public files alone, with keys
// the user gives (never only the keys the site serves), and says plainly whether every published
// number is the sum of the accepted, signed submissions in the log.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { parseVerifierKey, type Verifier } from '../log/note.js';
import { verifySite, type ReadPublished, type VerifyReport } from '../verify/verify.js';
import type { CliIo } from './program.js';
import { CliFailure } from './store_options.js';

/** Reads a site from a directory or over HTTP(S); a file that is not there is undefined. */
export function publishedReader(location: string): ReadPublished {
  if (/^https?:\/\//.test(location)) {
    const base = location.endsWith('/') ? location : `${location}/`;
    return async (path) => {
      const response = await fetch(new URL(path, base));
      if (response.status === 404) return undefined;
      if (!response.ok) throw new CliFailure(`${base}${path}: HTTP ${String(response.status)}`);
      return new Uint8Array(await response.arrayBuffer());
    };
  }
  return async (path) => {
    try {
      return await readFile(join(location, ...path.split('/')));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw e;
    }
  };
}

async function keysFrom(values: readonly string[], files: readonly string[]): Promise<Verifier[]> {
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
      `VERIFIED: election ${report.election ?? '?'} version ${String(report.version ?? '?')}: every published number is the sum of the accepted, signed submissions in the log.`,
    );
  } else {
    lines.push(
      `NOT VERIFIED: ${String(report.problems.length)} problem(s) in election ${report.election ?? '?'} version ${String(report.version ?? '?')}.`,
    );
  }
  lines.push(
    `  checked ${String(report.filesChecked)} files, ${String(report.entriesChecked)} log entries (version counts ${String(report.versionLogSize ?? '?')} of ${String(report.logSize ?? '?')}), ${String(report.submissionsCounted)} accepted submissions, ${String(report.numbersCompared)} published numbers`,
  );
  for (const p of report.problems) {
    const where = [
      p.file === undefined ? undefined : `file ${p.file}`,
      p.entry === undefined ? undefined : `entry ${String(p.entry)}`,
      p.area === undefined ? undefined : `area ${p.area}`,
      p.contest === undefined ? undefined : `contest ${p.contest}`,
    ]
      .filter((x) => x !== undefined)
      .join(', ');
    lines.push(`  - [${p.code}] ${p.message}${where === '' ? '' : ` (${where})`}`);
    if (p.expected !== undefined || p.found !== undefined) {
      lines.push(`      expected ${String(p.expected ?? '-')}, found ${String(p.found ?? '-')}`);
    }
  }
  return lines.join('\n') + '\n';
}

export function addVerifyCommand(program: Command, io: CliIo): void {
  program
    .command('verify <url-or-dir>')
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
    .option('--since <file>', 'a checkpoint you saw before: the log must still contain it')
    .option('--json', 'print the report as JSON')
    .action(
      async (
        location: string,
        options: {
          logKey?: string[];
          manifestKey?: string[];
          keyFile?: string[];
          since?: string;
          json?: boolean;
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
        const since =
          options.since === undefined ? undefined : await readFile(options.since, 'utf8');
        const report = await verifySite(publishedReader(location), {
          logKeys,
          manifestKeys,
          ...(since === undefined ? {} : { since }),
        });
        io.out(options.json === true ? `${JSON.stringify(report, null, 2)}\n` : describe(report));
        if (!report.ok) throw new CliFailure('', 1);
      },
    );
}
