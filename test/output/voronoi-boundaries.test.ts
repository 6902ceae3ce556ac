import { Delaunay } from "d3-delaunay";
import fc from "fast-check";
import polygonClipping, { type MultiPolygon, type Polygon } from "polygon-clipping";
import { describe, expect, it } from "vitest";
import { bufferedHull } from "../../src/output/buffered-hull.js";
import type { Position } from "../../src/output/geojson-types.js";
import { polygonsFromLoops } from "../../src/output/loop-polygons.js";
import { voronoiBoundaries } from "../../src/output/voronoi-boundaries.js";
import { area, covers } from "./geometry-checks.js";

/** Each owner's region the slow, obvious way: union of its clipped Voronoi cells. */
function unionOfCells(points: [number, number][], owner: Int32Array): Map<number, MultiPolygon> {
  const voronoi = Delaunay.from(points).voronoi([-1000, -1000, 1000, 1000]);
  const cells = new Map<number, Polygon[]>();
  points.forEach((_, i) => {
    const cell = voronoi.cellPolygon(i);
    if (cell) cells.set(owner[i], [...(cells.get(owner[i]) ?? []), [cell as [number, number][]]]);
  });
  return new Map([...cells].map(([r, own]) => [r, polygonClipping.union(own[0], ...own.slice(1))]));
}

describe("voronoiBoundaries", () => {
  it("encloses the same region per owner as the union of its cells, also on grids with cocircular sites", () => {
    const pointsArb = fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 })), {
      minLength: 1,
      maxLength: 40,
      selector: ([x, y]) => `${x},${y}`,
    });
    fc.assert(
      fc.property(pointsArb, fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 40, maxLength: 40 }), fc.boolean(), (cells, owners, jitter) => {
        // Grid points are cocircular in fours (degenerate Voronoi vertices); jitter breaks that.
        const points = cells.map(([x, y], i): [number, number] => [x + (jitter ? Math.sin(i * 7.1) * 0.01 : 0), y]);
        const owner = Int32Array.from(points, (_, i) => owners[i]);
        const hull = [bufferedHull(points, 0.5)];
        const loops = voronoiBoundaries(points, owner, 4 * (15 + 0.5));
        if (!loops) return; // degenerate input: the caller falls back to the union of cells
        const expected = unionOfCells(points, owner);
        expect(new Set(loops.keys())).toEqual(new Set(expected.keys()));
        let total = 0;
        for (const [r, { rings, touching }] of loops) {
          for (const ring of rings) expect(ring[0]).toEqual(ring[ring.length - 1]);
          const even = polygonClipping.xor([rings[0]], ...rings.slice(1).map((ring) => [ring]));
          // Loops that do not touch make the same region without the sweep.
          if (!touching) expect(area(polygonsFromLoops(rings) as Position[][][])).toBeCloseTo(area(even as Position[][][]), 9);
          const fast = polygonClipping.intersection(even, hull) as Position[][][];
          const slow = polygonClipping.intersection(expected.get(r)!, hull) as Position[][][];
          expect(area(fast)).toBeCloseTo(area(slow), 6);
          points.forEach((p, i) => owner[i] === r && expect(covers(fast, p)).toBe(true));
          total += area(fast);
        }
        // Same areas, every site in its owner's region, and together exactly the hull: no overlaps, no gaps.
        expect(total).toBeCloseTo(area([hull as Position[][]]), 6);
      }),
      { seed: 77, numRuns: 150 },
    );
  });

  it("orients each loop with its owner's sites on the left", () => {
    const points: [number, number][] = [[0, 0], [1, 0], [0, 1], [1, 1], [5, 5]];
    const loops = voronoiBoundaries(points, Int32Array.from([0, 0, 0, 0, 1]), 100)!;
    const ring = loops.get(0)!.rings[0];
    let twice = 0;
    for (let i = 0; i + 1 < ring.length; i++) twice += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
    expect(twice).toBeGreaterThan(0);
  });
});
