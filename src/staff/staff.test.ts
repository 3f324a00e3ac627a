// The rules of staff accounts, on each store: the last admin stays, even when two admins disable
// each other at once; a reset lifts a lockout; a new password keeps the session's 12 hours; and
// each change is recorded once, naming who made it. The staff API's view of them, as an attacker
// tries it, is src/server/staff_security.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeKinds, type TestStore } from '../store/testonly/stores.js';
import { totpCode } from './credentials.js';
import { ABSOLUTE_TIMEOUT_MS, StaffAccounts, type NewAccount } from './staff.js';
import { TEST_PASSWORD_COST } from './testonly/password_cost.js';

const at = (iso: string): Date => new Date(`2026-11-03T${iso}Z`);

describe.each(storeKinds.filter((k) => k.available))(
  'staff accounts on $name',
  { timeout: 60_000 },
  (kind) => {
    let t: TestStore;
    let staff: StaffAccounts;
    const added = new Map<string, NewAccount>();

    beforeAll(async () => {
      t = await kind.create();
      staff = new StaffAccounts(t.store, TEST_PASSWORD_COST);
      for (const [name, role] of [
        ['ada', 'admin'],
        ['grace', 'admin'],
        ['linus', 'desk'],
      ] as const) {
        const a = await staff.add(name, role, at('10:00:00'), name === 'ada' ? null : 'ada');
        if (!a.ok) throw new Error(a.error.message);
        added.set(name, a.value);
      }
    }, 60_000);
    afterAll(async () => {
      await t.dispose();
    });

    const member = (name: string): NewAccount => {
      const a = added.get(name);
      if (a === undefined) throw new Error(`no ${name}`);
      return a;
    };
    /** A member signs in, on `accounts`, with the code their authenticator shows at `time`. */
    const signIn = (a: NewAccount, time: string, accounts = staff) =>
      accounts.signIn(
        { name: a.name, password: a.password, code: totpCode(a.totpSecret, at(time)) },
        at(time),
      );
    /** Linus signs in with his password and the code his authenticator shows at `time`. */
    const signInLinus = async (time: string): Promise<string> => {
      const signedIn = await signIn(member('linus'), time);
      if (!signedIn.ok) throw new Error(signedIn.error.message);
      return signedIn.value.token;
    };
    /** The password a member's row keeps. */
    const keptPassword = async (name: string): Promise<string> =>
      (
        await t.store.db
          .selectFrom('staff')
          .select('password_hash')
          .where('name', '=', name)
          .executeTakeFirstOrThrow()
      ).password_hash;
    const state = async (name: string) =>
      (await staff.members(at('12:00:00'))).find((m) => m.name === name);

    it('keeps a password at OWASP’s scrypt cost unless told otherwise (the tests’ is cheaper)', async () => {
      const owasp = new StaffAccounts(t.store);
      const a = await owasp.add('margaret', 'auditor', at('10:00:00'), 'ada');
      if (!a.ok) throw new Error(a.error.message);
      expect(await keptPassword('margaret')).toMatch(/^scrypt\$17\$8\$1\$/);
      expect((await signIn(a.value, '10:00:10', owasp)).ok).toBe(true);
    });

    it('keeps a password kept at another cost again at the server’s, at its next sign-in', async () => {
      // Added at the tests' cost; signed in on a server at OWASP's.
      const a = await staff.add('hedy', 'auditor', at('10:00:00'), 'ada');
      if (!a.ok) throw new Error(a.error.message);
      expect(await keptPassword('hedy')).toMatch(/^scrypt\$10\$8\$1\$/);
      const owasp = new StaffAccounts(t.store);
      expect((await signIn(a.value, '10:00:10', owasp)).ok).toBe(true);
      expect(await keptPassword('hedy')).toMatch(/^scrypt\$17\$8\$1\$/);
      // The same password still opens it, at the new cost.
      expect((await signIn(a.value, '10:00:40', owasp)).ok).toBe(true);
    });

    it('never disables the last enabled admin, even when two admins disable each other at once', async () => {
      const [one, other] = await Promise.all([
        staff.disable('ada', 'grace', at('11:00:00')),
        staff.disable('grace', 'ada', at('11:00:00')),
      ]);
      expect([one.ok, other.ok].filter(Boolean)).toHaveLength(1);
      const refused = one.ok ? other : one;
      expect(refused.ok ? undefined : refused.error.code).toBe('last_admin');
      const admins = (await staff.members(at('11:00:00'))).filter((m) => m.role === 'admin');
      expect(admins.filter((m) => !m.disabled)).toHaveLength(1);
      // Whichever was disabled is enabled again, once: a second enable changes nothing.
      const disabled = admins.find((m) => m.disabled)?.name ?? '';
      const enabler = disabled === 'ada' ? 'grace' : 'ada';
      expect((await staff.enable(enabler, disabled, at('11:01:00'))).ok).toBe(true);
      expect((await staff.enable(enabler, disabled, at('11:02:00'))).ok).toBe(true);
      const events = await staff.events({ limit: 100 });
      expect(events.filter((e) => e.action === 'enabled')).toHaveLength(1);
      expect(events.filter((e) => e.action === 'disabled')).toHaveLength(1);
    });

    it('refuses to disable oneself or no one, and disables a member once', async () => {
      const own = await staff.disable('ada', 'ada', at('11:10:00'));
      expect(own.ok ? undefined : own.error.code).toBe('own_account');
      const nobody = await staff.disable('ada', 'nobody', at('11:10:00'));
      expect(nobody.ok ? undefined : nobody.error.code).toBe('unknown_staff');
      expect((await staff.disable('ada', 'linus', at('11:10:00'))).ok).toBe(true);
      expect((await staff.disable('ada', 'linus', at('11:11:00'))).ok).toBe(true);
      expect(await state('linus')).toMatchObject({ disabled: true });
      const events = await staff.events({ limit: 100 });
      expect(events.filter((e) => e.subject === 'linus' && e.action === 'disabled')).toHaveLength(
        1,
      );
      expect((await staff.enable('ada', 'linus', at('11:12:00'))).ok).toBe(true);
    });

    it('opens no session of a disabled member, whatever rows are left', async () => {
      const token = await signInLinus('11:20:00');
      await t.store.db
        .updateTable('staff')
        .set({ disabled_at: at('11:21:00').toISOString() })
        .where('name', '=', 'linus')
        .execute();
      expect(await staff.session(token, at('11:21:00'))).toBeUndefined();
      await t.store.db
        .updateTable('staff')
        .set({ disabled_at: null })
        .where('name', '=', 'linus')
        .execute();
      expect(await staff.session(token, at('11:22:00'))).toMatchObject({
        name: 'linus',
      });
    });

    it('lifts a lockout with a reset, and answers the new secrets once', async () => {
      await t.store.db
        .updateTable('staff')
        .set({ locked_until: at('13:00:00').toISOString() })
        .where('name', '=', 'linus')
        .execute();
      expect(await state('linus')).toMatchObject({ locked: true });
      const reset = await staff.reset('ada', 'linus', at('12:00:00'));
      if (!reset.ok) throw new Error(reset.error.message);
      expect(reset.value).toMatchObject({ name: 'linus', role: 'desk' });
      expect(reset.value.recoveryCodes).toHaveLength(10);
      expect(await state('linus')).toMatchObject({ locked: false });
      const unknown = await staff.reset('ada', 'nobody', at('12:00:00'));
      expect(unknown.ok ? undefined : unknown.error.code).toBe('unknown_staff');
      added.set('linus', reset.value);
    });

    it('keeps the 12 hours from sign-in through a change of password', async () => {
      const token = await signInLinus('12:10:00');
      const changed = await staff.changePassword(
        token,
        { current: member('linus').password, next: 'twelve chars or more' },
        at('13:00:00'),
      );
      if (!changed.ok) throw new Error(changed.error.message);
      expect(changed.value.token).not.toBe(token);
      expect(await staff.session(token, at('13:00:00'))).toBeUndefined();
      // Used every 20 minutes, it lasts until 12 hours after sign-in, not after the change.
      const end = at('12:10:00').getTime() + ABSOLUTE_TIMEOUT_MS;
      for (let ms = at('13:20:00').getTime(); ms < end; ms += 20 * 60_000) {
        expect(await staff.session(changed.value.token, new Date(ms))).toBeDefined();
      }
      expect(await staff.session(changed.value.token, new Date(end + 60_000))).toBeUndefined();
    });

    it('records each change with who made it, newest first, a page at a time', async () => {
      const all = await staff.events({ limit: 100 });
      expect(all.map((e) => `${e.actor ?? 'command line'} ${e.action} ${e.subject}`)).toEqual(
        expect.arrayContaining([
          'command line added ada',
          'ada added grace',
          'ada added linus',
          'ada reset linus',
          'linus password_changed linus',
        ]),
      );
      const first = await staff.events({ limit: 2 });
      const next = await staff.events({ before: first.at(-1)?.id ?? 0, limit: 100 });
      expect([...first, ...next]).toEqual(all);
    });
  },
);
