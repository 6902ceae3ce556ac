import { ringContains, signedArea } from "./ring-geometry.js";

type Point = [number, number];

/** Where a ring edge crosses the clip polygon's boundary. */
interface Crossing {
  readonly point: Point;
  /** True when the ring enters the clip polygon here, false when it leaves. */
  readonly entering: boolean;
  /** Position along the clip boundary: clip edge index plus the fraction along that edge. */
  readonly along: number;
  /** Ring and edge (from vertex `edge` to the next) it lies on, and the fraction along that edge. */
  readonly ring: number;
  readonly edge: number;
  readonly t: number;
}

/**
 * The part of a region inside a convex polygon, by walking the region's boundary (Weiler–Atherton
 * with a convex clip polygon): pieces of the rings inside `clip` are joined by arcs of `clip`'s
 * boundary, each arc running counter-clockwise from where a ring leaves to where the next ring
 * along the boundary enters.
 *
 * `rings` are closed (first point repeated), simple and pairwise disjoint, wound with the region
 * on their left (outer rings counter-clockwise, holes clockwise); `clip` is a closed,
 * counter-clockwise convex ring. Returns closed rings wound the same way (no particular order), or
 * null when a ring vertex lies on or within a rounding error of `clip`'s boundary, or the
 * crossings do not alternate as they must: then callers use a general polygon clipper.
 */
export function clipRingsToConvex(rings: readonly (readonly Point[])[], clip: readonly Point[]): Point[][] | null {
  const k = clip.length - 1;
  if (k < 3) return null;
  // Unit inward normal and offset per clip edge: inside ⇔ nx·x + ny·y > offset.
  const nx = new Float64Array(k), ny = new Float64Array(k), offset = new Float64Array(k);
  let scale = 0;
  for (let i = 0; i < k; i++) {
    const [ax, ay] = clip[i];
    const [bx, by] = clip[i + 1];
    const length = Math.hypot(bx - ax, by - ay);
    if (!(length > 0)) return null;
    nx[i] = -(by - ay) / length;
    ny[i] = (bx - ax) / length;
    offset[i] = nx[i] * ax + ny[i] * ay;
    scale = Math.max(scale, Math.abs(ax), Math.abs(ay));
  }
  const tolerance = 1e-9 * Math.max(scale, 1);
  /** Signed distance of (x, y) inside clip: > 0 inside, < 0 outside (how far outside its farthest edge line). */
  const depth = (x: number, y: number) => {
    let d = Infinity;
    for (let i = 0; i < k; i++) d = Math.min(d, nx[i] * x + ny[i] * y - offset[i]);
    return d;
  };

  const kept: Point[][] = [];
  const crossings: Crossing[] = [];
  const byRing: Crossing[][] = [];
  let windingAroundClip = 0;
  for (let r = 0; r < rings.length; r++) {
    const ring = rings[r];
    const n = ring.length - 1;
    const inside = new Uint8Array(n);
    let anyInside = false, allInside = true;
    for (let v = 0; v < n; v++) {
      const d = depth(ring[v][0], ring[v][1]);
      if (Math.abs(d) <= tolerance) return null;
      inside[v] = d > 0 ? 1 : 0;
      anyInside ||= d > 0;
      allInside &&= d > 0;
    }
    if (allInside) {
      // A ring whose vertices are all inside a convex polygon lies inside it.
      kept.push(ring.map(([x, y]): Point => [x, y]));
      byRing.push([]);
      continue;
    }
    const own: Crossing[] = [];
    for (let v = 0; v < n; v++) {
      const w = v + 1 === n ? 0 : v + 1;
      if (inside[v] && inside[w]) continue;
      const [px, py] = ring[v];
      const [qx, qy] = ring[w];
      // Cyrus–Beck: the part of the edge inside is [t0, t1].
      let t0 = 0, t1 = 1, enterEdge = -1, leaveEdge = -1;
      let empty = false;
      for (let i = 0; i < k && !empty; i++) {
        const along = nx[i] * (qx - px) + ny[i] * (qy - py);
        const start = nx[i] * px + ny[i] * py - offset[i];
        if (along === 0) {
          if (start < 0) empty = true;
          continue;
        }
        const t = -start / along;
        if (along > 0 && t > t0) (t0 = t), (enterEdge = i);
        else if (along < 0 && t < t1) (t1 = t), (leaveEdge = i);
        if (t0 > t1) empty = true;
      }
      // The crossings must agree with the vertices' sides: an inside vertex has no crossing before it.
      if (empty || t0 >= t1) {
        if (inside[v] || inside[w]) return null;
        continue;
      }
      if ((enterEdge >= 0) === Boolean(inside[v]) || (leaveEdge >= 0) === Boolean(inside[w])) return null;
      if (enterEdge >= 0) own.push(crossingAt(clip, r, v, t0, true, enterEdge, px, py, qx, qy));
      if (leaveEdge >= 0) own.push(crossingAt(clip, r, v, t1, false, leaveEdge, px, py, qx, qy));
    }
    byRing.push(own);
    if (own.length === 0) {
      // Entirely outside; it still counts when it goes around the clip polygon.
      if (anyInside) return null;
      if (ringContains(ring, clip[0][0], clip[0][1])) windingAroundClip += signedArea(ring) > 0 ? 1 : -1;
      continue;
    }
    for (let c = 0; c < own.length; c++) if (own[c].entering === own[(c + 1) % own.length].entering) return null;
    crossings.push(...own);
  }
  if (crossings.length === 0) {
    if (windingAroundClip === 1) kept.push(clip.map(([x, y]): Point => [x, y]));
    return kept;
  }

  // Along the clip boundary (counter-clockwise), leaving and entering crossings alternate: the arc
  // after a leaving crossing runs inside the region up to the next entering one.
  const sorted = [...crossings].sort((a, b) => a.along - b.along);
  const next = new Map<Crossing, Crossing>();
  for (let c = 0; c < sorted.length; c++) {
    const here = sorted[c], after = sorted[(c + 1) % sorted.length];
    if (here.entering === after.entering || Math.abs(after.along - here.along) <= 1e-12 * k) return null;
    if (!here.entering) next.set(here, after);
  }
  // Within a ring, each entering crossing is followed by the leaving one that ends its piece.
  const leaving = new Map<Crossing, Crossing>();
  for (const own of byRing) for (let c = 0; c < own.length; c++) if (own[c].entering) leaving.set(own[c], own[(c + 1) % own.length]);

  const done = new Set<Crossing>();
  for (const first of crossings) {
    if (!first.entering || done.has(first)) continue;
    const out: Point[] = [];
    let entry = first;
    do {
      done.add(entry);
      const exit = leaving.get(entry)!;
      out.push(entry.point);
      const ring = rings[entry.ring];
      const n = ring.length - 1;
      // Ring vertices after the entry's edge, up to the start of the exit's edge.
      if (exit.edge !== entry.edge || exit.t < entry.t) {
        for (let v = (entry.edge + 1) % n; ; v = (v + 1) % n) {
          out.push([ring[v][0], ring[v][1]]);
          if (v === exit.edge) break;
        }
      }
      out.push(exit.point);
      const following = next.get(exit)!;
      // Clip vertices strictly after the exit, up to the next entry, counter-clockwise.
      const from = Math.floor(exit.along), to = Math.floor(following.along);
      const wraps = following.along < exit.along;
      if (wraps || to > from) {
        for (let i = (from + 1) % k; ; i = (i + 1) % k) {
          out.push([clip[i][0], clip[i][1]]);
          if (i === to % k) break;
        }
      }
      entry = following;
    } while (entry !== first);
    out.push([out[0][0], out[0][1]]);
    kept.push(out);
  }
  return kept;
}

function crossingAt(clip: readonly Point[], ring: number, edge: number, t: number, entering: boolean, clipEdge: number, px: number, py: number, qx: number, qy: number): Crossing {
  const point: Point = [px + t * (qx - px), py + t * (qy - py)];
  const [ax, ay] = clip[clipEdge];
  const [bx, by] = clip[clipEdge + 1];
  const lengthSquared = (bx - ax) ** 2 + (by - ay) ** 2;
  const u = Math.min(1 - 1e-15, Math.max(0, ((point[0] - ax) * (bx - ax) + (point[1] - ay) * (by - ay)) / lengthSquared));
  return { point, entering, along: clipEdge + u, ring, edge, t };
}
