// Maps of results: an SVG drawn at publish time from the units' GeoJSON boundaries in the
// election definition (d3-geo), each area filled with its leader's colour. The map is a picture
// of a table that the page always shows beside it, so it is hidden from assistive technology.
import { geoIdentity, geoPath } from 'd3-geo';
import type { Boundary } from '../core/election.js';

export interface MapArea {
  readonly id: string;
  readonly boundary: Boundary;
  /** A palette index, or undefined for no result yet. */
  readonly colour: number | undefined;
  readonly label: string;
}

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
          stroke="#ffffff"
          stroke-width="1"
        >
          <title>{a.label}</title>
        </path>
      ))}
    </svg>
  );
}
