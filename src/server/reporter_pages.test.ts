// The precinct reporter app's pages: a static shell under a strict Content-Security-Policy, its
// files, its manifest, and its service worker, whose version is the hash of everything it keeps
// (so a change to any of them installs a new worker); none of it in the OpenAPI description.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReporterApp, reporterAppDir } from '../web/build.js';
import { SHELL_FILES } from '../web/reporter/shell.js';
import {
  registerReporterPages,
  REPORTER_PAGE_CSP,
  REPORTER_SHELL_FILES,
  WORKER_VERSION_PLACEHOLDER,
} from './reporter_pages.js';

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' blob:",
  "manifest-src 'self'",
  "worker-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
];

describe('the reporter app’s pages', { timeout: 60_000 }, () => {
  let app: FastifyInstance;

  beforeAll(async () => {
    await buildReporterApp();
    app = Fastify();
    registerReporterPages(app);
  }, 60_000);
  afterAll(() => app.close());

  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers });

  it('states the policy the app needs and nothing looser', () => {
    expect(REPORTER_PAGE_CSP.split('; ')).toEqual(CSP);
  });

  it('keeps in the service worker the very files the server serves as the shell', () => {
    expect(SHELL_FILES).toEqual(REPORTER_SHELL_FILES);
  });

  it.each(['/report/', '/report/?election=sample-2026', '/report/?lang=fr'])(
    '%s is a shell with no data, no inline script or style, under the strict policy',
    async (url) => {
      const res = await get(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['content-security-policy']).toBe(CSP.join('; '));
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['set-cookie']).toBeUndefined();
      const html = res.body;
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts).toEqual(['<script type="module" src="/report/assets/app.js">']);
      expect(html).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=/i);
      expect(html).toContain('<link rel="stylesheet" href="/report/assets/app.css">');
      expect(html).toContain('<link rel="manifest" href="/report/manifest.webmanifest">');
      expect(html).not.toContain('sample-2026');
    },
  );

  it('sends /report on to /report/', async () => {
    const res = await get('/report');
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe('/report/');
  });

  it.each([
    ['/report/assets/app.js', 'text/javascript; charset=utf-8'],
    ['/report/assets/app.css', 'text/css; charset=utf-8'],
    ['/report/assets/icon.svg', 'image/svg+xml'],
    ['/report/manifest.webmanifest', 'application/manifest+json'],
  ])('serves %s as %s, revalidated by its hash', async (url, type) => {
    const res = await get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(type);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-cache');
    const etag = String(res.headers.etag);
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    const again = await get(url, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
  });

  it('describes the app for a phone’s home screen', async () => {
    const manifest = (await get('/report/manifest.webmanifest')).json<Record<string, unknown>>();
    expect(manifest).toMatchObject({
      start_url: '/report/',
      scope: '/report/',
      display: 'standalone',
    });
  });

  it('serves the service worker with its version in place, under a worker’s policy', async () => {
    const res = await get('/report/sw.js');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; connect-src 'self'");
    expect(res.headers['service-worker-allowed']).toBeUndefined();
    expect(res.body).not.toContain(WORKER_VERSION_PLACEHOLDER);
    expect(res.body).toMatch(/tally-reporter-/);
    for (const path of SHELL_FILES) expect(res.body).toContain(`"${path}"`);
  });

  it('gives the worker a new version when a file it keeps changes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tally-reporter-built-'));
    try {
      cpSync(reporterAppDir(), dir, { recursive: true });
      const workerOf = async (): Promise<string> => {
        const other = Fastify();
        registerReporterPages(other, { appDir: dir });
        try {
          return (await other.inject({ method: 'GET', url: '/report/sw.js' })).body;
        } finally {
          await other.close();
        }
      };
      const before = await workerOf();
      expect(await workerOf()).toBe(before);
      writeFileSync(join(dir, 'app.css'), 'body{color:#000}');
      expect(await workerOf()).not.toBe(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves the pages and their files out of the OpenAPI description', async () => {
    const swagger = (await import('@fastify/swagger')).default;
    const documented = Fastify();
    await documented.register(swagger, { openapi: { info: { title: 't', version: '1' } } });
    registerReporterPages(documented);
    await documented.ready();
    const paths = Object.keys((documented.swagger() as { paths?: object }).paths ?? {});
    expect(paths.filter((p) => p.startsWith('/report'))).toEqual([]);
    await documented.close();
  });

  it('says how to build the app when it was not built, under the same policy', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'tally-reporter-unbuilt-'));
    const bare = Fastify();
    registerReporterPages(bare, { appDir: empty });
    try {
      const page = await bare.inject({ method: 'GET', url: '/report/' });
      expect(page.statusCode).toBe(503);
      expect(page.headers['content-security-policy']).toBe(CSP.join('; '));
      expect(page.body).toContain('npm run build');
      const script = await bare.inject({ method: 'GET', url: '/report/sw.js' });
      expect(script.statusCode).toBe(404);
    } finally {
      await bare.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
