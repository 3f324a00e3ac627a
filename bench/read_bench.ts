// bench:read — requests per second for one snapshot file (a results page) from Tally's public
// plane (`tally serve --public-only`, one process), beside nginx (one worker process) serving the
// very same `tally export` tree, measured by wrk in the same run, alternating. Where nginx or wrk
// is not installed (apt-get install nginx-light wrk) it says so and measures Tally alone.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOG_ENTRY_FORMAT } from '../src/core/log_entry.js';
import { Tally } from '../src/core/tally.js';
import { DirectoryContentStore } from '../src/publish/content_store.js';
import { SnapshotBuilder } from '../src/publish/snapshot.js';
import { encodeVerifierKey } from '../src/log/note.js';
import { generateElection, generateSubmission, seededRandom } from '../src/sim/generate.js';
import { freePort, signer } from './harness.js';
import { spread } from './stats.js';

const RUNS = Number(process.env['BENCH_READ_RUNS'] ?? 3);
const SECONDS = Number(process.env['BENCH_READ_SECONDS'] ?? 8);
const CONNECTIONS = Number(process.env['BENCH_READ_CONNECTIONS'] ?? 64);
const root = join(import.meta.dirname, '..', '..');
const WORKERS = (process.env['BENCH_READ_WORKERS'] ?? '1,2').split(',').map(Number);

const which = (command: string): string | undefined => {
  for (const dir of ['/usr/sbin', '/usr/bin', '/usr/local/bin', '/usr/local/sbin']) {
    if (existsSync(join(dir, command))) return join(dir, command);
  }
  return undefined;
};

/** A published version of a 1,000-unit election, half reported, written as `tally export` does. */
async function exportSite(dir: string): Promise<string> {
  const key = signer('bench.tally');
  const election = generateElection({
    release: { beforeRelease: 'publish' },
    id: 'bench',
    counties: 10,
    precinctsPerCounty: 100,
    contests: 10,
    authorityKeys: [encodeVerifierKey(key)],
  });
  const tally = new Tally(election);
  const random = seededRandom(3);
  election.reportingUnits.forEach((unit, i) => {
    if (i % 2 === 1) return;
    tally.apply({
      format: LOG_ENTRY_FORMAT,
      type: 'submission',
      election: 'bench',
      receivedAt: '2026-11-03T21:00:00Z',
      signed: {
        submission: generateSubmission(election, unit, random),
        signer: 'x',
        signature: 'x',
      },
      status: 'accepted',
      kind: 'original',
      warnings: [],
    });
  });
  const builder = new SnapshotBuilder({
    election,
    signer: key,
    logVerifierKey: encodeVerifierKey(key),
  });
  const built = await builder.build(tally, tally.counted(), {
    version: 1,
    checkpoint: 'checkpoint',
    generatedAt: new Date().toISOString(),
    timeAt: () => new Date().toISOString(),
  });
  if (!built.ok) throw new Error(built.error.message);
  const content = new DirectoryContentStore(join(dir, 'bench'));
  for (const f of built.value.files) await content.put({ ...f, path: `v/1/${f.path}` });
  await content.replace('current.json', built.value.current.bytes);
  const page = built.value.files.find((f) => f.path === 'en/index.html');
  if (page === undefined) throw new Error('no summary page');
  console.log(`  file: /bench/v/1/en/index.html, ${page.size.toLocaleString('en-US')} bytes`);
  return '/bench/v/1/en/index.html';
}

function nginxConf(dir: string, port: number, workers: number): string {
  return `daemon off;
worker_processes ${String(workers)};
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'nginx-error.log')};
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_body_temp_path ${dir};
  proxy_temp_path ${dir};
  fastcgi_temp_path ${dir};
  uwsgi_temp_path ${dir};
  scgi_temp_path ${dir};
  types { text/html html; application/json json; text/csv csv; }
  server {
    listen 127.0.0.1:${String(port)};
    root ${dir};
    gzip_static on;
    etag on;
    location /bench/v/ { add_header Cache-Control "public, max-age=31536000, immutable"; }
  }
}
`;
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} never answered`);
}

function wrk(wrkPath: string, url: string): number {
  const out = execFileSync(
    wrkPath,
    ['-t1', `-c${String(CONNECTIONS)}`, `-d${String(SECONDS)}s`, '--latency', url],
    { encoding: 'utf8' },
  );
  const match = /Requests\/sec:\s+([\d.]+)/.exec(out);
  if (match?.[1] === undefined) throw new Error(`wrk said: ${out}`);
  if (/Non-2xx/.test(out)) throw new Error(`wrk saw errors: ${out}`);
  return Number(match[1]);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
}

const wrkPath = which('wrk');
const nginxPath = which('nginx');
console.log(
  `bench:read — one results page, ${String(CONNECTIONS)} connections, ${String(SECONDS)} s per measurement, ${String(RUNS)} runs; Tally's public plane (serve --public-only --public-workers N) and nginx (worker_processes N), alternating, N = ${WORKERS.join(' and ')}; Node ${process.version}`,
);
if (wrkPath === undefined) {
  console.log('wrk is not installed (apt-get install wrk): nothing to measure with');
  process.exit(0);
}
const dir = mkdtempSync(join(tmpdir(), 'tally-bench-read-'));
const children: ChildProcess[] = [];
try {
  const path = await exportSite(dir);
  const summary: string[] = [];
  for (const workers of WORKERS) {
    const tallyPort = await freePort();
    const tally = spawn(
      process.execPath,
      [
        join(root, 'dist/src/cli/main.js'),
        'serve',
        '--public-only',
        '--site-dir',
        dir,
        '--public-port',
        String(tallyPort),
        '--public-workers',
        String(workers),
      ],
      { stdio: 'ignore' },
    );
    children.push(tally);
    await waitFor(`http://127.0.0.1:${String(tallyPort)}${path}`);
    let nginxPort: number | undefined;
    let nginx: ChildProcess | undefined;
    if (nginxPath === undefined) {
      console.log('  nginx is not installed (apt-get install nginx-light): Tally alone');
    } else {
      nginxPort = await freePort();
      const conf = join(dir, 'nginx.conf');
      writeFileSync(conf, nginxConf(dir, nginxPort, workers));
      nginx = spawn(nginxPath, ['-c', conf, '-p', dir], { stdio: 'ignore' });
      children.push(nginx);
      await waitFor(`http://127.0.0.1:${String(nginxPort)}${path}`);
    }
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const t = wrk(wrkPath, `http://127.0.0.1:${String(tallyPort)}${path}`);
      ours.push(t);
      let line = `  ${String(workers)} worker(s), run ${String(run)}: Tally ${Math.round(t).toLocaleString('en-US')} requests/s`;
      if (nginxPort !== undefined) {
        const n = wrk(wrkPath, `http://127.0.0.1:${String(nginxPort)}${path}`);
        theirs.push(n);
        line += `, nginx ${Math.round(n).toLocaleString('en-US')} requests/s, ratio ${(t / n).toFixed(2)}`;
      }
      console.log(line);
    }
    await stop(tally);
    if (nginx !== undefined) await stop(nginx);
    summary.push(`${String(workers)} worker process(es): Tally ${spread(ours, 'requests/s')}`);
    if (theirs.length > 0) {
      summary.push(`${String(workers)} worker process(es): nginx ${spread(theirs, 'requests/s')}`);
      summary.push(
        `${String(workers)} worker process(es): ratio Tally / nginx ${spread(
          ours.map((t, i) => t / (theirs[i] ?? 1)),
          '',
          2,
        )}`,
      );
    }
  }
  for (const line of summary) console.log(line);
  console.log('target: at least 0.6 of nginx with the same number of worker processes');
} finally {
  for (const child of children) await stop(child);
  rmSync(dir, { recursive: true, force: true });
}
