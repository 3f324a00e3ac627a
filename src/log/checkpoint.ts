// C2SP tlog-checkpoint: the signed statement of a log's origin, size and root hash.
import { err, ok, problem, type Problem, type Result } from '../core/result.js';
import { asHash, type Hash } from './hash.js';
import { decodeBase64, encodeBase64, parseDecimal } from './encoding.js';
import { openNote, signNote, type NoteProblem, type Signer, type Verifier } from './note.js';

export interface Checkpoint {
  readonly origin: string;
  readonly size: bigint;
  readonly root: Hash;
  /** Optional extension lines, in order, without their newlines. */
  readonly extensions: readonly string[];
}

export type CheckpointProblem = Problem<'malformed_checkpoint'> | NoteProblem;

export function formatCheckpoint(checkpoint: Checkpoint): string {
  const lines = [
    checkpoint.origin,
    checkpoint.size.toString(),
    encodeBase64(checkpoint.root),
    ...checkpoint.extensions,
  ];
  return `${lines.join('\n')}\n`;
}

export function parseCheckpoint(text: string): Result<Checkpoint, CheckpointProblem> {
  const malformed = (why: string): Result<never, CheckpointProblem> =>
    err(problem('malformed_checkpoint', `malformed checkpoint: ${why}`));
  if (!text.endsWith('\n')) return malformed('missing final newline');
  const [origin, sizeText, rootText, ...extensions] = text.slice(0, -1).split('\n');
  if (origin === undefined || origin === '') return malformed('empty origin line');
  if (sizeText === undefined) return malformed('missing tree size');
  const size = parseDecimal(sizeText);
  if (size === undefined || size >= 1n << 64n) return malformed(`bad tree size "${sizeText}"`);
  const rootBytes = rootText === undefined ? undefined : decodeBase64(rootText);
  const root = rootBytes === undefined ? undefined : asHash(rootBytes);
  if (root === undefined) return malformed('root hash is not 32 bytes of base64');
  if (extensions.some((line) => line === '')) return malformed('empty extension line');
  return ok({ origin, size, root, extensions });
}

export function signCheckpoint(
  checkpoint: Checkpoint,
  signers: readonly Signer[],
): Result<string, CheckpointProblem> {
  return signNote(formatCheckpoint(checkpoint), signers);
}

/**
 * Opens a signed checkpoint: its signature by one of the given keys must verify, and its origin
 * must be the one expected, when one is.
 */
export function openCheckpoint(
  note: Uint8Array | string,
  verifiers: readonly Verifier[],
  expectedOrigin?: string,
): Result<Checkpoint, CheckpointProblem> {
  const opened = openNote(note, verifiers);
  if (!opened.ok) return opened;
  const parsed = parseCheckpoint(opened.value.text);
  if (!parsed.ok) return parsed;
  if (expectedOrigin !== undefined && parsed.value.origin !== expectedOrigin) {
    return err(
      problem(
        'malformed_checkpoint',
        `checkpoint origin is "${parsed.value.origin}", expected "${expectedOrigin}"`,
      ),
    );
  }
  return ok(parsed.value);
}
