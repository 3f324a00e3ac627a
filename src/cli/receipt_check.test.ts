// A sender's check of its receipt against the published log: an accepted submission, a correct
// rejection, a valid submission the operator logged as a rejection that keeps only its digest
// (and re-signed the checkpoint: the verifier cannot see it, the sender can), and bytes that are
// not the entry's.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOG_ENTRY_FORMAT, encodeLogEntry } from '../core/log_entry.js';
import { sha256Hex } from '../core/sha256.js';
import type { Submission } from '../core/submission.js';
import { sampleElection, sampleSubmission } from '../core/testonly/fixtures.js';
import { ElectionIngest } from '../ingest/ingest.js';
import { receiptOf, type Receipt } from '../ingest/receipt.js';
import { importWithKeys } from '../ingest/testonly/sample_store.js';
import { signSubmission } from '../ingest/submit_client.js';
import { asHash, hashesEqual } from '../log/hash.js';
import { decodeBase64, encodeBase64 } from '../log/encoding.js';
import { Log } from '../log/log.js';
import { MemoryLogStorage } from '../log/memory_storage.js';
import { encodeVerifierKey, type Signer } from '../log/note.js';
import { rootFromInclusionProof } from '../log/proof.js';
import { openCheckpoint } from '../log/checkpoint.js';
import { CHECKPOINT_PATH, tiledLogFiles } from '../log/tiled_log.js';
import { testSigner } from '../log/testonly/signers.js';
import { storeKinds, type TestStore } from '../store/testonly/stores.js';
import { readEntries } from '../verify/log_check.js';
import { replayLog } from '../verify/replay.js';
import { inProcessWorkers, type ReadPublished, type VerifyProblem } from '../verify/verify.js';
import { runCli, type CliIo } from './program.js';
import { checkReceipt, type ReceiptReport } from './receipt_check.js';

const authority = testSigner('authority.sample');
const logKey = testSigner('tally.test');
const keys = { n1: testSigner('n-1.app'), s1: testSigner('s-1.app') };
const election = sampleElection([encodeVerifierKey(authority)]);
const encoder = new TextEncoder();

const body = (s: Submission, key: Signer): Uint8Array =>
  encoder.encode(JSON.stringify(signSubmission(s, key)));

/** n-1's honest amendment: new numbers, a reason, the next sequence number. */
const amendment = sampleSubmission('n-1', {
  sequence: 2,
  amendment: { reason: 'recount' },
  contests: sampleSubmission('n-1').contests.map((c) =>
    c.contest === 'governor' ? { ...c, counts: { ada: 250, alan: 230, 'write-in': 5 } } : c,
  ),
});

/** A log of these entries published as a site: its tiles and bundles, and a signed checkpoint. */
async function publish(entries: readonly Uint8Array[]): Promise<Map<string, Uint8Array>> {
  const log = await Log.open(new MemoryLogStorage());
  const appended = await log.append(entries);
  if (!appended.ok) throw new Error(appended.error.message);
  const files = new Map<string, Uint8Array>();
  for await (const f of tiledLogFiles(log)) files.set(`log/${f.path}`, f.bytes);
  const note = log.checkpoint('tally.test/sample-2026', [logKey]);
  if (!note.ok) throw new Error(note.error.message);
  files.set(`log/${CHECKPOINT_PATH}`, encoder.encode(note.value));
  return files;
}

/** The entries of a published log, from its bundles. */
async function logOf(files: ReadonlyMap<string, Uint8Array>): Promise<Uint8Array[]> {
  const checkpoint = openCheckpoint(files.get(`log/${CHECKPOINT_PATH}`) ?? '', [logKey]);
  if (!checkpoint.ok) throw new Error(checkpoint.error.message);
  const entries = await readEntries(
    (path) => Promise.resolve(files.get(`log/${path}`)),
    checkpoint.value.size,
  );
  if (!entries.ok) throw new Error(entries.problem.message);
  return entries.value;
}

const reader =
  (files: ReadonlyMap<string, Uint8Array>): ReadPublished =>
  (path) =>
    Promise.resolve(files.get(path));

describe('tally receipt check', () => {
  let t: TestStore;
  let site: Map<string, Uint8Array>;
  /** The same log, with a forged rejection appended and its checkpoint re-signed. */
  let forgedSite: Map<string, Uint8Array>;
  let forgedEntries: Uint8Array[];
  const sent = {
    accepted: body(sampleSubmission('n-1'), keys.n1),
    // Numbers changed after signing: the signature does not verify.
    badSignature: encoder.encode(
      JSON.stringify({
        ...signSubmission(sampleSubmission('s-1'), keys.s1),
        submission: { ...sampleSubmission('s-1'), ballotsCast: 499 },
      }),
    ),
    // A second submission from n-1's key that does not say why: rightly rejected.
    noReason: body(sampleSubmission('n-1', { sequence: 2 }), keys.n1),
    amendment: body(amendment, keys.n1),
  };
  const receipts: Record<'accepted' | 'badSignature' | 'noReason' | 'amendment', Receipt> =
    {} as never;

  beforeAll(async () => {
    const sqlite = storeKinds.find((k) => k.name === 'sqlite');
    if (sqlite === undefined) throw new Error('no sqlite');
    t = await sqlite.create();
    const stored = await importWithKeys(t.store, election, authority, [
      ['n-1', keys.n1],
      ['s-1', keys.s1],
    ]);
    const ingest = new ElectionIngest(t.store, election, stored.ledger, {
      now: () => new Date('2026-11-03T21:00:00Z'),
    });
    receipts.accepted = (await ingest.submit(sent.accepted)).receipt;
    receipts.badSignature = (await ingest.submit(sent.badSignature)).receipt;
    receipts.noReason = (await ingest.submit(sent.noReason)).receipt;
    const log = stored.ledger.log;
    const entries = await log.entries(0n, Number(log.size));
    if (!entries.ok) throw new Error(entries.error.message);
    site = await publish(entries.value);

    // The operator, holding every server key, logs n-1's honest amendment as a rejection that
    // keeps only its digest, answers its sender with the receipt of that entry, and re-signs.
    const forged = encodeLogEntry({
      format: LOG_ENTRY_FORMAT,
      type: 'rejection',
      election: 'sample-2026',
      receivedAt: '2026-11-03T21:05:00Z',
      bodySha256: sha256Hex(sent.amendment),
      bodyBytes: sent.amendment.length,
      error: {
        code: 'bad_signature',
        message: `the signature does not verify with key ${keys.n1.name}`,
      },
    });
    forgedEntries = [...entries.value, forged];
    forgedSite = await publish(forgedEntries);
    receipts.amendment = receiptOf('sample-2026', forgedEntries.length - 1, forged);
  }, 60_000);

  afterAll(async () => {
    await t.dispose();
  });

  const check = async (
    files: ReadonlyMap<string, Uint8Array>,
    bytes: Uint8Array,
    receipt: unknown,
  ): Promise<ReceiptReport> => {
    const checked = await checkReceipt(reader(files), bytes, JSON.stringify(receipt), {
      logKeys: [logKey],
      workers: inProcessWorkers(2),
    });
    if (!checked.ok) throw new Error(checked.error.message);
    return checked.value;
  };
  const codes = (report: ReceiptReport): string[] => report.problems.map((p) => p.code);

  it('confirms an accepted submission: in the log, the bytes sent, decided as the rules decide', async () => {
    expect(receipts.accepted.status).toBe('accepted');
    const report = await check(site, sent.accepted, { receipt: receipts.accepted });
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({
      ok: true,
      election: 'sample-2026',
      entry: receipts.accepted.leafIndex,
      recorded: { status: 'accepted', kind: 'original', holdsSubmission: true },
      rules: 'accepted (original)',
    });
    // The proof leads from the entry's leaf hash to the root the log's key signed.
    const checkpoint = openCheckpoint(site.get(`log/${CHECKPOINT_PATH}`) ?? '', [logKey]);
    if (!checkpoint.ok) throw new Error(checkpoint.error.message);
    expect(report.logSize).toBe(Number(checkpoint.value.size));
    const root = rootFromInclusionProof(
      asHash(decodeBase64(receipts.accepted.leafHash) ?? new Uint8Array()) ?? fail(),
      BigInt(report.entry),
      checkpoint.value.size,
      report.inclusionProof.map((h) => decodeBase64(h) ?? fail()),
    );
    expect(root.ok && hashesEqual(root.value, checkpoint.value.root)).toBe(true);
  });

  it('confirms correct rejections: one that keeps only the digest, one that keeps the submission', async () => {
    const digestOnly = await check(site, sent.badSignature, {
      error: { code: 'bad_signature', message: '', details: { receipt: receipts.badSignature } },
    });
    expect(digestOnly.problems).toEqual([]);
    expect(digestOnly).toMatchObject({
      ok: true,
      recorded: { status: 'rejected', holdsSubmission: false, error: { code: 'bad_signature' } },
      rules: 'rejected (bad_signature)',
    });
    const withSubmission = await check(site, sent.noReason, receipts.noReason);
    expect(withSubmission.problems).toEqual([]);
    expect(withSubmission).toMatchObject({
      recorded: { status: 'rejected', holdsSubmission: true },
      rules: 'rejected (amendment_without_reason)',
    });
  });

  it('names a valid submission the operator logged as a digest-only rejection, which the verifier cannot see', async () => {
    // The published log replays clean: a digest says nothing of what it was a digest of.
    const seen: VerifyProblem[] = [];
    await replayLog(forgedEntries, inProcessWorkers(2), seen);
    expect(seen).toEqual([]);
    const report = await check(forgedSite, sent.amendment, receipts.amendment);
    expect(report.ok).toBe(false);
    expect(codes(report)).toEqual(['submission_withheld', 'wrongly_rejected']);
    expect(report.problems.every((p) => p.entry === receipts.amendment.leafIndex)).toBe(true);
    expect(report.rules).toBe('accepted (amendment)');
    expect(report.recorded).toMatchObject({ status: 'rejected', holdsSubmission: false });
    expect(report.earlierProblems).toEqual([]);
  });

  it('holds the log to the checkpoint and proof a receipt came with: a history rewritten after is named', async () => {
    // The receipt as GET /v1/elections/<id>/receipts/<leaf> answers it: with a signed
    // checkpoint and the entry's inclusion proof in it.
    const log = await logOf(site);
    const honest = await Log.open(new MemoryLogStorage());
    await honest.append(log);
    const proof = await honest.inclusionProof(BigInt(receipts.accepted.leafIndex));
    if (!proof.ok) throw new Error(proof.error.message);
    const proven = {
      receipt: receipts.accepted,
      checkpoint: new TextDecoder().decode(site.get(`log/${CHECKPOINT_PATH}`)),
      treeSize: log.length,
      inclusionProof: proof.value.map(encodeBase64),
    };
    expect((await check(site, sent.accepted, proven)).problems).toEqual([]);
    // A proof that does not lead to the checkpoint is no proof.
    const wrongProof = { ...proven, inclusionProof: [...proven.inclusionProof].reverse() };
    expect(codes(await check(site, sent.accepted, wrongProof))).toEqual(['receipt_proof']);

    // Later the operator turns the accepted submission into a rejection and re-signs the log.
    const rewritten = log.map((bytes, i) =>
      i === receipts.accepted.leafIndex
        ? encodeLogEntry({
            format: LOG_ENTRY_FORMAT,
            type: 'rejection',
            election: 'sample-2026',
            receivedAt: receipts.accepted.receivedAt,
            bodySha256: sha256Hex(sent.accepted),
            bodyBytes: sent.accepted.length,
            error: { code: 'bad_signature', message: 'the signature does not verify' },
          })
        : bytes,
    );
    const report = await check(await publish(rewritten), sent.accepted, proven);
    expect(codes(report)).toEqual(
      expect.arrayContaining(['log_rewritten', 'receipt_contradicted', 'wrongly_rejected']),
    );
    expect(report.problems.find((p) => p.code === 'log_rewritten')?.file).toBe('receipt');
  });

  it('names bytes that are not the entry’s, and a receipt that says other than the log', async () => {
    expect(codes(await check(site, sent.badSignature, receipts.accepted))).toEqual([
      'entry_mismatch',
    ]);
    expect(codes(await check(site, sent.accepted, receipts.badSignature))).toEqual([
      'entry_mismatch',
    ]);
    // One byte more than was sent is another body: its digest is not the entry's.
    const padded = new Uint8Array([...sent.noReason, 0x20]);
    expect(codes(await check(site, padded, receipts.noReason))).toEqual(['entry_mismatch']);
    const claimed = { ...receipts.badSignature, status: 'accepted', kind: 'original' };
    delete (claimed as { error?: unknown }).error;
    const report = await check(site, sent.badSignature, claimed);
    expect(codes(report)).toEqual(['receipt_contradicted']);
    expect(report.problems[0]).toMatchObject({
      expected: 'rejected (bad_signature)',
      found: 'accepted (original)',
    });
  });

  it('refuses what is not a receipt, another election’s, and an entry beyond the log', async () => {
    const run = (receipt: string) =>
      checkReceipt(reader(site), sent.accepted, receipt, { logKeys: [logKey] });
    expect(await run('{"receipt":')).toMatchObject({
      ok: false,
      error: { code: 'malformed_receipt', message: 'the receipt is not JSON' },
    });
    expect(await run('{"leafIndex":"three"}')).toMatchObject({
      ok: false,
      error: { code: 'malformed_receipt' },
    });
    expect(
      await run(JSON.stringify({ ...receipts.accepted, election: 'other-2026' })),
    ).toMatchObject({ ok: false, error: { code: 'wrong_election' } });
    const beyond = await run(JSON.stringify({ ...receipts.accepted, leafIndex: 1000 }));
    expect(beyond).toMatchObject({ ok: false, error: { code: 'beyond_log' } });
    expect(beyond.ok ? '' : beyond.error.message).toMatch(/entry 1000, but the published log/);
  });

  it('prints its verdict on the command line, exits 1 on a wrongful rejection and 2 on bad input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-receipt-'));
    try {
      const write = (name: string, bytes: Uint8Array | string): string => {
        const file = join(dir, ...name.split('/'));
        mkdirSync(join(file, '..'), { recursive: true });
        writeFileSync(file, bytes);
        return file;
      };
      for (const [path, bytes] of site) write(`site/${path}`, bytes);
      for (const [path, bytes] of forgedSite) write(`forged/${path}`, bytes);
      const submission = write('accepted.json', sent.accepted);
      const receipt = write('accepted-receipt.json', JSON.stringify(receipts.accepted));
      const forgedSubmission = write('amendment.json', sent.amendment);
      const forgedReceipt = write('amendment-receipt.json', JSON.stringify(receipts.amendment));
      const key = encodeVerifierKey(logKey);
      let out = '';
      let errors = '';
      const io: CliIo = { out: (s) => (out += s), err: (s) => (errors += s) };
      const run = (...args: string[]): Promise<number> =>
        runCli(['receipt', 'check', ...args, '--log-key', key], io);

      expect(await run(submission, receipt, join(dir, 'site'))).toBe(0);
      expect(out).toMatch(/^RECEIPT CONFIRMED: entry \d+ of election sample-2026/);
      expect(out).toContain('recorded as accepted (original); the entry holds the submission');

      out = '';
      expect(await run(forgedSubmission, forgedReceipt, join(dir, 'forged'))).toBe(1);
      expect(out).toMatch(/^RECEIPT NOT CONFIRMED: 2 problem\(s\)/);
      expect(out).toContain('the entry keeps only the digest of the bytes sent');
      expect(out).toContain('make it accepted (amendment)');
      expect(out).toMatch(/- \[wrongly_rejected\] entry \d+: a valid submission for n-1/);

      out = '';
      expect(await run(forgedSubmission, forgedReceipt, join(dir, 'forged'), '--json')).toBe(1);
      const json = JSON.parse(out) as ReceiptReport;
      expect(json.problems.map((p) => p.code)).toEqual(['submission_withheld', 'wrongly_rejected']);

      out = '';
      expect(await run(submission, submission, join(dir, 'site'))).toBe(2);
      expect(errors).toMatch(/tally: malformed_receipt: not a receipt/);
      out = '';
      expect(await run(submission, submission, join(dir, 'site'), '--json')).toBe(2);
      expect(JSON.parse(out)).toMatchObject({ error: { code: 'malformed_receipt' } });
      expect(await run(join(dir, 'absent.json'), receipt, join(dir, 'site'))).toBe(2);
      expect(errors).toMatch(/cannot read the submission/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function fail(): never {
  throw new Error('not base64');
}
