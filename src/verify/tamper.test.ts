// The tamper suite: the operator of a Tally server holds every server key (the log's checkpoint
// key and the manifest key), changes what the public sees and re-signs whatever it changed
// (src/server/testonly/operator.ts), so that only what the log says can give it away. The
// verifier must name each change with a stable problem code, and the file or entry it is in;
// the site as published, and with an honest amendment, verify clean.
//
// The table says, per kind of change, the code the verifier must name it by and whether it does
// today. A change it does not name yet runs as `it.fails`: when the verifier learns to, that
// test fails, and its row's `caught` becomes true. A row with `today` is caught now under that
// other code, which its first test checks.
import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LOG_ENTRY_FORMAT,
  ROSTER_CONTEXT,
  type ContestStatusValue,
  type LogEntry,
} from '../core/log_entry.js';
import { sha256Hex } from '../core/sha256.js';
import { sampleSubmission } from '../core/testonly/fixtures.js';
import { compressedReader, directoryLister, publishedReader } from '../cli/site_reader.js';
import { signSubmission } from '../ingest/submit_client.js';
import { signObject } from '../log/envelope.js';
import { encodeVerifierKey, type Signer } from '../log/note.js';
import { testSigner } from '../log/testonly/signers.js';
import {
  currentBase,
  editJson,
  editText,
  Operator,
  readText,
  replaceFile,
} from '../server/testonly/operator.js';
import { inProcessWorkers, verifySite, type VerifyReport } from './verify.js';

interface Expectation {
  /** The stable problem code the verifier must name the change by. */
  readonly code: string;
  /** Whether the verifier names it by that code today. */
  readonly caught: boolean;
  /** The code the verifier catches it by today, when it is another. */
  readonly today?: string;
}

// Codes proposed for the verifier that rebuilds every file (not all emitted yet):
//   file_not_reproduced  a file is not what the log makes it
//   file_unexpected      a file is listed that no rule produces
//   file_omitted         a file the rules produce is not listed
//   file_unlisted        a file in the version's directory is not in the manifest
//   compressed_mismatch  a .br or .gz copy does not decompress to the file beside it
//   rolled_back          current.json names a version older than a checkpoint the user holds
//   wrongly_rejected     a valid submission is logged as rejected
//   current_mismatch     current.json disagrees with the manifest it names
// manifest_inconsistent (existing) is also the code for a manifest that disagrees with the log.
const TABLE = {
  // The pages people read.
  'a vote total on the summary page': { code: 'file_not_reproduced', caught: true },
  'a percentage on the summary page': { code: 'file_not_reproduced', caught: true },
  '"N of M fully reported" on the summary page': { code: 'file_not_reproduced', caught: true },
  'the expected vote counted on the summary page': { code: 'file_not_reproduced', caught: true },
  'the TEST banner and title taken off a page': { code: 'file_not_reproduced', caught: true },
  "a county's map colour swapped to the other candidate": {
    code: 'file_not_reproduced',
    caught: true,
  },
  'a candidate renamed on a contest page': { code: 'file_not_reproduced', caught: true },
  'a vote total on a page in another language': { code: 'file_not_reproduced', caught: true },
  "a total on a county's page": { code: 'file_not_reproduced', caught: true },
  "the verify page naming the operator's other key": {
    code: 'file_not_reproduced',
    caught: true,
  },
  'the style sheet hiding the TEST banner': { code: 'file_not_reproduced', caught: true },
  'the refresh script altered': { code: 'file_not_reproduced', caught: true },
  "the results feed's JSON Schema allowing negative counts": {
    code: 'file_not_reproduced',
    caught: true,
  },
  "the site root's page sending readers to an older version": {
    code: 'file_not_reproduced',
    caught: true,
  },
  "the site root's page sending readers to a newer version that is not there": {
    code: 'file_not_reproduced',
    caught: true,
  },
  'a page of the previous version altered, its manifest re-signed': {
    code: 'file_not_reproduced',
    caught: true,
  },
  // results.json and cdf.json.
  'results.json: the test flag set to false': { code: 'file_not_reproduced', caught: true },
  'cdf.json: the test flag set to false': { code: 'file_not_reproduced', caught: true },
  'cdf.json: Status changed': { code: 'file_not_reproduced', caught: true },
  "results.json: two candidates' names swapped": { code: 'file_not_reproduced', caught: true },
  "cdf.json: two candidates' names swapped": { code: 'file_not_reproduced', caught: true },
  'results.json: a duplicate area before the real one': {
    code: 'file_not_reproduced',
    caught: true,
  },
  'cdf.json: duplicate VoteCounts before the real ones': {
    code: 'file_not_reproduced',
    caught: true,
  },
  'results.json: an extra area': { code: 'file_not_reproduced', caught: true },
  'results.json: a key given twice, the first forged': {
    code: 'file_not_reproduced',
    caught: true,
  },
  'cdf.json: SubUnitsReported changed': { code: 'file_not_reproduced', caught: true },
  'cdf.json: VotersParticipated changed': { code: 'file_not_reproduced', caught: true },
  'results.json: units reporting changed': { code: 'total_mismatch', caught: true },
  'results.json: a total changed': { code: 'total_mismatch', caught: true },
  'a CSV: a total changed': { code: 'total_mismatch', caught: true },
  'a group file (csv/units/): a precinct’s votes changed': {
    code: 'file_not_reproduced',
    caught: true,
  },
  'the long-format CSV: a county’s votes changed': { code: 'file_not_reproduced', caught: true },
  'a CSV: the TEST column emptied': { code: 'test_flag_mismatch', caught: true },
  // The group files of the reporting units.
  'a group file (cdf/): Issuer changed, numbers agreeing': {
    code: 'file_not_reproduced',
    caught: true,
  },
  'a group file (units/) written otherwise, numbers agreeing': {
    code: 'file_not_reproduced',
    caught: true,
  },
  'a group file (units/): a key given twice, the first forged': {
    code: 'file_not_reproduced',
    caught: true,
  },
  'a group file (units/): a precinct total changed': { code: 'total_mismatch', caught: true },
  'a group file (cdf/): a precinct total changed': { code: 'total_mismatch', caught: true },
  'a group file listed as of an earlier size, its numbers the newer ones': {
    code: 'file_not_reproduced',
    caught: true,
  },
  'a group file listed as of a size at which its numbers had not changed': {
    code: 'as_of_mismatch',
    caught: true,
  },
  "a county's page listed as of an earlier size, its numbers the newer ones": {
    code: 'file_not_reproduced',
    caught: true,
  },
  "a county's page listed as of a size at which its numbers had not changed": {
    code: 'as_of_mismatch',
    caught: true,
  },
  // The manifest and current.json.
  'test false in the manifest and current.json': { code: 'manifest_inconsistent', caught: true },
  'the election renamed in the manifest and current.json': {
    code: 'manifest_inconsistent',
    caught: true,
  },
  'test false in current.json alone': { code: 'current_mismatch', caught: true },
  'current.json claiming more of the log than its manifest': {
    code: 'current_mismatch',
    caught: true,
  },
  'a file in the version but not in the manifest': { code: 'file_unlisted', caught: true },
  'a file listed that no rule produces': { code: 'file_unexpected', caught: true },
  'a file listed from outside the version': { code: 'file_unexpected', caught: true },
  'results.json taken out of the manifest': { code: 'file_omitted', caught: true },
  'a group file taken out of the manifest and the version': {
    code: 'file_omitted',
    caught: true,
  },
  // The build parameters, the whole version rebuilt with them by Tally's own builder.
  'a language of the election dropped, the site rebuilt without it': {
    code: 'build_parameters',
    caught: true,
  },
  'the languages reordered, the site rebuilt French first': {
    code: 'build_parameters',
    caught: true,
  },
  'the night’s chart cut to two points, the site rebuilt so': {
    code: 'build_parameters',
    caught: true,
  },
  "the operator's other key named, the verify pages rebuilt with it": {
    code: 'build_parameters',
    caught: true,
  },
  'a listed file deleted': { code: 'file_missing', caught: true },
  'a file changed, the manifest not re-signed': { code: 'file_mismatch', caught: true },
  'current.json naming a manifest another key signed': {
    code: 'manifest_signature',
    caught: true,
  },
  "a manifest's log size unlike its checkpoint's": { code: 'manifest_inconsistent', caught: true },
  "a manifest's checkpoint signed by another key": { code: 'checkpoint_signature', caught: true },
  // Freshness.
  'current.json pointed back to an older version, a newer checkpoint held': {
    code: 'rolled_back',
    caught: true,
  },
  'the whole site as it was at an older version, a newer checkpoint held': {
    code: 'log_truncated',
    caught: true,
  },
  // Precompressed copies.
  'an altered .br beside a page': { code: 'compressed_mismatch', caught: true },
  'an altered .gz beside results.json': { code: 'compressed_mismatch', caught: true },
  'an altered .br beside a group file': { code: 'compressed_mismatch', caught: true },
  'a .br added beside current.json': { code: 'compressed_mismatch', caught: true },
  "a .br added beside the site root's page": { code: 'compressed_mismatch', caught: true },
  // The log.
  'a valid amendment logged as a rejection (replayed_sequence)': {
    code: 'wrongly_rejected',
    caught: true,
  },
  'a valid amendment logged as a rejection (unknown_key)': {
    code: 'wrongly_rejected',
    caught: true,
  },
  "a forged entry appended after the version's size": { code: 'bad_signature', caught: true },
  "a valid submission logged as a rejection after the version's size": {
    code: 'wrongly_rejected',
    caught: true,
  },
  'an amendment recorded as an original': { code: 'decision_mismatch', caught: true },
  'a rejected submission recorded as accepted': { code: 'key_not_for_unit', caught: true },
  'a valid submission recorded as held': { code: 'decision_mismatch', caught: true },
  'a submission recorded twice': { code: 'duplicate_entry', caught: true },
  'a review accepting a submission that was never held': { code: 'not_held', caught: true },
  'a review of an entry that is no submission': { code: 'not_held', caught: true },
  'a review naming another election': { code: 'unexpected_entry', caught: true },
  // Contests' statuses.
  'a contest shown as certified on the summary page when it was called': {
    code: 'file_not_reproduced',
    caught: true,
  },
  "results.json: a contest's status changed": { code: 'file_not_reproduced', caught: true },
  "the long-format CSV: a call's winner unmarked": { code: 'file_not_reproduced', caught: true },
  'a call naming a winner who is no choice of the contest': {
    code: 'invalid_winners',
    caught: true,
  },
  'a certified contest called again': { code: 'already_certified', caught: true },
  'a status change naming another election': { code: 'unexpected_entry', caught: true },
  'a status change dropped from the log, the pages left saying it': {
    code: 'file_not_reproduced',
    caught: true,
  },
  'entries reordered against the decisions they record': {
    code: 'replayed_sequence',
    caught: true,
  },
  'entries reordered and republished, an older checkpoint held': {
    code: 'log_rewritten',
    caught: true,
  },
  'a history rewritten and republished, an older checkpoint held': {
    code: 'log_rewritten',
    caught: true,
  },
  'a vote count changed inside a signed submission': { code: 'bad_signature', caught: true },
  'a submission dropped, the files left as they were': { code: 'total_mismatch', caught: true },
  'a submission by a key never certified': { code: 'unknown_key', caught: true },
  "a key certified by the operator's own signature": { code: 'roster_signature', caught: true },
  "a key certified outside its delegation's units": { code: 'delegation_scope', caught: true },
  'a key certified after its delegation expired': { code: 'delegation_expired', caught: true },
  'a key certified by a key the delegation did not name': {
    code: 'roster_signature',
    caught: true,
  },
  'a key certified by a delegated key on no staff member’s word': {
    code: 'delegation_unnamed',
    caught: true,
  },
  'a log tile altered': { code: 'log_invalid', caught: true },
  'the log cut back behind the version': { code: 'log_truncated', caught: true },
} as const satisfies Record<string, Expectation>;

type Change = keyof typeof TABLE;

/** What the change is in, for the problem to name, and what the verifier's user holds. */
interface Tampered {
  /** A path under the version (`results.json`) or the site (`current.json`). */
  readonly file?: string;
  readonly entry?: number;
  /** A checkpoint the user saw earlier (`tally verify --since`). */
  readonly since?: string;
  /** The earlier version the user verifies, as a link to it leads them (`--version-number`). */
  readonly version?: number;
}

type Tamper = (site: string, op: Operator) => Tampered | Promise<Tampered>;

// The published files' fields the changes reach.
interface ResultsJson {
  election: { id: string; test: boolean };
  contests: {
    id: string;
    choices: { id: string; name: Record<string, string> }[];
    status: { status: string };
  }[];
  areas: AreaJson[];
}
interface AreaJson {
  area: string;
  name: Record<string, string>;
  reporting: { reported: number; expected: number };
  contests: { contest: string; total: { counts: Record<string, number> } }[];
}
interface CdfJson {
  IsTest: boolean;
  Status: string;
  Issuer: string;
  GpUnit: { '@id': string; SubUnitsReported?: number; VotersParticipated?: number }[];
  Election: {
    Candidate: { '@id': string; BallotName: { Text: { Content: string }[] } }[];
    Contest: {
      '@id': string;
      ContestSelection?: { '@id': string; VoteCounts: { Count: number }[] }[];
    }[];
  }[];
}

/** The path of a file of the site's current version. */
const inVersion = (site: string, path: string): string => `${currentBase(site)}${path}`;

/** Changes a file of the current version, then re-signs the version. */
function changeFile(
  op: Operator,
  site: string,
  path: string,
  change: (text: string) => string,
): Tampered {
  editText(site, inVersion(site, path), change);
  op.resign(site);
  return { file: path };
}

function changeJson(
  op: Operator,
  site: string,
  path: string,
  change: (value: never) => void,
): Tampered {
  editJson(site, inVersion(site, path), change);
  op.resign(site);
  return { file: path };
}

const stateArea = (r: ResultsJson): AreaJson => r.areas.find((a) => a.area === 'state') ?? fail();

/** A precompressed copy beside `path` that decompresses to the file with `change` made. */
const firstSite = (op: Operator): string => op.honest.versions[0]?.site ?? fail();

/** The log size the first version's south group files are as of. */
function southAsOfInFirstVersion(op: Operator): number {
  const { manifest } = JSON.parse(readText(firstSite(op), 'v/1/manifest.json')) as {
    manifest: { files: Record<string, { asOf: number }> };
  };
  return manifest.files['units/south.json']?.asOf ?? fail();
}

/** The south group's files: its precincts' results as Tally JSON, NIST CDF and CSV. */
const SOUTH_GROUP_FILES = ['units/south.json', 'cdf/south.json', 'csv/units/south.csv'];

/** The south group's files as the first version has them, in the current version's place. */
function southFromFirstVersion(site: string, op: Operator): void {
  fromFirstVersion(site, op, SOUTH_GROUP_FILES);
}

/** South's page (the county's, listing its precincts) in each language. */
const SOUTH_PAGES = ['en/unit/south.html', 'fr/unit/south.html'];

/** Files as the first version has them, in the current version's place. */
function fromFirstVersion(site: string, op: Operator, paths: readonly string[]): void {
  for (const path of paths) {
    const file = inVersion(site, path);
    replaceFile(join(site, ...file.split('/')), readText(firstSite(op), `v/1/${path}`));
    for (const copy of ['br', 'gz'])
      rmSync(join(site, ...`${file}.${copy}`.split('/')), { force: true });
  }
}

/** Lists the south group's files as of `asOf` in a manifest being re-signed. */
function listSouthAsOf(m: { files: Record<string, unknown> }, asOf: number): void {
  listAsOf(m, SOUTH_GROUP_FILES, asOf);
}

/** Lists files as of `asOf` in a manifest being re-signed. */
function listAsOf(
  m: { files: Record<string, unknown> },
  paths: readonly string[],
  asOf: number,
): void {
  for (const path of paths) {
    if (m.files[path] === undefined) fail();
    m.files[path] = { ...(m.files[path] as object), asOf };
  }
}

function compressedCopy(
  site: string,
  path: string,
  kind: 'br' | 'gz',
  change: (text: string) => string,
): Tampered {
  const altered = change(readText(site, path));
  const bytes = kind === 'br' ? brotliCompressSync(altered) : gzipSync(altered);
  replaceFile(join(site, ...`${path}.${kind}`.split('/')), bytes);
  return { file: `${path}.${kind}` };
}

/** The entry for a unit's first accepted submission in the honest log. */
function submissionOf(op: Operator, unit: string): number {
  const at = op.honest.entries.findIndex(
    (e) => e.type === 'submission' && e.signed.submission.unit === unit,
  );
  return at === -1 ? fail() : at;
}

/** A submission entry recorded as accepted, as ingest writes one. */
function accepted(signed: ReturnType<typeof signSubmission>): LogEntry {
  return {
    format: LOG_ENTRY_FORMAT,
    type: 'submission',
    election: 'sample-2026',
    receivedAt: '2026-11-03T21:45:00Z',
    signed,
    status: 'accepted',
    kind: 'original',
    warnings: [],
  };
}

/** A reviewer's decision to accept the submission at `target`, as ingest writes one. */
/** A change of a contest's status, as a staff member of the election's office makes it. */
function statusChange(
  contest: string,
  status: ContestStatusValue,
  winners?: readonly string[],
): LogEntry {
  return {
    format: LOG_ENTRY_FORMAT,
    type: 'contest-status',
    election: 'sample-2026',
    time: '2026-11-03T21:55:00Z',
    contest,
    status,
    ...(winners === undefined ? {} : { winners: [...winners] }),
    by: 'director',
    reason: 'as the count stands',
  };
}

function acceptedBy(target: number): LogEntry {
  return {
    format: LOG_ENTRY_FORMAT,
    type: 'review',
    election: 'sample-2026',
    time: '2026-11-03T21:50:00Z',
    entry: target,
    decision: 'accept',
    reviewers: [
      {
        name: 'rosa.parks',
        reason: 'checked against the tally sheet',
        time: '2026-11-03T21:50:00Z',
      },
    ],
  };
}

/**
 * The authority's delegation of North's roster to an enrolment key until midnight Eastern time,
 * appended at the log's end, and a statement that key signs certifying a new key for `unit`,
 * dated `time`. With `forged`, another key of the same name signs the certification instead,
 * naming itself in full. Also the new unit key.
 */
function delegatedCertification(
  op: Operator,
  unit: string,
  time: string,
  how: { readonly forged?: true; readonly unnamed?: true } = {},
): { entries: [LogEntry, LogEntry]; unitKey: Signer } {
  const enrolment = testSigner('enrol.north');
  const signer = how.forged === true ? testSigner('enrol.north') : enrolment;
  const unitKey = testSigner(`${unit}.app`);
  const delegate = {
    election: 'sample-2026',
    action: 'delegate' as const,
    unit: 'north',
    key: encodeVerifierKey(enrolment),
    time: '2026-11-03T21:00:00Z',
    expires: '2026-11-04T05:00:00Z',
  };
  const certify = {
    election: 'sample-2026',
    action: 'certify' as const,
    unit,
    key: encodeVerifierKey(unitKey),
    time,
    ...(how.unnamed === true ? {} : { by: 'admin.one' }),
  };
  return {
    unitKey,
    entries: [
      {
        format: LOG_ENTRY_FORMAT,
        type: 'roster',
        statement: delegate,
        ...signObject(ROSTER_CONTEXT, delegate, op.honest.authority),
      },
      {
        format: LOG_ENTRY_FORMAT,
        type: 'roster',
        statement: certify,
        ...signObject(ROSTER_CONTEXT, certify, signer),
        delegation: { entry: op.honest.entries.length, key: encodeVerifierKey(signer) },
      },
    ],
  };
}

/** A submission's entry logged as a rejection for `code`: the operator's way to not count it. */
function loggedAsRejected(entry: number, code: string): (entries: LogEntry[]) => LogEntry[] {
  return (entries) =>
    entries.map((e, i) => {
      if (i !== entry || e.type !== 'submission') return e;
      const body = new TextEncoder().encode(JSON.stringify(e.signed));
      return {
        format: LOG_ENTRY_FORMAT,
        type: 'rejection',
        election: e.election,
        receivedAt: e.receivedAt,
        bodySha256: sha256Hex(body),
        bodyBytes: body.length,
        error: { code, message: `rejected: ${code}` },
        signed: e.signed,
      };
    });
}

const stranger = (): Signer => testSigner('tally.test');

const TAMPERS: Record<Change, Tamper> = {
  'a vote total on the summary page': (site, op) =>
    changeFile(op, site, 'en/index.html', (t) =>
      t.replace('<td class="num">770</td>', '<td class="num">870</td>'),
    ),
  'a percentage on the summary page': (site, op) =>
    changeFile(op, site, 'en/index.html', (t) => t.replace('52.9%', '58.2%')),
  '"N of M fully reported" on the summary page': (site, op) =>
    changeFile(op, site, 'en/index.html', (t) =>
      t.replace(/: \d+ of 5 fully reported \(\d+%\)/, ': 5 of 5 fully reported (100%)'),
    ),
  'the expected vote counted on the summary page': (site, op) =>
    changeFile(op, site, 'en/index.html', (t) =>
      t.replace(/About \d+% of the expected vote/, 'About 99% of the expected vote'),
    ),
  'the TEST banner and title taken off a page': (site, op) =>
    changeFile(op, site, 'en/index.html', (t) =>
      t.replace(/<p class="test-banner"[^>]*>[^<]*<\/p>/, '').replace('TEST · ', ''),
    ),
  "a county's map colour swapped to the other candidate": (site, op) =>
    changeFile(op, site, 'en/contest/governor.html', (t) =>
      t.replace(
        /fill="#1f5fa8"([^>]*)><title>South County: Ada Lovelace/,
        'fill="#b3261e"$1><title>South County: Alan Turing',
      ),
    ),
  'a candidate renamed on a contest page': (site, op) =>
    changeFile(op, site, 'en/contest/governor.html', (t) =>
      t.replaceAll('Alan Turing', 'Alan Tuning'),
    ),
  'a vote total on a page in another language': (site, op) =>
    changeFile(op, site, 'fr/index.html', (t) => t.replace('>770<', '>870<')),
  "a total on a county's page": (site, op) =>
    changeFile(op, site, 'en/unit/south.html', (t) => t.replace('>520<', '>620<')),
  "the verify page naming the operator's other key": (site, op) =>
    changeFile(op, site, 'en/verify.html', (t) =>
      t.replaceAll(encodeVerifierKey(op.honest.keys.log), encodeVerifierKey(stranger())),
    ),
  'the style sheet hiding the TEST banner': (site, op) =>
    changeFile(op, site, 'assets/site.css', (t) => `${t}\n.test-banner{display:none}\n`),
  'the refresh script altered': (site, op) =>
    changeFile(op, site, 'assets/refresh.js', (t) => `${t}\ndocument.title = 'Final results';\n`),
  "the results feed's JSON Schema allowing negative counts": (site, op) =>
    changeFile(op, site, 'schema/results.schema.json', (t) =>
      t.replaceAll('"minimum": 0', '"minimum": -1000'),
    ),
  "the site root's page sending readers to an older version": (site) => {
    editText(site, 'index.html', (t) => t.replaceAll('v/2/', 'v/1/'));
    return { file: 'index.html' };
  },
  "the site root's page sending readers to a newer version that is not there": (site) => {
    editText(site, 'index.html', (t) => t.replaceAll('v/2/', 'v/3/'));
    return { file: 'index.html' };
  },
  'a page of the previous version altered, its manifest re-signed': (site, op) => {
    editText(site, 'v/1/en/index.html', (t) => t.replace('TEST · ', ''));
    const current = readText(site, 'current.json');
    op.resign(site, { base: 'v/1/' });
    replaceFile(join(site, 'current.json'), current);
    return { file: 'v/1/en/index.html', version: 1 };
  },

  'results.json: the test flag set to false': (site, op) =>
    changeJson(op, site, 'results.json', (r: ResultsJson) => {
      r.election.test = false;
    }),
  'cdf.json: the test flag set to false': (site, op) =>
    changeJson(op, site, 'cdf.json', (c: CdfJson) => {
      c.IsTest = false;
    }),
  'cdf.json: Status changed': (site, op) =>
    changeJson(op, site, 'cdf.json', (c: CdfJson) => {
      c.Status = 'unofficial-complete';
    }),
  "results.json: two candidates' names swapped": (site, op) =>
    changeJson(op, site, 'results.json', (r: ResultsJson) => {
      const choices = r.contests.find((c) => c.id === 'governor')?.choices ?? fail();
      const [ada, alan] = [choices[0] ?? fail(), choices[1] ?? fail()];
      [ada.name, alan.name] = [alan.name, ada.name];
    }),
  "cdf.json: two candidates' names swapped": (site, op) =>
    changeJson(op, site, 'cdf.json', (c: CdfJson) => {
      const candidates = c.Election[0]?.Candidate ?? fail();
      const [ada, alan] = [candidates[0] ?? fail(), candidates[1] ?? fail()];
      [ada.BallotName, alan.BallotName] = [alan.BallotName, ada.BallotName];
    }),
  'results.json: a duplicate area before the real one': (site, op) =>
    changeJson(op, site, 'results.json', (r: ResultsJson) => {
      const state = structuredClone(stateArea(r));
      const governor = state.contests[0] ?? fail();
      governor.total.counts['ada'] = 870;
      r.areas.unshift(state);
    }),
  'cdf.json: duplicate VoteCounts before the real ones': (site, op) =>
    changeJson(op, site, 'cdf.json', (c: CdfJson) => {
      const ada = c.Election[0]?.Contest[0]?.ContestSelection?.[0] ?? fail();
      const first = ada.VoteCounts[0] ?? fail();
      ada.VoteCounts.unshift({ ...first, Count: 870 });
    }),
  'results.json: an extra area': (site, op) =>
    changeJson(op, site, 'results.json', (r: ResultsJson) => {
      r.areas.push({ ...structuredClone(stateArea(r)), area: 'west', name: { en: 'West' } });
    }),
  'results.json: a key given twice, the first forged': (site, op) =>
    // JSON.parse keeps the last of two equal keys; many other parsers keep the first.
    changeFile(op, site, 'results.json', (t) => t.replace('"ada":770', '"ada":870,"ada":770')),
  'cdf.json: SubUnitsReported changed': (site, op) =>
    changeJson(op, site, 'cdf.json', (c: CdfJson) => {
      (c.GpUnit[0] ?? fail()).SubUnitsReported = 5;
    }),
  'cdf.json: VotersParticipated changed': (site, op) =>
    changeJson(op, site, 'cdf.json', (c: CdfJson) => {
      (c.GpUnit[0] ?? fail()).VotersParticipated = 4000;
    }),
  'results.json: units reporting changed': (site, op) =>
    changeJson(op, site, 'results.json', (r: ResultsJson) => {
      stateArea(r).reporting.reported = 5;
    }),
  'results.json: a total changed': (site, op) =>
    changeJson(op, site, 'results.json', (r: ResultsJson) => {
      (stateArea(r).contests[0] ?? fail()).total.counts['ada'] = 870;
    }),
  'a CSV: a total changed': (site, op) =>
    changeFile(op, site, 'csv/governor.csv', (t) =>
      t.replace(
        'state,State,state,total,3,5,1500,9,36,770',
        'state,State,state,total,3,5,1500,9,36,870',
      ),
    ),
  'a group file (csv/units/): a precinct’s votes changed': (site, op) =>
    changeFile(op, site, 'csv/units/south.csv', (t) =>
      t.replace(',Blue Party,260,0,260,', ',Blue Party,260,0,261,'),
    ),
  'the long-format CSV: a county’s votes changed': (site, op) =>
    changeFile(op, site, 'csv/results.csv', (t) =>
      t.replace(
        /(\r\nsouth,South County,county,governor,Governor,ada,Ada Lovelace,Blue Party,total,)\d+/,
        '$1999',
      ),
    ),
  'a CSV: the TEST column emptied': (site, op) =>
    changeFile(op, site, 'csv/governor.csv', (t) => t.replaceAll(',TEST', ',')),

  'a group file (cdf/): Issuer changed, numbers agreeing': (site, op) =>
    changeJson(op, site, 'cdf/south.json', (c: CdfJson) => {
      c.Issuer = 'Office of the Secretary of State';
    }),
  'a group file (units/) written otherwise, numbers agreeing': (site, op) =>
    changeFile(op, site, 'units/south.json', (t) => JSON.stringify(JSON.parse(t), null, 1)),
  'a group file (units/): a key given twice, the first forged': (site, op) =>
    changeFile(op, site, 'units/south.json', (t) => t.replace('"ada":260', '"ada":261,"ada":260')),
  'a group file (units/): a precinct total changed': (site, op) =>
    changeFile(op, site, 'units/south.json', (t) => t.replace('"ada":260', '"ada":261')),
  'a group file (cdf/): a precinct total changed': (site, op) =>
    changeFile(op, site, 'cdf/south.json', (t) => t.replace('"Count":260', '"Count":259')),

  'a group file listed as of an earlier size, its numbers the newer ones': (site, op) => {
    const earlier = southAsOfInFirstVersion(op);
    op.resign(site, {
      manifest: (m) => {
        listSouthAsOf(m, earlier);
      },
    });
    return { file: 'units/south.json' };
  },
  'a group file listed as of a size at which its numbers had not changed': (site, op) => {
    const earlier = southAsOfInFirstVersion(op);
    // The group's files of the first version, listed as of the size before their last change.
    southFromFirstVersion(site, op);
    op.resign(site, {
      manifest: (m) => {
        listSouthAsOf(m, earlier - 1);
      },
    });
    return { file: 'units/south.json' };
  },

  "a county's page listed as of an earlier size, its numbers the newer ones": (site, op) => {
    const earlier = southAsOfInFirstVersion(op);
    op.resign(site, {
      manifest: (m) => {
        listAsOf(m, SOUTH_PAGES, earlier);
      },
    });
    return { file: 'en/unit/south.html' };
  },
  "a county's page listed as of a size at which its numbers had not changed": (site, op) => {
    const earlier = southAsOfInFirstVersion(op);
    fromFirstVersion(site, op, SOUTH_PAGES);
    op.resign(site, {
      manifest: (m) => {
        // Two entries before: the size one before is the one after the governor's status
        // changed, which the page shows (a size the log makes the page at).
        listAsOf(m, SOUTH_PAGES, earlier - 2);
      },
    });
    return { file: 'en/unit/south.html' };
  },

  'test false in the manifest and current.json': (site, op) => {
    op.resign(site, {
      manifest: (m) => {
        m['test'] = false;
      },
      current: (c) => {
        c['test'] = false;
      },
    });
    return { file: 'manifest.json' };
  },
  'the election renamed in the manifest and current.json': (site, op) => {
    op.resign(site, {
      manifest: (m) => {
        m['election'] = 'other-2026';
      },
      current: (c) => {
        c['election'] = 'other-2026';
      },
    });
    return { file: 'manifest.json' };
  },
  'test false in current.json alone': (site, op) => {
    op.resign(site, {
      current: (c) => {
        c['test'] = false;
      },
    });
    return { file: 'current.json' };
  },
  'current.json claiming more of the log than its manifest': (site, op) => {
    op.resign(site, {
      current: (c) => {
        c['logSize'] = 40;
        c['generatedAt'] = '2026-11-04T06:00:00.000Z';
      },
    });
    return { file: 'current.json' };
  },
  'a file in the version but not in the manifest': (site) => {
    replaceFile(join(site, inVersion(site, 'en/notice.html')), '<p>Final results</p>');
    return { file: 'en/notice.html' };
  },
  'a file listed that no rule produces': (site, op) => {
    replaceFile(join(site, inVersion(site, 'en/notice.html')), '<p>Final results</p>');
    op.resign(site, { list: ['en/notice.html'] });
    return { file: 'en/notice.html' };
  },
  'a file listed from outside the version': (site, op) => {
    op.resign(site, { list: ['../1/results.json'] });
    return { file: '../1/results.json' };
  },
  'results.json taken out of the manifest': (site, op) => {
    op.resign(site, { unlist: ['results.json'] });
    return { file: 'results.json' };
  },
  'a group file taken out of the manifest and the version': (site, op) => {
    rmSync(join(site, inVersion(site, 'units/south.json')));
    op.resign(site, { unlist: ['units/south.json'] });
    return { file: 'units/south.json' };
  },
  'a language of the election dropped, the site rebuilt without it': async (site, op) => {
    await op.rebuild(site, (build) => ({ ...build, languages: ['en'] }));
    return { file: 'manifest.json' };
  },
  'the languages reordered, the site rebuilt French first': async (site, op) => {
    await op.rebuild(site, (build) => ({ ...build, languages: ['fr', 'en'] }));
    return { file: 'manifest.json' };
  },
  'the night’s chart cut to two points, the site rebuilt so': async (site, op) => {
    await op.rebuild(site, (build) => ({ ...build, trendPoints: 2 }));
    return { file: 'manifest.json' };
  },
  "the operator's other key named, the verify pages rebuilt with it": async (site, op) => {
    const key = encodeVerifierKey(stranger());
    await op.rebuild(site, (build) => ({ ...build, logKey: key, manifestKey: key }));
    return { file: 'manifest.json' };
  },
  'a listed file deleted': (site) => {
    rmSync(join(site, inVersion(site, 'en/index.html')));
    return { file: 'en/index.html' };
  },
  'a file changed, the manifest not re-signed': (site) => {
    editText(site, inVersion(site, 'en/index.html'), (t) => t.replace('>770<', '>870<'));
    return { file: 'en/index.html' };
  },
  'current.json naming a manifest another key signed': (site, op) => {
    op.resign(site, { key: stranger() });
    return { file: 'manifest.json' };
  },
  "a manifest's log size unlike its checkpoint's": (site, op) => {
    op.resign(site, {
      manifest: (m) => {
        m['logSize'] = 9;
      },
    });
    return { file: 'manifest.json' };
  },
  "a manifest's checkpoint signed by another key": async (site, op) => {
    const checkpoint = await op.checkpointOf(op.honest.entries, stranger());
    op.resign(site, {
      manifest: (m) => {
        m['checkpoint'] = checkpoint;
      },
    });
    return { file: 'manifest.json' };
  },

  'current.json pointed back to an older version, a newer checkpoint held': (site, op) => {
    const [older, newer] = op.honest.versions;
    replaceFile(join(site, 'current.json'), readText(older?.site ?? fail(), 'current.json'));
    return { file: 'current.json', since: newer?.checkpoint ?? fail() };
  },
  'the whole site as it was at an older version, a newer checkpoint held': (site, op) => {
    const [older, newer] = op.honest.versions;
    rmSync(site, { recursive: true });
    cpSync(older?.site ?? fail(), site, { recursive: true });
    return { since: newer?.checkpoint ?? fail() };
  },

  'an altered .br beside a page': (site) =>
    compressedCopy(site, inVersion(site, 'en/index.html'), 'br', (t) =>
      t.replace('>770<', '>870<'),
    ),
  'an altered .gz beside results.json': (site) =>
    compressedCopy(site, inVersion(site, 'results.json'), 'gz', (t) =>
      t.replace('"ada":770', '"ada":870'),
    ),
  'an altered .br beside a group file': (site) =>
    compressedCopy(site, inVersion(site, 'units/south.json'), 'br', (t) =>
      t.replace('"ada":260', '"ada":261'),
    ),
  'a .br added beside current.json': (site, op) => {
    const older = readText(op.honest.versions[0]?.site ?? fail(), 'current.json');
    return compressedCopy(site, 'current.json', 'br', () => older);
  },
  "a .br added beside the site root's page": (site) =>
    compressedCopy(site, 'index.html', 'br', (t) => t.replaceAll('v/2/', 'v/1/')),

  'a valid amendment logged as a rejection (replayed_sequence)': async (site, op) => {
    await op.republish(site, loggedAsRejected(op.honest.amendment, 'replayed_sequence'));
    return { entry: op.honest.amendment };
  },
  'a valid amendment logged as a rejection (unknown_key)': async (site, op) => {
    await op.republish(site, loggedAsRejected(op.honest.amendment, 'unknown_key'));
    return { entry: op.honest.amendment };
  },
  "a forged entry appended after the version's size": async (site, op) => {
    const key = op.honest.unitKeys.get('s-1') ?? fail();
    const signed = signSubmission(sampleSubmission('s-1', { sequence: 2 }), key);
    const forged = { ...signed, submission: { ...signed.submission, ballotsCast: 499 } };
    await op.rewriteLog(site, (entries) => [...entries, accepted(forged)], { version: false });
    return { entry: op.honest.entries.length };
  },
  "a valid submission logged as a rejection after the version's size": async (site, op) => {
    const key = op.honest.unitKeys.get('s-1') ?? fail();
    const mail = sampleSubmission('s-1', { voteType: 'mail', sequence: 2 });
    const later = accepted(signSubmission(mail, key));
    const { length } = op.honest.entries;
    await op.rewriteLog(
      site,
      (entries) => loggedAsRejected(length, 'replayed_sequence')([...entries, later]),
      {
        version: false,
      },
    );
    return { entry: length };
  },
  'a review accepting a submission that was never held': async (site, op) => {
    const s1 = submissionOf(op, 's-1');
    const { length } = op.honest.entries;
    await op.rewriteLog(site, (entries) => [...entries, acceptedBy(s1)], { version: true });
    return { entry: length };
  },
  'a review of an entry that is no submission': async (site, op) => {
    const roster = op.honest.entries.findIndex((e) => e.type === 'roster');
    const { length } = op.honest.entries;
    await op.rewriteLog(site, (entries) => [...entries, acceptedBy(roster)], { version: true });
    return { entry: length };
  },
  'a review naming another election': async (site, op) => {
    const s1 = submissionOf(op, 's-1');
    const { length } = op.honest.entries;
    const other = { ...acceptedBy(s1), election: 'another-2026' };
    await op.rewriteLog(site, (entries) => [...entries, other], { version: true });
    return { entry: length };
  },
  'a contest shown as certified on the summary page when it was called': (site, op) =>
    changeFile(op, site, 'en/index.html', (t) =>
      t.includes('Called: Ada Lovelace')
        ? t.replace('Called: Ada Lovelace', 'Certified: Ada Lovelace')
        : fail(),
    ),
  "results.json: a contest's status changed": (site, op) =>
    changeJson(op, site, 'results.json', (r: ResultsJson) => {
      const governor = r.contests.find((c) => c.id === 'governor') ?? fail();
      if (governor.status.status !== 'called') fail();
      governor.status.status = 'certified';
    }),
  "the long-format CSV: a call's winner unmarked": (site, op) =>
    changeFile(op, site, 'csv/results.csv', (t) =>
      t.includes(',called,yes\r\n') ? t.replaceAll(',called,yes\r\n', ',called,\r\n') : fail(),
    ),
  'a call naming a winner who is no choice of the contest': async (site, op) => {
    const { length } = op.honest.entries;
    const call = statusChange('governor', 'called', ['grace']);
    await op.rewriteLog(site, (entries) => [...entries, call], { version: true });
    return { entry: length };
  },
  'a certified contest called again': async (site, op) => {
    const { length } = op.honest.entries;
    const certified = statusChange('governor', 'certified', ['ada']);
    const called = statusChange('governor', 'called', ['alan']);
    await op.rewriteLog(site, (entries) => [...entries, certified, called], { version: true });
    return { entry: length + 1 };
  },
  'a status change naming another election': async (site, op) => {
    const { length } = op.honest.entries;
    const other = { ...statusChange('council', 'too-early'), election: 'another-2026' };
    await op.rewriteLog(site, (entries) => [...entries, other], { version: true });
    return { entry: length };
  },
  'a status change dropped from the log, the pages left saying it': async (site, op) => {
    const called = op.honest.entries.findLastIndex((e) => e.type === 'contest-status');
    await op.rewriteLog(site, (entries) => entries.filter((_, i) => i !== called), {
      version: true,
    });
    return { file: 'en/index.html' };
  },
  'a rejected submission recorded as accepted': async (site, op) => {
    const rejected = op.honest.entries.findIndex((e) => e.type === 'rejection');
    await op.rewriteLog(
      site,
      (entries) =>
        entries.map((e, i) =>
          i === rejected && e.type === 'rejection' && e.signed !== undefined
            ? { ...accepted(e.signed), receivedAt: e.receivedAt }
            : e,
        ),
      { version: true },
    );
    return { entry: rejected };
  },
  'a valid submission recorded as held': async (site, op) => {
    const s2 = submissionOf(op, 's-2');
    await op.rewriteLog(
      site,
      (entries) =>
        entries.map((e, i) => (i === s2 && e.type === 'submission' ? { ...e, status: 'held' } : e)),
      { version: true },
    );
    return { entry: s2 };
  },
  'a submission recorded twice': async (site, op) => {
    const s2 = submissionOf(op, 's-2');
    await op.rewriteLog(site, (entries) => [...entries, entries[s2] ?? fail()], {
      version: true,
    });
    return { entry: op.honest.entries.length };
  },
  'an amendment recorded as an original': async (site, op) => {
    await op.rewriteLog(
      site,
      (entries) =>
        entries.map((e, i) =>
          i === op.honest.amendment && e.type === 'submission' ? { ...e, kind: 'original' } : e,
        ),
      { version: true },
    );
    return { entry: op.honest.amendment };
  },
  'entries reordered against the decisions they record': async (site, op) => {
    const original = submissionOf(op, 'n-1');
    const { amendment } = op.honest;
    await op.rewriteLog(
      site,
      (entries) => {
        const moved = entries[amendment] ?? fail();
        const rest = entries.filter((_, i) => i !== amendment);
        return [...rest.slice(0, original), moved, ...rest.slice(original)];
      },
      { version: true },
    );
    return { entry: original + 1 };
  },
  'entries reordered and republished, an older checkpoint held': async (site, op) => {
    const [n1, s1] = [submissionOf(op, 'n-1'), submissionOf(op, 's-1')];
    await op.republish(site, (entries) =>
      entries.map((e, i) => (i === n1 ? entries[s1] : i === s1 ? entries[n1] : e) ?? fail()),
    );
    return { since: op.honest.versions[0]?.checkpoint ?? fail() };
  },
  'a history rewritten and republished, an older checkpoint held': async (site, op) => {
    const s1 = submissionOf(op, 's-1');
    await op.republish(site, (entries) =>
      entries.map((e, i) =>
        i === s1 && e.type === 'submission' ? { ...e, receivedAt: '2026-11-03T21:59:59Z' } : e,
      ),
    );
    return { since: op.honest.versions[1]?.checkpoint ?? fail() };
  },
  'a vote count changed inside a signed submission': async (site, op) => {
    const s1 = submissionOf(op, 's-1');
    await op.rewriteLog(
      site,
      (entries) =>
        entries.map((e, i) =>
          i === s1 && e.type === 'submission'
            ? {
                ...e,
                signed: { ...e.signed, submission: { ...e.signed.submission, ballotsCast: 501 } },
              }
            : e,
        ),
      { version: true },
    );
    return { entry: s1 };
  },
  'a submission dropped, the files left as they were': async (site, op) => {
    const s1 = submissionOf(op, 's-1');
    await op.rewriteLog(site, (entries) => entries.filter((_, i) => i !== s1), { version: true });
    return { file: 'results.json' };
  },
  'a submission by a key never certified': async (site, op) => {
    const signed = signSubmission(sampleSubmission('s-3'), testSigner('s-3.app'));
    await op.rewriteLog(site, (entries) => [...entries, accepted(signed)], { version: true });
    return { entry: op.honest.entries.length };
  },
  "a key certified by the operator's own signature": async (site, op) => {
    const own = testSigner('s-3.app');
    const statement = {
      election: 'sample-2026',
      action: 'certify' as const,
      unit: 's-3',
      key: encodeVerifierKey(own),
      time: '2026-11-03T21:40:00Z',
    };
    const roster: LogEntry = {
      format: LOG_ENTRY_FORMAT,
      type: 'roster',
      statement,
      ...signObject(ROSTER_CONTEXT, statement, op.honest.keys.log),
    };
    const submission = accepted(signSubmission(sampleSubmission('s-3'), own));
    await op.rewriteLog(site, (entries) => [...entries, roster, submission], { version: true });
    return { entry: op.honest.entries.length };
  },
  "a key certified outside its delegation's units": async (site, op) => {
    const made = delegatedCertification(op, 's-3', '2026-11-03T21:40:00Z');
    const submission = accepted(signSubmission(sampleSubmission('s-3'), made.unitKey));
    await op.rewriteLog(site, (entries) => [...entries, ...made.entries, submission], {
      version: true,
    });
    return { entry: op.honest.entries.length + 1 };
  },
  'a key certified after its delegation expired': async (site, op) => {
    const made = delegatedCertification(op, 'n-2', '2026-11-04T05:00:01Z');
    await op.rewriteLog(site, (entries) => [...entries, ...made.entries], { version: true });
    return { entry: op.honest.entries.length + 1 };
  },
  'a key certified by a key the delegation did not name': async (site, op) => {
    const made = delegatedCertification(op, 'n-2', '2026-11-03T21:40:00Z', { forged: true });
    await op.rewriteLog(site, (entries) => [...entries, ...made.entries], { version: true });
    return { entry: op.honest.entries.length + 1 };
  },
  'a key certified by a delegated key on no staff member’s word': async (site, op) => {
    const made = delegatedCertification(op, 'n-2', '2026-11-03T21:40:00Z', { unnamed: true });
    await op.rewriteLog(site, (entries) => [...entries, ...made.entries], { version: true });
    return { entry: op.honest.entries.length + 1 };
  },
  'a log tile altered': (site) => {
    const dir = join(site, 'log', 'tile', '0', '000.p');
    const tile = join(dir, readdirSync(dir).sort((a, b) => Number(b) - Number(a))[0] ?? fail());
    const bytes = readFileSync(tile);
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    replaceFile(tile, bytes);
    return {};
  },
  'the log cut back behind the version': async (site, op) => {
    const size = op.honest.versions[0]?.size ?? fail();
    await op.rewriteLog(site, (entries) => entries.slice(0, size), { version: false });
    return { file: 'manifest.json' };
  },
};

/** Codes that the operator's re-signing hides: a change that shows one was not re-signed. */
const UNSIGNED = ['file_mismatch', 'manifest_signature', 'checkpoint_signature'];

function fail(): never {
  throw new Error('the honest site is not as these tests expect');
}

describe('an operator holding every server key', () => {
  let op: Operator;
  beforeAll(async () => {
    op = await Operator.publish(tmpdir());
  }, 60_000);
  afterAll(() => {
    op.dispose();
  });

  const verify = (site: string, since?: string, version?: number): Promise<VerifyReport> =>
    verifySite(publishedReader(site), {
      logKeys: [op.honest.keys.log],
      manifestKeys: [op.honest.keys.manifest],
      workers: inProcessWorkers(2),
      readCompressed: compressedReader(site),
      list: directoryLister(site) ?? fail(),
      ...(since === undefined ? {} : { since }),
      ...(version === undefined ? {} : { version }),
    });
  const codes = (report: VerifyReport): string[] => [
    ...new Set(report.problems.map((p) => p.code)),
  ];

  it("verifies precinct detail that follows the headline: a group's files listed as of the earlier size they show", async () => {
    const site = op.copy();
    southFromFirstVersion(site, op);
    op.resign(site, {
      manifest: (m) => {
        listSouthAsOf(m, southAsOfInFirstVersion(op));
      },
    });
    // The re-signed manifest's compressed copies would be the old one's: served as it is.
    for (const copy of ['br', 'gz']) {
      rmSync(join(site, ...inVersion(site, `manifest.json.${copy}`).split('/')), { force: true });
    }
    const report = await verify(site);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, version: 2, groupFilesBehind: 1 });
  });

  it("verifies a county's page that follows the headline, listed as of the earlier size it shows", async () => {
    const site = op.copy();
    fromFirstVersion(site, op, SOUTH_PAGES);
    op.resign(site, {
      manifest: (m) => {
        listAsOf(m, SOUTH_PAGES, southAsOfInFirstVersion(op));
      },
    });
    for (const copy of ['br', 'gz']) {
      rmSync(join(site, ...inVersion(site, `manifest.json.${copy}`).split('/')), { force: true });
    }
    const report = await verify(site);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, version: 2, pagesBehind: 1, groupFilesBehind: 0 });
  });

  it('verifies a live site that moved on while it was read: the root page already sends readers to the next version', async () => {
    const site = op.copy();
    // current.json as it was read (version 1); the root page and version 2 published since.
    replaceFile(join(site, 'current.json'), readText(firstSite(op), 'current.json'));
    for (const copy of ['br', 'gz']) rmSync(join(site, `current.json.${copy}`), { force: true });
    const report = await verify(site);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, version: 1 });
  });

  it('publishes a site that verifies clean', async () => {
    const first = op.honest.versions[0] ?? fail();
    const report = await verify(op.copy(first.site));
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, version: 1, submissionsCounted: 2 });
  });

  it('keeps every earlier version verifiable by its number: the first, from the site at the second', async () => {
    const report = await verify(op.copy(), undefined, 1);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, version: 1, submissionsCounted: 2 });
  });

  it('publishes an honest amendment that verifies clean, against the older checkpoint too', async () => {
    const site = op.copy();
    const report = await verify(site, op.honest.versions[0]?.checkpoint);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ ok: true, version: 2, submissionsCounted: 4 });
    // The amendment's numbers, not the report it replaced, are the ones published.
    expect(readText(site, 'v/2/csv/governor.csv')).toContain(
      'north,North County,county,total,1,2,500,3,12,250,230,5,',
    );
  });

  it('rebuilds a version that verifies clean when it changes no build parameter', async () => {
    const site = op.copy();
    await op.rebuild(site, (build) => build);
    const report = await verify(site);
    expect(report.problems).toEqual([]);
    // The rebuild wrote the version afresh: it is the one published, byte for byte.
    expect(readText(site, 'v/2/manifest.json')).toBe(readText(op.honest.site, 'v/2/manifest.json'));
  });

  const made = new Map<Change, { report: VerifyReport; tampered: Tampered }>();
  for (const [change, expected] of Object.entries(TABLE) as [Change, Expectation][]) {
    it(`${change}: made and re-signed by the operator`, async () => {
      const site = op.copy();
      const tampered = await TAMPERS[change](site, op);
      const report = await verify(site, tampered.since, tampered.version);
      made.set(change, { report, tampered });
      // Only a change the operator meant to leave unsigned shows as unsigned.
      const hidden = UNSIGNED.filter((c) => c !== expected.code && c !== expected.today);
      expect(codes(report).filter((c) => hidden.includes(c))).toEqual([]);
      if (expected.today !== undefined) expect(codes(report)).toContain(expected.today);
    });

    (expected.caught ? it : it.fails)(`${change}: named ${expected.code}`, () => {
      const { report, tampered } = made.get(change) ?? fail();
      expect(report.ok).toBe(false);
      const named = report.problems.filter((p) => p.code === expected.code);
      expect(named, JSON.stringify(report.problems)).not.toEqual([]);
      const { file, entry } = tampered;
      if (file !== undefined)
        expect(named.some((p) => p.file === file || p.file?.endsWith(`/${file}`))).toBe(true);
      if (entry !== undefined) expect(named.some((p) => p.entry === entry)).toBe(true);
    });
  }

  it('verifies clean a key certified by a delegated enrolment key, and its submission', async () => {
    const site = op.copy();
    const made = delegatedCertification(op, 'n-2', '2026-11-03T21:40:00Z');
    const submission = accepted(signSubmission(sampleSubmission('n-2'), made.unitKey));
    await op.republish(site, (entries) => [...entries, ...made.entries, submission]);
    const report = await verify(site);
    expect(report.problems).toEqual([]);
    expect(report.submissionsCounted).toBe(5);
  });

  it('leaves the published site as it was: every change was made to a copy', () => {
    expect(op.untouched()).toBe(true);
  });
});
