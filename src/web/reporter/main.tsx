// The precinct reporter app's entry: renders the app into the page shell that
// src/server/reporter_pages.ts serves, and registers the service worker that keeps the app on
// the phone for when there is no network. Preact, as the staff application: it sets every text
// as text, so nothing the server answers can become markup.
import { render } from 'preact';
import { App } from './app.js';
import { APP_PATH } from './shell.js';

const root = document.getElementById('app');
if (root !== null) {
  root.textContent = '';
  render(<App />, root);
}

if ('serviceWorker' in navigator) {
  // Without it the app still works while online; the outbox is kept either way.
  navigator.serviceWorker.register(`${APP_PATH}sw.js`, { scope: APP_PATH }).catch(() => undefined);
}
