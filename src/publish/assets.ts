// The site's static assets, the same in every version: the stylesheet and the refresh script.
import { refreshWhenPublished } from '../web/refresh.js';
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
.skip:focus{left:8px;top:8px;background:#fff;padding:4px 8px;z-index:1}
.test-banner{margin:0;padding:8px 16px;background:#ffe8a3;border-bottom:2px solid #1a1a1a;font-weight:700;text-align:center}
header,main,footer{max-width:1100px;margin:0 auto;padding:8px 16px}
header{display:flex;flex-wrap:wrap;justify-content:space-between;gap:8px;border-bottom:1px solid var(--line)}
.election{margin:0;font-weight:700}
.languages{display:flex;flex-wrap:wrap;gap:4px 12px;list-style:none;margin:0;padding:0}
.languages a,.languages span{display:inline-block;min-height:24px}
h1{font-size:1.6rem;line-height:1.25;margin:16px 0 4px}
h2{font-size:1.3rem;margin:24px 0 8px}
h3{font-size:1.1rem;margin:20px 0 4px}
.status,.meta{color:var(--muted);margin:4px 0}
.overview{padding-left:20px}
table.results{border-collapse:collapse;width:100%;margin:8px 0 16px}
table.results caption{text-align:left;font-weight:600;padding:4px 0}
table.results th,table.results td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}
table.results .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.leading{background:var(--lead)}
.badge{display:inline-block;font-size:.8rem;border:1px solid var(--text);border-radius:4px;padding:0 4px}
.scroll{overflow-x:auto}
.map-and-table{display:grid;gap:16px}
@media (min-width:900px){.map-and-table{grid-template-columns:minmax(0,1fr) minmax(0,1fr)}}
figure{margin:0}
svg.map{max-width:100%;height:auto}
.legend{display:flex;flex-wrap:wrap;gap:4px 12px;margin-top:4px}
.swatch{display:inline-block;width:14px;height:14px;margin-right:4px;vertical-align:-2px;border:1px solid #1a1a1a}
${swatches}
.areas,.downloads{columns:2 14em;padding-left:20px}
pre.code{white-space:pre-wrap;word-break:break-all;background:#f4f4f4;border:1px solid var(--line);padding:8px}
footer{border-top:1px solid var(--line);margin-top:32px;color:var(--muted)}
`;

/** The refresh script, as the text of the typed function in src/web. */
export const REFRESH_JS = `"use strict";\n(${refreshWhenPublished.toString()})();\n`;
