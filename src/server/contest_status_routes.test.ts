// Contests' statuses in the staff API: every role signed in reads where each contest stands;
// admins alone change it, each change a log entry naming them and their reason, under the rules
// of src/core/admission.ts (winners for a call or a certification only, no status twice, nothing
// but a recount once certified), each refusal in the API's one error shape.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../staff/credentials.js';
import { storeKinds } from '../store/testonly/stores.js';
import { ElectionRegistry } from './elections.js';
import { staffTestApp, type Json, type StaffTestApp } from './testonly/staff_app.js';

interface Standing {
  contest: string;
  name: Record<string, string>;
  kind: string;
  voteFor: number;
  choices: { id: string; name: Record<string, string> }[];
  status: string;
  winners?: string[];
  entry?: number;
  time?: string;
}

for (const kind of storeKinds)
  describe.skipIf(!kind.available)(
    `contests’ statuses in the staff API (${kind.name})`,
    { timeout: 60_000 },
    () => {
      let staff: StaffTestApp;

      beforeAll(async () => {
        staff = await staffTestApp(kind);
      }, 60_000);
      afterAll(async () => {
        await staff.close();
      });

      const list = '/staff/elections/sample-2026/contest-statuses';
      const statusOf = (contest: string): string =>
        `/staff/elections/sample-2026/contests/${contest}/status`;
      const standings = async (): Promise<Standing[]> => {
        const res = await staff.request('GET', list, await staff.sessionFor('observer'));
        expect(res.statusCode).toBe(200);
        return res.json<{ contests: Standing[] }>().contests;
      };
      const standing = async (contest: string): Promise<Standing | undefined> =>
        (await standings()).find((c) => c.contest === contest);
      const change = async (contest: string, body: unknown): Promise<LightMyRequestResponse> =>
        staff.request('POST', statusOf(contest), await staff.sessionFor('admin'), body);
      const errorOf = (res: LightMyRequestResponse): Json | undefined =>
        res.json<{ error?: Json }>().error;

      it('answers 401 to a request without a session', async () => {
        expect((await staff.request('GET', list, undefined)).statusCode).toBe(401);
        const res = await staff.request('POST', statusOf('governor'), undefined, {
          status: 'too-early',
          reason: 'too close',
        });
        expect(res.statusCode).toBe(401);
      });

      it('lists every contest to every role, unofficial until a status entry names another', async () => {
        for (const role of ROLES) {
          const res = await staff.request('GET', list, await staff.sessionFor(role));
          expect(res.statusCode, role).toBe(200);
        }
        const contests = await standings();
        expect(contests.map((c) => [c.contest, c.kind, c.voteFor, c.status])).toEqual([
          ['governor', 'candidate', 1, 'unofficial'],
          ['council', 'candidate', 2, 'unofficial'],
          ['measure-1', 'measure', 1, 'unofficial'],
        ]);
        const [governor] = contests;
        expect(governor?.name).toEqual({ en: 'Governor', fr: 'Gouverneur' });
        expect(governor?.choices.map((c) => c.id)).toEqual(['ada', 'alan', 'write-in']);
        for (const c of contests) {
          expect(c.winners, c.contest).toBeUndefined();
          expect(c.entry, c.contest).toBeUndefined();
        }
      });

      it('lets only admins change a status', async () => {
        for (const role of ROLES.filter((r) => r !== 'admin')) {
          const res = await staff.request(
            'POST',
            statusOf('governor'),
            await staff.sessionFor(role),
            {
              status: 'too-early',
              reason: 'too close to call',
            },
          );
          expect(res.statusCode, role).toBe(403);
          expect(errorOf(res), role).toMatchObject({ code: 'forbidden' });
        }
        expect((await standing('governor'))?.status).toBe('unofficial');
      });

      it('records an admin’s call as a log entry naming them and the reason, and refuses it twice', async () => {
        const res = await change('governor', {
          status: 'called',
          winners: ['ada'],
          reason: 'Every precinct has reported; the margin is 12 points.',
        });
        expect(res.statusCode).toBe(201);
        const { entry } = res.json<{ entry: number }>();
        expect(Number.isInteger(entry)).toBe(true);
        const called = await standing('governor');
        expect(called).toMatchObject({ status: 'called', winners: ['ada'], entry });
        expect(Number.isNaN(Date.parse(called?.time ?? ''))).toBe(false);
        const ingest = await new ElectionRegistry(staff.t.store).get('sample-2026');
        const bytes = await ingest?.log.entries(BigInt(entry), 1);
        const text = bytes?.ok === true ? new TextDecoder().decode(bytes.value[0]) : '';
        expect(JSON.parse(text)).toMatchObject({
          type: 'contest-status',
          contest: 'governor',
          status: 'called',
          winners: ['ada'],
          by: 'admin.one',
          reason: 'Every precinct has reported; the margin is 12 points.',
        });

        const again = await change('governor', {
          status: 'called',
          winners: ['ada'],
          reason: 'Once more.',
        });
        expect(again.statusCode).toBe(409);
        expect(errorOf(again)).toMatchObject({ code: 'status_unchanged' });
        expect((await standing('governor'))?.entry).toBe(entry);
      });

      it('refuses a call without winners, winners for a status that names none, and too many', async () => {
        for (const body of [
          { status: 'called', reason: 'no winner named' },
          { status: 'called', winners: [], reason: 'no winner named' },
          { status: 'too-early', winners: ['grace'], reason: 'a winner for nothing' },
          { status: 'called', winners: ['grace', 'edsger', 'barbara'], reason: 'three of two' },
          { status: 'called', winners: ['ada'], reason: 'another contest’s choice' },
          { status: 'certified', winners: ['grace', 'grace'], reason: 'twice' },
        ]) {
          const res = await change('council', body);
          expect(res.statusCode, JSON.stringify(body)).toBe(400);
          expect(errorOf(res), JSON.stringify(body)).toMatchObject({ code: 'invalid_winners' });
        }
        expect((await standing('council'))?.status).toBe('unofficial');
      });

      it('refuses a blank reason, a status it does not know, and an unknown contest', async () => {
        const blank = await change('council', { status: 'too-early', reason: '   ' });
        expect(blank.statusCode).toBe(400);
        expect(errorOf(blank)).toMatchObject({
          code: 'invalid_request',
          message: 'reason: a status change gives its reason',
        });
        const unknownStatus = await change('council', { status: 'won', reason: 'no such status' });
        expect(unknownStatus.statusCode).toBe(400);
        expect(errorOf(unknownStatus)).toMatchObject({ code: 'invalid_request' });
        const unknown = await change('mayor', { status: 'too-early', reason: 'no such contest' });
        expect(unknown.statusCode).toBe(404);
        expect(errorOf(unknown)).toMatchObject({ code: 'unknown_contest' });
      });

      it('lets nothing but a recount reopen a certified contest', async () => {
        const certified = await change('measure-1', {
          status: 'certified',
          winners: ['yes'],
          reason: 'The canvass board certified the count.',
        });
        expect(certified.statusCode).toBe(201);
        expect(await standing('measure-1')).toMatchObject({
          status: 'certified',
          winners: ['yes'],
        });
        for (const body of [
          { status: 'called', winners: ['yes'], reason: 'back to called' },
          { status: 'certified', winners: ['no'], reason: 'the other outcome' },
          { status: 'unofficial', reason: 'start again' },
        ]) {
          const res = await change('measure-1', body);
          expect(res.statusCode, body.status).toBe(409);
          expect(errorOf(res), body.status).toMatchObject({ code: 'already_certified' });
        }
        const recount = await change('measure-1', {
          status: 'recount',
          reason: 'A recount was petitioned for.',
        });
        expect(recount.statusCode).toBe(201);
        const { entry } = recount.json<{ entry: number }>();
        const after = await standing('measure-1');
        expect(after).toMatchObject({ status: 'recount', entry });
        expect(after?.winners).toBeUndefined();
      });

      it('answers 404 for an election the server does not hold', async () => {
        const res = await staff.request(
          'GET',
          '/staff/elections/nowhere-2026/contest-statuses',
          await staff.sessionFor('observer'),
        );
        expect(res.statusCode).toBe(404);
      });
    },
  );
