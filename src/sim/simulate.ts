// `tally simulate`: rehearses election night at full scale against a running Tally. It builds an
// election of the size asked, certifies a key per county (and a second source for the whole
// election), plays the night with realistic faults while readers load the public site, watches
// each version appear, and ends with a readiness report: throughput, ingest and publish latency,
// public reads, errors by kind, units not reported, and the verifier's verdict on what was
// published.
import { importElection } from '../ingest/elections.js';
import { changeRosterMany } from '../ingest/roster.js';
import { encodeVerifierKey, generateSigner, type Signer, type Verifier } from '../log/note.js';
import type { Store } from '../store/store.js';
import {
  verifySite,
  type ReadPublished,
  type VerifyReport,
  type VerifyWorkers,
} from '../verify/verify.js';
import { derivedParameters, precinctDetailPaths } from '../publish/snapshot.js';
import type { CaucusRules } from '../core/caucus.js';
import { generateElection } from './generate.js';
import { playElectionNight, type Answer, type Faults, type NightSummary } from './night.js';

export interface SimulateOptions {
  readonly store: Store;
  readonly serverUrl: string;
  /** The public plane's address (the site root, elections beneath it). */
  readonly publicUrl: string;
  readonly units: number;
  readonly contests: number;
  readonly durationMs: number;
  /**
   * From loading the election to its polls closing, when the server releases the results and
   * the night's reports begin: the server builds the site in private meanwhile, as it would in
   * the hours before a real night (the default, pollsCloseAfterMs).
   */
  readonly pollsCloseInMs?: number;
  readonly readers: number;
  readonly faults: Faults;
  readonly logKey: Verifier;
  readonly read: (electionUrl: string) => ReadPublished;
  /** Where the verifier's work runs (worker threads from the command line). */
  readonly verifyWorkers?: VerifyWorkers;
  readonly onProgress?: (done: number, total: number) => void;
  readonly seed?: number;
  /** A caucus night (`tally simulate --caucus`): every precinct caucuses, under these rules. */
  readonly caucus?: CaucusRules;
}

export interface SimulationReport {
  readonly election: string;
  readonly units: number;
  readonly contests: number;
  readonly seconds: number;
  readonly night: NightSummary;
  readonly submissionsPerSecond: number;
  /** Answers per second over the night, by whole second. */
  readonly perSecond: readonly number[];
  readonly ingestLatencyMs: Percentiles;
  readonly publishLatencyMs: Percentiles;
  /** Logged answers no version had published when the run ended (not in the latencies). */
  readonly unpublished: number;
  /**
   * Accepted submission to the first version whose precinct detail shows it: its group's files
   * (units/, cdf/) and its county's page.
   */
  readonly detailLatencyMs: Percentiles;
  /** Accepted submissions whose precinct detail no version showed when the run ended. */
  readonly detailUnpublished: number;
  readonly versions: number;
  readonly publicReads: number;
  readonly publicReadsPerSecond: number;
  readonly publicReadErrors: number;
  readonly errorsByKind: Readonly<Record<string, number>>;
  /** Submissions held for review, by each warning that held them (one may have several). */
  readonly heldFor: Readonly<Record<string, number>>;
  readonly unitsNotReported: number;
  readonly verdict: VerifyReport;
  /** How long the verifier took over the final published state. */
  readonly verifySeconds: number;
}

export interface Percentiles {
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
}

function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: sorted[sorted.length - 1] ?? 0 };
}

function signer(name: string): Signer {
  const s = generateSigner(name);
  if (!s.ok) throw new Error(s.error.message);
  return s.value;
}

/**
 * How long a rehearsal gives the server between loading the election and the polls closing, by
 * default: 10 s, and 0.4 s per 1,000 units (what building the empty site takes on a busy
 * 2-core machine, with room to spare).
 */
export function pollsCloseAfterMs(units: number): number {
  return 10_000 + Math.ceil(units * 0.4);
}

export async function simulate(options: SimulateOptions): Promise<SimulationReport> {
  const authority = signer('authority.simulation');
  const pollsClose = new Date(
    Date.now() + (options.pollsCloseInMs ?? pollsCloseAfterMs(options.units)),
  );
  // About a hundred precincts a county: each county's system sends its own, in order.
  const counties = Math.max(1, Math.round(options.units / 100));
  const id = `sim-${new Date()
    .toISOString()
    .replace(/[^0-9]/g, '')
    .slice(0, 14)}`;
  const election = generateElection({
    id,
    // Polls close when the night starts: the server releases the results on its next round.
    release: { at: pollsClose.toISOString() },
    counties,
    precinctsPerCounty: Math.ceil(options.units / counties),
    contests: options.contests,
    authorityKeys: [encodeVerifierKey(authority)],
    ...(options.caucus === undefined ? {} : { caucus: options.caucus }),
  });
  const imported = await importElection(options.store, election, new Date());
  if (!imported.ok) throw new Error(imported.error.message);
  const countyKeys = new Map(
    (election.children.get(election.root.id) ?? []).map((c) => [c, signer(`${c}.tabulator`)]),
  );
  const observerKey = signer('observer.state');
  const certified = await changeRosterMany(
    imported.value.ledger,
    election,
    authority,
    [
      ...[...countyKeys].map(([unit, key]) => ({
        action: 'certify' as const,
        unit,
        key: encodeVerifierKey(key),
      })),
      { action: 'certify' as const, unit: election.root.id, key: encodeVerifierKey(observerKey) },
    ],
    new Date(),
  );
  if (!certified.ok) throw new Error(certified.error.message);

  // Until the polls close, nothing is public and no report is sent.
  await new Promise((resolve) =>
    setTimeout(resolve, Math.max(0, pollsClose.getTime() - Date.now())),
  );
  const site = `${options.publicUrl}/${id}`;
  const versions: {
    at: number;
    logSize: number;
    version: number;
    /** The precinct detail the version lists (group files, county pages), each file's asOf. */
    detail: ReadonlyMap<string, number>;
  }[] = [];
  const answers: Answer[] = [];
  const state = { reading: true };
  let reads = 0;
  let readErrors = 0;
  const started = performance.now();
  // Watch the versions appear, as a journalist polling the feed would.
  const watcher = (async () => {
    let last = 0;
    while (state.reading) {
      try {
        const r = await fetch(`${site}/current.json`, { cache: 'no-store' });
        if (r.ok) {
          const c = (await r.json()) as { version: number; logSize: number };
          if (c.version !== last) {
            last = c.version;
            const at = performance.now() - started;
            versions.push({
              at,
              logSize: c.logSize,
              version: c.version,
              detail: await detailFilesOf(`${site}/v/${String(c.version)}/manifest.json`),
            });
          }
        } else await r.arrayBuffer();
      } catch {
        // Not published yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  // Readers load the site at the same time.
  const readers = Array.from({ length: options.readers }, async (_, i) => {
    while (state.reading) {
      try {
        const r = await fetch(i % 2 === 0 ? `${site}/current.json` : `${site}/`, {
          redirect: 'follow',
        });
        await r.arrayBuffer();
        if (r.ok) reads++;
        else if (r.status !== 404) readErrors++;
      } catch {
        readErrors++;
      }
      if (reads === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  const night = await playElectionNight({
    serverUrl: options.serverUrl,
    election,
    countyKeys,
    observerKey,
    durationMs: options.durationMs,
    faults: options.faults,
    seed: options.seed ?? 2026,
    onAnswer: (a) => answers.push(a),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });
  // Wait for the version that counts the last answer, headline and precinct detail.
  // Folded, not spread: a night at full scale has more answers than a call takes arguments.
  const lastLeaf = answers.reduce((m, a) => Math.max(m, a.leafIndex ?? -1), -1);
  const detailOf = precinctDetailPaths(election, derivedParameters(election).languages);
  const detailShown = (a: Answer, v: (typeof versions)[number]): boolean =>
    (detailOf.get(a.unit ?? '') ?? ['?']).every(
      (path) => (v.detail.get(path) ?? 0) > (a.leafIndex ?? 0),
    );
  const counted = answers.filter((a) => a.leafIndex !== undefined && a.outcome === 'accepted');
  const detailDone = (): boolean => {
    const v = versions[versions.length - 1];
    return v !== undefined && counted.every((a) => detailShown(a, v));
  };
  const deadline = performance.now() + 120_000;
  while (
    !(versions.some((v) => v.logSize > lastLeaf) && detailDone()) &&
    performance.now() < deadline
  ) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const seconds = (performance.now() - started) / 1000;
  state.reading = false;
  await watcher;
  await Promise.all(readers);

  // The night counts its answers' times from its first report, once it had made and signed
  // them all; the versions seen count from before that. The same clock for both:
  const answeredAt = (a: Answer): number => night.startedAt - started + a.at;
  let unpublished = 0;
  const publishLatencies = answers.flatMap((a) => {
    if (a.leafIndex === undefined || a.outcome === 'failed') return [];
    const seen = versions.find((v) => v.logSize > (a.leafIndex ?? 0));
    if (seen === undefined) unpublished++;
    return seen === undefined ? [] : [Math.max(0, seen.at - answeredAt(a))];
  });
  let detailUnpublished = 0;
  const detailLatencies = counted.flatMap((a) => {
    const seen = versions.find((v) => detailShown(a, v));
    if (seen === undefined) detailUnpublished++;
    return seen === undefined ? [] : [Math.max(0, seen.at - answeredAt(a))];
  });
  const perSecond: number[] = [];
  for (const a of answers) {
    const s = Math.floor(a.at / 1000);
    perSecond[s] = (perSecond[s] ?? 0) + 1;
  }
  const errorsByKind: Record<string, number> = {};
  for (const a of answers) {
    // Rejections by their code; the faults the night played, by fault and what became of them.
    let kind: string | undefined;
    if (a.outcome === 'rejected' || a.outcome === 'failed') kind = `${a.outcome}: ${a.code ?? '?'}`;
    else if (a.code !== undefined) kind = `${a.code} (${a.outcome})`;
    if (kind !== undefined) errorsByKind[kind] = (errorsByKind[kind] ?? 0) + 1;
  }
  const heldFor: Record<string, number> = {};
  for (const a of answers) {
    for (const code of a.heldFor ?? []) heldFor[code] = (heldFor[code] ?? 0) + 1;
  }
  const verifyStarted = performance.now();
  const verdict = await verifySite(options.read(site), {
    logKeys: [options.logKey],
    manifestKeys: [options.logKey],
    ...(options.verifyWorkers === undefined ? {} : { workers: options.verifyWorkers }),
  });
  const verifySeconds = (performance.now() - verifyStarted) / 1000;
  const span = answers.reduce((m, a) => Math.max(m, a.at), 0) / 1000;
  const nightSeconds = Math.max(span, options.durationMs / 1000);
  return {
    election: id,
    units: election.reportingUnits.length,
    contests: election.definition.contests.length,
    seconds,
    night,
    submissionsPerSecond: answers.length / Math.max(nightSeconds, 1e-3),
    perSecond: Array.from(perSecond, (n: number | undefined) => n ?? 0),
    ingestLatencyMs: percentiles(answers.map((a) => a.latencyMs)),
    publishLatencyMs: percentiles(publishLatencies),
    unpublished,
    detailLatencyMs: percentiles(detailLatencies),
    detailUnpublished,
    versions: versions.length,
    publicReads: reads,
    publicReadsPerSecond: reads / seconds,
    publicReadErrors: readErrors,
    errorsByKind,
    heldFor,
    unitsNotReported: night.silentUnits.length,
    verdict,
    verifySeconds,
  };
}

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&#${String(c.charCodeAt(0))};`);

/** The reporting units' group files a version's manifest lists, with the size each is as of. */
/** The precinct detail files a version lists, each with the log size it is as of. */
async function detailFilesOf(url: string): Promise<Map<string, number>> {
  const groups = new Map<string, number>();
  try {
    const r = await fetch(url, { cache: 'no-store' });
    if (!r.ok) return groups;
    const { manifest } = (await r.json()) as {
      manifest: { files: Record<string, { asOf: number }> };
    };
    for (const [path, f] of Object.entries(manifest.files)) {
      if (/^(units|cdf|csv\/units)\/|\/unit\//.test(path)) groups.set(path, f.asOf);
    }
  } catch {
    // Read again with the next version.
  }
  return groups;
}

/** The readiness report as text for a terminal. */
export function reportText(r: SimulationReport): string {
  const p = (x: Percentiles): string =>
    `p50 ${x.p50.toFixed(0)} ms, p90 ${x.p90.toFixed(0)} ms, p99 ${x.p99.toFixed(0)} ms, max ${x.max.toFixed(0)} ms`;
  return [
    `Readiness report: ${r.election}, ${r.units.toLocaleString('en-US')} units, ${String(r.contests)} contest${r.contests === 1 ? '' : 's'}, ${r.seconds.toFixed(1)} s`,
    `  submissions: ${String(r.night.sent)} answered (${String(r.night.accepted)} accepted, ${String(r.night.held)} held, ${String(r.night.rejected)} rejected), ${String(r.night.failed)} failed; ${r.submissionsPerSecond.toFixed(1)}/s`,
    `  ingest latency: ${p(r.ingestLatencyMs)}`,
    `  accepted → published: ${p(r.publishLatencyMs)} (${String(r.versions)} versions; ${String(r.unpublished)} logged answers not yet published at the end)`,
    `  accepted → precinct detail published: ${p(r.detailLatencyMs)} (${String(r.detailUnpublished)} not yet at the end)`,
    `  public reads: ${String(r.publicReads)} (${r.publicReadsPerSecond.toFixed(0)}/s), ${String(r.publicReadErrors)} errors`,
    `  units that never reported: ${String(r.unitsNotReported)}`,
    `  errors and faults by kind: ${
      Object.entries(r.errorsByKind)
        .map(([k, n]) => `${k} ${String(n)}`)
        .join(', ') || 'none'
    }`,
    `  held for review, by why: ${
      Object.entries(r.heldFor)
        .sort(([, a], [, b]) => b - a)
        .map(([k, n]) => `${k} ${String(n)}`)
        .join(', ') || 'none'
    }`,
    r.verdict.ok
      ? `  verifier: VERIFIED in ${r.verifySeconds.toFixed(1)} s (${String(r.verdict.submissionsCounted)} accepted submissions, ${String(r.verdict.numbersCompared)} numbers compared)`
      : `  verifier: NOT VERIFIED: ${r.verdict.problems
          .slice(0, 5)
          .map((x) => x.message)
          .join('; ')}`,
    '',
  ].join('\n');
}

/** The readiness report as one HTML page with its charts drawn in SVG (no script). */
export function reportHtml(r: SimulationReport): string {
  const max = Math.max(1, ...r.perSecond);
  const width = Math.max(300, r.perSecond.length * 6);
  const bars = r.perSecond
    .map((n, i) => {
      const h = (n / max) * 120;
      return `<rect x="${String(i * 6)}" y="${(130 - h).toFixed(1)}" width="5" height="${h.toFixed(1)}" fill="#1f5fa8"><title>second ${String(i)}: ${String(n)}</title></rect>`;
    })
    .join('');
  const row = (name: string, x: Percentiles): string =>
    `<tr><th scope="row">${name}</th><td>${x.p50.toFixed(0)}</td><td>${x.p90.toFixed(0)}</td><td>${x.p99.toFixed(0)}</td><td>${x.max.toFixed(0)}</td></tr>`;
  const errors = Object.entries(r.errorsByKind)
    .map(([k, n]) => `<tr><th scope="row">${escape(k)}</th><td>${String(n)}</td></tr>`)
    .join('');
  const held = Object.entries(r.heldFor)
    .sort(([, a], [, b]) => b - a)
    .map(([k, n]) => `<tr><th scope="row">${escape(k)}</th><td>${String(n)}</td></tr>`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Readiness report: ${escape(r.election)}</title></head>
<body><main>
<h1>Readiness report: ${escape(r.election)}</h1>
<p>${r.units.toLocaleString('en-US')} reporting units, ${String(r.contests)} contests, ${r.seconds.toFixed(1)} s.</p>
<h2>Verdict</h2>
<p><strong>${r.verdict.ok ? 'VERIFIED' : 'NOT VERIFIED'}</strong>: ${
    r.verdict.ok
      ? `every published number is the sum of the ${String(r.verdict.submissionsCounted)} accepted, signed submissions (checked in ${r.verifySeconds.toFixed(1)} s)`
      : escape(
          r.verdict.problems
            .slice(0, 5)
            .map((x) => x.message)
            .join('; '),
        )
  }.</p>
<h2>Submissions</h2>
<p>${String(r.night.sent)} answered: ${String(r.night.accepted)} accepted, ${String(r.night.held)} held for review, ${String(r.night.rejected)} rejected; ${String(r.night.failed)} failed after retries; ${r.submissionsPerSecond.toFixed(1)} a second. Units that never reported: ${String(r.unitsNotReported)}.</p>
<figure><svg viewBox="0 0 ${String(width)} 130" width="${String(width)}" height="130" role="img" aria-label="Submissions answered per second over the night">${bars}</svg>
<figcaption>Submissions answered per second (highest: ${String(max)}).</figcaption></figure>
<h2>Latency (ms)</h2>
<table><thead><tr><th scope="col">What</th><th scope="col">p50</th><th scope="col">p90</th><th scope="col">p99</th><th scope="col">max</th></tr></thead>
<tbody>${row('Ingest (request to receipt)', r.ingestLatencyMs)}${row('Accepted to published', r.publishLatencyMs)}${row('Accepted to precinct detail published', r.detailLatencyMs)}</tbody></table>
<h2>Public site</h2>
<p>${String(r.publicReads)} reads (${r.publicReadsPerSecond.toFixed(0)} a second), ${String(r.publicReadErrors)} errors; ${String(r.versions)} versions published; ${String(r.unpublished)} logged answers not yet published when the run ended.</p>
<h2>Errors and faults by kind</h2>
<table><thead><tr><th scope="col">Kind</th><th scope="col">Count</th></tr></thead><tbody>${errors}</tbody></table>
<h2>Held for review, by why</h2>
<p>Each warning that held a submission for a reviewer (one submission may have several).</p>
<table><thead><tr><th scope="col">Warning</th><th scope="col">Submissions</th></tr></thead><tbody>${held}</tbody></table>
</main></body></html>
`;
}
