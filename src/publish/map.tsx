// Maps of results: an SVG drawn at publish time from the units' GeoJSON boundaries in the
// election definition (d3-geo), each area filled with its leader's colour, shaded by the lead's
// margin (MARGIN_SHADES), and labelled with its name where the areas are few enough to read. The
// map is a picture of a table that the page always shows with it, so it is hidden from assistive
// technology.
import { geoIdentity, geoPath } from 'd3-geo';
import type { Boundary } from '../core/election.js';

export interface MapArea {
  readonly id: string;
  readonly boundary: Boundary;
  /** A palette index, or undefined for no result yet (or a tie). */
  readonly colour: number | undefined;
  /** The lead's margin, as a share of the votes: the first loser's votes from the last winner's. */
  readonly margin: number | undefined;
  /** The area's name, written on the map. */
  readonly name: string;
  /** The area's name and its leader, for a pointer resting on it. */
  readonly label: string;
}

/**
 * The shades of a leader's colour, by margin: under 5 points, 5 to 15, over 15. Each is the
 * colour's opacity on the white page, `upTo` the margin it shades (the last takes the rest).
 */
export const MARGIN_SHADES = [
  { upTo: 0.05, opacity: 0.35 },
  { upTo: 0.15, opacity: 0.65 },
  { upTo: 1, opacity: 1 },
] as const;

/** The shade of a lead's margin (MARGIN_SHADES): its index. */
export function marginShade(margin: number): number {
  const i = MARGIN_SHADES.findIndex((s) => margin < s.upTo);
  return i === -1 ? MARGIN_SHADES.length - 1 : i;
}

/** Areas are named on the map up to this many; more would cover it. */
const LABELLED_AREAS = 30;

/**
 * Colours for leaders: distinct in hue and lightness, each with at least 3:1 contrast against
 * the white page (WCAG 1.4.11).
 */
export const PALETTE = [
  '#1f5fa8',
  '#b3261e',
  '#1b7a3d',
  '#7a4fb0',
  '#9a5b00',
  '#006d77',
  '#a3195b',
  '#4d5d00',
];
const NO_RESULT = '#d9d9d9';

export const paletteColour = (index: number): string =>
  PALETTE[index % PALETTE.length] ?? NO_RESULT;

export function ResultsMap(props: {
  readonly areas: readonly MapArea[];
  readonly width?: number;
  readonly height?: number;
}): preact.JSX.Element | null {
  const { areas } = props;
  if (areas.length === 0) return null;
  const width = props.width ?? 480;
  const height = props.height ?? 360;
  const collection = {
    type: 'FeatureCollection' as const,
    features: areas.map((a) => ({
      type: 'Feature' as const,
      properties: {},
      geometry: a.boundary,
    })),
  };
  // Planar: boundaries are small enough that lon/lat as x/y reads right, and planar geometry
  // does not care which way a GeoJSON ring winds.
  const projection = geoIdentity().reflectY(true).fitSize([width, height], collection);
  const path = geoPath(projection);
  return (
    <svg
      class="map"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      aria-hidden="true"
      focusable="false"
    >
      {areas.map((a, i) => (
        <path
          key={a.id}
          d={path(collection.features[i] as GeoJSON.Feature) ?? ''}
          fill={a.colour === undefined ? NO_RESULT : paletteColour(a.colour)}
          fill-opacity={
            a.colour === undefined || a.margin === undefined
              ? undefined
              : String(MARGIN_SHADES[marginShade(a.margin)]?.opacity ?? 1)
          }
          stroke="#ffffff"
          stroke-width="1"
        >
          <title>{a.label}</title>
        </path>
      ))}
      {areas.length > LABELLED_AREAS
        ? null
        : labelled(areas, collection.features, path).map(({ area, x, y }) => (
            <text
              key={area.id}
              class="label"
              x={x.toFixed(1)}
              y={y.toFixed(1)}
              text-anchor="middle"
            >
              {area.name}
            </text>
          ))}
    </svg>
  );
}

/** About how wide a label's letter is, and how tall its line, at the map's 11px type. */
const LETTER = 6.2;
const LINE = 13;

/**
 * The areas named on the map, where: at its centre, the largest areas first, each only where
 * its name does not cross one already written (the table names every area).
 */
function labelled(
  areas: readonly MapArea[],
  features: readonly GeoJSON.Feature[],
  path: ReturnType<typeof geoPath>,
): { area: MapArea; x: number; y: number }[] {
  const placed: { area: MapArea; x: number; y: number; half: number }[] = [];
  const bySize = areas
    .map((area, i) => ({ area, feature: features[i] as GeoJSON.Feature }))
    .map((a) => ({ ...a, size: path.area(a.feature) }))
    .sort((a, b) => b.size - a.size);
  for (const { area, feature } of bySize) {
    const [x, y] = path.centroid(feature);
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const half = (area.name.length * LETTER) / 2;
    const crosses = placed.some(
      (p) => Math.abs(p.x - x) < p.half + half && Math.abs(p.y - y) < LINE,
    );
    if (!crosses) placed.push({ area, x, y, half });
  }
  // In the areas' order, as the table lists them.
  return areas.flatMap((area) => placed.filter((p) => p.area === area));
}
