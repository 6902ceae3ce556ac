import { writeUnitVector } from "./great-circle.js";

/**
 * A k-d tree over accounts on the unit sphere: median splits (by count) across the widest side of
 * each node's cell, down to leaves of at most `leafSize` accounts. Every node carries a centre
 * and a chord radius that bounds the straight-line (chord) distance from the centre to each of its
 * accounts, so the distance from anything to any account below a node is bounded from both sides.
 * Nodes serve three purposes: query batches for rep search (the leaves), atoms for the coarse LPs
 * (a cut of the tree by workload), and the search hierarchy itself.
 */
export interface SphereTree {
  /** Number of nodes; node 0 is the root and parents come before their children. */
  readonly nodeCount: number;
  /** Account indices in tree order: node k holds order[lo[k]] .. order[hi[k] − 1]. */
  readonly order: Int32Array;
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  /** Children of a node, −1 for a leaf. */
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** Node centre, unit vector xyz interleaved: the workload-weighted mean direction (count-weighted without workload). */
  readonly center: Float64Array;
  /** Chord radius: |centre − account| ≤ radius for every account below (unit sphere). */
  readonly radius: Float64Array;
  /** Σ workload of the accounts below, hours. */
  readonly workload: Float64Array;
  /** Account unit vectors, xyz interleaved, indexed by account (length 3n; rows of accounts outside the tree are 0). */
  readonly unit: Float64Array;
}

/** The first stage of a `SphereTree`: its nodes and their accounts, without centres, radii or workloads. */
export type SphereSplit = Pick<SphereTree, "nodeCount" | "order" | "lo" | "hi" | "left" | "right" | "unit"> & {
  /** Account unit vectors in tree order, xyz interleaved: position i holds account order[i]. */
  readonly xyz: Float64Array;
};

/** Builds the tree over `accounts` (indices into lng / lat / workload). */
export function buildSphereTree(accounts: Int32Array, lng: Float64Array, lat: Float64Array, workload: Float64Array, leafSize: number): SphereTree {
  const { nodeCount, order, xyz, lo, hi, left, right, unit } = splitSphere(accounts, lng, lat, leafSize);
  return finishTree(nodeCount, order, xyz, lo, hi, left, right, unit, workload);
}

/** The nodes of `buildSphereTree`'s tree (the same splits), for a caller that needs no centres, radii or workloads. */
export function splitSphere(accounts: Int32Array, lng: Float64Array, lat: Float64Array, leafSize: number): SphereSplit {
  const unit = new Float64Array(3 * lng.length);
  for (let k = 0; k < accounts.length; k++) writeUnitVector(unit, accounts[k], lng[accounts[k]], lat[accounts[k]]);
  const order = accounts.slice();
  // Coordinates in tree order (xyz interleaved), permuted with `order`, so splits read memory in sequence.
  const xyz = new Float64Array(3 * order.length);
  for (let i = 0; i < order.length; i++) {
    const a = order[i];
    xyz[3 * i] = unit[3 * a];
    xyz[3 * i + 1] = unit[3 * a + 1];
    xyz[3 * i + 2] = unit[3 * a + 2];
  }
  let room = Math.max(16, Math.ceil((4 * accounts.length) / Math.max(1, leafSize)) + 8);
  let lo = new Int32Array(room), hi = new Int32Array(room), left = new Int32Array(room), right = new Int32Array(room);
  let count = 0;
  const newNode = (l: number, h: number): number => {
    if (count === room) {
      room *= 2;
      const grow = (a: Int32Array) => {
        const b = new Int32Array(room);
        b.set(a);
        return b;
      };
      lo = grow(lo); hi = grow(hi); left = grow(left); right = grow(right);
    }
    lo[count] = l;
    hi[count] = h;
    left[count] = -1;
    right[count] = -1;
    return count++;
  };
  newNode(0, order.length);
  // Split the widest side of each node's cell (the parent's box cut at the median), which needs no pass over the points.
  let cells = new Float64Array(6 * room);
  {
    let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity, minZ = Infinity, maxZ = -Infinity;
    for (let i = 0; i < order.length; i++) {
      const x = xyz[3 * i], y = xyz[3 * i + 1], z = xyz[3 * i + 2];
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      if (z < minZ) minZ = z;
      if (z > maxZ) maxZ = z;
    }
    cells.set([minX, maxX, minY, maxY, minZ, maxZ], 0);
  }
  const stack: number[] = [0];
  while (stack.length > 0) {
    const k = stack.pop()!;
    const l = lo[k], h = hi[k];
    if (h - l <= leafSize) continue;
    const ex = cells[6 * k + 1] - cells[6 * k], ey = cells[6 * k + 3] - cells[6 * k + 2], ez = cells[6 * k + 5] - cells[6 * k + 4];
    const axis = ex >= ey && ex >= ez ? 0 : ey >= ez ? 1 : 2;
    const mid = (l + h) >> 1;
    selectByAxis(order, xyz, l, h, mid, axis);
    const split = xyz[3 * mid + axis];
    left[k] = newNode(l, mid);
    right[k] = newNode(mid, h);
    if (cells.length < 6 * room) {
      const bigger = new Float64Array(6 * room);
      bigger.set(cells);
      cells = bigger;
    }
    for (const child of [left[k], right[k]]) for (let d = 0; d < 6; d++) cells[6 * child + d] = cells[6 * k + d];
    cells[6 * left[k] + 2 * axis + 1] = split;
    cells[6 * right[k] + 2 * axis] = split;
    stack.push(right[k], left[k]);
  }
  return { nodeCount: count, order, xyz, lo: lo.slice(0, count), hi: hi.slice(0, count), left: left.slice(0, count), right: right.slice(0, count), unit };
}

/** Centres, radii and workloads, children before parents. */
function finishTree(
  nodeCount: number,
  order: Int32Array,
  xyz: Float64Array,
  lo: Int32Array,
  hi: Int32Array,
  left: Int32Array,
  right: Int32Array,
  unit: Float64Array,
  workload: Float64Array,
): SphereTree {
  const center = new Float64Array(3 * nodeCount);
  const radius = new Float64Array(nodeCount);
  const work = new Float64Array(nodeCount);
  // Unnormalised sums: workload-weighted and count-weighted.
  const sumW = new Float64Array(3 * nodeCount);
  const sumC = new Float64Array(3 * nodeCount);
  for (let k = nodeCount - 1; k >= 0; k--) {
    if (left[k] < 0) {
      for (let i = lo[k]; i < hi[k]; i++) {
        const w = workload[order[i]];
        work[k] += w;
        for (let d = 0; d < 3; d++) {
          sumW[3 * k + d] += w * xyz[3 * i + d];
          sumC[3 * k + d] += xyz[3 * i + d];
        }
      }
    } else {
      const l = left[k], r = right[k];
      work[k] = work[l] + work[r];
      for (let d = 0; d < 3; d++) {
        sumW[3 * k + d] = sumW[3 * l + d] + sumW[3 * r + d];
        sumC[3 * k + d] = sumC[3 * l + d] + sumC[3 * r + d];
      }
    }
    const sum = work[k] > 0 ? sumW : sumC;
    let x = sum[3 * k], y = sum[3 * k + 1], z = sum[3 * k + 2];
    let norm = Math.sqrt(x * x + y * y + z * z);
    if (!(norm > 1e-300)) {
      const i = lo[k];
      (x = xyz[3 * i]), (y = xyz[3 * i + 1]), (z = xyz[3 * i + 2]), (norm = 1);
    }
    center[3 * k] = x / norm;
    center[3 * k + 1] = y / norm;
    center[3 * k + 2] = z / norm;
    let r = 0;
    if (left[k] < 0) {
      for (let i = lo[k]; i < hi[k]; i++) r = Math.max(r, chordTo(center, k, xyz, i));
    } else {
      r = Math.max(chordTo(center, k, center, left[k]) + radius[left[k]], chordTo(center, k, center, right[k]) + radius[right[k]]);
    }
    // Rounding slack: the bound must hold for the computed distances.
    radius[k] = Math.min(2, r * (1 + 1e-12) + 1e-15);
  }
  return {
    nodeCount,
    order,
    lo,
    hi,
    left,
    right,
    center,
    radius,
    workload: work,
    unit,
  };
}

/** Chord distance between row i of u and row j of v (unit vectors, xyz interleaved). */
export function chordTo(u: Float64Array, i: number, v: Float64Array, j: number): number {
  const dx = u[3 * i] - v[3 * j], dy = u[3 * i + 1] - v[3 * j + 1], dz = u[3 * i + 2] - v[3 * j + 2];
  return Math.sqrt(dx * dx + dy * dy + dz * dz);
}

/**
 * A cut of the tree into atoms: the first nodes (from the root down) holding at most `maxWorkload`
 * hours, or leaves. Returns node ids in tree order.
 */
export function cutByWorkload(tree: SphereTree, maxWorkload: number): Int32Array {
  const out: number[] = [];
  const stack: number[] = [0];
  while (stack.length > 0) {
    const k = stack.pop()!;
    if (tree.left[k] < 0 || tree.workload[k] <= maxWorkload) out.push(k);
    else stack.push(tree.right[k], tree.left[k]);
  }
  return Int32Array.from(out);
}

/** Quickselect: reorders idx[lo..hi) (and its coordinates) so that position k holds the k-th smallest coordinate on `axis`. */
function selectByAxis(idx: Int32Array, xyz: Float64Array, lo: number, hi: number, k: number, axis: number): void {
  let l = lo, r = hi - 1;
  while (r > l) {
    const pivot = xyz[3 * ((l + r) >> 1) + axis];
    let i = l, j = r;
    while (i <= j) {
      while (xyz[3 * i + axis] < pivot) i++;
      while (xyz[3 * j + axis] > pivot) j--;
      if (i <= j) {
        const t = idx[i];
        idx[i] = idx[j];
        idx[j] = t;
        for (let d = 0; d < 3; d++) {
          const c = xyz[3 * i + d];
          xyz[3 * i + d] = xyz[3 * j + d];
          xyz[3 * j + d] = c;
        }
        i++;
        j--;
      }
    }
    if (k <= j) r = j;
    else if (k >= i) l = i;
    else return;
  }
}
