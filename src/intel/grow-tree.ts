import type { BinnedMatrix } from "./binned-matrix.js";
import { findSplit, type Split } from "./find-split.js";
import { buildHistogram, subtractHistogram, type Histogram } from "./histogram.js";
import { goesLeft, type Tree } from "./tree.js";
import type { TreeParams } from "./tree-params.js";

/** A grown tree and, for each leaf, the rows it holds: rows[lo[k]..hi[k]) for leaf node k. */
export interface GrownTree {
  readonly tree: Tree;
  /** The rows given, reordered so that each leaf's rows are contiguous. */
  readonly rows: Int32Array;
  readonly lo: Int32Array;
  readonly hi: Int32Array;
  /** Leaf node ids. */
  readonly leaves: readonly number[];
}

interface Leaf {
  readonly node: number;
  readonly depth: number;
  readonly grad: number;
  readonly count: number;
  hist: Histogram;
  split: Split;
}

/**
 * Grows one tree leaf-wise (best-first, as LightGBM does): the leaf whose best split gains most is
 * split next, up to `maxLeaves`. Only the smaller child's histogram is built from its rows; the
 * larger one's is the parent's minus it. Leaf values are the Newton step −G/(rows + λ); callers
 * may renew them (the quantile loss does). `rows` is not modified.
 */
export function growTree(m: BinnedMatrix, rowsIn: Int32Array, grad: Float64Array, p: TreeParams, pool: HistogramPool): GrownTree {
  const rows = Int32Array.from(rowsIn);
  const scratch = new Int32Array(rows.length);
  const nodes = 2 * p.maxLeaves - 1;
  const feature = new Int32Array(nodes).fill(-1);
  const threshold = new Int32Array(nodes);
  const missingLeft = new Uint8Array(nodes);
  const categories: (Uint8Array | null)[] = new Array(nodes).fill(null);
  const left = new Int32Array(nodes).fill(-1);
  const right = new Int32Array(nodes).fill(-1);
  const value = new Float64Array(nodes);
  const gain = new Float64Array(nodes);
  const lo = new Int32Array(nodes), hi = new Int32Array(nodes);
  let nodeCount = 1;

  let g = 0;
  for (let k = 0; k < rows.length; k++) g += grad[rows[k]];
  const rootHist = pool.take();
  buildHistogram(m, rows, 0, rows.length, grad, rootHist);
  lo[0] = 0;
  hi[0] = rows.length;
  const open: Leaf[] = [{ node: 0, depth: 0, grad: g, count: rows.length, hist: rootHist, split: splitOf(m, rootHist, g, rows.length, 0, p) }];
  while (open.length < p.maxLeaves) {
    let at = -1;
    for (let i = 0; i < open.length; i++) if (open[i].split.gain > p.minGain && (at < 0 || open[i].split.gain > open[at].split.gain)) at = i;
    if (at < 0) break;
    const leaf = open[at];
    open.splice(at, 1);
    const s = leaf.split;
    const k = leaf.node;
    feature[k] = s.feature;
    threshold[k] = s.threshold;
    missingLeft[k] = s.missingLeft ? 1 : 0;
    categories[k] = s.categories;
    gain[k] = s.gain;
    const mid = partition(m, rows, scratch, lo[k], hi[k], tree(), k);
    const l = nodeCount++, r = nodeCount++;
    left[k] = l;
    right[k] = r;
    lo[l] = lo[k]; hi[l] = mid; lo[r] = mid; hi[r] = hi[k];
    const leftSmaller = mid - lo[k] <= hi[k] - mid;
    const small = pool.take();
    buildHistogram(m, rows, leftSmaller ? lo[l] : lo[r], leftSmaller ? hi[l] : hi[r], grad, small);
    const large = leaf.hist;
    subtractHistogram(large, small);
    const lh = leftSmaller ? small : large, rh = leftSmaller ? large : small;
    const lg = s.leftGrad, lc = mid - lo[k];
    const rg = leaf.grad - lg, rc = hi[k] - mid;
    const depth = leaf.depth + 1;
    open.push({ node: l, depth, grad: lg, count: lc, hist: lh, split: splitOf(m, lh, lg, lc, depth, p) });
    open.push({ node: r, depth, grad: rg, count: rc, hist: rh, split: splitOf(m, rh, rg, rc, depth, p) });
  }
  const leaves = open;
  for (const leaf of leaves) {
    value[leaf.node] = -leaf.grad / (leaf.count + p.lambda);
    pool.give(leaf.hist);
  }
  function tree(): Tree {
    return { feature, threshold, missingLeft, categories, left, right, value, gain };
  }
  const grown = tree();
  return { tree: trim(grown, nodeCount), rows, lo: lo.slice(0, nodeCount), hi: hi.slice(0, nodeCount), leaves: leaves.map((leaf) => leaf.node).sort((a, b) => a - b) };
}

function splitOf(m: BinnedMatrix, h: Histogram, g: number, count: number, depth: number, p: TreeParams): Split {
  if (depth >= p.maxDepth || count < 2 * p.minRowsInLeaf) return { gain: -Infinity, feature: -1, threshold: 0, missingLeft: false, categories: null, leftGrad: 0, leftRows: 0 };
  return findSplit(m, h, g, count, p);
}

/** Stable partition of rows[lo..hi) by split node k: left rows first. Returns the first right position. */
function partition(m: BinnedMatrix, rows: Int32Array, scratch: Int32Array, lo: number, hi: number, t: Tree, k: number): number {
  const f = m.f, j = t.feature[k], data = m.data;
  let l = lo, r = 0;
  for (let i = lo; i < hi; i++) {
    const row = rows[i];
    if (goesLeft(t, k, data[row * f + j])) rows[l++] = row;
    else scratch[r++] = row;
  }
  rows.set(scratch.subarray(0, r), l);
  return l;
}

function trim(t: Tree, count: number): Tree {
  return {
    feature: t.feature.slice(0, count),
    threshold: t.threshold.slice(0, count),
    missingLeft: t.missingLeft.slice(0, count),
    categories: t.categories.slice(0, count),
    left: t.left.slice(0, count),
    right: t.right.slice(0, count),
    value: t.value.slice(0, count),
    gain: t.gain.slice(0, count),
  };
}

/** Reusable histogram buffers (one per open leaf), so growing a tree allocates none after the first. */
export interface HistogramPool {
  take(): Histogram;
  give(h: Histogram): void;
}

export function histogramPool(m: BinnedMatrix): HistogramPool {
  const free: Histogram[] = [];
  return {
    take: () => free.pop() ?? new Float64Array(2 * m.slots),
    give: (h) => void free.push(h),
  };
}
