// Staff accounts, sign-in and sessions, over the store. Sign-in takes a name, a password and a
// second factor (a TOTP code, good once, or a one-time recovery code) and answers the same
// sentence for every failure, whatever failed, so that nobody learns which names exist. Five
// failures in a row lock an account for fifteen minutes. A session is a random token in an
// HttpOnly cookie (only its hash is stored), with a CSRF token for every request that changes
// something; it ends after 30 idle minutes, and 12 hours after sign-in in any case. Admins add,
// disable, enable and reset members; each member changes their own password; each such change
// is a staff event naming who made it.
import { StaffName } from '../core/log_entry.js';
import type { Kysely } from 'kysely';
import { err, ok, problem, type Problem, type Result } from '../core/result.js';
import type { Database } from '../store/schema.js';
import type { Store } from '../store/store.js';
import {
  checkPassword,
  hashPassword,
  isRole,
  keptAt,
  newPassword,
  newRecoveryCodes,
  newToken,
  newTotpSecret,
  PASSWORD_COST,
  type PasswordCost,
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

/** A staff member as admins see them: never a secret or a hash. */
export interface MemberStatus extends StaffMember {
  /** Locked for a while after too many failed sign-ins. */
  readonly locked: boolean;
  readonly disabled: boolean;
  readonly createdAt: string;
}

/** A change to a staff account, and who made it (null: the server's command line). */
export interface StaffEvent {
  readonly id: number;
  readonly at: string;
  readonly actor: string | null;
  readonly action: StaffAction;
  readonly subject: string;
}

export const STAFF_ACTIONS = ['added', 'disabled', 'enabled', 'reset', 'password_changed'] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];

/** A new password is at least this long, and at most as long as sign-in takes. */
export const MIN_PASSWORD = 12;
export const MAX_PASSWORD = 1024;

export type SignInFailure = Problem<'sign_in_failed'>;
export type UnknownStaff = Problem<'unknown_staff'>;
export type DisableRefusal = UnknownStaff | Problem<'own_account' | 'last_admin'>;
export type PasswordRefusal = Problem<
  'invalid_password' | 'same_password' | 'wrong_password' | 'not_signed_in'
>;

const unknownStaff = (name: string): UnknownStaff =>
  problem('unknown_staff', `no staff member is named "${name}"`);

const SIGN_IN_FAILED = problem(
  'sign_in_failed',
  'the name, password or code is not right, or the account is locked for a while after too many tries',
);

const WRONG_PASSWORD = problem(
  'wrong_password',
  'the current password is not right, or the account is locked for a while after too many tries',
);

const NOT_SIGNED_IN = problem('not_signed_in', 'the session has ended; sign in again');

type Executor = Kysely<Database>;

export class StaffAccounts {
  /** `passwordCost`: scrypt's, OWASP's unless a test makes it cheaper. */
  constructor(
    private readonly store: Store,
    private readonly passwordCost: PasswordCost = PASSWORD_COST,
  ) {}

  /**
   * Adds a staff member with a new password, TOTP secret and recovery codes; `actor` is the admin
   * who adds them (null: the server's command line, where the first admin is added).
   */
  async add(
    name: string,
    role: string,
    now: Date,
    actor: string | null = null,
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
    const passwordHash = await hashPassword(password, this.passwordCost);
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
      await record(tx, now, actor, 'added', name);
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
    const passwordOk = await checkPassword(password, row?.password_hash, this.passwordCost);
    const locked = row?.locked_until != null && Date.parse(row.locked_until) > now.getTime();
    const secondFactor =
      row !== undefined &&
      isRole(row.role) &&
      !locked &&
      row.disabled_at === null &&
      passwordOk &&
      (await this.useSecondFactor(row.name, row.totp_secret, code, now));
    if (row === undefined || !isRole(row.role) || !secondFactor) {
      // Counted for an unknown name too (where it changes nothing), so that a failure costs
      // the same whichever name it gives.
      await this.failed(name, now);
      return err(SIGN_IN_FAILED);
    }
    // A password kept at another cost than the server's (an older one) is kept again at the
    // server's: every member's then takes as long to check as an unknown name's decoy.
    const rehashed = keptAt(row.password_hash, this.passwordCost)
      ? {}
      : { password_hash: await hashPassword(password, this.passwordCost) };
    await this.store.db
      .updateTable('staff')
      .set({ failures: 0, locked_until: null, ...rehashed })
      .where('name', '=', row.name)
      .execute();
    const { token, csrfToken } = await openSession(this.store.db, row.name, now, now);
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
      // Disabling ends a member's sessions; this keeps any opened at that moment shut too.
      .where('staff.disabled_at', 'is', null)
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

  /** Every staff member, by name, as admins see them. */
  async members(now: Date): Promise<MemberStatus[]> {
    const rows = await this.store.db
      .selectFrom('staff')
      .select(['name', 'role', 'locked_until', 'disabled_at', 'created_at'])
      .orderBy('name')
      .execute();
    return rows.flatMap((r) =>
      isRole(r.role)
        ? [
            {
              name: r.name,
              role: r.role,
              locked: r.locked_until !== null && Date.parse(r.locked_until) > now.getTime(),
              disabled: r.disabled_at !== null,
              createdAt: r.created_at,
            },
          ]
        : [],
    );
  }

  /**
   * Disables `name`: they cannot sign in, and their sessions end at once. An admin cannot
   * disable themselves, and the last enabled admin is never disabled (else nobody could
   * enable anyone again). Disabling a disabled member changes nothing.
   */
  async disable(
    actor: string,
    name: string,
    now: Date,
  ): Promise<Result<undefined, DisableRefusal>> {
    if (actor === name) {
      return err(problem('own_account', 'an admin cannot disable their own account'));
    }
    return this.store.db.transaction().execute(async (tx) => {
      // Locks the admins' rows (SQLite: the database) before counting them, so that two admins
      // disabling each other at once cannot leave none.
      await tx
        .updateTable('staff')
        .set((eb) => ({ role: eb.ref('role') }))
        .where('role', '=', 'admin')
        .execute();
      const row = await tx
        .selectFrom('staff')
        .select(['role', 'disabled_at'])
        .where('name', '=', name)
        .executeTakeFirst();
      if (row === undefined) return err(unknownStaff(name));
      if (row.disabled_at !== null) return ok();
      if (row.role === 'admin') {
        const others = await tx
          .selectFrom('staff')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('role', '=', 'admin')
          .where('disabled_at', 'is', null)
          .where('name', '<>', name)
          .executeTakeFirstOrThrow();
        if (others.n === 0) {
          return err(problem('last_admin', `"${name}" is the last enabled admin`));
        }
      }
      await tx
        .updateTable('staff')
        .set({ disabled_at: now.toISOString() })
        .where('name', '=', name)
        .execute();
      await tx.deleteFrom('staff_sessions').where('name', '=', name).execute();
      await record(tx, now, actor, 'disabled', name);
      return ok();
    });
  }

  /** Lets a disabled member sign in again; an enabled one is left as they are. */
  async enable(actor: string, name: string, now: Date): Promise<Result<undefined, UnknownStaff>> {
    return this.store.db.transaction().execute(async (tx) => {
      const row = await tx
        .selectFrom('staff')
        .select('disabled_at')
        .where('name', '=', name)
        .executeTakeFirst();
      if (row === undefined) return err(unknownStaff(name));
      if (row.disabled_at === null) return ok();
      await tx.updateTable('staff').set({ disabled_at: null }).where('name', '=', name).execute();
      await record(tx, now, actor, 'enabled', name);
      return ok();
    });
  }

  /**
   * Gives `name` a new password, TOTP secret and recovery codes (for a lost authenticator or
   * password), shown once to the admin; the old ones stop working and their sessions end. A
   * lockout ends with them.
   */
  async reset(actor: string, name: string, now: Date): Promise<Result<NewAccount, UnknownStaff>> {
    const known = await this.store.db
      .selectFrom('staff')
      .select('role')
      .where('name', '=', name)
      .executeTakeFirst();
    if (known === undefined || !isRole(known.role)) return err(unknownStaff(name));
    const role = known.role;
    const password = newPassword();
    const { secret, uri } = newTotpSecret(name);
    const recoveryCodes = newRecoveryCodes();
    const passwordHash = await hashPassword(password, this.passwordCost);
    return this.store.db.transaction().execute(async (tx) => {
      const changed = await tx
        .updateTable('staff')
        .set({
          password_hash: passwordHash,
          totp_secret: secret,
          totp_step: 0,
          failures: 0,
          locked_until: null,
        })
        .where('name', '=', name)
        .executeTakeFirst();
      if (changed.numUpdatedRows === 0n) return err(unknownStaff(name));
      await tx.deleteFrom('staff_recovery_codes').where('name', '=', name).execute();
      await tx
        .insertInto('staff_recovery_codes')
        .values(recoveryCodes.map((c) => ({ name, code_hash: recoveryCodeHash(c), used_at: null })))
        .execute();
      await tx.deleteFrom('staff_sessions').where('name', '=', name).execute();
      await record(tx, now, actor, 'reset', name);
      return ok({ name, role, password, totpSecret: secret, totpUri: uri, recoveryCodes });
    });
  }

  /**
   * Changes the password of the session `token` opens, given the current one. A wrong current
   * password counts towards the lockout, as a failed sign-in does. Every session of the member
   * ends, this one too: it is replaced by a new one (a new token and CSRF token, the same
   * 12 hours from sign-in), so that a token stolen before is worth nothing.
   */
  async changePassword(
    token: string,
    passwords: { readonly current: string; readonly next: string },
    now: Date,
  ): Promise<Result<{ token: string; session: Session }, PasswordRefusal>> {
    const { current, next } = passwords;
    // At most as long as sign-in takes (UTF-16 units); at least 12 characters as people count.
    if (characters(next) < MIN_PASSWORD || next.length > MAX_PASSWORD) {
      return err(
        problem(
          'invalid_password',
          `a password is ${String(MIN_PASSWORD)} to ${String(MAX_PASSWORD)} characters long`,
        ),
      );
    }
    if (next.normalize('NFC') === current.normalize('NFC')) {
      return err(problem('same_password', 'the new password is the current one'));
    }
    const row = await this.store.db
      .selectFrom('staff_sessions')
      .innerJoin('staff', 'staff.name', 'staff_sessions.name')
      .select([
        'staff.name',
        'staff.role',
        'staff.password_hash',
        'staff.locked_until',
        'staff_sessions.created_at',
      ])
      .where('staff_sessions.token_hash', '=', tokenHash(token))
      .executeTakeFirst();
    if (row === undefined || !isRole(row.role)) return err(NOT_SIGNED_IN);
    const role = row.role;
    const passwordOk = await checkPassword(current, row.password_hash, this.passwordCost);
    const locked = row.locked_until !== null && Date.parse(row.locked_until) > now.getTime();
    if (!passwordOk || locked) {
      await this.failed(row.name, now);
      return err(WRONG_PASSWORD);
    }
    const passwordHash = await hashPassword(next, this.passwordCost);
    return this.store.db.transaction().execute(async (tx) => {
      const changed = await tx
        .updateTable('staff')
        .set({ password_hash: passwordHash, failures: 0, locked_until: null })
        .where('name', '=', row.name)
        .where('disabled_at', 'is', null)
        .executeTakeFirst();
      if (changed.numUpdatedRows === 0n) return err(NOT_SIGNED_IN);
      await tx.deleteFrom('staff_sessions').where('name', '=', row.name).execute();
      const { token, csrfToken } = await openSession(tx, row.name, new Date(row.created_at), now);
      await record(tx, now, row.name, 'password_changed', row.name);
      return ok({ token, session: { name: row.name, role, csrfToken } });
    });
  }

  /** The changes to staff accounts, newest first: `limit` of them, before the event `before`. */
  async events(options: {
    readonly before?: number;
    readonly limit: number;
  }): Promise<StaffEvent[]> {
    let query = this.store.db.selectFrom('staff_events').selectAll().orderBy('id', 'desc');
    if (options.before !== undefined) query = query.where('id', '<', options.before);
    const rows = await query.limit(options.limit).execute();
    return rows.flatMap((r) => (isStaffAction(r.action) ? [{ ...r, action: r.action }] : []));
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

/** How many characters a person sees in `text` (a letter and its accent are one). */
const characters = (text: string): number =>
  [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)].length;

const isStaffAction = (action: string): action is StaffAction =>
  (STAFF_ACTIONS as readonly string[]).includes(action);

/**
 * Opens a session for `name`: a new token, never one somebody else chose (session fixation),
 * and a new CSRF token. `createdAt` is when the member signed in, whence the 12 hours count.
 */
async function openSession(
  db: Executor,
  name: string,
  createdAt: Date,
  now: Date,
): Promise<{ token: string; csrfToken: string }> {
  const token = newToken();
  const csrfToken = newToken();
  await db
    .insertInto('staff_sessions')
    .values({
      token_hash: tokenHash(token),
      name,
      csrf_token: csrfToken,
      created_at: createdAt.toISOString(),
      seen_at: now.toISOString(),
    })
    .execute();
  return { token, csrfToken };
}

/**
 * Records a change to a staff account, in the transaction that makes it. Not an election log
 * entry: accounts are the office's, across elections, and each election's public log tells that
 * election alone (and would publish who holds which account to everyone); staff events are for
 * the office's admins and auditors.
 */
async function record(
  db: Executor,
  now: Date,
  actor: string | null,
  action: StaffAction,
  subject: string,
): Promise<void> {
  await db
    .insertInto('staff_events')
    .values({ at: now.toISOString(), actor, action, subject })
    .execute();
}
