import type { PointIndex } from "../geo/nearest-points.js";

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

function leastBelow(t: PointIndex["tree"], leastRatio: Float64Array, ratio: Float64Array, node: number): number {
  if (t.left[node] >= 0) return Math.min(leastRatio[t.left[node]], leastRatio[t.right[node]]);
  let least = Infinity;
  for (let i = t.lo[node]; i < t.hi[node]; i++) least = Math.min(least, ratio[t.order[i]]);
  return least;
}
