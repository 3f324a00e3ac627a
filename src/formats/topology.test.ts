import { describe, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import { parseElectionDefinition } from '../core/election.js';
import { sampleDefinition } from '../core/testonly/fixtures.js';
import { topologyBoundaries } from './topology.js';

// Two squares sharing an edge (arc 0), as TopoJSON stores them: each arc once, a shared one
// reversed (~0) by the second square; quantized with a transform.
const squares: Topology = {
  type: 'Topology',
  transform: { scale: [0.5, 0.5], translate: [-72, 43] },
  objects: {
    counties: {
      type: 'GeometryCollection',
      geometries: [
        { type: 'Polygon', id: 'west', arcs: [[0, 1]] },
        { type: 'Polygon', id: 'east', arcs: [[~0, 2]] },
        { type: 'Point', id: 'seat', coordinates: [1, 1] },
      ],
    },
  },
  arcs: [
    // Delta-encoded, quantized: (2,0) to (2,2).
    [
      [2, 0],
      [0, 2],
    ],
    // (2,2) to (0,2) to (0,0) to (2,0).
    [
      [2, 2],
      [-2, 0],
      [0, -2],
      [2, 0],
    ],
    // (2,0) to (4,0) to (4,2) to (2,2).
    [
      [2, 0],
      [2, 0],
      [0, 2],
      [-2, 0],
    ],
  ],
};

describe('outlines from TopoJSON', () => {
  it('gives each polygon of an object as the GeoJSON boundary a definition holds, by id', () => {
    const outlines = topologyBoundaries(squares, 'counties');
    expect([...outlines.keys()]).toEqual(['west', 'east']);
    expect(outlines.get('west')).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [-71, 43],
          [-71, 44],
          [-72, 44],
          [-72, 43],
          [-71, 43],
        ],
      ],
    });
    // The shared edge, reversed, closes the east square.
    expect(outlines.get('east')?.coordinates[0]).toContainEqual([-70, 44]);
  });

  it('keeps the ids asked for, and makes outlines a definition accepts', () => {
    const outlines = topologyBoundaries(squares, 'counties', { ids: new Set(['east']) });
    expect([...outlines.keys()]).toEqual(['east']);
    const definition = sampleDefinition(['authority+00000000+AAAA']);
    const parsed = parseElectionDefinition({
      ...definition,
      units: definition.units.map((u) =>
        u.id === 'north' ? { ...u, boundary: outlines.get('east') } : u,
      ),
    });
    expect(parsed.ok).toBe(true);
  });

  it('refuses an object the topology does not have', () => {
    expect(() => topologyBoundaries(squares, 'states')).toThrow('no geometry collection "states"');
  });
});
