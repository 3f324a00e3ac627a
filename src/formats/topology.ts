// Unit outlines from TopoJSON, the compact form map data is published in (us-atlas, world-atlas,
// most GIS exports): each geometry of one of a topology's objects as the GeoJSON boundary the
// election definition holds (RFC 7946, longitude and latitude), by the geometry's id.
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Boundary } from '../core/election.js';

type Position = [number, number];

/**
 * The outlines of `object`'s polygons in `topology`, by geometry id (those `ids` keeps, all when
 * absent), their coordinates rounded to `digits` decimals (4: about ten metres, plenty for a
 * results map, and a definition a tenth the size).
 */
export function topologyBoundaries(
  topology: Topology,
  object: string,
  options: { readonly ids?: ReadonlySet<string>; readonly digits?: number } = {},
): Map<string, Boundary> {
  const collection = topology.objects[object];
  if (collection?.type !== 'GeometryCollection') {
    throw new Error(`the topology has no geometry collection "${object}"`);
  }
  const factor = 10 ** (options.digits ?? 4);
  const round = ([x, y]: number[]): Position => [
    Math.round((x ?? 0) * factor) / factor,
    Math.round((y ?? 0) * factor) / factor,
  ];
  // Rounding may make neighbouring points one; a ring keeps each once, and stays closed.
  const ring = (points: number[][]): Position[] =>
    points
      .map(round)
      .filter((p, i, all) => i === 0 || p[0] !== all[i - 1]?.[0] || p[1] !== all[i - 1]?.[1]);
  const wanted: GeometryCollection = {
    type: 'GeometryCollection',
    geometries: (collection as GeometryCollection).geometries.filter(
      (g) => options.ids === undefined || options.ids.has(String(g.id)),
    ),
  };
  const boundaries = new Map<string, Boundary>();
  for (const f of feature(topology, wanted).features) {
    const g = f.geometry;
    // A polygon keeps the rings rounding leaves a shape (4 points, closed); one whose outer
    // ring it does not, it drops (an islet a map could not show).
    const polygon = (rings: number[][][]): Position[][] | undefined => {
      const kept = rings.map(ring);
      return (kept[0]?.length ?? 0) >= 4 ? kept.filter((r) => r.length >= 4) : undefined;
    };
    const polygons = (
      g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : []
    )
      .map(polygon)
      .filter((p): p is Position[][] => p !== undefined);
    const [only] = polygons;
    if (only === undefined) continue;
    boundaries.set(
      String(f.id),
      polygons.length === 1
        ? { type: 'Polygon', coordinates: only }
        : { type: 'MultiPolygon', coordinates: polygons },
    );
  }
  return boundaries;
}
