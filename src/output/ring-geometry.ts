/** A planar point `[x, y]` (or `[lng, lat]`). */
type Point = readonly [number, number] | readonly number[];

/** Shoelace area of a closed ring (first point repeated), positive when counter-clockwise. */
export function signedArea(ring: readonly Point[]): number {
  let twice = 0;
  for (let i = 0; i + 1 < ring.length; i++) twice += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return twice / 2;
}

/** Even–odd test: whether `(x, y)` lies inside a closed ring (points on the boundary may go either way). */
export function ringContains(ring: readonly Point[], x: number, y: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i++) {
    const xi = ring[i][0], yi = ring[i][1], xj = ring[j][0], yj = ring[j][1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
