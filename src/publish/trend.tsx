// The night's trend of a contest: each choice's share of the votes counted by each time, drawn at
// publish time as an SVG line chart. It is read from the tally's slots (Tally.trend): what the
// submissions that count now, received in each slot of TREND_SLOT_MS, add to each choice. The
// chart is a picture of the table the page shows with it, so it is hidden from assistive
// technology.
import { TREND_SLOT_MS, type TrendSlots } from '../core/tally.js';
import type { Contest } from '../core/election.js';
import { paletteColour } from './map.js';

/** A contest's votes per choice counted by `time` (milliseconds since the epoch). */
export interface TrendPoint {
  readonly time: number;
  readonly counts: Readonly<Record<string, number>>;
}

/** The widths a chart's points may be apart, in milliseconds: the first that fits is used. */
const WIDTHS = [10, 20, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200]
  .map((s) => s * 1000)
  .concat([1, 2, 7, 14, 28].map((d) => d * 86_400_000));

/**
 * A contest's points through the night, at most `most` of them: the slots merged into the
 * narrowest width (WIDTHS) that gives no more points, each point the votes counted by its end
 * (by `until`, the time of the page's numbers, for the last). Only slots the contest's votes changed in are
 * points. A pure function of the slots, so that the verifier draws the same chart.
 */
export function trendPoints(
  slots: TrendSlots,
  contest: Contest,
  most: number,
  until: number,
): TrendPoint[] {
  const at = slots.offsets.get(contest.id);
  if (at === undefined) return [];
  const width = contest.choices.length;
  const changed = [...slots.slots]
    .filter(([, numbers]) => {
      for (let i = 0; i < width; i++) if ((numbers[at + i] ?? 0) !== 0) return true;
      return false;
    })
    .sort(([a], [b]) => a - b);
  if (changed.length === 0) return [];
  const starts = changed.map(([slot]) => slot * TREND_SLOT_MS);
  const step =
    WIDTHS.find((w) => new Set(starts.map((t) => Math.floor(t / w))).size <= most) ??
    28 * 86_400_000;
  const sums = new Float64Array(width);
  const points: TrendPoint[] = [];
  changed.forEach(([slot, numbers], k) => {
    for (let i = 0; i < width; i++) sums[i] = (sums[i] ?? 0) + (numbers[at + i] ?? 0);
    const bucket = Math.floor((slot * TREND_SLOT_MS) / step);
    const next = changed[k + 1];
    if (next !== undefined && Math.floor((next[0] * TREND_SLOT_MS) / step) === bucket) return;
    const counts: Record<string, number> = {};
    contest.choices.forEach((c, i) => (counts[c.id] = sums[i] ?? 0));
    points.push({ time: Math.min((bucket + 1) * step, until), counts });
  });
  return points;
}

/** Each choice's share of the votes of a point, in ballot order; 0 before any vote. */
export function pointShares(contest: Contest, point: TrendPoint): number[] {
  let all = 0;
  for (const c of contest.choices) all += point.counts[c.id] ?? 0;
  return contest.choices.map((c) => (all > 0 ? (point.counts[c.id] ?? 0) / all : 0));
}

// Drawn for a phone's width first (a wider screen scales it up): its labels stay readable.
const W = 400;
const H = 220;
const PAD = { left: 48, right: 12, top: 10, bottom: 26 };

/**
 * The chart: a line per choice (its colour as in the tables and maps), the shares on a scale
 * from 0 to the nearest tenth above the highest, the first and last times under it.
 */
export function TrendChart(props: {
  contest: Contest;
  points: readonly TrendPoint[];
  /** How a share and a time are written on the axes, in the page's language. */
  percent: (share: number) => string;
  clock: (time: number) => string;
}): preact.JSX.Element {
  const { contest, points } = props;
  const shares = points.map((p) => pointShares(contest, p));
  const highest = Math.max(0.1, ...shares.flat());
  const top = Math.min(1, Math.ceil(highest * 10) / 10);
  const first = points[0]?.time ?? 0;
  const last = points[points.length - 1]?.time ?? first;
  const x = (t: number): number =>
    PAD.left +
    (last === first
      ? (W - PAD.left - PAD.right) / 2
      : ((t - first) / (last - first)) * (W - PAD.left - PAD.right));
  const y = (s: number): number => PAD.top + (1 - s / top) * (H - PAD.top - PAD.bottom);
  const round = (n: number): string => String(Math.round(n * 10) / 10);
  // A line each tenth (each fifth above a half), in whole percentages.
  const step = top > 0.5 ? 0.2 : 0.1;
  const grid = Array.from({ length: Math.floor(top / step + 1e-9) + 1 }, (_, i) => i * step);
  return (
    <svg
      class="trend"
      viewBox={`0 0 ${String(W)} ${String(H)}`}
      aria-hidden="true"
      focusable="false"
    >
      {grid.map((s) => (
        <g key={s}>
          <line class="grid" x1={PAD.left} x2={W - PAD.right} y1={round(y(s))} y2={round(y(s))} />
          <text class="axis" x={PAD.left - 4} y={round(y(s) + 4)} text-anchor="end">
            {props.percent(s)}
          </text>
        </g>
      ))}
      <text class="axis" x={PAD.left} y={H - 6} text-anchor="start">
        {props.clock(first)}
      </text>
      {last === first ? null : (
        <text class="axis" x={W - PAD.right} y={H - 6} text-anchor="end">
          {props.clock(last)}
        </text>
      )}
      {contest.choices.map((c, i) => {
        const colour = paletteColour(i);
        const at = points.map((p, k) => [x(p.time), y(shares[k]?.[i] ?? 0)] as const);
        const [only] = at;
        if (at.length === 1 && only !== undefined) {
          return <circle key={c.id} cx={round(only[0])} cy={round(only[1])} r="3" fill={colour} />;
        }
        const line = at.map(([px, py]) => `${round(px)},${round(py)}`).join(' ');
        return <polyline key={c.id} points={line} fill="none" stroke={colour} stroke-width="2" />;
      })}
    </svg>
  );
}
