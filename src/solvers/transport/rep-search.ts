import type { GreatCircle } from "./great-circle.js";
import type { SphereTree } from "./sphere-tree.js";

/** Relative slack on distance bounds, so that rounding never prunes a rep that could win. */
export const LOW = 1 - 1e-12;
const HIGH = 1 + 1e-12;

/**
 * Called for each terminal node with the reps that can matter below it: `reps[0..count)` sorted by
 * `bounds` (a lower bound on travel + price for every account below), and `threshold`: every rep
 * left out has travel + price above it for every account below.
 */
export type TerminalVisitor = (node: number, reps: Int32Array, bounds: Float64Array, count: number, threshold: number) => void;

/**
 * Price-aware rep search: walks the tree from the root, narrowing the list of reps at each node
 * to those whose lower bound on travel + price (chord distance minus the node's radius, plus the
 * rep's price) does not exceed a threshold. The threshold keeps, for every point below, its `want`
 * cheapest reps and every rep within `tau` of its cheapest: it is the smaller of the largest and
 * the smallest-plus-tau upper bound among the `want` reps with the lowest lower bounds (any `want`
 * reps bound the want-th best from above); the visitor gets the smallest threshold on the path
 * from the root, since reps dropped higher up are beyond that one. Terminal nodes are the leaves, or the nodes with
 * `terminal[node] ≥ 0`. Eligibility is not known here: callers check that their final cut stays
 * under `threshold` and scan every rep otherwise. Without geometry every rep is kept, sorted by
 * price (travel ≥ 0 is the only bound).
 */
export function searchTree(
  tree: SphereTree,
  geo: GreatCircle | undefined,
  prices: Float64Array,
  want: number,
  tau: number,
  terminal: Int32Array | undefined,
  visit: TerminalVisitor,
): void {
  const m = prices.length;
  const repsAt: Int32Array[] = [new Int32Array(m)];
  const boundAt: Float64Array[] = [new Float64Array(m)];
  const countAt: number[] = [m];
  // Smallest threshold on the path from the root: reps dropped anywhere above are beyond it.
  const limitAt: number[] = [Infinity];
  for (let j = 0; j < m; j++) {
    repsAt[0][j] = j;
    boundAt[0][j] = prices[j];
  }
  const isTerminal = (k: number) => tree.left[k] < 0 || (terminal !== undefined && terminal[k] >= 0);
  if (!geo) {
    sortByBound(boundAt[0], repsAt[0], m);
    const stack = [0];
    while (stack.length > 0) {
      const k = stack.pop()!;
      if (isTerminal(k)) visit(k, repsAt[0], boundAt[0], m, Infinity);
      else stack.push(tree.right[k], tree.left[k]);
    }
    return;
  }
  const mpr = geo.minutesPerRadian;
  const rep = geo.rep;
  const { center, radius } = tree;
  const chord = new Float64Array(m);
  const bound = new Float64Array(m);
  const bestBound = new Float64Array(want);
  const bestIndex = new Int32Array(want);
  const stack: number[] = [0, 1];
  while (stack.length > 0) {
    const depth = stack.pop()!;
    const k = stack.pop()!;
    if (repsAt.length <= depth) {
      repsAt.push(new Int32Array(m));
      boundAt.push(new Float64Array(m));
      countAt.push(0);
      limitAt.push(Infinity);
    }
    const parentReps = repsAt[depth - 1];
    const parentCount = countAt[depth - 1];
    const cx = center[3 * k], cy = center[3 * k + 1], cz = center[3 * k + 2];
    const r = radius[k];
    let kept = 0;
    for (let i = 0; i < parentCount; i++) {
      const j = parentReps[i];
      const dx = cx - rep[3 * j], dy = cy - rep[3 * j + 1], dz = cz - rep[3 * j + 2];
      const c = Math.sqrt(dx * dx + dy * dy + dz * dz);
      // The chord never exceeds the arc, so (chord − radius) × minutes per radian bounds travel below.
      const lb = (c > r ? (c - r) * mpr * LOW : 0) + prices[j];
      chord[i] = c;
      bound[i] = lb;
      if (kept < want || lb < bestBound[kept - 1]) {
        let q = kept < want ? kept++ : kept - 1;
        while (q > 0 && bestBound[q - 1] > lb) {
          bestBound[q] = bestBound[q - 1];
          bestIndex[q] = bestIndex[q - 1];
          q--;
        }
        bestBound[q] = lb;
        bestIndex[q] = i;
      }
    }
    let threshold = Infinity;
    if (kept === want) {
      let largest = -Infinity, smallest = Infinity;
      for (let q = 0; q < kept; q++) {
        const i = bestIndex[q];
        const ub = 2 * Math.asin(Math.min(1, (chord[i] + r) / 2)) * mpr * HIGH + 1e-9 + prices[parentReps[i]];
        if (ub > largest) largest = ub;
        if (ub < smallest) smallest = ub;
      }
      threshold = Math.min(largest, smallest + tau);
    }
    const outReps = repsAt[depth];
    const outBound = boundAt[depth];
    let count = 0;
    for (let i = 0; i < parentCount; i++) {
      if (bound[i] > threshold) continue;
      outReps[count] = parentReps[i];
      outBound[count++] = bound[i];
    }
    countAt[depth] = count;
    limitAt[depth] = Math.min(limitAt[depth - 1], threshold);
    if (isTerminal(k)) {
      sortByBound(outBound, outReps, count);
      visit(k, outReps, outBound, count, limitAt[depth]);
    } else {
      stack.push(tree.right[k], depth + 1, tree.left[k], depth + 1);
    }
  }
}

/** Shell sort gaps (Ciura), largest first; the last pass (gap 1) is a plain insertion sort. */
const GAPS = [701, 301, 132, 57, 23, 10, 4, 1];

/** Sorts reps[0..count) by bound, ascending (ties by rep index), in place: this runs once per tree leaf, so it allocates nothing. */
function sortByBound(bound: Float64Array, reps: Int32Array, count: number): void {
  for (const gap of GAPS) {
    if (gap >= count) continue;
    for (let i = gap; i < count; i++) {
      const b = bound[i], j = reps[i];
      let q = i;
      while (q >= gap && (bound[q - gap] > b || (bound[q - gap] === b && reps[q - gap] > j))) {
        bound[q] = bound[q - gap];
        reps[q] = reps[q - gap];
        q -= gap;
      }
      bound[q] = b;
      reps[q] = j;
    }
  }
}
