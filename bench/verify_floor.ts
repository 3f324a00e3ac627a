// The floor under `tally verify`: what no verifier of a published election can skip, measured
// on the same machine in the same run as the verifier. SHA-256 of every file the site publishes
// (pages, feeds, group files, assets, their precompressed .br and .gz copies, which the verifier
// decodes and checks, the manifest, current.json and the log's tiles), read from disk, and one
// Ed25519 verification per signed submission in the log, on one worker thread per core, with
// node:crypto. What the floor is given is worked out before the clock starts: the files' paths
// and each submission's signed bytes, signature and key.
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { submissionCanonical } from '../src/core/admission.js';
import { decodeLogEntry, SUBMISSION_CONTEXT } from '../src/core/log_entry.js';
import { keyRef } from '../src/log/envelope.js';
import { parseVerifierKey } from '../src/log/note.js';
import { nowMs } from './stats.js';

/** One worker's share: files to hash, and a range of the signatures to verify. */
interface FloorShare {
  readonly files: readonly string[];
  readonly signatures: SignatureJobs;
  readonly from: number;
  readonly to: number;
}

/** Every submission's signature check, in shared buffers every worker reads. */
interface SignatureJobs {
  /** The signed messages, one after another; message i is [offsets[i], offsets[i + 1]). */
  readonly messages: SharedArrayBuffer;
  readonly offsets: SharedArrayBuffer;
  /** 64 bytes each. */
  readonly signatures: SharedArrayBuffer;
  /** Per message, the index of its key in `keys`. */
  readonly keyOf: SharedArrayBuffer;
  /** Raw Ed25519 public keys, base64url (a JWK's x). */
  readonly keys: readonly string[];
  readonly count: number;
}

interface ShareDone {
  readonly bytes: number;
  readonly files: number;
  readonly verified: number;
  readonly failed: number;
}

export interface Floor {
  readonly seconds: number;
  readonly threads: number;
  readonly files: number;
  /** Of them, precompressed copies (.br, .gz). */
  readonly compressedCopies: number;
  readonly bytes: number;
  readonly signatures: number;
  /** Signatures that did not verify: 0, or the floor measured the wrong thing. */
  readonly failed: number;
}

/**
 * Measures the floor for the site in `dir` whose log holds `entries`, skipping files named in
 * `skip` (the benchmark's own, not the site's).
 */
export async function measureFloor(
  dir: string,
  entries: readonly Uint8Array[],
  skip: ReadonlySet<string> = new Set(),
  threads = availableParallelism(),
): Promise<Floor> {
  const files = listFiles(dir).filter((f) => !skip.has(f.path));
  const signatures = signatureJobs(entries);
  // Files to the least loaded worker, largest first; signatures in equal ranges.
  const shares = Array.from({ length: threads }, () => ({ files: [] as string[], bytes: 0 }));
  for (const f of [...files].sort((a, b) => b.size - a.size)) {
    const least = shares.reduce((a, b) => (b.bytes < a.bytes ? b : a));
    least.files.push(join(dir, f.path));
    least.bytes += f.size;
  }
  const per = Math.ceil(signatures.count / threads);
  const workers = shares.map(
    (share, i) =>
      new Worker(new URL(import.meta.url), {
        workerData: {
          files: share.files,
          signatures,
          from: Math.min(signatures.count, i * per),
          to: Math.min(signatures.count, (i + 1) * per),
        } satisfies FloorShare,
      }),
  );
  try {
    // Each worker says it is ready (its keys made) before the clock starts.
    await Promise.all(workers.map((w) => nextMessage(w)));
    const started = nowMs();
    const done = await Promise.all(
      workers.map((w) => {
        const answer = nextMessage(w) as Promise<ShareDone>;
        w.postMessage('go');
        return answer;
      }),
    );
    const seconds = (nowMs() - started) / 1000;
    return {
      seconds,
      threads,
      files: files.length,
      compressedCopies: files.filter((f) => /\.(br|gz)$/.test(f.path)).length,
      bytes: done.reduce((n, d) => n + d.bytes, 0),
      signatures: done.reduce((n, d) => n + d.verified, 0),
      failed: done.reduce((n, d) => n + d.failed, 0),
    };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

function nextMessage(worker: Worker): Promise<unknown> {
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

function listFiles(dir: string, under = ''): { path: string; size: number }[] {
  return readdirSync(join(dir, under), { withFileTypes: true }).flatMap((d) => {
    const path = under === '' ? d.name : `${under}/${d.name}`;
    if (d.isDirectory()) return listFiles(dir, path);
    return [{ path, size: statSync(join(dir, path)).size }];
  });
}

/** Every submission entry's signed message, signature and certified key, packed to share. */
function signatureJobs(entries: readonly Uint8Array[]): SignatureJobs {
  const keys = new Map<string, { index: number; x: string }>();
  const messages: Uint8Array[] = [];
  const signatures: Uint8Array[] = [];
  const keyOf: number[] = [];
  const encoder = new TextEncoder();
  for (const bytes of entries) {
    const e = decodeLogEntry(bytes);
    if (!e.ok) continue;
    const entry = e.value;
    if (entry.type === 'roster' && entry.statement.action === 'certify') {
      const key = parseVerifierKey(entry.statement.key);
      if (key.ok && !keys.has(keyRef(key.value))) {
        const x = Buffer.from(key.value.publicKey).toString('base64url');
        keys.set(keyRef(key.value), { index: keys.size, x });
      }
    } else if (entry.type === 'submission') {
      const key = keys.get(entry.signed.signer);
      if (key === undefined) continue;
      messages.push(encoder.encode(`${SUBMISSION_CONTEXT}\n${submissionCanonical(entry.signed)}`));
      signatures.push(Buffer.from(entry.signed.signature, 'base64'));
      keyOf.push(key.index);
    }
  }
  const total = messages.reduce((n, m) => n + m.byteLength, 0);
  const shared = {
    messages: new SharedArrayBuffer(total),
    offsets: new SharedArrayBuffer((messages.length + 1) * 8),
    signatures: new SharedArrayBuffer(messages.length * 64),
    keyOf: new SharedArrayBuffer(messages.length * 4),
  };
  const at = new Float64Array(shared.offsets);
  const view = new Uint8Array(shared.messages);
  const sigs = new Uint8Array(shared.signatures);
  let offset = 0;
  messages.forEach((m, i) => {
    at[i] = offset;
    view.set(m, offset);
    offset += m.byteLength;
    sigs.set(signatures[i] ?? new Uint8Array(64), i * 64);
  });
  at[messages.length] = offset;
  new Uint32Array(shared.keyOf).set(keyOf);
  const keyList: string[] = [];
  for (const { index, x } of keys.values()) keyList[index] = x;
  return { ...shared, keys: keyList, count: messages.length };
}

/** A floor worker: makes its keys, says it is ready, and on 'go' does its share. */
function runShare(share: FloorShare, port: NonNullable<typeof parentPort>): void {
  const { signatures: jobs } = share;
  const keys: KeyObject[] = jobs.keys.map((x) =>
    createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' }),
  );
  const offsets = new Float64Array(jobs.offsets);
  const keyOf = new Uint32Array(jobs.keyOf);
  port.postMessage('ready');
  port.once('message', () => {
    let bytes = 0;
    for (const file of share.files) {
      const content = readFileSync(file);
      createHash('sha256').update(content).digest();
      bytes += content.byteLength;
    }
    let verified = 0;
    let failed = 0;
    for (let i = share.from; i < share.to; i++) {
      const start = offsets[i] ?? 0;
      // Copied out of shared memory, as the verifier's workers copy each entry.
      const message = new Uint8Array(
        jobs.messages,
        start,
        (offsets[i + 1] ?? start) - start,
      ).slice();
      const signature = new Uint8Array(jobs.signatures, i * 64, 64).slice();
      const key = keys[keyOf[i] ?? 0];
      if (key !== undefined && verify(null, message, key, signature)) verified++;
      else failed++;
    }
    port.postMessage({ bytes, files: share.files.length, verified, failed } satisfies ShareDone);
  });
}

if (!isMainThread && parentPort !== null) runShare(workerData as FloorShare, parentPort);
