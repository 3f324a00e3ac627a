// The site's static assets, the same in every version: the stylesheet and the refresh script.
// Both are text written here, not made from compiled code (a function's source text depends on
// the compiler that built it), so that every build of the same Tally publishes the same bytes and
// the verifier can rebuild them.
import { PALETTE } from './map.js';

const swatches = PALETTE.map((colour, i) => `.swatch.c${String(i)}{background:${colour}}`).join(
  '\n',
);

export const SITE_CSS = `:root{color-scheme:light;--text:#1a1a1a;--muted:#4a4a4a;--link:#0b5394;--line:#c8c8c8;--lead:#eef4fb}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--text);background:#fff}
a{color:var(--link)}
a:focus-visible,[tabindex]:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}
.skip{position:absolute;left:-9999px}
.visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.skip:focus{left:8px;top:8px;background:#fff;padding:4px 8px;z-index:1}
.test-banner{margin:0;padding:8px 16px;background:#ffe8a3;border-bottom:2px solid #1a1a1a;font-weight:700;text-align:center}
header,main,footer{max-width:1100px;margin:0 auto;padding:8px 16px}
header{display:flex;flex-wrap:wrap;justify-content:space-between;gap:8px;border-bottom:1px solid var(--line)}
.election{margin:0;font-weight:700}
.languages{display:flex;flex-wrap:wrap;gap:4px 12px;list-style:none;margin:0;padding:0}
details.languages{display:block}
details.languages summary{cursor:pointer;min-height:24px}
details.languages ul{display:grid;grid-template-columns:repeat(auto-fill,minmax(9em,1fr));list-style:none;margin:4px 0;padding:0;gap:2px 12px}
.languages a,.languages span{display:inline-block;min-height:24px}
h1{font-size:1.6rem;line-height:1.25;margin:16px 0 4px}
h2{font-size:1.3rem;margin:24px 0 8px}
h3{font-size:1.1rem;margin:20px 0 4px}
.standing{margin:4px 0;font-weight:600}
.contest-status{margin:4px 0}
.contest-status strong{display:inline-block;border-left:4px solid var(--line);padding-left:6px}
.status-called strong,.status-certified strong{border-left-color:#1b7a3d}
.status-recount strong{border-left-color:#a15c00}
.contest-status .since{color:var(--muted);font-size:.9rem}
.status,.meta{color:var(--muted);margin:4px 0}
.overview{padding-left:20px}
table.results{border-collapse:collapse;width:100%;margin:8px 0 16px}
table.results caption{text-align:left;font-weight:600;padding:4px 0}
table.results th,table.results td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
table.results .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.results th,table.results td{overflow-wrap:anywhere}
table.results thead th{white-space:normal;hyphens:auto}
tr.leading{background:var(--lead)}
svg.bar{display:block;width:100%;max-width:20em;height:6px;margin-top:4px}
svg.bar .track{fill:#ececec}
.badge{display:inline-block;font-size:.8rem;border:1px solid var(--text);border-radius:4px;padding:0 4px}
.scroll{overflow-x:auto;container-type:inline-size}
.map-and-table{display:grid;gap:16px}
@container (max-width:640px){table.stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
table.stack,table.stack tbody,table.stack th,table.stack td{display:block;width:100%}
table.stack caption{display:block}
table.stack tr{display:grid;grid-template-columns:repeat(auto-fill,minmax(10em,1fr));border-bottom:1px solid var(--line);padding:4px 0}
table.stack tr>th{grid-column:1/-1}
table.stack th,table.stack td{border:0;padding:2px 8px}
table.stack td.num{text-align:left;white-space:normal}
table.stack th,table.stack td{min-width:0;overflow-wrap:anywhere}
table.stack [data-label]::before{content:attr(data-label) ": ";color:var(--muted)}}
figure{margin:0;max-width:640px}
svg.map{max-width:100%;height:auto}
svg.trend{display:block;width:100%;max-width:640px;height:auto}
svg.trend .grid{stroke:#d0d0d0;stroke-width:1}
svg.trend .axis{font:13px system-ui,sans-serif;fill:#444}
.note{color:var(--muted);font-size:.9rem}
.legend{display:flex;flex-wrap:wrap;gap:4px 12px;margin-top:4px}
svg.shade{width:14px;height:14px;margin-right:4px;vertical-align:-2px;border:1px solid #1a1a1a}
svg.map .label{font:11px system-ui,sans-serif;fill:#1a1a1a;stroke:#ffffff;stroke-width:3px;paint-order:stroke;stroke-linejoin:round}
.swatch{display:inline-block;width:14px;height:14px;margin-right:4px;vertical-align:-2px;border:1px solid #1a1a1a}
${swatches}
.areas,.downloads{columns:2 14em;padding-left:20px}
pre.code{white-space:pre-wrap;word-break:break-all;background:#f4f4f4;border:1px solid var(--line);padding:8px}
footer{border-top:1px solid var(--line);margin-top:32px;color:var(--muted)}
`;

/**
 * The public site's one script: it polls current.json and, when a newer version is published
 * whose copy of this page differs (the two files' ETags, content hashes, differ), loads it. A page
 * whose numbers did not change is not reloaded under its reader. Without JavaScript the site
 * works the same, a reload away. It is a file of its own (assets/refresh.js), so the
 * Content-Security-Policy can forbid every inline script. Offline or overloaded, it backs off,
 * up to a minute.
 */
export const REFRESH_JS = `"use strict";
(function refreshWhenPublished() {
  const html = document.documentElement;
  const current = html.dataset.current;
  const versionRoot = html.dataset.versionRoot;
  if (current === undefined || versionRoot === undefined) return;
  const here = new URL(window.location.href);
  const base = new URL(versionRoot, here);
  const version = Number(/\\/v\\/(\\d+)\\/$/.exec(base.pathname)?.[1]);
  if (!Number.isInteger(version)) return;
  const pagePath = here.pathname.slice(base.pathname.length);
  let seen = version;
  let delay = 5000;
  const etag = async (url) => (await fetch(url, { method: 'HEAD' })).headers.get('etag');
  const check = async () => {
    try {
      const response = await fetch(new URL(current, here), { cache: 'no-cache' });
      if (response.ok) {
        const latest = await response.json();
        if (typeof latest.version === 'number' && latest.version > seen) {
          seen = latest.version;
          const next = new URL('../' + String(latest.version) + '/' + pagePath, base);
          const [mine, theirs] = await Promise.all([etag(here), etag(next)]);
          if (mine === null || theirs === null || mine !== theirs) {
            window.location.replace(next.href + here.hash);
            return;
          }
        }
      }
      delay = 5000;
    } catch {
      delay = Math.min(delay * 2, 60000);
    }
    window.setTimeout(() => void check(), delay);
  };
  window.setTimeout(() => void check(), delay);
})();
`;
