import fc from "fast-check";
import polygonClipping from "polygon-clipping";
import { describe, expect, it } from "vitest";
import { bufferedHull } from "../../src/output/buffered-hull.js";
import { clipRingsToConvex } from "../../src/output/convex-clip.js";
import type { Position } from "../../src/output/geojson-types.js";
import { polygonsFromLoops } from "../../src/output/loop-polygons.js";
import { voronoiBoundaries } from "../../src/output/voronoi-boundaries.js";
import { area, ringArea } from "./geometry-checks.js";

type Point = [number, number];

const square = (x0: number, y0: number, x1: number, y1: number, clockwise = false): Point[] => {
  const ring: Point[] = [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
  return clockwise ? ring.reverse() : ring;
};

/** Area of the symmetric difference of two regions. */
const differenceArea = (a: Point[][], b: Position[][][]) => area(polygonClipping.xor(polygonsFromLoops(a), b as Point[][][]) as Position[][][]);

describe("clipRingsToConvex", () => {
  const clip = square(0, 0, 10, 10);

  it("keeps a ring inside, drops one outside, and cuts one across the boundary along it", () => {
    expect(clipRingsToConvex([square(2, 2, 4, 4)], clip)).toEqual([square(2, 2, 4, 4)]);
    expect(clipRingsToConvex([square(20, 2, 24, 4)], clip)).toEqual([]);
    const cut = clipRingsToConvex([square(5, 5, 15, 15)], clip)!;
    expect(cut).toHaveLength(1);
    expect(ringArea(cut[0])).toBeCloseTo(25, 12);
    expect(cut[0][0]).toEqual(cut[0][cut[0].length - 1]);
  });

  it("gives the whole clip polygon for a ring around it, and nothing when a hole goes around it too", () => {
    const around = clipRingsToConvex([square(-5, -5, 15, 15)], clip)!;
    expect(around).toHaveLength(1);
    expect(ringArea(around[0])).toBeCloseTo(100, 12);
    expect(clipRingsToConvex([square(-5, -5, 15, 15), square(-2, -2, 12, 12, true)], clip)).toEqual([]);
  });

  it("joins the pieces of a hole that crosses the boundary with arcs of it", () => {
    // A ring around the clip polygon with a hole biting into its corner: the clip minus the bite.
    const rings = clipRingsToConvex([square(-5, -5, 15, 15), square(8, 8, 12, 12, true)], clip)!;
    expect(rings.reduce((sum, ring) => sum + ringArea(ring), 0)).toBeCloseTo(96, 12);
    // A U whose two arms leave the clip polygon: its two pieces inside and two arcs make one ring.
    const u: Point[] = [[2, 2], [8, 2], [8, 20], [6, 20], [6, 4], [4, 4], [4, 20], [2, 20], [2, 2]];
    const pieces = clipRingsToConvex([u], clip)!;
    expect(pieces).toHaveLength(1);
    expect(ringArea(pieces[0])).toBeCloseTo(12 + 2 * 2 * 6, 12);
  });

  it("declines (null) when a vertex lies on the boundary", () => {
    expect(clipRingsToConvex([square(5, 5, 10, 15)], clip)).toBeNull();
  });

  it("clips Voronoi regions to their grown hull as polygon-clipping does", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 })), { minLength: 3, maxLength: 60, selector: ([x, y]) => `${x},${y}` }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 60, maxLength: 60 }),
        fc.double({ min: 0.05, max: 2, noNaN: true }),
        (cells, owners, buffer) => {
          // Grid sites 0.25 apart, jittered off the grid's cocircular fours; near-coincident sites
          // would make polygon-clipping itself fail or err, so it would be no fair reference.
          const points = cells.map(([x, y], i): Point => [x / 4 + 0.01 * Math.sin(i * 7.1), y / 4 + 0.01 * Math.cos(i * 3.3)]);
          const owner = Int32Array.from(points, (_, i) => owners[i]);
          const hull = bufferedHull(points, buffer);
          const loops = voronoiBoundaries(points, owner, 4 * (15 + buffer));
          if (!loops) return;
          for (const { rings, touching } of loops.values()) {
            if (touching) continue;
            let expected: Position[][][];
            try {
              expected = polygonClipping.intersection(polygonsFromLoops(rings), [hull]) as Position[][][];
            } catch {
              continue; // polygon-clipping fails on some near-degenerate input: no reference
            }
            const clipped = clipRingsToConvex(rings, hull);
            if (!clipped) continue;
            for (const ring of clipped) expect(ring[0]).toEqual(ring[ring.length - 1]);
            const got = polygonsFromLoops(clipped);
            expect(area(got as Position[][][])).toBeCloseTo(area(expected), 6);
            expect(differenceArea(clipped, expected)).toBeLessThan(1e-6);
          }
        },
      ),
      { seed: 11, numRuns: 300 },
    );
  });
});
