// The reporter app's service worker: it keeps the app's shell and files (the page, its script,
// stylesheet, icon and manifest) so that the app opens with no network, and answers every visit
// to /report/ from them. Nothing else passes through it: the API's answers are about now, and
// the reports waiting for the network are in the app's outbox (IndexedDB), not here.
// The server writes the worker's version in place of the placeholder (the hash of every file it
// keeps: src/server/reporter_pages.ts), so a new release of any of them installs a new worker,
// which keeps the new files and drops the old.
import { APP_PATH as APP, SHELL_FILES } from './shell.js';

/** What a service worker's events give, as far as this one uses them. */
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Response | Promise<Response>): void;
}
interface WorkerScope {
  readonly location: Location;
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}

const scope = globalThis as unknown as WorkerScope;

const VERSION = '__TALLY_REPORTER_VERSION__';
const PREFIX = 'tally-reporter-';
const CACHE = `${PREFIX}${VERSION}`;

scope.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // From the server, not from the browser's HTTP cache: the files of this very version.
      await cache.addAll(SHELL_FILES.map((path) => new Request(path, { cache: 'reload' })));
      // The new files take over at once: the app keeps nothing in memory it could lose.
      await scope.skipWaiting();
    })(),
  );
});

scope.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys())
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      await scope.clients.claim();
    })(),
  );
});

/** The kept answer for a request of the app, from the network only if it was never kept. */
async function kept(path: string, request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  return (await cache.match(path)) ?? fetch(request);
}

scope.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.location.origin || !url.pathname.startsWith(APP)) return;
  // Every page of the app is its one shell, whatever the address's query and fragment.
  if (request.mode === 'navigate') {
    event.respondWith(kept(APP, request));
    return;
  }
  if (SHELL_FILES.includes(url.pathname)) event.respondWith(kept(url.pathname, request));
});
