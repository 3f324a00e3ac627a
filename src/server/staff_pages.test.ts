// The staff application's pages: static shells under a strict Content-Security-Policy, absent from
// the OpenAPI description (which lists only the API, every guarded route of which answers 401
// without a session).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStaffApp } from '../web/build.js';
import { ingestHarness, type IngestHarness } from './testonly/ingest_harness.js';
import { registerStaffPages, STAFF_PAGE_CSP, STAFF_PAGES } from './staff_pages.js';

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
];

describe('the staff application’s pages', { timeout: 60_000 }, () => {
  let h: IngestHarness;

  beforeAll(async () => {
    await buildStaffApp();
    h = await ingestHarness();
  }, 60_000);
  afterAll(async () => {
    await h.dispose();
  });

  it('states the policy the pages need and nothing looser', () => {
    expect(STAFF_PAGE_CSP.split('; ')).toEqual(CSP);
  });

  it.each([...STAFF_PAGES, '/staff/app/review?election=sample-2026&entry=7'])(
    '%s is a shell with no data, no inline script or style, under the strict policy',
    async (url) => {
      const res = await h.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['content-security-policy']).toBe(CSP.join('; '));
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['set-cookie']).toBeUndefined();
      const html = res.body;
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts).toEqual(['<script type="module" src="/staff/app/assets/app.js">']);
      expect(html).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=/i);
      expect(html).toContain('<link rel="stylesheet" href="/staff/app/assets/app.css">');
      expect(html).not.toContain('sample-2026');
    },
  );

  it('sends /staff/app on to /staff/app/', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/staff/app' });
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe('/staff/app/');
  });

  it.each([
    ['app.js', 'text/javascript; charset=utf-8'],
    ['app.css', 'text/css; charset=utf-8'],
  ])('serves %s as %s, revalidated by its hash', async (name, type) => {
    const url = `/staff/app/assets/${name}`;
    const res = await h.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(type);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBe(CSP.join('; '));
    expect(res.body.length).toBeGreaterThan(1000);
    const etag = res.headers.etag;
    expect(etag).toMatch(/^"[\w-]{22}"$/);
    const again = await h.app.inject({
      method: 'GET',
      url,
      headers: { 'if-none-match': String(etag) },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('leaves the pages and their files out of the OpenAPI description', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/openapi.json' })).json<{
      paths: Record<string, unknown>;
    }>();
    const paths = Object.keys(doc.paths);
    expect(paths).toContain('/staff/sign-in');
    expect(paths.filter((p) => p.startsWith('/staff/app'))).toEqual([]);
  });

  it('says how to build the application when it was not built, under the same policy', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'tally-staff-unbuilt-'));
    const app = Fastify();
    registerStaffPages(app, { appDir: empty });
    try {
      const page = await app.inject({ method: 'GET', url: '/staff/app/' });
      expect(page.statusCode).toBe(503);
      expect(page.headers['content-security-policy']).toBe(CSP.join('; '));
      expect(page.body).toContain('npm run build');
      const script = await app.inject({ method: 'GET', url: '/staff/app/assets/app.js' });
      expect(script.statusCode).toBe(404);
      expect(script.json()).toMatchObject({ error: { code: 'not_found' } });
    } finally {
      await app.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
