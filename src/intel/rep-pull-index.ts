import { EARTH_RADIUS_KM } from "../geo/haversine.js";
import { boxDistance2, type PointIndex } from "../geo/nearest-points.js";

/**
 * Rep homes in a sphere tree with, per node, the least load ratio (load / capacity) of the reps
 * below it, for `balanced` routing: a rep's pull is a non-decreasing function of its load ratio
 * (its target is proportional to its capacity), so a node's least ratio bounds the pull of every
 * rep below it from beneath, and its box bounds their trips. Kept up to date one rep at a time.
 */
export interface RepPullIndex {
  readonly homes: PointIndex;
  /** Parent of each node (−1 for the root). */
  readonly parent: Int32Array;
  /** Leaf node holding each rep. */
  readonly leafOf: Int32Array;
  /** Least load / capacity of the reps below each node. */
  readonly leastRatio: Float64Array;
  /** Load / capacity of each rep. */
  readonly ratio: Float64Array;
  /** Depth-first stack of nodes for searches. */
  readonly stack: Int32Array;
  /** Lower bound on the cost of the reps below each node on `stack`. */
  readonly stackBound: Float64Array;
}

/** Indexes the reps of `homes` (rows 0 … m − 1) with their current loads and capacities. */
export function createRepPullIndex(homes: PointIndex, load: Float64Array, capacity: Float64Array): RepPullIndex {
  const t = homes.tree;
  const parent = new Int32Array(t.nodeCount).fill(-1);
  const leafOf = new Int32Array(load.length);
  for (let node = 0; node < t.nodeCount; node++) {
    if (t.left[node] >= 0) {
      parent[t.left[node]] = node;
      parent[t.right[node]] = node;
    } else for (let i = t.lo[node]; i < t.hi[node]; i++) leafOf[t.order[i]] = node;
  }
  const ratio = Float64Array.from(load, (l, r) => l / capacity[r]);
  const leastRatio = new Float64Array(t.nodeCount);
  // Children come after their parents: fill from the last node back.
  for (let node = t.nodeCount - 1; node >= 0; node--) leastRatio[node] = leastBelow(t, leastRatio, ratio, node);
  return { homes, parent, leafOf, leastRatio, ratio, stack: new Int32Array(2 * t.nodeCount + 2), stackBound: new Float64Array(2 * t.nodeCount + 2) };
}

/** Sets rep r's load ratio and refreshes the least ratios on its path to the root. */
export function setRepRatio(index: RepPullIndex, r: number, ratio: number): void {
  index.ratio[r] = ratio;
  const t = index.homes.tree;
  for (let node = index.leafOf[r]; node >= 0; node = index.parent[node]) {
    const least = leastBelow(t, index.leastRatio, index.ratio, node);
    if (least === index.leastRatio[node]) break;
    index.leastRatio[node] = least;
  }
}

/**
 * Visits reps (`visit(r)`) in a depth-first branch and bound over the tree, skipping every node
 * whose reps cannot cost less than `bestCost()`: their trip from the unit vector (x, y, z) is at
 * least the great circle to the node's box (`minutesPerKm`), their pull at least `pullAt` of the
 * node's least ratio. Nearer children first. Every rep whose cost could be at most the best is
 * visited, so the best found is the best of all (ties included).
 */
export function visitRepsByBound(index: RepPullIndex, x: number, y: number, z: number, minutesPerKm: number, pullAt: (ratio: number) => number, bestCost: () => number, visit: (r: number) => void): void {
  const t = index.homes.tree;
  const { box } = index.homes;
  const { stack, stackBound } = index;
  const lowerBound = (node: number) => {
    const chord = Math.sqrt(boxDistance2(box, node, x, y, z));
    const minutes = 2 * Math.asin(Math.min(1, chord / 2)) * EARTH_RADIUS_KM * minutesPerKm * (1 - 1e-9);
    const pull = pullAt(index.leastRatio[node]);
    return minutes + pull - 1e-9 * (1 + Math.abs(pull));
  };
  const hopeless = (bound: number) => {
    const best = bestCost();
    return bound > best + 1e-9 * Math.abs(best) + 1e-9;
  };
  let top = 0;
  stackBound[top] = lowerBound(0);
  stack[top++] = 0;
  while (top > 0) {
    const node = stack[--top];
    // A node's bound is fixed for the search (the ratios change between searches): the one computed when it was stacked.
    if (hopeless(stackBound[top])) continue;
    if (t.left[node] < 0) {
      for (let i = t.lo[node]; i < t.hi[node]; i++) visit(t.order[i]);
      continue;
    }
    const l = t.left[node], r = t.right[node];
    const boundL = lowerBound(l), boundR = lowerBound(r);
    const near = boundL <= boundR;
    stackBound[top] = near ? boundR : boundL;
    stack[top++] = near ? r : l;
    stackBound[top] = near ? boundL : boundR;
    stack[top++] = near ? l : r;
  }
}

function leastBelow(t: PointIndex["tree"], leastRatio: Float64Array, ratio: Float64Array, node: number): number {
  if (t.left[node] >= 0) return Math.min(leastRatio[t.left[node]], leastRatio[t.right[node]]);
  let least = Infinity;
  for (let i = t.lo[node]; i < t.hi[node]; i++) least = Math.min(least, ratio[t.order[i]]);
  return least;
}
