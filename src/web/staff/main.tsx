// The staff application's entry: renders the application into the page shell that
// src/server/staff_pages.ts serves. Preact (already Tally's renderer for the public site's pages)
// draws the screens: declarative components with hooks in a few kilobytes, and it sets every text
// as text, so nothing the API answers (names, reasons, messages) can become markup.
import { render } from 'preact';
import { App } from './app.js';

const root = document.getElementById('app');
if (root !== null) {
  root.textContent = '';
  render(<App />, root);
}
