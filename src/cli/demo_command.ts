// `tally demo`: the README's first command. Starts Tally on the embedded store with the built-in
// demo election, plays a simulated election night against it in the background, and prints where
// to watch the results arrive and how to verify them.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { importElection } from '../ingest/elections.js';
import { changeRosterMany } from '../ingest/roster.js';
import { encodeVerifierKey, generateSigner, parseVerifierKey, type Signer } from '../log/note.js';
import { startServer } from '../server/server.js';
import { voteFor, type Contest, type Election } from '../core/election.js';
import { leadersOf, measureOutcome, type ContestTotals } from '../core/tally.js';
import { ResultsFeed, totalsFromFeed } from '../formats/results_feed.js';
import type { ContestResult } from '../core/submission.js';
import { demoElection } from '../sim/demo.js';
import { generateSubmission, seededRandom } from '../sim/generate.js';
import { totpCode } from '../staff/credentials.js';
import { StaffAccounts, type NewAccount } from '../staff/staff.js';
import { NO_FAULTS, playElectionNight } from '../sim/night.js';
import { openStore } from '../store/store.js';
import { verifySite } from '../verify/verify.js';
import { prepareDemoDir } from './demo_dir.js';
import { verifyPool } from './verify_pool.js';
import type { CliIo } from './program.js';
import { CliFailure } from './run_command.js';
import { publishedReader } from './site_reader.js';

/**
 * How long after the demo starts its polls close and its results are released: 15 seconds, or a
 * third of a shorter night.
 */
const DEMO_RELEASE_AFTER_MS = 15_000;
/** The share of reports a second source reports otherwise: each one is held for review. */
const DEMO_CONFLICTS = 0.02;
const DEMO_REVIEWER = 'demo.reviewer';
/** The election director, an admin: releases results and sets each contest's status. */
const DEMO_DIRECTOR = 'demo.director';
/** The two desk operators who key paper tally sheets, each sheet once. */
const DEMO_DESK = ['demo.desk.one', 'demo.desk.two'] as const;
/** Paper tally sheets the desk keys (precincts phoning in); the last is keyed differently. */
const DEMO_SHEETS = 4;

/** A contest's numbers with one vote moved from its first choice to its second. */
function slipped(contest: ContestResult): ContestResult {
  const [a, b] = Object.keys(contest.counts);
  if (a === undefined || b === undefined) return contest;
  const counts = { ...contest.counts };
  const moved = Math.min(1, counts[a] ?? 0);
  counts[a] = (counts[a] ?? 0) - moved;
  counts[b] = (counts[b] ?? 0) + moved;
  return { ...contest, counts };
}

/** A staff member signed in through the staff API, as the staff application does. */
interface StaffSession {
  readonly cookie: string;
  readonly csrfToken: string;
}

async function signIn(staffUrl: string, account: NewAccount): Promise<StaffSession> {
  const signedIn = await fetch(`${staffUrl}/staff/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: account.name,
      password: account.password,
      code: totpCode(account.totpSecret, new Date()),
    }),
  });
  if (signedIn.status !== 200)
    throw new CliFailure(`${account.name} could not sign in: ${await signedIn.text()}`);
  const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
  return { cookie: (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrfToken };
}

/** A change through the staff API: JSON, with the session's cookie and CSRF token. */
/**
 * The reporter app's way in for a newcomer: a one-time enrolment code for the first precinct,
 * made by the director as the Keys screen makes one, and the address that enrols a phone with it.
 */
async function reporterInvitation(
  staffUrl: string,
  election: Election,
  director: StaffSession,
): Promise<string> {
  const unit = election.reportingUnits[0] ?? '';
  const answer = await staffPost(
    staffUrl,
    director,
    `/staff/elections/${election.definition.id}/enrolment-codes`,
    { unit },
  );
  if (answer.status !== 201) {
    throw new CliFailure(`making an enrolment code: ${await answer.text()}`);
  }
  const { code, enrolPath } = (await answer.json()) as { code: string; enrolPath: string };
  const name = election.units.get(unit)?.name['en'] ?? unit;
  return [
    `The precinct reporter app, as ${name}'s chair (on a phone, or a browser 375 px wide):`,
    `  ${staffUrl}${enrolPath}#unit=${encodeURIComponent(unit)}&code=${encodeURIComponent(code)}`,
    `  (or ${staffUrl}/report/ with election ${election.definition.id} and code ${code}; good once, for a day).`,
    `  The county's system reports ${name} too: a report that differs is held for the reviewer.`,
    '',
  ].join('\n');
}

async function staffPost(
  staffUrl: string,
  session: StaffSession,
  path: string,
  body: unknown,
): Promise<Response> {
  return fetch(`${staffUrl}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
    },
    body: JSON.stringify(body),
  });
}

/**
 * The results desk: precincts phone their mail-ballot tally sheets in, and two desk operators
 * key each sheet, each on their own. Sheets keyed alike are submitted signed by the desk key;
 * the last sheet is keyed with a slip, so it waits for the reviewer, who keeps the first
 * operator's entry.
 */
async function keyPaperSheets(
  staffUrl: string,
  election: Election,
  operators: readonly [NewAccount, NewAccount],
  checker: StaffSession,
): Promise<{ submitted: number; resolved: number }> {
  const id = election.definition.id;
  const [one, two] = await Promise.all(operators.map((o) => signIn(staffUrl, o)));
  if (one === undefined || two === undefined) throw new CliFailure('the desk could not sign in');
  const random = seededRandom(2026);
  let submitted = 0;
  const mismatched: { unit: string; voteType: string }[] = [];
  for (const [i, unit] of election.reportingUnits.slice(0, DEMO_SHEETS).entries()) {
    const s = generateSubmission(election, unit, random, { voteType: 'mail' }, 0.2);
    const sheet = { unit, voteType: s.voteType, ballotsCast: s.ballotsCast, contests: s.contests };
    const slip = i === DEMO_SHEETS - 1;
    const [first] = s.contests;
    // The slip: a vote read into the next choice's column.
    const misread =
      slip && first !== undefined
        ? { ...sheet, contests: [slipped(first), ...s.contests.slice(1)] }
        : sheet;
    for (const [session, keyed] of [
      [one, sheet],
      [two, misread],
    ] as const) {
      const answer = await staffPost(
        staffUrl,
        session,
        `/staff/elections/${id}/desk/sheets`,
        keyed,
      );
      if (answer.status !== 201 && answer.status !== 202)
        throw new CliFailure(`keying the sheet of ${unit}: ${await answer.text()}`);
      const { status } = (await answer.json()) as { status: string };
      if (status === 'submitted') submitted++;
      if (status === 'sent_to_reviewer') mismatched.push({ unit, voteType: s.voteType });
    }
  }
  const waiting = await fetch(`${staffUrl}/staff/elections/${id}/desk/mismatches`, {
    headers: { cookie: checker.cookie },
  });
  const { mismatches } = (await waiting.json()) as {
    mismatches: { unit: string; voteType: string; entries: { id: string }[] }[];
  };
  for (const m of mismatches) {
    const kept = await staffPost(staffUrl, checker, `/staff/elections/${id}/desk/resolutions`, {
      unit: m.unit,
      voteType: m.voteType,
      keep: m.entries[0]?.id ?? null,
    });
    if (kept.status !== 201)
      throw new CliFailure(`resolving the sheet of ${m.unit}: ${await kept.text()}`);
  }
  return { submitted, resolved: mismatches.length };
}

/**
 * The demo's reviewer, at the review desk through the staff API as staff would be: signs in with
 * the password and the authenticator's code, reads the queue, and decides every held
 * submission, oldest first, taking the second source's numbers for every other one.
 */
async function reviewHeld(
  staffUrl: string,
  election: string,
  session: StaffSession,
): Promise<{ accepted: number; rejected: number }> {
  const { cookie } = session;
  const queue = await fetch(`${staffUrl}/staff/elections/${election}/held`, {
    headers: { cookie },
  });
  const { held } = (await queue.json()) as { held: { entry: number }[] };
  let accepted = 0;
  let rejected = 0;
  for (const [i, h] of held.entries()) {
    const accept = i % 2 === 0;
    const decided = await staffPost(staffUrl, session, `/staff/elections/${election}/reviews`, {
      entry: h.entry,
      decision: accept ? 'accept' : 'reject',
      reason: accept
        ? 'demo: the tally sheet agrees with this source'
        : 'demo: the tally sheet agrees with the counted numbers',
    });
    if (decided.status !== 201)
      throw new CliFailure(`review of entry ${String(h.entry)}: ${await decided.text()}`);
    if (accept) accepted++;
    else rejected++;
  }
  return { accepted, rejected };
}

/**
 * The winners the office calls a contest for on its final numbers: the leaders, as many as it
 * elects (none where a tie for the last place leaves more); for a measure with a rule, the choice
 * the rule names when it passes, else the other choice.
 */
export function callFor(contest: Contest, totals: ContestTotals): string[] {
  if (contest.kind === 'measure' && contest.passes !== undefined) {
    const outcome = measureOutcome(contest, totals);
    if (outcome === undefined) return [];
    const { choice } = contest.passes;
    const others = contest.choices.filter((c) => c.id !== choice).map((c) => c.id);
    return outcome === 'passing' ? [choice] : others.length === 1 ? others : [];
  }
  const leaders = leadersOf(contest, totals);
  return leaders.length <= voteFor(contest) ? leaders : [];
}

/**
 * The demo's election director, through the staff API: marks every contest too early to call as
 * the night begins, and once every precinct is in and reviewed, calls each on the published
 * numbers (`results`: the site's newest results.json). Returns the contests called.
 */
async function setStatuses(
  staffUrl: string,
  election: Election,
  session: StaffSession,
  results?: ResultsFeed,
): Promise<number> {
  const id = election.definition.id;
  let called = 0;
  for (const contest of election.definition.contests) {
    const scope = contest.district ?? election.root.id;
    const totals = results?.areas
      .find((a) => a.area === scope)
      ?.contests.find((c) => c.contest === contest.id)?.total;
    const winners = totals === undefined ? [] : callFor(contest, totalsFromFeed(totals));
    // A tie, or no numbers: it stays too early to call.
    if (results !== undefined && winners.length === 0) continue;
    const answer = await staffPost(
      staffUrl,
      session,
      `/staff/elections/${id}/contests/${contest.id}/status`,
      results === undefined
        ? { status: 'too-early', reason: 'demo: polls are closing; the count begins' }
        : {
            status: 'called',
            winners,
            reason: 'demo: every precinct has reported and the reviewers have decided',
          },
    );
    if (answer.status !== 201)
      throw new CliFailure(`status of ${contest.id}: ${await answer.text()}`);
    called++;
  }
  return called;
}

/** The newest version's results.json in the published site. */
function latestResults(siteDir: string, election: string): ResultsFeed {
  const root = join(siteDir, election);
  const current = JSON.parse(readFileSync(join(root, 'current.json'), 'utf8')) as { path: string };
  const parsed = ResultsFeed.safeParse(
    JSON.parse(readFileSync(join(root, current.path, 'results.json'), 'utf8')),
  );
  if (!parsed.success) throw new CliFailure('the published results.json does not parse');
  return parsed.data;
}

function signer(name: string): Signer {
  const s = generateSigner(name);
  if (!s.ok) throw new CliFailure(s.error.message);
  return s.value;
}

export function addDemoCommand(program: Command, io: CliIo): void {
  program
    .command('demo')
    .description(
      'Run Tally with a demo election and a simulated election night: watch the results arrive, then verify them.',
    )
    .option(
      '--data-dir <dir>',
      'where the demo keeps its store and site (a new or empty directory, or an earlier demo’s, which is emptied first)',
      'data/demo',
    )
    .option('--port <port>', 'the ingest API', '8080')
    .option('--public-port <port>', 'the public results site', '8081')
    .option('--minutes <n>', 'how long the simulated night lasts', '3')
    .option('--exit-when-done', 'stop after the night and its verification (for CI)')
    .action(
      async (options: {
        dataDir: string;
        port: string;
        publicPort: string;
        minutes: string;
        exitWhenDone?: boolean;
      }) => {
        const minutes = Number(options.minutes);
        if (!(minutes > 0)) throw new CliFailure('--minutes is a positive number');
        const prepared = prepareDemoDir(options.dataDir);
        if (!prepared.ok) throw new CliFailure(prepared.error.message);
        const authority = signer('authority.demo.example');
        // Polls close shortly after the night starts: the public site shows nothing before.
        const releaseAt = new Date(
          Date.now() + Math.min(DEMO_RELEASE_AFTER_MS, (minutes * 60_000) / 3),
        );
        const election = demoElection([encodeVerifierKey(authority)], releaseAt.toISOString());
        const store = await openStore({
          dialect: 'sqlite',
          file: join(options.dataDir, 'tally.db'),
        });
        const imported = await importElection(store, election, new Date());
        if (!imported.ok) throw new CliFailure(imported.error.message);
        const added = await new StaffAccounts(store).add(DEMO_REVIEWER, 'reviewer', new Date());
        if (!added.ok) throw new CliFailure(added.error.message);
        const reviewer = added.value;
        const director = await new StaffAccounts(store).add(DEMO_DIRECTOR, 'admin', new Date());
        if (!director.ok) throw new CliFailure(director.error.message);
        const desk: NewAccount[] = [];
        for (const name of DEMO_DESK) {
          const operator = await new StaffAccounts(store).add(name, 'desk', new Date());
          if (!operator.ok) throw new CliFailure(operator.error.message);
          desk.push(operator.value);
        }
        // The results desk's own key, certified for the whole state like the phone-in source's.
        const paperDeskKey = signer('results-desk.demo.example');
        // A second source for every precinct (a results desk phoning numbers in): where it
        // disagrees with the county, the submission is held for a reviewer.
        const deskKey = signer('desk.demo.example');
        const countyKeys = new Map(
          (election.children.get(election.root.id) ?? []).map((county) => [
            county,
            signer(`${county}.tabulator.demo.example`),
          ]),
        );
        const certified = await changeRosterMany(
          imported.value.ledger,
          election,
          authority,
          [
            ...countyKeys,
            [election.root.id, deskKey] as const,
            [election.root.id, paperDeskKey] as const,
          ].map(([unit, key]) => ({
            action: 'certify' as const,
            unit,
            key: encodeVerifierKey(key),
          })),
          new Date(),
        );
        if (!certified.ok) throw new CliFailure(certified.error.message);
        // The authority delegates the state's roster to the server's enrolment key for the night,
        // so that a precinct's phone can enrol with a one-time code (the reporter app).
        const enrolmentKey = signer('enrolment.demo.example');
        const delegated = await changeRosterMany(
          imported.value.ledger,
          election,
          authority,
          [
            {
              action: 'delegate' as const,
              unit: election.root.id,
              key: encodeVerifierKey(enrolmentKey),
              expires: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
            },
          ],
          new Date(),
        );
        if (!delegated.ok) throw new CliFailure(delegated.error.message);
        const logSigner = signer('tally.localhost');
        const siteDir = join(options.dataDir, 'site');
        const server = await startServer({
          store,
          logSigner,
          deskSigner: paperDeskKey,
          enrolmentSigner: enrolmentKey,
          port: Number(options.port),
          checkWorkers: Math.max(1, availableParallelism() - 1),
          publish: {
            siteDir,
            stagingDir: join(options.dataDir, 'staging'),
            port: Number(options.publicPort),
            // The verify pages give the site's address when it is known before it listens.
            ...(Number(options.publicPort) === 0
              ? {}
              : { siteUrl: `http://127.0.0.1:${options.publicPort}` }),
          },
          onPublishProblem: (id, problem) => {
            io.err(`election ${id}: not published: ${problem.message}\n`);
          },
        });
        const site = `${server.publicUrl ?? ''}/${election.definition.id}`;
        const logKey = encodeVerifierKey(logSigner);
        io.out(
          [
            'Tally demo: a simulated election night is running.',
            '',
            `  public results site:  ${site}/`,
            `  ingest API (staff):   ${server.url}/openapi.json`,
            `  staff application:    ${server.url}/staff/app/ (demo accounts, shown for the demo only:`,
            ...[director.value, reviewer, ...desk].map(
              (a) =>
                `    ${a.name} (${a.role}): password ${a.password}, TOTP secret ${a.totpSecret}`,
            ),
            `    an authenticator app takes the secret; or: npx tally staff code <secret>)`,
            `  verify what is published, from the public files alone:`,
            `    npx tally verify ${site} --log-key '${logKey}'`,
            '',
            `${String(countyKeys.size)} counties report ${String(election.reportingUnits.length)} precincts over ${String(minutes)} minute(s).`,
            `Polls close at ${releaseAt.toISOString().slice(11, 19)} UTC: the results are released to the public site then, not before.`,
            '',
          ].join('\n'),
        );
        // The director signs in once (a TOTP code is good once) and marks every contest too
        // early to call as polls close.
        const directing = await signIn(server.url, director.value);
        await setStatuses(server.url, election, directing);
        io.out(await reporterInvitation(server.url, election, directing));
        let shown = 0;
        const summary = await playElectionNight({
          serverUrl: server.url,
          election,
          countyKeys,
          observerKey: deskKey,
          faults: { ...NO_FAULTS, conflict: DEMO_CONFLICTS },
          durationMs: minutes * 60_000,
          onProgress: (done, total) => {
            const tenth = Math.floor((10 * done) / total);
            if (tenth > shown) {
              shown = tenth;
              io.out(
                `  ${String(done)} of ${String(total)} reports sent (${String(tenth * 10)}%)\n`,
              );
            }
          },
        });
        io.out(
          `Night over: ${String(summary.accepted)} accepted, ${String(summary.held)} held for review, ${String(summary.rejected)} rejected, ${String(summary.failed)} failed.\n`,
        );
        const [deskOne, deskTwo] = desk;
        if (deskOne === undefined || deskTwo === undefined) throw new CliFailure('no desk');
        // The reviewer signs in once: a TOTP code is good once.
        const reviewing = await signIn(server.url, reviewer);
        const keyed = await keyPaperSheets(server.url, election, [deskOne, deskTwo], reviewing);
        io.out(
          `The results desk keyed ${String(DEMO_SHEETS)} phoned-in tally sheets twice (${DEMO_DESK.join(' and ')}): ${String(keyed.submitted)} submitted where both entries agreed, ${String(keyed.resolved)} differing, decided by the reviewer.\n`,
        );
        const reviewed = await reviewHeld(server.url, election.definition.id, reviewing);
        io.out(
          `A reviewer (${DEMO_REVIEWER}) decided the ${String(reviewed.accepted + reviewed.rejected)} held submissions: ${String(reviewed.accepted)} accepted, ${String(reviewed.rejected)} rejected, each a log entry with its reason.\n`,
        );
        // Every precinct is in and decided: the director calls each contest on the published
        // numbers, and the calls are published in turn.
        await server.checkpointNow();
        const called = await setStatuses(
          server.url,
          election,
          directing,
          latestResults(siteDir, election.definition.id),
        );
        io.out(
          `The election director (${DEMO_DIRECTOR}) marked every contest too early to call as polls closed, and called ${String(called)} of ${String(election.definition.contests.length)} once every precinct was in: each change a log entry, shown on every page and feed.\n`,
        );
        await server.checkpointNow();
        const key = parseVerifierKey(logKey);
        if (!key.ok) throw new CliFailure(key.error.message);
        const workers = verifyPool();
        const report = await verifySite(publishedReader(join(siteDir, election.definition.id)), {
          logKeys: [key.value],
          manifestKeys: [key.value],
          workers,
        }).finally(() => workers.close());
        io.out(
          report.ok
            ? `Verified: version ${String(report.version)} of the site is the sum of the ${String(report.submissionsCounted)} accepted, signed submissions in the log, with the ${String(report.reviewsReplayed)} reviewers' decisions and the ${String(report.statusChangesReplayed)} changes of contests' statuses replayed (${String(report.filesRebuilt)} files rebuilt from the log byte for byte, ${String(report.numbersCompared)} numbers compared).\n`
            : `NOT verified: ${report.problems.map((p) => p.message).join('; ')}\n`,
        );
        if (options.exitWhenDone !== true) {
          io.out(`Still serving ${site}/ — Ctrl-C to stop.\n`);
          await new Promise<void>((resolve) => {
            process.once('SIGINT', resolve);
            process.once('SIGTERM', resolve);
          });
        }
        await server.close();
        await store.close();
        if (!report.ok) throw new CliFailure('the demo’s published results did not verify');
      },
    );
}
