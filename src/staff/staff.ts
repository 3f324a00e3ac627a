// Staff accounts, sign-in and sessions, over the store. Sign-in takes a name, a password and a
// second factor (a TOTP code, good once, or a one-time recovery code) and answers the same
// sentence for every failure, whatever failed, so that nobody learns which names exist. Five
// failures in a row lock an account for fifteen minutes. A session is a random token in an
// HttpOnly cookie (only its hash is stored), with a CSRF token for every request that changes
// something; it ends after 30 idle minutes, and 12 hours after sign-in in any case.
import { StaffName } from '../core/log_entry.js';
import { err, ok, problem, type Problem, type Result } from '../core/result.js';
import type { Store } from '../store/store.js';
import {
  checkPassword,
  hashPassword,
  isRole,
  newPassword,
  newRecoveryCodes,
  newToken,
  newTotpSecret,
  recoveryCodeHash,
  tokenHash,
  totpStep,
  type Role,
} from './credentials.js';

export const MAX_FAILURES = 5;
export const LOCKOUT_MS = 15 * 60_000;
export const IDLE_TIMEOUT_MS = 30 * 60_000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60_000;

/** Whether `name` is a staff name: what reviews name in the log. */
const isStaffName = (name: string): boolean => StaffName.safeParse(name).success;

export interface StaffMember {
  readonly name: string;
  readonly role: Role;
}

export interface Session extends StaffMember {
  /** Sent back in the x-csrf-token header with every request that changes something. */
  readonly csrfToken: string;
}

/** What a new account is given, shown once to the one who made it. */
export interface NewAccount extends StaffMember {
  readonly password: string;
  readonly totpSecret: string;
  readonly totpUri: string;
  readonly recoveryCodes: readonly string[];
}

export type SignInFailure = Problem<'sign_in_failed'>;

const SIGN_IN_FAILED = problem(
  'sign_in_failed',
  'the name, password or code is not right, or the account is locked for a while after too many tries',
);

export class StaffAccounts {
  constructor(private readonly store: Store) {}

  /** Adds a staff member with a new password, TOTP secret and recovery codes. */
  async add(
    name: string,
    role: string,
    now: Date,
  ): Promise<Result<NewAccount, Problem<'invalid_staff' | 'staff_exists'>>> {
    if (!isStaffName(name)) {
      return err(
        problem(
          'invalid_staff',
          `"${name}" is no staff name: 1 to 64 lowercase letters, digits, ".", "_" or "-", starting with a letter or digit`,
        ),
      );
    }
    if (!isRole(role))
      return err(
        problem(
          'invalid_staff',
          `"${role}" is no role: admin, reviewer, desk, auditor or observer`,
        ),
      );
    const password = newPassword();
    const { secret, uri } = newTotpSecret(name);
    const recoveryCodes = newRecoveryCodes();
    const passwordHash = await hashPassword(password);
    const added = await this.store.db.transaction().execute(async (tx) => {
      const known = await tx
        .selectFrom('staff')
        .select('name')
        .where('name', '=', name)
        .executeTakeFirst();
      if (known !== undefined) return false;
      await tx
        .insertInto('staff')
        .values({
          name,
          role,
          password_hash: passwordHash,
          totp_secret: secret,
          locked_until: null,
          created_at: now.toISOString(),
        })
        .execute();
      await tx
        .insertInto('staff_recovery_codes')
        .values(recoveryCodes.map((c) => ({ name, code_hash: recoveryCodeHash(c), used_at: null })))
        .execute();
      return true;
    });
    if (!added) return err(problem('staff_exists', `a staff member is already named "${name}"`));
    return ok({ name, role, password, totpSecret: secret, totpUri: uri, recoveryCodes });
  }

  /** Signs in: a new session (its cookie token, and the session) or the one failure. */
  async signIn(
    credentials: { readonly name: string; readonly password: string; readonly code: string },
    now: Date,
  ): Promise<Result<{ token: string; session: Session }, SignInFailure>> {
    const { name, password, code } = credentials;
    const row = isStaffName(name)
      ? await this.store.db
          .selectFrom('staff')
          .selectAll()
          .where('name', '=', name)
          .executeTakeFirst()
      : undefined;
    // The password is checked whatever else is wrong, so that every failure takes as long.
    const passwordOk = await checkPassword(password, row?.password_hash);
    const locked = row?.locked_until != null && Date.parse(row.locked_until) > now.getTime();
    const secondFactor =
      row !== undefined &&
      isRole(row.role) &&
      !locked &&
      passwordOk &&
      (await this.useSecondFactor(row.name, row.totp_secret, code, now));
    if (row === undefined || !isRole(row.role) || !secondFactor) {
      // Counted for an unknown name too (where it changes nothing), so that a failure costs
      // the same whichever name it gives.
      await this.failed(name, now);
      return err(SIGN_IN_FAILED);
    }
    await this.store.db
      .updateTable('staff')
      .set({ failures: 0, locked_until: null })
      .where('name', '=', row.name)
      .execute();
    // Always a new token: a session is never one somebody else chose (session fixation).
    const token = newToken();
    const csrfToken = newToken();
    const at = now.toISOString();
    await this.store.db
      .insertInto('staff_sessions')
      .values({
        token_hash: tokenHash(token),
        name: row.name,
        csrf_token: csrfToken,
        created_at: at,
        seen_at: at,
      })
      .execute();
    return ok({ token, session: { name: row.name, role: row.role, csrfToken } });
  }

  /** The session a cookie's token opens, if it is current; it is then seen at `now`. */
  async session(token: string | undefined, now: Date): Promise<Session | undefined> {
    if (token === undefined || token === '') return undefined;
    const hash = tokenHash(token);
    const row = await this.store.db
      .selectFrom('staff_sessions')
      .innerJoin('staff', 'staff.name', 'staff_sessions.name')
      .select([
        'staff_sessions.name',
        'staff.role',
        'staff_sessions.csrf_token',
        'staff_sessions.created_at',
        'staff_sessions.seen_at',
      ])
      .where('staff_sessions.token_hash', '=', hash)
      .executeTakeFirst();
    if (row === undefined || !isRole(row.role)) return undefined;
    const t = now.getTime();
    if (
      t - Date.parse(row.seen_at) > IDLE_TIMEOUT_MS ||
      t - Date.parse(row.created_at) > ABSOLUTE_TIMEOUT_MS
    ) {
      await this.signOut(token);
      return undefined;
    }
    await this.store.db
      .updateTable('staff_sessions')
      .set({ seen_at: now.toISOString() })
      .where('token_hash', '=', hash)
      .execute();
    return { name: row.name, role: row.role, csrfToken: row.csrf_token };
  }

  async signOut(token: string): Promise<void> {
    await this.store.db
      .deleteFrom('staff_sessions')
      .where('token_hash', '=', tokenHash(token))
      .execute();
  }

  /**
   * Whether `code` is the account's TOTP code, not used before (each time step once: the step is
   * moved on in the same statement that checks it), or one of its unused recovery codes.
   */
  private async useSecondFactor(
    name: string,
    secret: string,
    code: string,
    now: Date,
  ): Promise<boolean> {
    const step = totpStep(secret, code.trim(), now);
    if (step !== undefined) {
      const moved = await this.store.db
        .updateTable('staff')
        .set({ totp_step: step })
        .where('name', '=', name)
        .where('totp_step', '<', step)
        .executeTakeFirst();
      return moved.numUpdatedRows > 0n;
    }
    const used = await this.store.db
      .updateTable('staff_recovery_codes')
      .set({ used_at: now.toISOString() })
      .where('name', '=', name)
      .where('code_hash', '=', recoveryCodeHash(code))
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return used.numUpdatedRows > 0n;
  }

  /**
   * One more failure; the fifth in a row locks the account for a while. Each step is one
   * statement, so that failures at once are all counted.
   */
  private async failed(name: string, now: Date): Promise<void> {
    await this.store.db
      .updateTable('staff')
      .set((eb) => ({ failures: eb('failures', '+', 1) }))
      .where('name', '=', name)
      .execute();
    await this.store.db
      .updateTable('staff')
      .set({ failures: 0, locked_until: new Date(now.getTime() + LOCKOUT_MS).toISOString() })
      .where('name', '=', name)
      .where('failures', '>=', MAX_FAILURES)
      .execute();
  }
}
