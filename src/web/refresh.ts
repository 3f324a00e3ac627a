// The public site's one script: it polls current.json and, when a newer version is published
// whose copy of this page differs (the two files' ETags, content hashes, differ), loads it. A page
// whose numbers did not change is not reloaded under its reader. Without JavaScript the site
// works the same, a reload away. It is published as a file of its own (assets/refresh.js), so the Content-Security-Policy
// can forbid every inline script.

/** Runs in the browser; published as the text of this function. */
export function refreshWhenPublished(): void {
  const html = document.documentElement;
  const current = html.dataset['current'];
  const versionRoot = html.dataset['versionRoot'];
  if (current === undefined || versionRoot === undefined) return;
  const here = new URL(window.location.href);
  const base = new URL(versionRoot, here);
  const version = Number(/\/v\/(\d+)\/$/.exec(base.pathname)?.[1]);
  if (!Number.isInteger(version)) return;
  const pagePath = here.pathname.slice(base.pathname.length);
  let seen = version;
  let delay = 5000;
  const etag = async (url: URL): Promise<string | null> =>
    (await fetch(url, { method: 'HEAD' })).headers.get('etag');
  const check = async (): Promise<void> => {
    try {
      const response = await fetch(new URL(current, here), { cache: 'no-cache' });
      if (response.ok) {
        const latest = (await response.json()) as { version?: unknown };
        if (typeof latest.version === 'number' && latest.version > seen) {
          seen = latest.version;
          const next = new URL(`../${String(latest.version)}/${pagePath}`, base);
          const [mine, theirs] = await Promise.all([etag(here), etag(next)]);
          if (mine === null || theirs === null || mine !== theirs) {
            window.location.replace(next.href + here.hash);
            return;
          }
        }
      }
      delay = 5000;
    } catch {
      // Offline or overloaded: back off, up to a minute.
      delay = Math.min(delay * 2, 60_000);
    }
    window.setTimeout(() => void check(), delay);
  };
  window.setTimeout(() => void check(), delay);
}
