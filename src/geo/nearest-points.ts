import { splitSphere, type SphereSplit } from "../solvers/transport/sphere-tree.js";
import { EARTH_RADIUS_KM } from "./haversine.js";

/** Points (a subset of rows with coordinates) indexed for nearest-neighbour queries on the sphere. */
export interface PointIndex {
  /** The nodes (`xyz`: unit vectors in tree order, so a leaf is read in sequence). */
  readonly tree: SphereSplit;
  /** Bounding box of each node's points (unit vectors): min x, max x, min y, max y, min z, max z. */
  readonly box: Float64Array;
  /** Scratch stack of nodes for queries (depth-first, at most two per level). */
  readonly stack: Int32Array;
  /** Squared distance from the query to the box of each node on `stack`. */
  readonly stackDistance: Float64Array;
}

const RAD = Math.PI / 180;

/** Indexes rows `points` of the coordinate arrays (degrees), at most `leafSize` points to a leaf. */
export function indexPoints(points: Int32Array, lng: Float64Array, lat: Float64Array, leafSize = 16): PointIndex {
  const tree = splitSphere(points, lng, lat, leafSize);
  const { xyz } = tree;
  const box = new Float64Array(6 * tree.nodeCount);
  // Parents come before their children: fill boxes from the last node back.
  for (let node = tree.nodeCount - 1; node >= 0; node--) {
    const b = 6 * node;
    if (tree.left[node] < 0) {
      for (let d = 0; d < 6; d += 2) (box[b + d] = Infinity), (box[b + d + 1] = -Infinity);
      for (let i = tree.lo[node]; i < tree.hi[node]; i++) {
        for (let d = 0; d < 3; d++) {
          const v = xyz[3 * i + d];
          if (v < box[b + 2 * d]) box[b + 2 * d] = v;
          if (v > box[b + 2 * d + 1]) box[b + 2 * d + 1] = v;
        }
      }
    } else {
      const l = 6 * tree.left[node], r = 6 * tree.right[node];
      for (let d = 0; d < 6; d += 2) {
        box[b + d] = Math.min(box[l + d], box[r + d]);
        box[b + d + 1] = Math.max(box[l + d + 1], box[r + d + 1]);
      }
    }
  }
  const depth = Math.max(64, 4 * Math.ceil(Math.log2(tree.nodeCount + 1)) + 8);
  return { tree, box, stack: new Int32Array(depth), stackDistance: new Float64Array(depth) };
}

/**
 * The (up to) `k` indexed points nearest to the point (lng, lat), nearest first, skipping row
 * `skip` (−1: none): their rows in `rows` and great-circle distances in km in `km`. Returns how
 * many were found. Points at the same (squared chord) distance are ordered by row, so results are
 * deterministic; two points whose distances differ by less than a rounding can come out at the
 * same km, in either order.
 */
export function nearestPoints(index: PointIndex, lng: number, lat: number, k: number, skip: number, rows: Int32Array, km: Float64Array): number {
  const t = index.tree, xyz = t.xyz, order = t.order, left = t.left, right = t.right, box = index.box;
  const phi = lat * RAD, lambda = lng * RAD;
  const qx = Math.cos(phi) * Math.cos(lambda), qy = Math.cos(phi) * Math.sin(lambda), qz = Math.sin(phi);
  let found = 0;
  // Squared chord distances of the points found so far, sorted ascending (in `km` until the end),
  // and the k-th of them once k are found: nodes and points farther away are passed over.
  let worst = Infinity;
  const stack = index.stack, stackDistance = index.stackDistance;
  let top = 0;
  stackDistance[top] = 0;
  stack[top++] = 0;
  while (top > 0) {
    const node = stack[--top];
    if (stackDistance[top] > worst) continue;
    const l = left[node];
    if (l < 0) {
      for (let i = t.lo[node], end = t.hi[node]; i < end; i++) {
        const dx = xyz[3 * i] - qx, dy = xyz[3 * i + 1] - qy, dz = xyz[3 * i + 2] - qz;
        const d = dx * dx + dy * dy + dz * dz;
        if (d > worst) continue;
        const row = order[i];
        if (row === skip || (found === k && d === worst && row > rows[k - 1])) continue;
        let at = found < k ? found++ : k - 1;
        while (at > 0 && (km[at - 1] > d || (km[at - 1] === d && rows[at - 1] > row))) {
          km[at] = km[at - 1];
          rows[at] = rows[at - 1];
          at--;
        }
        km[at] = d;
        rows[at] = row;
        if (found === k) worst = km[k - 1];
      }
      continue;
    }
    // Visit the nearer child first: push it last.
    const r = right[node];
    const dl = boxDistance2(box, l, qx, qy, qz), dr = boxDistance2(box, r, qx, qy, qz);
    stackDistance[top] = dl <= dr ? dr : dl;
    stack[top++] = dl <= dr ? r : l;
    stackDistance[top] = dl <= dr ? dl : dr;
    stack[top++] = dl <= dr ? l : r;
  }
  for (let i = 0; i < found; i++) km[i] = 2 * Math.asin(Math.min(1, Math.sqrt(km[i]) / 2)) * EARTH_RADIUS_KM;
  return found;
}

/** Squared distance from (x, y, z) to the node's box (0 inside). */
export function boxDistance2(box: Float64Array, node: number, x: number, y: number, z: number): number {
  const b = 6 * node;
  const dx = x < box[b] ? box[b] - x : x > box[b + 1] ? x - box[b + 1] : 0;
  const dy = y < box[b + 2] ? box[b + 2] - y : y > box[b + 3] ? y - box[b + 3] : 0;
  const dz = z < box[b + 4] ? box[b + 4] - z : z > box[b + 5] ? z - box[b + 5] : 0;
  return dx * dx + dy * dy + dz * dz;
}
