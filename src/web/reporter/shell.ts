// The files of the reporter app's shell, which its service worker keeps for the app to open
// offline: src/server/reporter_pages.ts REPORTER_SHELL_FILES (reporter_pages.test.ts holds the
// two together; the layers keep the browser's code and the server's apart).

export const APP_PATH = '/report/';

export const SHELL_FILES: readonly string[] = [
  APP_PATH,
  '/report/assets/app.js',
  '/report/assets/app.css',
  '/report/assets/icon.svg',
  '/report/manifest.webmanifest',
];
