// `tally election import`, `tally keys issue|revoke`, `tally submit` and `tally serve`.
import cluster from 'node:cluster';
import { existsSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { parseElectionDefinition, type Election } from '../core/election.js';
import { Submission } from '../core/submission.js';
import { zodProblem } from '../core/election.js';
import { importNistElection, isNistElectionReport } from '../formats/nist_cdf.js';
import { importElection, loadElection } from '../ingest/elections.js';
import { parseStrictJson } from '../ingest/strict_json.js';
import { changeRoster, type RosterChange, type RosterChangeRequest } from '../ingest/roster.js';
import { sendSubmission, signSubmission } from '../ingest/submit_client.js';
import {
  encodeSignerKey,
  encodeVerifierKey,
  generateSigner,
  parseVerifierKey,
  type Signer,
} from '../log/note.js';
import { startServer } from '../server/server.js';
import { startPublicPlane } from '../server/public_site.js';
import { DirectoryContentStore } from '../publish/content_store.js';
import { Publisher } from '../publish/publisher.js';
import { logOrigin } from '../ingest/checkpoints.js';
import { listElections } from '../ingest/elections.js';
import { openStore, storeConfig } from '../store/store.js';
import type { CliIo } from './program.js';
import {
  readSignerFile,
  withDataDir,
  withStore,
  writeSecretFile,
  type StoreOptions,
} from './store_options.js';
import { CliFailure } from './run_command.js';

const repeatable = (value: string, previous?: string[]): string[] => [...(previous ?? []), value];

async function readJsonFile(path: string): Promise<unknown> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new CliFailure(`cannot read ${path}: ${(e as Error).message}`);
  }
  const parsed = parseStrictJson(new Uint8Array(bytes));
  if (!parsed.ok) throw new CliFailure(`${path}: ${parsed.error.message}`);
  return parsed.value;
}

/** Reads Tally JSON or a NIST SP 1500-100 v2 pre-election file into a checked election. */
function electionFrom(
  input: unknown,
  options: { authorityKey?: string[]; omitContest?: string[]; test?: boolean },
): Election {
  if (isNistElectionReport(input)) {
    const keys = options.authorityKey ?? [];
    if (keys.length === 0)
      throw new CliFailure('a NIST CDF file names no authority key: give --authority-key');
    const imported = importNistElection(input, {
      authorityKeys: keys,
      ...(options.test === true ? { test: true } : {}),
      ...(options.omitContest === undefined ? {} : { omitContests: options.omitContest }),
    });
    if (!imported.ok) {
      const hint =
        imported.error.code === 'unsupported_nist_cdf'
          ? '\n  to import everything else, leave that contest out with --omit-contest <its @id>'
          : '';
      throw new CliFailure(`${imported.error.message}${hint}`);
    }
    return imported.value;
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new CliFailure(
      'the file is neither a Tally election definition nor a NIST CDF election report',
    );
  }
  const record = input as Record<string, unknown>;
  const extraKeys = options.authorityKey ?? [];
  const authority = (record['authority'] as { keys?: unknown } | undefined)?.keys;
  const merged =
    extraKeys.length === 0
      ? record
      : {
          ...record,
          authority: {
            keys: [...(Array.isArray(authority) ? (authority as string[]) : []), ...extraKeys],
          },
        };
  const parsed = parseElectionDefinition(
    options.test === true ? { ...merged, test: true } : merged,
  );
  if (!parsed.ok) throw new CliFailure(parsed.error.message);
  return parsed.value;
}

/** Applies one roster change to an election in the store, or fails with the reason. */
async function applyRosterChange(
  options: StoreOptions & { election: string },
  authority: Signer,
  change: RosterChangeRequest,
): Promise<RosterChange> {
  return withStore(options, async (store) => {
    const loaded = await loadElection(store, options.election);
    if (!loaded.ok) throw new CliFailure(loaded.error.message);
    const { election, ledger } = loaded.value;
    const changed = await changeRoster(ledger, election, authority, change, new Date());
    if (!changed.ok) throw new CliFailure(changed.error.message);
    return changed.value;
  });
}

export function registerElectionCommands(program: Command, io: CliIo): void {
  const election = program.command('election').description('Election definitions.');
  withDataDir(
    election
      .command('import')
      .description(
        "Import an election definition (Tally JSON, or a NIST SP 1500-100 v2 pre-election file) into the store; it becomes the first entries of the election's log.",
      )
      .argument('<file>', 'the definition file')
      .option(
        '--authority-key <verifier-key>',
        "an election authority's verifier key (repeat for several; required for NIST files)",
        repeatable,
      )
      .option(
        '--omit-contest <id>',
        'leave out a contest Tally cannot count (e.g. ranked choice), by its NIST @id (repeatable)',
        repeatable,
      )
      .option('--test', 'mark the election as a test election'),
  ).action(
    async (
      file: string,
      options: StoreOptions & { authorityKey?: string[]; omitContest?: string[]; test?: boolean },
    ) => {
      const parsed = electionFrom(await readJsonFile(file), options);
      await withStore(options, async (store) => {
        const imported = await importElection(store, parsed, new Date());
        if (!imported.ok) throw new CliFailure(imported.error.message);
        const d = parsed.definition;
        io.out(`imported election "${d.id}" into ${store.location}\n`);
        io.out(
          `  ${d.units.length} units (${parsed.reportingUnits.length} reporting), ${d.contests.length} contests, ${d.voteTypes.length} vote types${d.test ? ', TEST' : ''}\n`,
        );
        io.out(`  log: ${imported.value.entries} entries so far (the definition)\n`);
      });
    },
  );

  const keys = program
    .command('keys')
    .description("The election's key roster: unit and device keys certified by the authority.");
  withDataDir(
    keys
      .command('issue')
      .description(
        'Certify a key for a reporting unit (or a county, whose key may report for the units beneath it), signed by the election authority and recorded in the log.',
      )
      .requiredOption('--election <id>', 'the election')
      .requiredOption('--unit <id>', 'the unit the key reports for')
      .requiredOption(
        '--authority-key-file <file>',
        "file holding the authority's signer key (PRIVATE+KEY+...)",
      )
      .option(
        '--public-key <verifier-key>',
        'certify this existing key (made on the device); otherwise a new key is made',
      )
      .option('--name <name>', 'name of the new key', '')
      .option(
        '--out <file>',
        "write the new key's signer key to this file (mode 600) instead of printing it",
      ),
  ).action(
    async (
      options: StoreOptions & {
        election: string;
        unit: string;
        authorityKeyFile: string;
        publicKey?: string;
        name: string;
        out?: string;
      },
    ) => {
      const authority = await readSignerFile(options.authorityKeyFile, 'authority key');
      let verifierKey = options.publicKey;
      let secret: string | undefined;
      if (verifierKey === undefined) {
        const made = generateSigner(
          options.name === '' ? `${options.election}.${options.unit}` : options.name,
        );
        if (!made.ok) throw new CliFailure(made.error.message);
        verifierKey = encodeVerifierKey(made.value);
        secret = encodeSignerKey(made.value);
      } else if (!parseVerifierKey(verifierKey).ok) {
        throw new CliFailure(`--public-key: not a verifier key: ${verifierKey}`);
      }
      const changed = await applyRosterChange(options, authority, {
        action: 'certify',
        unit: options.unit,
        key: verifierKey,
      });
      io.out(
        `certified ${changed.ref} for unit "${options.unit}" (log entry ${changed.leafIndex})\n`,
      );
      io.out(`verifier key: ${verifierKey}\n`);
      if (secret !== undefined) {
        if (options.out === undefined) io.out(`signer key (give it to the unit only): ${secret}\n`);
        else {
          await writeSecretFile(options.out, secret);
          io.out(`signer key written to ${options.out}\n`);
        }
      }
    },
  );
  withDataDir(
    keys
      .command('revoke')
      .description(
        'Revoke a key: submissions signed with it are rejected from now on. Recorded in the log.',
      )
      .requiredOption('--election <id>', 'the election')
      .requiredOption('--key <verifier-key>', 'the key to revoke')
      .requiredOption('--authority-key-file <file>', "file holding the authority's signer key"),
  ).action(
    async (options: StoreOptions & { election: string; key: string; authorityKeyFile: string }) => {
      const authority = await readSignerFile(options.authorityKeyFile, 'authority key');
      const changed = await applyRosterChange(options, authority, {
        action: 'revoke',
        key: options.key,
      });
      io.out(`revoked ${changed.ref} (unit "${changed.unit}", log entry ${changed.leafIndex})\n`);
    },
  );

  withDataDir(
    keys
      .command('delegate')
      .description(
        "Delegate the roster of a unit (and every unit beneath it) to an enrolment key until a time, signed by the election authority and recorded in the log: a server holding that key (tally serve --enrolment-key-file) then certifies and revokes those units' keys itself, each change a log entry the verifier holds to the delegation.",
      )
      .requiredOption('--election <id>', 'the election')
      .requiredOption('--unit <id>', 'the unit whose roster is delegated (the root for all)')
      .requiredOption(
        '--key <verifier-key>',
        'the enrolment key (tally keygen; keep its signer key on the server)',
      )
      .requiredOption(
        '--expires <time>',
        'until when, RFC 3339 with an offset (2026-11-04T06:00:00-05:00)',
      )
      .requiredOption('--authority-key-file <file>', "file holding the authority's signer key"),
  ).action(
    async (
      options: StoreOptions & {
        election: string;
        unit: string;
        key: string;
        expires: string;
        authorityKeyFile: string;
      },
    ) => {
      if (
        !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(options.expires)
      )
        throw new CliFailure(
          '--expires is a time with its offset, such as 2026-11-04T06:00:00-05:00',
        );
      const authority = await readSignerFile(options.authorityKeyFile, 'authority key');
      const changed = await applyRosterChange(options, authority, {
        action: 'delegate',
        unit: options.unit,
        key: options.key,
        expires: options.expires,
      });
      io.out(
        `delegated the roster of "${changed.unit}" and the units beneath it to ${changed.ref} until ${options.expires} (log entry ${changed.leafIndex})\n`,
      );
    },
  );

  program
    .command('submit')
    .description(
      'Sign a results file (a tally-submission/1 object) with a unit key and send it to a Tally server.',
    )
    .argument('<results>', 'the results file')
    .requiredOption('--key-file <file>', "file holding the unit's signer key")
    .requiredOption('--server <url>', 'the ingest server, e.g. http://127.0.0.1:8080')
    .action(async (results: string, options: { keyFile: string; server: string }) => {
      const key = await readSignerFile(options.keyFile, 'signer key');
      const parsed = Submission.safeParse(await readJsonFile(results));
      if (!parsed.success)
        throw new CliFailure(
          zodProblem('malformed_submission', `${results} is not a valid submission`, parsed.error)
            .message,
        );
      let sent;
      try {
        sent = await sendSubmission(options.server, signSubmission(parsed.data, key));
      } catch (e) {
        throw new CliFailure(
          `could not reach ${options.server}: ${(e as Error).message}; nothing was recorded, send again`,
        );
      }
      io.out(`${JSON.stringify(sent.body, null, 2)}\n`);
      if (sent.status >= 300)
        throw new CliFailure(`the server refused the submission (HTTP ${sent.status})`);
    });

  withDataDir(
    program
      .command('export <dir>')
      .description(
        "Write each election's results site, as of its newest checkpoint, to <dir>/<election>/: a tree any static host serves as it is (precompressed .br and .gz beside each file).",
      )
      .option('--election <id>', 'only this election')
      .option(
        '--log-key-file <file>',
        'signer key for checkpoints and manifests (default <data-dir>/log-signer.key)',
      ),
  ).action(
    async (dir: string, options: StoreOptions & { election?: string; logKeyFile?: string }) => {
      const keyFile = options.logKeyFile ?? join(options.dataDir, 'log-signer.key');
      const signer = await readSignerFile(keyFile, 'checkpoint key');
      await withStore(options, async (store) => {
        const ids =
          options.election === undefined ? await listElections(store) : [options.election];
        for (const id of ids) {
          const loaded = await loadElection(store, id);
          if (!loaded.ok) throw new CliFailure(loaded.error.message);
          const { election, ledger } = loaded.value;
          const { log } = ledger;
          const checkpoint =
            (await ledger.checkpoint(logOrigin(signer.name, id), signer, new Date())) ??
            (await ledger.latestCheckpoint());
          if (checkpoint === undefined) throw new CliFailure(`election ${id} has no checkpoint`);
          const content = new DirectoryContentStore(join(dir, id));
          const publisher = new Publisher({ election, log, signer, content });
          await publisher.resume();
          const started = performance.now();
          const published = await publisher.request(checkpoint);
          if (!published.ok) throw new CliFailure(`election ${id}: ${published.error.message}`);
          // An export is whole: every compressed copy made before it says so.
          await publisher.settle();
          const files = published.value?.snapshot.files.length ?? 0;
          io.out(
            `exported ${id} version ${String(publisher.publishedVersion)} (${String(files)} files, log size ${String(checkpoint.size)}) to ${join(dir, id)} in ${((performance.now() - started) / 1000).toFixed(2)} s\n`,
          );
        }
      });
    },
  );

  withDataDir(
    program
      .command('serve')
      .description(
        'Run the ingest server: submissions, receipts and checkpoints, on its own listener.',
      )
      .option('--host <host>', 'address to listen on', '127.0.0.1')
      .option('--port <port>', 'port to listen on', '8080')
      .option(
        '--log-key-file <file>',
        'signer key for checkpoints (made on first start when missing; default <data-dir>/log-signer.key)',
      )
      .option(
        '--log-name <name>',
        "name of a new checkpoint key: the log's host, e.g. results.example.gov",
        'tally.localhost',
      )
      .option(
        '--check-workers <n>',
        'worker threads that check submissions: parsing and Ed25519 verification (default: one per core)',
      )
      .option(
        '--site-dir <dir>',
        "where each election's results site is published (default <data-dir>/site)",
      )
      .option('--public-host <host>', "the public plane's address", '127.0.0.1')
      .option('--public-port <port>', "the public plane's port (its own listener)", '8081')
      .option('--site-url <url>', 'the public address of the site, for its verify page')
      .option('--no-publish', 'record and checkpoint only: no results site, no public plane')
      .option(
        '--public-workers <n>',
        'with --public-only: worker processes sharing the public port (like nginx worker_processes)',
      )
      .option(
        '--public-only',
        'serve only the published site from --site-dir (a process of its own, no database, no ingest)',
      )
      .option(
        '--desk-key-file <file>',
        "the results desk's signer key (tally keys issue, certified for the election's root unit): paper tally sheets keyed twice are submitted signed with it",
      )
      .option(
        '--enrolment-key-file <file>',
        'the enrolment key the election authority delegated the roster to (tally keys delegate): admins then certify and revoke unit keys and make enrolment codes for devices',
      )
      .option(
        '--trust-proxy',
        "behind a reverse proxy that terminates TLS: take the client's address and protocol from X-Forwarded-For and X-Forwarded-Proto (limits count by client; staff cookies are Secure). Never without such a proxy",
      )
      .option('--quiet', 'no request log'),
  ).action(
    async (
      options: StoreOptions & {
        host: string;
        port: string;
        logKeyFile?: string;
        logName: string;
        checkWorkers?: string;
        siteDir?: string;
        publicHost: string;
        publicPort: string;
        siteUrl?: string;
        publish: boolean;
        publicOnly?: boolean;
        publicWorkers?: string;
        deskKeyFile?: string;
        enrolmentKeyFile?: string;
        trustProxy?: boolean;
        quiet?: boolean;
      },
    ) => {
      const siteDir = options.siteDir ?? join(options.dataDir, 'site');
      if (options.publicOnly === true) {
        const workers = Number(options.publicWorkers ?? '1');
        if (!Number.isInteger(workers) || workers < 1) {
          throw new CliFailure('--public-workers is a whole number, at least 1');
        }
        if (workers > 1 && cluster.isPrimary) {
          // Worker processes share the port, as nginx's do; each loads the site into memory.
          for (let i = 0; i < workers; i++) cluster.fork();
          io.out(
            `tally public plane: ${String(workers)} worker processes on http://${options.publicHost}:${options.publicPort} (serving ${siteDir})\n`,
          );
          await untilStopped();
          const running = Object.values(cluster.workers ?? {}).flatMap((w) => (w ? [w] : []));
          await Promise.all(
            running.map(
              (worker) =>
                new Promise((resolve) => {
                  worker.once('exit', resolve);
                  worker.process.kill('SIGTERM');
                }),
            ),
          );
          return;
        }
        const plane = await startPublicPlane({
          root: siteDir,
          host: options.publicHost,
          port: Number(options.publicPort),
          watchMs: 250,
        });
        io.out(`tally public plane listening on ${plane.url} (serving ${siteDir})\n`);
        await untilStopped();
        if (cluster.isWorker) {
          // A shared listener closes through the primary, which is stopping too: do not wait.
          process.exit(0);
        }
        await plane.close();
        return;
      }
      const keyFile = options.logKeyFile ?? join(options.dataDir, 'log-signer.key');
      if (!existsSync(keyFile)) {
        const made = generateSigner(options.logName);
        if (!made.ok) throw new CliFailure(made.error.message);
        mkdirSync(dirname(keyFile), { recursive: true });
        await writeSecretFile(keyFile, encodeSignerKey(made.value));
        io.out(`made a checkpoint key in ${keyFile}\n`);
      }
      const logSigner = await readSignerFile(keyFile, 'checkpoint key');
      const deskSigner =
        options.deskKeyFile === undefined
          ? undefined
          : await readSignerFile(options.deskKeyFile, 'desk key');
      const enrolmentSigner =
        options.enrolmentKeyFile === undefined
          ? undefined
          : await readSignerFile(options.enrolmentKeyFile, 'enrolment key');
      const store = await openStore(storeConfig(options.dataDir, process.env['DATABASE_URL']));
      const server = await startServer({
        store,
        logSigner,
        ...(deskSigner === undefined ? {} : { deskSigner }),
        ...(enrolmentSigner === undefined ? {} : { enrolmentSigner }),
        ...(options.trustProxy === true ? { trustProxy: true } : {}),
        host: options.host,
        port: Number(options.port),
        logger: options.quiet !== true,
        checkWorkers:
          options.checkWorkers === undefined
            ? availableParallelism()
            : Number(options.checkWorkers),
        ...(options.publish
          ? {
              publish: {
                siteDir,
                stagingDir: join(options.dataDir, 'staging'),
                host: options.publicHost,
                port: Number(options.publicPort),
                ...(options.siteUrl === undefined ? {} : { siteUrl: options.siteUrl }),
              },
            }
          : {}),
        onPublishProblem: (election, problem) => {
          io.err(`election ${election}: not published: ${problem.message}\n`);
        },
      });
      io.out(`tally ingest listening on ${server.url} (store: ${store.location})\n`);
      if (server.publicUrl !== undefined) {
        io.out(`tally public plane listening on ${server.publicUrl} (site: ${siteDir})\n`);
      }
      io.out(`checkpoint verifier key: ${encodeVerifierKey(logSigner)}\n`);
      await untilStopped();
      await server.close();
      await store.close();
    },
  );
}

/** Resolves on SIGINT or SIGTERM. */
function untilStopped(): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
