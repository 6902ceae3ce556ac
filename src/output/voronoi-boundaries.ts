import { Delaunay } from "d3-delaunay";

/** Points placed on a circle far around the data, so that every real site's Voronoi cell is bounded. */
const SENTINELS = 8;

/** One owner's boundary loops. */
export interface OwnerLoops {
  /** Closed loops (first point repeated), the owner's sites on the left. */
  readonly rings: [number, number][][];
  /**
   * True when the region touches itself at some vertex (two of its loops, or one loop with
   * itself); then the split into loops there is arbitrary and only the even–odd reading holds.
   * When false the loops are simple, pairwise disjoint rings: counter-clockwise outer boundaries
   * and clockwise holes.
   */
  readonly touching: boolean;
}

/**
 * The outlines of each owner's Voronoi region, as closed loops of Voronoi vertices, built from the
 * Delaunay triangulation without materialising cells: a Voronoi edge lies on an owner's boundary
 * exactly when it separates one of its sites from a site of another owner, so interior edges never
 * reach the polygon library. Loops are oriented with their owner's sites on the left; at a vertex
 * where a region touches itself the split into loops is arbitrary, but the region is always the set
 * of points enclosed an odd number of times (even–odd), so callers combine loops with XOR.
 *
 * Sentinel sites on a circle of radius `reach` around the centre of the points are owned by no one,
 * so every real cell is bounded; `reach` must exceed 3 × (largest distance from the centre to a
 * site or to any point that must be covered). Returns null when the triangulation is degenerate
 * (a flat triangle at a real site, or a real site on the hull), so that callers fall back to
 * merging clipped cells.
 *
 * `points` are planar `[x, y]`; `owner[i]` ≥ 0 is the owner of point i; the result maps each owner
 * to its loops.
 */
export function voronoiBoundaries(points: readonly (readonly [number, number])[], owner: Int32Array, reach: number): Map<number, OwnerLoops> | null {
  const n = points.length;
  let cx = 0, cy = 0;
  for (const [x, y] of points) (cx += x), (cy += y);
  cx /= n;
  cy /= n;
  // Flat coordinates (x0, y0, x1, y1, …): real sites, then the sentinels.
  const coords = new Float64Array(2 * (n + SENTINELS));
  for (let i = 0; i < n; i++) {
    coords[2 * i] = points[i][0];
    coords[2 * i + 1] = points[i][1];
  }
  for (let k = 0; k < SENTINELS; k++) {
    const angle = (2 * Math.PI * (k + 0.5)) / SENTINELS;
    coords[2 * (n + k)] = cx + reach * Math.cos(angle);
    coords[2 * (n + k) + 1] = cy + reach * Math.sin(angle);
  }
  const { triangles, halfedges } = new Delaunay(coords);
  const all = (i: number): [number, number] => [coords[2 * i], coords[2 * i + 1]];
  const ownerOf = (i: number) => (i < n ? owner[i] : -1);

  // Circumcentres, computed on demand; NaN marks "not yet".
  const centre = new Float64Array((triangles.length / 3) * 2).fill(Number.NaN);
  let flat = false;
  const centreOf = (t: number): number => {
    if (Number.isNaN(centre[2 * t])) {
      const [ax, ay] = all(triangles[3 * t]);
      const [bx, by] = all(triangles[3 * t + 1]);
      const [qx, qy] = all(triangles[3 * t + 2]);
      const dx = bx - ax, dy = by - ay, ex = qx - ax, ey = qy - ay;
      const bl = dx * dx + dy * dy, cl = ex * ex + ey * ey, d = dx * ey - dy * ex;
      // A flat triangle has no finite circumcentre.
      if (Math.abs(d) <= 1e-12 * Math.max(bl, cl)) flat = true;
      centre[2 * t] = ax + (ey * bl - dy * cl) / (2 * d);
      centre[2 * t + 1] = ay + (dx * cl - ex * bl) / (2 * d);
    }
    return t;
  };
  // Orientation of the triangulation (all triangles share it): +1 counter-clockwise, −1 clockwise.
  let orientation = 0;
  for (let t = 0; t < triangles.length / 3 && orientation === 0; t++) {
    const [ax, ay] = all(triangles[3 * t]);
    const [bx, by] = all(triangles[3 * t + 1]);
    const [qx, qy] = all(triangles[3 * t + 2]);
    orientation = Math.sign((bx - ax) * (qy - ay) - (by - ay) * (qx - ax));
  }

  // Boundary edges per owner, as (from triangle, to triangle) pairs of Voronoi vertices.
  const edges = new Map<number, { from: number[]; to: number[] }>();
  for (let e = 0; e < triangles.length; e++) {
    const a = triangles[e];
    if (a >= n) continue;
    const b = triangles[e % 3 === 2 ? e - 2 : e + 1];
    const r = ownerOf(a);
    if (ownerOf(b) === r) continue;
    const opposite = halfedges[e];
    if (opposite < 0) return null;
    const here = centreOf(Math.floor(e / 3));
    const there = centreOf(Math.floor(opposite / 3));
    // With counter-clockwise triangles, running from the far triangle's centre to this one keeps a on the left.
    const [from, to] = orientation > 0 ? [there, here] : [here, there];
    const list = edges.get(r) ?? { from: [], to: [] };
    list.from.push(from);
    list.to.push(to);
    edges.set(r, list);
  }
  if (flat || orientation === 0) return null;

  const loops = new Map<number, OwnerLoops>();
  for (const [r, { from, to }] of edges) {
    const outgoing = new Map<number, number[]>();
    let touching = false;
    from.forEach((v, i) => {
      const list = outgoing.get(v);
      if (list) {
        list.push(i);
        touching = true;
      } else outgoing.set(v, [i]);
    });
    const used = new Uint8Array(from.length);
    const own: [number, number][][] = [];
    for (let start = 0; start < from.length; start++) {
      if (used[start]) continue;
      const ring: [number, number][] = [];
      let edge = start;
      while (true) {
        used[edge] = 1;
        const v = from[edge];
        ring.push([centre[2 * v], centre[2 * v + 1]]);
        if (to[edge] === from[start]) break;
        const next = outgoing.get(to[edge])?.find((i) => !used[i]);
        // Every vertex has as many boundary edges in as out; a dead end means broken topology.
        if (next === undefined) return null;
        edge = next;
      }
      ring.push([ring[0][0], ring[0][1]]);
      if (ring.length >= 4) own.push(ring);
    }
    loops.set(r, { rings: own, touching });
  }
  return loops;
}
