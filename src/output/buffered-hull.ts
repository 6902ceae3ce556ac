import { convexHull } from "./convex-hull.js";

/** Vertices of the polygon that stands in for the buffer disc. */
const DISC_VERTICES = 32;

/**
 * The convex hull of planar points grown by `buffer` in every direction: the hull of every hull
 * vertex moved by a 32-gon of circumradius `buffer`. Returns a closed counter-clockwise ring. One
 * point gives a 32-gon; collinear points give a stadium. `buffer` must be > 0.
 */
export function bufferedHull(points: readonly (readonly [number, number])[], buffer: number): [number, number][] {
  const grown: [number, number][] = [];
  for (const [x, y] of convexHull(points)) {
    for (let k = 0; k < DISC_VERTICES; k++) {
      const angle = (2 * Math.PI * k) / DISC_VERTICES;
      grown.push([x + buffer * Math.cos(angle), y + buffer * Math.sin(angle)]);
    }
  }
  const ring = convexHull(grown);
  ring.push([ring[0][0], ring[0][1]]);
  return ring;
}
