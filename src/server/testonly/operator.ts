// The operator of a Tally server, as the tamper tests (src/verify/tamper.test.ts) play it: it
// holds every server key (the key that signs the log's checkpoints and the one that signs
// manifests), publishes an election honestly once, then changes what the public sees and
// re-signs whatever it changed, so that nothing but what the log says can give it away. All it
// signs goes through `resign` (a version's manifest and current.json) and `rewriteLog` /
// `republish` (the log and its checkpoint): a change of the published formats is met there.
import {
  cpSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { canonicalJson, canonicalObject, type JsonValue } from '../../core/canonical_json.js';
import type { Election } from '../../core/election.js';
import { decodeLogEntry, encodeLogEntry, type LogEntry } from '../../core/log_entry.js';
import { sha256Hex } from '../../core/sha256.js';
import type { Submission } from '../../core/submission.js';
import { LogTimes } from '../../core/log_time.js';
import { Tally } from '../../core/tally.js';
import { sampleElectionWithMaps, sampleSubmission } from '../../core/testonly/fixtures.js';
import { MANIFEST_CONTEXT, parseManifest, type BuildParameters } from '../../formats/manifest.js';
import { logOrigin } from '../../ingest/checkpoints.js';
import { ElectionIngest, type ContestStatusRequest } from '../../ingest/ingest.js';
import { importWithKeys } from '../../ingest/testonly/sample_store.js';
import { signSubmission } from '../../ingest/submit_client.js';
import { signCanonical } from '../../log/envelope.js';
import { Log } from '../../log/log.js';
import { MemoryLogStorage } from '../../log/memory_storage.js';
import { encodeVerifierKey, type Signer } from '../../log/note.js';
import { testSigner } from '../../log/testonly/signers.js';
import { CHECKPOINT_PATH, tiledLogFiles } from '../../log/tiled_log.js';
import { DirectoryContentStore } from '../../publish/content_store.js';
import { Publisher } from '../../publish/publisher.js';
import {
  buildVersionFiles,
  rootPage,
  VersionFiles,
  versionInputOf,
} from '../../publish/snapshot.js';
import { openStore } from '../../store/store.js';

/** The server's keys. A Tally server signs checkpoints and manifests with one key, as here. */
export interface ServerKeys {
  readonly log: Signer;
  readonly manifest: Signer;
}

/** The sample election, published honestly: where, by which keys, and from which log. */
export interface HonestElection {
  readonly election: Election;
  /** The election's site directory (current.json, v/, log/), as last published. */
  readonly site: string;
  readonly keys: ServerKeys;
  /** The log as ingest wrote it, decoded. */
  readonly entries: readonly LogEntry[];
  /**
   * Per version, oldest first: the log size it counts, its signed checkpoint, and a copy of the
   * whole site as it stood once that version was published.
   */
  readonly versions: readonly PublishedVersion[];
  /** The honest amendment's entry (n-1 re-reports after a recount), in the last version. */
  readonly amendment: number;
  /** Unit keys as certified in the roster, by unit. */
  readonly unitKeys: ReadonlyMap<string, Signer>;
  /**
   * The election authority's key, which the operator does not hold: what an honest roster
   * statement the authority made (a delegation) is signed with.
   */
  readonly authority: Signer;
}

export interface PublishedVersion {
  readonly size: number;
  readonly checkpoint: string;
  readonly site: string;
}

const ORIGIN_HOST = 'tally.test';
/** When each version was built: fixed, so that a rebuild can make the very same bytes. */
const builtAt = (version: number): Date =>
  new Date(Date.parse('2026-11-03T22:00:00Z') + version * 60_000);
/** When ingest received every submission. */
const RECEIVED = new Date('2026-11-03T21:30:00Z');

/**
 * The operator of a server that published the sample election honestly, and its workshop: a
 * scratch directory for copies of the site to change.
 */
export class Operator {
  /** What the honest site and its earlier versions hold, as published. */
  private readonly published: string;

  private constructor(
    readonly honest: HonestElection,
    private readonly scratch: string,
  ) {
    this.published = fingerprint(honest);
  }

  /**
   * Publishes the sample election (two counties with map outlines, five precincts, two
   * languages) as a Tally server does, in two versions: n-1 and s-1 first; then s-2, a
   * submission n-2's key sends for s-3 (rejected: not its unit), and n-1's amendment after a
   * recount.
   */
  static async publish(root: string): Promise<Operator> {
    const scratch = mkdtempSync(join(root, 'tally-operator-'));
    const server = testSigner(ORIGIN_HOST);
    const keys: ServerKeys = { log: server, manifest: server };
    const authority = testSigner('authority.sample');
    const election = sampleElectionWithMaps([encodeVerifierKey(authority)]);
    const units = ['n-1', 'n-2', 's-1', 's-2'];
    const unitKeys = new Map(units.map((u) => [u, testSigner(`${u}.app`)] as const));
    const keyOf = (unit: string): Signer => unitKeys.get(unit) ?? fail(`no key for ${unit}`);

    const store = await openStore({ dialect: 'sqlite', file: join(scratch, 'tally.db') });
    try {
      const stored = await importWithKeys(
        store,
        election,
        authority,
        units.map((u) => [u, keyOf(u)] as const),
      );
      const { log } = stored.ledger;
      const ingest = new ElectionIngest(store, election, stored.ledger, { now: () => RECEIVED });
      const send = async (s: Submission, key: Signer, status: string): Promise<number> => {
        const body = new TextEncoder().encode(JSON.stringify(signSubmission(s, key)));
        const { receipt } = await ingest.submit(body);
        if (receipt.status !== status) fail(`ingest answered ${JSON.stringify(receipt)}`);
        return receipt.leafIndex;
      };
      const sizes: number[] = [];
      const status = async (change: Omit<ContestStatusRequest, 'by' | 'reason'>) => {
        const set = await ingest.setContestStatus({
          ...change,
          by: 'director',
          reason: 'as the count stands',
        });
        if (!set.ok) fail(set.error.message);
      };
      await send(sampleSubmission('n-1'), keyOf('n-1'), 'accepted');
      await status({ contest: 'governor', status: 'too-early' });
      await send(sampleSubmission('s-1'), keyOf('s-1'), 'accepted');
      sizes.push(Number(log.size));
      await send(sampleSubmission('s-2'), keyOf('s-2'), 'accepted');
      await send(sampleSubmission('s-3'), keyOf('n-2'), 'rejected');
      const recount = sampleSubmission('n-1', {
        sequence: 2,
        time: '2026-11-03T21:20:00Z',
        amendment: { reason: 'recount of ballot box 2' },
        contests: sampleSubmission('n-1').contests.map((c) =>
          c.contest === 'governor' ? { ...c, counts: { ada: 250, alan: 230, 'write-in': 5 } } : c,
        ),
      });
      const amendment = await send(recount, keyOf('n-1'), 'accepted');
      await status({ contest: 'governor', status: 'called', winners: ['ada'] });
      sizes.push(Number(log.size));

      const read = await log.entries(0n, Number(log.size));
      if (!read.ok) fail(read.error.message);
      const entries = read.value.map((bytes) => {
        const e = decodeLogEntry(bytes);
        return e.ok ? e.value : fail(e.error.message);
      });
      const site = join(scratch, 'site');
      const versions = await publishLog(site, election, keys, entries, sizes, (v) =>
        join(scratch, `site-v${String(v)}`),
      );
      const honest = { election, site, keys, entries, versions, amendment, unitKeys, authority };
      return new Operator(honest, scratch);
    } finally {
      await store.close();
    }
  }

  dispose(): void {
    rmSync(this.scratch, { recursive: true, force: true });
  }

  /**
   * A fresh copy of the site as published (or as it stood at an earlier version). Its files are
   * hard links to the published ones, which is what makes a copy cheap: change them only through
   * `replaceFile` (and the functions here, which do), never by writing into them.
   */
  copy(from = this.honest.site): string {
    const target = mkdtempSync(join(this.scratch, 'copy-'));
    for (const path of listFiles(from)) {
      const file = join(target, ...path.split('/'));
      mkdirSync(dirname(file), { recursive: true });
      linkSync(join(from, ...path.split('/')), file);
    }
    return target;
  }

  /** Whether the published site and its earlier versions are as they were published. */
  untouched(): boolean {
    return fingerprint(this.honest) === this.published;
  }

  /**
   * Re-signs a version as the operator: every file its manifest lists is hashed again as it
   * now is, the manifest is changed as asked, signed and written as the publisher writes it,
   * and current.json is pointed at it. A listed file that is gone keeps its listed hash. The
   * one place that knows the manifest's format.
   */
  resign(site: string, how: Resigning = {}): void {
    const current = readJson(join(site, 'current.json'));
    const base = how.base ?? stringField(current, 'path');
    const manifestFile = join(site, ...base.split('/'), 'manifest.json');
    const signed = readJson(manifestFile);
    const manifest = signed['manifest'] as ManifestObject;
    const like = Object.values(manifest.files)[0] ?? '';
    for (const path of how.list ?? []) manifest.files[path] = like;
    const unlisted = new Set(how.unlist);
    manifest.files = Object.fromEntries(
      Object.entries(manifest.files).filter(([path]) => !unlisted.has(path)),
    );
    for (const [path, listed] of Object.entries(manifest.files)) {
      const bytes = readOptional(join(site, ...base.split('/'), ...path.split('/')));
      if (bytes !== undefined) manifest.files[path] = relisted(listed, sha256Hex(bytes));
    }
    how.manifest?.(manifest);
    const text = canonicalJson(manifest);
    const key = how.key ?? this.honest.keys.manifest;
    const signature = signCanonical(MANIFEST_CONTEXT, text, key);
    const body = canonicalObject({
      manifest: text,
      signature: JSON.stringify(signature.signature),
      signer: JSON.stringify(signature.signer),
    });
    replaceFile(manifestFile, body);
    const pointer = { ...current, path: base, manifestSha256: sha256Hex(body) };
    how.current?.(pointer);
    replaceFile(join(site, 'current.json'), JSON.stringify(pointer));
  }

  /**
   * Rewrites the published log: its entries changed as asked, its tiles written afresh and its
   * checkpoint signed with the log key. With `version`, the current version's manifest is then
   * re-signed to name that checkpoint and size (its files as they are); without, the version is
   * left as it was and the log runs on past it. Returns the new checkpoint.
   */
  async rewriteLog(
    site: string,
    change: (entries: LogEntry[]) => LogEntry[],
    options: { readonly version: boolean },
  ): Promise<string> {
    const entries = change([...this.honest.entries]);
    const log = await Log.open(new MemoryLogStorage());
    const appended = await log.append(entries.map(encodeLogEntry));
    if (!appended.ok) fail(appended.error.message);
    rmSync(join(site, 'log'), { recursive: true, force: true });
    for await (const f of tiledLogFiles(log)) {
      replaceFile(join(site, 'log', ...f.path.split('/')), f.bytes);
    }
    const note = log.checkpoint(this.origin, [this.honest.keys.log]);
    if (!note.ok) fail(note.error.message);
    replaceFile(join(site, 'log', CHECKPOINT_PATH), note.value);
    if (options.version) {
      this.resign(site, {
        manifest: (m) => {
          m['checkpoint'] = note.value;
          m['logSize'] = entries.length;
        },
        current: (c) => {
          c['logSize'] = entries.length;
        },
      });
    }
    return note.value;
  }

  /**
   * The operator's most consistent story: the log rewritten, and every version published
   * afresh from it by Tally's own publisher with the server's keys, at the same points (moved by
   * as many entries as the change added or removed). Returns the new versions' checkpoints.
   */
  async republish(site: string, change: (entries: LogEntry[]) => LogEntry[]): Promise<string[]> {
    const entries = change([...this.honest.entries]);
    const moved = entries.length - this.honest.entries.length;
    const { versions } = this.honest;
    const sizes = versions.map((v, i) =>
      i === versions.length - 1 ? entries.length : Math.min(entries.length, v.size + moved),
    );
    rmSync(site, { recursive: true, force: true });
    const published = await publishLog(
      site,
      this.honest.election,
      this.honest.keys,
      entries,
      sizes,
    );
    return published.map((v) => v.checkpoint);
  }

  /**
   * The operator's rebuild: the current version's files made afresh with Tally's own builder
   * from the log, with the manifest's build parameters changed as asked, written (with their
   * precompressed copies) in place of the version's files, listed, and re-signed. What the site
   * then shows agrees with its manifest in every byte; only the parameters can give it away.
   */
  async rebuild(site: string, change: (build: BuildParameters) => BuildParameters): Promise<void> {
    const base = currentBase(site);
    const signed = parseManifest(
      readFileSync(join(site, ...base.split('/'), 'manifest.json'), 'utf8'),
    );
    if (!signed.ok) fail(signed.error.message);
    const manifest = signed.value.manifest;
    const build = change(manifest.build);
    const { election } = this.honest;
    const tally = new Tally(election);
    const times = new LogTimes();
    for (const e of this.honest.entries.slice(0, manifest.logSize)) {
      tally.apply(e);
      times.record(e);
    }
    const content = new DirectoryContentStore(site);
    const made = new Map<string, { sha256: string; asOf: number }>();
    const out = new VersionFiles(new Map(), async (f) => {
      made.set(f.path, { sha256: f.sha256, asOf: f.asOf });
      if (f.bytes !== undefined)
        await content.put({ path: `${base}${f.path}`, bytes: f.bytes, sha256: f.sha256 });
    });
    const kept = readFileSync(join(site, ...base.split('/'), 'manifest.json'));
    rmSync(join(site, ...base.split('/')), { recursive: true });
    replaceFile(join(site, ...base.split('/'), 'manifest.json'), kept);
    await buildVersionFiles(
      out,
      versionInputOf(manifest, election, tally, (size) => times.at(size)),
      build,
    );
    await content.replace(
      'index.html',
      new TextEncoder().encode(rootPage(manifest.version, build.languages[0] ?? 'en')),
    );
    this.resign(site, {
      manifest: (m) => {
        m['build'] = { ...build };
        m.files = Object.fromEntries([...made].map(([path, f]) => [path, { ...f }]));
      },
    });
  }

  /** A checkpoint of `entries`, signed with the server's log key unless another is given. */
  async checkpointOf(
    entries: readonly LogEntry[],
    signer: Signer = this.honest.keys.log,
  ): Promise<string> {
    const log = await Log.open(new MemoryLogStorage());
    const appended = await log.append(entries.map(encodeLogEntry));
    if (!appended.ok) fail(appended.error.message);
    const note = log.checkpoint(this.origin, [signer]);
    return note.ok ? note.value : fail(note.error.message);
  }

  private get origin(): string {
    return logOrigin(ORIGIN_HOST, this.honest.election.definition.id);
  }
}

/**
 * Publishes `entries` as Tally's publisher does, a version at each of `sizes` (a checkpoint
 * signed by the log key, a manifest by the manifest key), into `site`; with `keepAt`, a copy of
 * the site as it stands after each version is kept there.
 */
export async function publishLog(
  site: string,
  election: Election,
  keys: ServerKeys,
  entries: readonly LogEntry[],
  sizes: readonly number[],
  keepAt: (version: number) => string = () => '',
): Promise<PublishedVersion[]> {
  const log = await Log.open(new MemoryLogStorage());
  let version = 0;
  const publisher = new Publisher({
    election,
    log,
    signer: keys.manifest,
    content: new DirectoryContentStore(site),
    now: () => builtAt(version),
  });
  const versions: PublishedVersion[] = [];
  for (const size of sizes) {
    const appended = await log.append(entries.slice(Number(log.size), size).map(encodeLogEntry));
    if (!appended.ok) fail(appended.error.message);
    const origin = logOrigin(ORIGIN_HOST, election.definition.id);
    const note = log.checkpoint(origin, [keys.log]);
    if (!note.ok) fail(note.error.message);
    version++;
    const published = await publisher.request({ size, note: note.value });
    if (!published.ok) fail(`publish: ${published.error.message}`);
    // The tampering reads and alters the compressed copies too, and the precinct detail is
    // the version's own: the site as a night leaves it, once quiet.
    await publisher.settle();
    version = publisher.publishedVersion;
    const kept = keepAt(version);
    if (kept !== '') cpSync(site, kept, { recursive: true });
    versions.push({ size, checkpoint: note.value, site: kept === '' ? site : kept });
  }
  return versions;
}

/** A version's manifest as the operator edits it: any format, its files listed by path. */
export type ManifestObject = Record<string, JsonValue> & { files: Record<string, JsonValue> };

export interface Resigning {
  /** Paths (under the version) to list too, hashed as they are, and to no longer list. */
  readonly list?: readonly string[];
  readonly unlist?: readonly string[];
  /** Changes the manifest after every listed file's hash was recomputed. */
  readonly manifest?: (manifest: ManifestObject) => void;
  /** Changes current.json after its path and manifestSha256 were set. */
  readonly current?: (current: Record<string, JsonValue>) => void;
  /** The key to sign with; the server's manifest key by default. */
  readonly key?: Signer;
  /** The version to re-sign, by its directory (`v/1/`); current.json's by default. */
  readonly base?: string;
}

/** A file's manifest listing with a new hash: a bare hash, or `{ sha256, ... }`. */
function relisted(listed: JsonValue, sha: string): JsonValue {
  if (typeof listed !== 'object' || listed === null || isList(listed)) return sha;
  return { ...listed, sha256: sha };
}

function isList(value: JsonValue): value is readonly JsonValue[] {
  return Array.isArray(value);
}

/** A published file's text, by its path under the site. */
export function readText(site: string, path: string): string {
  return readFileSync(join(site, ...path.split('/')), 'utf8');
}

/** Rewrites a published file's text; fails when the change changes nothing (a stale pattern). */
export function editText(site: string, path: string, change: (text: string) => string): void {
  const before = readText(site, path);
  const after = change(before);
  if (after === before) throw new Error(`the change to ${path} changes nothing`);
  replaceFile(join(site, ...path.split('/')), after);
}

/**
 * Writes a file of a copy of the site: the file is unlinked first, so that the published file
 * a copy's file is a hard link to stays as it was.
 */
export function replaceFile(file: string, content: string | Uint8Array): void {
  rmSync(file, { force: true });
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, content);
}

/** Every file of the honest site and its earlier versions, and its SHA-256, as one string. */
function fingerprint(honest: HonestElection): string {
  const dirs = [honest.site, ...honest.versions.map((v) => v.site)];
  return dirs
    .flatMap((dir) =>
      listFiles(dir).map((path) => `${path} ${sha256Hex(readFileSync(join(dir, path)))}`),
    )
    .join('\n');
}

/**
 * Rewrites a published JSON file as its publisher writes it (JSON.stringify, no white space);
 * fails when the change changes nothing. The change names the file's shape in its parameter.
 */
export function editJson(site: string, path: string, change: (value: never) => void): void {
  editText(site, path, (text) => {
    const value = JSON.parse(text) as never;
    change(value);
    return JSON.stringify(value);
  });
}

/** The current version's directory (`v/2/`). */
export function currentBase(site: string): string {
  return stringField(readJson(join(site, 'current.json')), 'path');
}

/** Every file under `dir`, by its path relative to it, with '/' between parts. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string): void => {
    for (const d of readdirSync(at, { withFileTypes: true })) {
      const full = join(at, d.name);
      if (d.isDirectory()) walk(full);
      else out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

function readJson(file: string): Record<string, JsonValue> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, JsonValue>;
}

function readOptional(file: string): Uint8Array | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

function stringField(value: Record<string, JsonValue>, name: string): string {
  const field = value[name];
  return typeof field === 'string' ? field : fail(`no ${name}`);
}

function fail(message: string): never {
  throw new Error(`operator: ${message}`);
}
