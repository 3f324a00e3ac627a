// The independent verifier: from a published site's public files alone, and keys its user
// trusts (never only those the site serves), it checks that the manifest and the log's
// checkpoints are signed by those keys, that every file is the one the manifest lists, that the
// log hashes up to its checkpoint and agrees with the version's checkpoint (and with an older one
// the user saw), that every entry is well-formed and every submission signed by a key the
// roster certified at that point, that each submission's recorded decision follows the rules,
// and that every published number is the sum of the accepted submissions. Pure: files come
// through `read`, so it runs over a directory, a mirror or HTTP alike.
import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from '../core/canonical_json.js';
import { isWithin, parseElectionDefinition, type Election } from '../core/election.js';
import {
  decodeLogEntry,
  ROSTER_CONTEXT,
  SUBMISSION_CONTEXT,
  type LogEntry,
} from '../core/log_entry.js';
import { checkSubmission } from '../core/submission.js';
import { Tally, type AreaResults } from '../core/tally.js';
import { MANIFEST_CONTEXT, parseCurrent, parseManifest } from '../formats/manifest.js';
import { flattenResults, nistResultsReport, readNistResults } from '../formats/nist_cdf_results.js';
import {
  areaFeed,
  contestCsv,
  ResultsFeed,
  unitGroups,
  UnitResultsFeed,
} from '../formats/results_feed.js';
import { openCheckpoint, type Checkpoint } from '../log/checkpoint.js';
import { keyRef, verifyCanonical, verifyObject } from '../log/envelope.js';
import { hashesEqual } from '../log/hash.js';
import { Log } from '../log/log.js';
import { MemoryLogStorage } from '../log/memory_storage.js';
import { parseVerifierKey, type Verifier } from '../log/note.js';
import { decodeEntryBundle, entryBundlePath, TILE_WIDTH } from '../log/tiles.js';
import { CHECKPOINT_PATH, verifyTiledLog } from '../log/tiled_log.js';

/** Reads a published file by its path under the election's site root; undefined when absent. */
export type ReadPublished = (path: string) => Promise<Uint8Array | undefined>;

export interface VerifyOptions {
  /** Keys trusted to sign the log's checkpoints. */
  readonly logKeys: readonly Verifier[];
  /** Keys trusted to sign manifests. */
  readonly manifestKeys: readonly Verifier[];
  /** A checkpoint seen earlier: the log must still contain what it committed to. */
  readonly since?: string;
}

/** One thing wrong, and exactly where. */
export interface VerifyProblem {
  readonly code: string;
  readonly message: string;
  readonly file?: string;
  readonly entry?: number;
  readonly area?: string;
  readonly contest?: string;
  readonly expected?: string | number;
  readonly found?: string | number;
}

export interface VerifyReport {
  readonly ok: boolean;
  readonly election?: string;
  readonly version?: number;
  /** The log size the version counts, and the log's size as published now. */
  readonly versionLogSize?: number;
  readonly logSize?: number;
  readonly filesChecked: number;
  readonly entriesChecked: number;
  readonly submissionsCounted: number;
  readonly numbersCompared: number;
  readonly problems: readonly VerifyProblem[];
}

const decoder = new TextDecoder();
const sha256Hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export async function verifySite(
  read: ReadPublished,
  options: VerifyOptions,
): Promise<VerifyReport> {
  const problems: VerifyProblem[] = [];
  const report = (extra: Partial<VerifyReport> = {}): VerifyReport => ({
    ok: problems.length === 0,
    filesChecked: 0,
    entriesChecked: 0,
    submissionsCounted: 0,
    numbersCompared: 0,
    ...extra,
    problems,
  });

  // 1. The pointer and the signed manifest.
  const currentBytes = await read('current.json');
  if (currentBytes === undefined) {
    problems.push({
      code: 'file_missing',
      message: 'current.json is missing',
      file: 'current.json',
    });
    return report();
  }
  const current = parseCurrent(decoder.decode(currentBytes));
  if (!current.ok) {
    problems.push({ code: 'malformed_file', message: current.error.message, file: 'current.json' });
    return report();
  }
  const base = current.value.path;
  const manifestPath = `${base}manifest.json`;
  const manifestBytes = await read(manifestPath);
  if (manifestBytes === undefined) {
    problems.push({
      code: 'file_missing',
      message: `${manifestPath} is missing`,
      file: manifestPath,
    });
    return report();
  }
  const manifestSha = sha256Hex(manifestBytes);
  if (manifestSha !== current.value.manifestSha256) {
    problems.push({
      code: 'file_mismatch',
      message: `${manifestPath} is not the manifest current.json names`,
      file: manifestPath,
      expected: current.value.manifestSha256,
      found: manifestSha,
    });
  }
  const signed = parseManifest(decoder.decode(manifestBytes));
  if (!signed.ok) {
    problems.push({ code: 'malformed_file', message: signed.error.message, file: manifestPath });
    return report();
  }
  const manifest = signed.value.manifest;
  const manifestKey = options.manifestKeys.find((k) => keyRef(k) === signed.value.signer);
  if (
    manifestKey === undefined ||
    !verifyObject(MANIFEST_CONTEXT, manifest, signed.value.signature, manifestKey)
  ) {
    problems.push({
      code: 'manifest_signature',
      message: `the manifest is not signed by a trusted key (it names ${signed.value.signer})`,
      file: manifestPath,
      found: signed.value.signer,
    });
  }

  // 2. Every file of the version is the one the manifest lists.
  const files = new Map<string, Uint8Array>();
  for (const [path, sha] of Object.entries(manifest.files)) {
    const bytes = await read(`${base}${path}`);
    if (bytes === undefined) {
      problems.push({
        code: 'file_missing',
        message: `${base}${path} is missing`,
        file: `${base}${path}`,
      });
      continue;
    }
    const found = sha256Hex(bytes);
    if (found !== sha) {
      problems.push({
        code: 'file_mismatch',
        message: `${base}${path} does not match the manifest`,
        file: `${base}${path}`,
        expected: sha,
        found,
      });
    }
    files.set(path, bytes);
  }
  const filesChecked = files.size + 2;

  // 3. The log: tiles up to its signed checkpoint; the version's checkpoint and an older one
  // must be prefixes of it.
  const readLog = (path: string): Promise<Uint8Array | undefined> => read(`log/${path}`);
  const tiled = await verifyTiledLog(readLog, options.logKeys);
  if (!tiled.ok) {
    problems.push({
      code: 'log_invalid',
      message: `the published log does not verify: ${tiled.error.message}`,
      file: `log/${typeof tiled.error.details?.['path'] === 'string' ? tiled.error.details['path'] : CHECKPOINT_PATH}`,
    });
    return report({ election: manifest.election, version: manifest.version, filesChecked });
  }
  const logCheckpoint = tiled.value;
  const entries = await readEntries(readLog, logCheckpoint.size);
  if (!entries.ok) {
    problems.push(entries.problem);
    return report({ election: manifest.election, version: manifest.version, filesChecked });
  }
  const log = await Log.open(new MemoryLogStorage());
  const appended = await log.append(entries.value);
  if (!appended.ok) throw new Error(appended.error.message);
  const prefix = async (
    text: string,
    what: string,
    file: string,
  ): Promise<Checkpoint | undefined> => {
    const opened = openCheckpoint(text, options.logKeys, logCheckpoint.origin);
    if (!opened.ok) {
      problems.push({
        code: 'checkpoint_signature',
        message: `${what}: ${opened.error.message}`,
        file,
      });
      return undefined;
    }
    const cp = opened.value;
    if (cp.size > logCheckpoint.size) {
      problems.push({
        code: 'log_truncated',
        message: `${what} covers ${String(cp.size)} entries, but the published log has only ${String(logCheckpoint.size)}`,
        file,
        expected: Number(cp.size),
        found: Number(logCheckpoint.size),
      });
      return undefined;
    }
    const root = await log.rootAt(cp.size);
    if (!root.ok || !hashesEqual(root.value, cp.root)) {
      problems.push({
        code: 'log_rewritten',
        message: `${what} is not a prefix of the published log: its history was rewritten (a fork)`,
        file,
        entry: Number(cp.size) - 1,
      });
      return undefined;
    }
    return cp;
  };
  const versionCheckpoint = await prefix(
    manifest.checkpoint,
    "the version's checkpoint",
    manifestPath,
  );
  if (options.since !== undefined)
    await prefix(options.since, 'the checkpoint given with --since', '--since');
  if (versionCheckpoint !== undefined && Number(versionCheckpoint.size) !== manifest.logSize) {
    problems.push({
      code: 'manifest_inconsistent',
      message: `the manifest says it counts ${String(manifest.logSize)} entries, its checkpoint ${String(versionCheckpoint.size)}`,
      file: manifestPath,
    });
  }

  // 4. Every entry, replayed: the definition, the roster, each submission and its decision.
  const replay = replayEntries(entries.value.slice(0, manifest.logSize), problems);
  const common = {
    election: manifest.election,
    version: manifest.version,
    versionLogSize: manifest.logSize,
    logSize: Number(logCheckpoint.size),
    filesChecked,
    entriesChecked: entries.value.length,
  };
  if (replay === undefined) return report(common);

  // 5. Every published number, recomputed.
  const numbersCompared = compareFeeds(replay.election, replay.tally, files, problems);
  return report({ ...common, submissionsCounted: replay.counted, numbersCompared });
}

/** The log's entries up to `size`, from its entry bundles (files under log/). */
export async function readEntries(
  read: (path: string) => Promise<Uint8Array | undefined>,
  size: bigint,
): Promise<{ ok: true; value: Uint8Array[] } | { ok: false; problem: VerifyProblem }> {
  const entries: Uint8Array[] = [];
  for (let index = 0n; index * BigInt(TILE_WIDTH) < size; index++) {
    const left = size - index * BigInt(TILE_WIDTH);
    const width = left >= BigInt(TILE_WIDTH) ? TILE_WIDTH : Number(left);
    const path = entryBundlePath(index, width);
    let bytes = await read(path);
    // A partial bundle may be gone once its full bundle exists (C2SP tlog-tiles).
    if (bytes === undefined && width < TILE_WIDTH)
      bytes = await read(entryBundlePath(index, TILE_WIDTH));
    if (bytes === undefined) {
      return {
        ok: false,
        problem: { code: 'file_missing', message: `log/${path} is missing`, file: `log/${path}` },
      };
    }
    const bundle = decodeEntryBundle(bytes);
    if (!bundle.ok) {
      return {
        ok: false,
        problem: { code: 'malformed_file', message: bundle.error.message, file: `log/${path}` },
      };
    }
    entries.push(...bundle.value.slice(0, width));
  }
  return { ok: true, value: entries };
}

interface RosterKey {
  readonly verifier: Verifier;
  readonly unit: string;
  revoked: boolean;
}

/**
 * Replays the log: the election definition first, then roster statements signed by the
 * authority, then submissions checked against the roster as it stood, the definition's rules and
 * the review rules (re-sends, sequence numbers, amendments, conflicts, warnings hold). Returns
 * the tally of the accepted ones, or undefined when the log does not even start right.
 */
function replayEntries(
  entries: readonly Uint8Array[],
  problems: VerifyProblem[],
): { election: Election; tally: Tally; counted: number } | undefined {
  const decoded: (LogEntry | undefined)[] = entries.map((bytes, entry) => {
    const parsed = decodeLogEntry(bytes);
    if (parsed.ok) return parsed.value;
    problems.push({ code: 'malformed_entry', message: parsed.error.message, entry });
    return undefined;
  });
  const head = decoded[0];
  if (head?.type !== 'election') {
    problems.push({
      code: 'log_start',
      message: 'the log does not start with the election definition',
      entry: 0,
    });
    return undefined;
  }
  let text = '';
  for (let part = 0; part < head.parts; part++) {
    const e = decoded[1 + part];
    if (e?.type !== 'election-part' || e.part !== part) {
      problems.push({
        code: 'log_start',
        message: `definition part ${String(part)} is missing`,
        entry: 1 + part,
      });
      return undefined;
    }
    text += e.text;
  }
  if (sha256Hex(new TextEncoder().encode(text)) !== head.definitionSha256) {
    problems.push({
      code: 'log_start',
      message: 'the definition does not match its SHA-256',
      entry: 0,
    });
    return undefined;
  }
  const parsedElection = parseElectionDefinition(JSON.parse(text));
  if (!parsedElection.ok) {
    problems.push({ code: 'log_start', message: parsedElection.error.message, entry: 0 });
    return undefined;
  }
  const election = parsedElection.value;
  const authority = election.definition.authority.keys.flatMap((k) => {
    const v = parseVerifierKey(k);
    return v.ok ? [v.value] : [];
  });
  const roster = new Map<string, RosterKey>();
  const tally = new Tally(election);
  const lastSequence = new Map<string, number>();
  const history = new Map<string, { source: string; counts: string; status: string }[]>();
  const seen = new Set<string>();
  let counted = 0;

  decoded.forEach((e, entry) => {
    if (e === undefined) return;
    const fail = (code: string, message: string, extra: Partial<VerifyProblem> = {}): void => {
      problems.push({ code, message: `entry ${String(entry)}: ${message}`, entry, ...extra });
    };
    switch (e.type) {
      case 'election':
      case 'election-part':
        if (entry > head.parts) fail('unexpected_entry', 'a second election definition');
        break;
      case 'roster': {
        const signer = authority.find((k) => keyRef(k) === e.signer);
        if (
          signer === undefined ||
          !verifyObject(ROSTER_CONTEXT, e.statement, e.signature, signer)
        ) {
          fail(
            'roster_signature',
            `a roster statement not signed by the election authority (${e.signer})`,
          );
          break;
        }
        const key = parseVerifierKey(e.statement.key);
        if (!key.ok) {
          fail('roster_key', `the roster statement's key does not parse`);
          break;
        }
        const ref = keyRef(key.value);
        if (e.statement.action === 'certify')
          roster.set(ref, { verifier: key.value, unit: e.statement.unit, revoked: false });
        else {
          const known = roster.get(ref);
          if (known !== undefined) known.revoked = true;
        }
        break;
      }
      case 'rejection':
        break;
      case 'submission': {
        const { submission, signer, signature } = e.signed;
        const key = roster.get(signer);
        const where = { area: submission.unit };
        if (key === undefined) {
          fail('uncertified_key', `signed by ${signer}, which the roster had not certified`, where);
          break;
        }
        if (key.revoked) {
          fail('revoked_key', `signed by ${signer}, which had been revoked`, where);
          break;
        }
        // Serialised once: for the signature, and for recognising the same submission twice.
        const canonical = canonicalJson(submission as unknown as JsonValue);
        if (!verifyCanonical(SUBMISSION_CONTEXT, canonical, signature, key.verifier)) {
          fail('bad_signature', `the submission's signature does not verify with ${signer}`, where);
          break;
        }
        if (!isWithin(election, submission.unit, key.unit)) {
          fail(
            'key_not_for_unit',
            `${signer} is certified for ${key.unit}, not ${submission.unit}`,
            where,
          );
          break;
        }
        const rules = checkSubmission(election, submission);
        if (!rules.ok) {
          fail(
            'impossible_submission',
            `recorded as ${e.status}, but ${rules.error.message}`,
            where,
          );
          break;
        }
        // The review rules, replayed (ingest's decide): what status and kind it had to get.
        const digest = sha256Hex(new TextEncoder().encode(`${signer}\n${signature}\n${canonical}`));
        if (seen.has(digest)) {
          fail('duplicate_entry', 'the same submission is recorded twice', where);
          break;
        }
        seen.add(digest);
        const last = lastSequence.get(signer);
        if (last !== undefined && submission.sequence <= last) {
          fail(
            'replayed_sequence',
            `sequence ${String(submission.sequence)} is not above ${String(last)}`,
            where,
          );
          break;
        }
        const slot = `${submission.unit}\u0000${submission.voteType}`;
        const before = history.get(slot) ?? [];
        // The numbers alone, whatever order contests were sent in: equal numbers corroborate.
        const counts = canonicalJson([
          submission.ballotsCast,
          [...submission.contests]
            .sort((a, b) => (a.contest < b.contest ? -1 : a.contest > b.contest ? 1 : 0))
            .map((c) => [c.contest, c.ballotsCast, c.overvotes, c.undervotes, c.counts]),
        ]);
        let kind: string = 'original';
        if (before.some((b) => b.source === signer))
          kind = submission.amendment === undefined ? 'invalid' : 'amendment';
        else if (before.length > 0) {
          const currentOne =
            [...before].reverse().find((b) => b.status === 'accepted') ?? before[before.length - 1];
          kind = currentOne?.counts === counts ? 'corroboration' : 'conflict';
        }
        const status = kind === 'conflict' || rules.value.length > 0 ? 'held' : 'accepted';
        const warnings = rules.value.map((w) => w.code).join(',');
        if (kind === 'invalid') {
          fail(
            'amendment_without_reason',
            'a second submission from the same key with no reason was recorded',
            where,
          );
          break;
        }
        if (e.kind !== kind) {
          fail('decision_mismatch', `recorded as ${e.kind}, the rules make it ${kind}`, {
            ...where,
            expected: kind,
            found: e.kind,
          });
        }
        if (e.status !== status || e.warnings.map((w) => w.code).join(',') !== warnings) {
          fail(
            'decision_mismatch',
            `recorded as ${e.status} (${e.warnings.map((w) => w.code).join(', ') || 'no warnings'}), the rules make it ${status} (${warnings || 'no warnings'})`,
            { ...where, expected: status, found: e.status },
          );
        }
        lastSequence.set(signer, submission.sequence);
        before.push({ source: signer, counts, status: e.status });
        history.set(slot, before);
        break;
      }
    }
    if (e.type === 'submission' && e.status === 'accepted') counted++;
    tally.apply(e);
  });
  return { election, tally, counted };
}

/** Compares every published feed with the recomputed tally; returns how many numbers. */
function compareFeeds(
  election: Election,
  tally: Tally,
  files: ReadonlyMap<string, Uint8Array>,
  problems: VerifyProblem[],
): number {
  let compared = 0;
  const text = (path: string): string | undefined => {
    const bytes = files.get(path);
    return bytes === undefined ? undefined : decoder.decode(bytes);
  };
  const flatten = (areas: readonly AreaResults[]): Map<string, number> => flattenResults(areas);
  const compare = (
    file: string,
    expected: Map<string, number>,
    found: Map<string, number>,
  ): void => {
    for (const [key, value] of expected) {
      compared++;
      const f = found.get(key);
      if (f !== value) {
        const [area, contest] = key.split('|');
        problems.push({
          code: 'total_mismatch',
          message: `${file}: ${key} is ${String(f ?? 'missing')}, the log's submissions make it ${String(value)}`,
          file,
          ...(area === undefined ? {} : { area }),
          ...(contest === undefined ? {} : { contest }),
          expected: value,
          ...(f === undefined ? {} : { found: f }),
        });
      }
    }
  };
  const reporting = new Set(election.reportingUnits);
  const upperIds = [
    ...election.definition.units.filter((u) => !reporting.has(u.id)).map((u) => u.id),
    ...election.definition.districts.map((d) => d.id),
  ];
  const upper = upperIds.map((id) => tally.area(id) as AreaResults);
  const complete =
    (tally.area(election.root.id)?.reporting.reported ?? 0) === election.reportingUnits.length;

  // Tally JSON: every field of every area, as Tally would write it from the log's submissions.
  const compareAreas = (
    file: string,
    ours: readonly AreaResults[],
    theirs: readonly unknown[],
  ): void => {
    const byArea = new Map(theirs.map((a) => [(a as { area?: unknown }).area, a] as const));
    for (const area of ours) {
      const expected = areaFeed(election, area);
      const found = byArea.get(area.area);
      if (found === undefined) {
        problems.push({
          code: 'total_mismatch',
          message: `${file}: area ${area.area} is missing`,
          file,
          area: area.area,
        });
        continue;
      }
      // Fast path: the area exactly as Tally writes it (the file keeps the schema's key order).
      if (JSON.stringify(expected) === JSON.stringify(found)) {
        compared += leafCount(expected);
        continue;
      }
      compared += deepCompare(expected, found, (path, e, f) => {
        const contest = /^contests\.(\d+)/.exec(path)?.[1];
        problems.push({
          code: 'total_mismatch',
          message: `${file}: ${area.area} ${path} is ${f === undefined ? 'missing' : JSON.stringify(f)}, the log's submissions make it ${e === undefined ? 'absent' : JSON.stringify(e)}`,
          file,
          area: area.area,
          ...(contest === undefined
            ? {}
            : { contest: expected.contests[Number(contest)]?.contest ?? contest }),
          ...(typeof e === 'number' || typeof e === 'string' ? { expected: e } : {}),
          ...(typeof f === 'number' || typeof f === 'string' ? { found: f } : {}),
        });
      });
    }
  };
  const results = text('results.json');
  if (results !== undefined) {
    const feed = ResultsFeed.safeParse(JSON.parse(results));
    if (!feed.success)
      problems.push({
        code: 'malformed_file',
        message: 'results.json does not match its schema',
        file: 'results.json',
      });
    else compareAreas('results.json', upper, feed.data.areas);
  }
  for (const group of unitGroups(election)) {
    const path = `units/${group.id}.json`;
    const body = text(path);
    if (body === undefined) continue;
    const feed = UnitResultsFeed.safeParse(JSON.parse(body));
    const ours = group.units.map((id) => tally.area(id) as AreaResults);
    if (!feed.success)
      problems.push({
        code: 'malformed_file',
        message: `${path} does not match its schema`,
        file: path,
      });
    else compareAreas(path, ours, feed.data.areas);
    const cdfPath = `cdf/${group.id}.json`;
    const cdf = text(cdfPath);
    if (cdf !== undefined) {
      const report = JSON.parse(cdf) as Record<string, unknown>;
      // Fast path: the report exactly as Tally writes it, with the file's own header fields.
      const same =
        JSON.stringify(
          nistResultsReport(election, ours, {
            issuer: String(report['Issuer']),
            issuerAbbreviation: String(report['IssuerAbbreviation']),
            generatedAt: String(report['GeneratedDate']),
            sequence: Number(report['SequenceStart']),
            sequenceEnd: Number(report['SequenceEnd']),
            complete,
            vendorApplicationId: String(report['VendorApplicationId']),
          }),
        ) === cdf;
      if (same) {
        compared += nistNumbers(ours);
        continue;
      }
      const read = readNistResults(report);
      if (!read.ok)
        problems.push({ code: 'malformed_file', message: read.error.message, file: cdfPath });
      else compare(cdfPath, flatten(ours), read.value);
    }
  }
  // NIST CDF.
  const cdf = text('cdf.json');
  if (cdf !== undefined) {
    const read = readNistResults(JSON.parse(cdf));
    if (!read.ok)
      problems.push({ code: 'malformed_file', message: read.error.message, file: 'cdf.json' });
    else compare('cdf.json', flatten(upper), read.value);
  }
  // CSV: the whole file as Tally writes it from the recomputed numbers.
  for (const contest of election.definition.contests) {
    const path = `csv/${contest.id}.csv`;
    const body = text(path);
    if (body === undefined) continue;
    const expected = contestCsv(election, contest.id, upper);
    const want = expected.split('\r\n');
    const got = body.split('\r\n');
    compared += want.length;
    const at = want.findIndex((line, i) => got[i] !== line);
    if (at !== -1 || got.length !== want.length) {
      const line = at === -1 ? want.length : at;
      problems.push({
        code: 'total_mismatch',
        message: `${path} line ${String(line + 1)} is "${got[line] ?? ''}", the log's submissions make it "${want[line] ?? ''}"`,
        file: path,
        contest: contest.id,
        expected: want[line] ?? '',
        found: got[line] ?? '',
      });
    }
  }
  return compared;
}

/** Compares two JSON values field by field; calls `differ` per difference; returns leaves compared. */
function deepCompare(
  expected: unknown,
  found: unknown,
  differ: (path: string, expected: unknown, found: unknown) => void,
  path = '',
): number {
  if (typeof expected === 'object' && expected !== null) {
    if (
      typeof found !== 'object' ||
      found === null ||
      Array.isArray(expected) !== Array.isArray(found)
    ) {
      differ(path, expected, found);
      return 1;
    }
    const e = expected as Record<string, unknown>;
    const f = found as Record<string, unknown>;
    let n = 0;
    for (const key of new Set([...Object.keys(e), ...Object.keys(f)])) {
      n += deepCompare(e[key], f[key], differ, path === '' ? key : `${path}.${key}`);
    }
    return n;
  }
  if (expected !== found) differ(path, expected, found);
  return 1;
}

/** How many values a JSON value holds at its leaves. */
function leafCount(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 1;
  let n = 0;
  for (const v of Object.values(value)) n += leafCount(v);
  return n;
}

/** How many numbers a NIST report of these areas states: what flattenResults would hold. */
function nistNumbers(areas: readonly AreaResults[]): number {
  let n = 0;
  for (const area of areas) {
    n += Object.keys(area.ballotsCast.byVoteType).length;
    for (const c of area.contests) {
      n += 2;
      for (const t of Object.values(c.byVoteType)) n += Object.keys(t.counts).length;
    }
  }
  return n;
}
