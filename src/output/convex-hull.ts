/**
 * Convex hull of planar points (Andrew's monotone chain), counter-clockwise, without repeating the
 * first point. Collinear points on the hull are dropped; one distinct point gives a hull of one,
 * collinear points a hull of their two ends.
 */
export function convexHull(points: readonly (readonly [number, number])[]): [number, number][] {
  const sorted = outerPoints(points).sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  if (sorted.length <= 1) return sorted.map((p) => [p[0], p[1]]);
  const cross = (o: readonly number[], a: readonly number[], b: readonly number[]) =>
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: (readonly [number, number])[] = [];
  for (const p of sorted) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: (readonly [number, number])[] = [];
  for (let i = sorted.length - 1; i >= 0; i--) {
    const p = sorted[i];
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) upper.pop();
    upper.push(p);
  }
  lower.pop();
  upper.pop();
  const hull = [...lower, ...upper].map((p): [number, number] => [p[0], p[1]]);
  // All points equal: both chains collapse onto one point.
  if (hull.length === 2 && hull[0][0] === hull[1][0] && hull[0][1] === hull[1][1]) hull.pop();
  return hull;
}

/**
 * Akl–Toussaint: points strictly inside the polygon through the extreme points in eight
 * directions cannot be on the hull, so only the others need sorting.
 */
function outerPoints(points: readonly (readonly [number, number])[]): (readonly [number, number])[] {
  if (points.length < 64) return [...points];
  // Extremes along x, x + y, y, y − x (max of each, then min of each): counter-clockwise order.
  // One pass with plain comparisons: this runs on every account of a large plan.
  const best = new Array<readonly [number, number]>(8).fill(points[0]);
  const [x0, y0] = points[0];
  const value = Float64Array.of(x0, x0 + y0, y0, y0 - x0, -x0, -(x0 + y0), -y0, -(y0 - x0));
  for (const p of points) {
    const x = p[0], y = p[1];
    const s0 = x, s1 = x + y, s2 = y, s3 = y - x;
    if (s0 > value[0]) (value[0] = s0), (best[0] = p);
    if (s1 > value[1]) (value[1] = s1), (best[1] = p);
    if (s2 > value[2]) (value[2] = s2), (best[2] = p);
    if (s3 > value[3]) (value[3] = s3), (best[3] = p);
    if (-s0 > value[4]) (value[4] = -s0), (best[4] = p);
    if (-s1 > value[5]) (value[5] = -s1), (best[5] = p);
    if (-s2 > value[6]) (value[6] = -s2), (best[6] = p);
    if (-s3 > value[7]) (value[7] = -s3), (best[7] = p);
  }
  const polygon: (readonly [number, number])[] = [];
  for (const p of best) {
    const last = polygon[polygon.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) polygon.push(p);
  }
  if (polygon.length < 3) return [...points];
  const inside = (p: readonly [number, number]) => {
    for (let i = 0; i < polygon.length; i++) {
      const a = polygon[i], b = polygon[(i + 1) % polygon.length];
      if ((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) <= 0) return false;
    }
    return true;
  };
  return points.filter((p) => !inside(p));
}
