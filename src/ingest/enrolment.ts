// Keys and enrolment on the server: with an enrolment key the election authority delegated the
// roster to (tally keys delegate), staff certify and revoke unit keys without the authority's
// own key, which stays offline; and a reporting device registers the key it made itself with a
// one-time code staff gave it. Every change is a roster statement in the log, signed by the
// enrolment key and naming the delegation, which the verifier holds it to.
import { randomBytes } from 'node:crypto';
import type { Election } from '../core/election.js';
import { err, ok, problem, type Problem, type Result } from '../core/result.js';
import { sha256Hex } from '../core/sha256.js';
import type { Signer } from '../log/note.js';
import { EnrolmentCodes } from '../store/enrolment_codes.js';
import type { Ledger } from '../store/ledger.js';
import type { Store } from '../store/store.js';
import {
  changeRosterAsDelegate,
  type RosterChange,
  type RosterChangeRequest,
  type RosterProblem,
} from './roster.js';

/** How long an enrolment code is good for. */
export const ENROLMENT_CODE_TTL_MS = 24 * 60 * 60_000;

export type EnrolmentProblem =
  RosterProblem | Problem<'no_enrolment_key' | 'unknown_unit' | 'invalid_code'>;

/** A one-time code for a unit's device, shown once. */
export interface EnrolmentCode {
  /** Twelve letters and digits in three groups: 60 random bits. */
  readonly code: string;
  readonly unit: string;
  readonly expiresAt: string;
}

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A new code: 12 characters of a 32-letter alphabet without look-alikes (0/O, 1/I). */
function newCode(): string {
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => ALPHABET[b % 32] ?? 'A').join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/** A code as typed: upper case, without spaces or dashes. */
const codeHash = (code: string): string => sha256Hex(code.toUpperCase().replaceAll(/[\s-]/g, ''));

export class Enrolment {
  constructor(
    private readonly store: Store,
    private readonly election: Election,
    private readonly ledger: Ledger,
    /** The server's enrolment key; none, and every change says how to give it one. */
    private readonly enrolmentKey: Signer | undefined,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private get codes(): EnrolmentCodes {
    return new EnrolmentCodes(this.store.db, this.election.definition.id);
  }

  /** Certifies or revokes a unit key with the enrolment key, on the word of staff member `by`. */
  async change(
    request: RosterChangeRequest & { readonly by: string },
  ): Promise<Result<RosterChange, EnrolmentProblem>> {
    if (this.enrolmentKey === undefined) return err(noEnrolmentKey());
    const changed = await changeRosterAsDelegate(
      this.ledger,
      this.election,
      this.enrolmentKey,
      [request],
      this.now(),
    );
    return changed.ok ? ok(changed.value[0] as RosterChange) : changed;
  }

  /** A new one-time code for a device of `unit`, made by staff member `by`. */
  async issueCode(unit: string, by: string): Promise<Result<EnrolmentCode, EnrolmentProblem>> {
    if (this.enrolmentKey === undefined) return err(noEnrolmentKey());
    if (!this.election.units.has(unit))
      return err(problem('unknown_unit', `unknown unit "${unit}"`));
    const code = newCode();
    const now = this.now();
    const expiresAt = new Date(now.getTime() + ENROLMENT_CODE_TTL_MS).toISOString();
    await this.codes.add({
      hash: codeHash(code),
      unit,
      createdBy: by,
      createdAt: now.toISOString(),
      expiresAt,
    });
    return ok({ code, unit, expiresAt });
  }

  /**
   * A device's enrolment: the code (good once, until it expires) and the key it made. Certifies
   * the key for the code's unit; a key the roster refuses gives the code back.
   */
  async enrol(code: string, key: string): Promise<Result<RosterChange, EnrolmentProblem>> {
    if (this.enrolmentKey === undefined) return err(noEnrolmentKey());
    const hash = codeHash(code);
    const taken = await this.codes.take(hash, this.now().toISOString());
    if (taken === undefined) {
      return err(
        problem(
          'invalid_code',
          'the enrolment code is not one this election issued, was used already, or has expired: ask the election office for a new one',
        ),
      );
    }
    // On the word of the staff member who made the code.
    const changed = await this.change({
      action: 'certify',
      unit: taken.unit,
      key,
      by: taken.createdBy,
    });
    if (!changed.ok) {
      await this.codes.giveBack(hash);
      return changed;
    }
    await this.codes.enrolled(hash, changed.value.ref);
    return changed;
  }
}

const noEnrolmentKey = () =>
  problem(
    'no_enrolment_key',
    'this server has no enrolment key: the election authority delegates the roster to one (tally keys delegate), and tally serve takes it with --enrolment-key-file',
  );
