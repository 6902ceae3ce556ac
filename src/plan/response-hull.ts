/**
 * The levels (visit counts) on the upper concave hull of a response table y[0…M], from 0 up to
 * the first level where y is largest (levels past the peak never pay). Points on a straight
 * stretch of the hull are kept, so the greedy can take one visit at a time along it. For a concave
 * table every level up to the peak is on the hull; for an S-shaped one the hull jumps from 0 to
 * the tangent point past the bend.
 */
export function upperHullLevels(y: Float64Array): Int32Array {
  let peak = 0;
  for (let v = 1; v < y.length; v++) if (y[v] > y[peak]) peak = v;
  const hull = new Int32Array(peak + 1);
  let size = 0;
  for (let v = 0; v <= peak; v++) {
    // Drop the last hull point while it lies strictly below the chord from the one before it to v.
    while (size >= 2) {
      const a = hull[size - 2], b = hull[size - 1];
      const cross = (y[b] - y[a]) * (v - a) - (y[v] - y[a]) * (b - a);
      if (cross < 0) size--;
      else break;
    }
    hull[size++] = v;
  }
  return hull.slice(0, size);
}
