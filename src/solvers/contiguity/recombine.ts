import type { SearchStats } from "./local-search.js";
import { moveUnit, type Partition } from "./partition.js";
import { penalty, type UnitProblem, type Weights } from "./unit-problem.js";

/** Random part of a spanning-tree edge weight, as a fraction of the merged units' preference range. */
const NOISE = 0.15;

/**
 * Buffers for `recombine`, allocated once per solve. Node arrays hold one entry per merged unit
 * (local index 0..n−1), edge arrays one per adjacency inside the merged region.
 */
export interface RecombineScratch {
  /** Local index of each unit in the current merge, valid where `stamp[u]` is the current call's; length U. */
  readonly local: Int32Array;
  readonly stamp: Int32Array;
  call: number;
  /** Per local node: unit, preference, union-find parent, tree CSR offsets/fill, DFS order and parent, side. */
  readonly unit: Int32Array;
  readonly pref: Float64Array;
  readonly set: Int32Array;
  readonly treeStart: Int32Array;
  readonly treeFill: Int32Array;
  readonly order: Int32Array;
  readonly parent: Int32Array;
  readonly seen: Uint8Array;
  /** 1 for the nodes of the best cut so far that go to s. */
  readonly side: Uint8Array;
  /** Subtree sums per local node: workload, cost with r, cost with s, r pins, s pins, units r / s may not serve. */
  readonly sumW: Float64Array;
  readonly sumR: Float64Array;
  readonly sumS: Float64Array;
  readonly pinR: Int32Array;
  readonly pinS: Int32Array;
  readonly badR: Int32Array;
  readonly badS: Int32Array;
  /** Per edge: end points (local), weight, Kruskal order, tree adjacency targets (2 per tree edge). */
  readonly edgeA: Int32Array;
  readonly edgeB: Int32Array;
  readonly edgeWeight: Float64Array;
  readonly edgeOrder: Int32Array;
  /** Sort keys: quantised weight in the high bits, edge index in the low bits (a native numeric sort, no comparator). */
  readonly edgeKey: Uint32Array;
  readonly treeTo: Int32Array;
}

export function createRecombineScratch(U: number, adjacencies: number): RecombineScratch {
  const E = Math.max(1, adjacencies);
  return {
    local: new Int32Array(U),
    stamp: new Int32Array(U),
    call: 0,
    unit: new Int32Array(U),
    pref: new Float64Array(U),
    set: new Int32Array(U),
    treeStart: new Int32Array(U + 1),
    treeFill: new Int32Array(U + 1),
    order: new Int32Array(U),
    parent: new Int32Array(U),
    seen: new Uint8Array(U),
    side: new Uint8Array(U),
    sumW: new Float64Array(U),
    sumR: new Float64Array(U),
    sumS: new Float64Array(U),
    pinR: new Int32Array(U),
    pinS: new Int32Array(U),
    badR: new Int32Array(U),
    badS: new Int32Array(U),
    edgeA: new Int32Array(E),
    edgeB: new Int32Array(E),
    edgeWeight: new Float64Array(E),
    edgeOrder: new Int32Array(E),
    edgeKey: new Uint32Array(E),
    treeTo: new Int32Array(2 * U),
  };
}

/**
 * ReCom merge-and-split of two adjacent territories r and s: merge their units, draw a spanning
 * tree of the merged region by Kruskal, then cut the one tree edge that gives the lowest cost +
 * Σ penalty (see `penalty`) with r's pins on r's side, s's pins on s's side and both sides allowed
 * to their rep. Both sides of a tree cut are connected, so both territories stay connected. Trees
 * alternate between two kinds of edge weights: |pref(u) − pref(v)| + noise, where pref(u) is how
 * many more minutes per hour unit u costs with r than with s (so the tree keeps like-minded units
 * together; the first tree has no noise), and uniform random weights (a random spanning tree, as in
 * GerryChain). Tries `attempts` trees and applies the best cut when it beats the current split,
 * or is worse by less than `slack` (objective units; 0 = strict improvement, used by `anneal`).
 * Returns whether it applied one.
 */
export function recombine(
  up: UnitProblem,
  part: Partition,
  r: number,
  s: number,
  weights: Weights,
  attempts: number,
  random: () => number,
  stats: SearchStats,
  x: RecombineScratch,
  slack = 0,
): boolean {
  const { m, graph, cost, weight, costWeight, pin, allowed, anchor } = up;
  const mr = part.members[r], ms = part.members[s];
  const n = mr.length + ms.length;
  if (n < 2 || anchor[r] < 0 || anchor[s] < 0) return false;
  const call = ++x.call;
  let lo = Infinity, hi = -Infinity, currentCost = 0;
  for (let i = 0; i < n; i++) {
    const u = i < mr.length ? mr[i] : ms[i - mr.length];
    x.unit[i] = u;
    x.local[u] = i;
    x.stamp[u] = call;
    x.pref[i] = (cost[u * m + r] - cost[u * m + s]) / costWeight[u];
    lo = Math.min(lo, x.pref[i]);
    hi = Math.max(hi, x.pref[i]);
    currentCost += cost[u * m + part.owner[u]];
  }
  let E = 0;
  for (let i = 0; i < n; i++) {
    const u = x.unit[i];
    for (let e = graph.start[u]; e < graph.start[u + 1]; e++) {
      const v = graph.neighbor[e];
      if (x.stamp[v] === call && x.local[v] > i) {
        x.edgeA[E] = i;
        x.edgeB[E++] = x.local[v];
      }
    }
  }
  const current = currentCost + penalty(up, r, part.load[r], weights) + penalty(up, s, part.load[s], weights);
  let bestValue = current - 1e-9 * (1 + Math.abs(current)) + slack;
  let found = false;
  const root = x.local[anchor[r]];
  // Without locks or rules inside the pair, the only pins are the two anchors and every cut just
  // has to separate them: the cuts are the tree edges on the path from s's anchor to the root.
  let plain = true;
  for (let i = 0; i < n && plain; i++) {
    const u = x.unit[i];
    if ((pin[u] >= 0 && u !== anchor[r] && u !== anchor[s]) || !allowed[u * m + r] || !allowed[u * m + s]) plain = false;
  }
  const sAnchor = x.local[anchor[s]];
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (attempt % 2 === 1) shuffledOrder(x, E, random);
    else {
      const noise = attempt === 0 ? 0 : NOISE * (hi - lo);
      for (let k = 0; k < E; k++) x.edgeWeight[k] = Math.abs(x.pref[x.edgeA[k]] - x.pref[x.edgeB[k]]) + noise * random();
      sortedOrder(x, E);
    }
    if (!spanningTree(x, n, E)) return false;
    rootTree(x, n, root, plain);
    if (plain) {
      const cut = bestPathCut(up, x, r, s, n, root, sAnchor, weights, bestValue, stats);
      if (cut >= 0) {
        bestValue = cutValue(up, x, r, s, root, cut, weights);
        markSubtree(x, n, cut);
        found = true;
      }
      continue;
    }
    for (let k = n - 1; k >= 0; k--) {
      const i = x.order[k], u = x.unit[i];
      x.sumW[i] += weight[u];
      x.sumR[i] += cost[u * m + r];
      x.sumS[i] += cost[u * m + s];
      if (pin[u] === r) x.pinR[i]++;
      if (pin[u] === s) x.pinS[i]++;
      if (!allowed[u * m + r]) x.badR[i]++;
      if (!allowed[u * m + s]) x.badS[i]++;
      const p = x.parent[i];
      if (p >= 0) {
        x.sumW[p] += x.sumW[i], x.sumR[p] += x.sumR[i], x.sumS[p] += x.sumS[i];
        x.pinR[p] += x.pinR[i], x.pinS[p] += x.pinS[i], x.badR[p] += x.badR[i], x.badS[p] += x.badS[i];
      }
    }
    let bestCut = -1;
    for (let i = 0; i < n; i++) {
      // Subtree of i goes to s, the rest (with the root, r's anchor) to r.
      if (i === root || x.pinR[i] > 0 || x.pinS[i] !== x.pinS[root] || x.badS[i] > 0 || x.badR[i] !== x.badR[root]) continue;
      stats.cutsEvaluated++;
      const value = cutValue(up, x, r, s, root, i, weights);
      if (value < bestValue) {
        bestValue = value;
        bestCut = i;
      }
    }
    if (bestCut >= 0) {
      markSubtree(x, n, bestCut);
      found = true;
    }
  }
  if (!found) return false;
  for (let i = 0; i < n; i++) moveUnit(part, up, x.unit[i], x.side[i] ? s : r);
  stats.recombinations++;
  return true;
}

/** A uniformly random edge order (Kruskal on it draws the same trees as on i.i.d. random weights). */
function shuffledOrder(x: RecombineScratch, E: number, random: () => number): void {
  const order = x.edgeOrder;
  for (let k = 0; k < E; k++) order[k] = k;
  for (let k = E - 1; k > 0; k--) {
    const j = Math.floor(random() * (k + 1));
    const t = order[k];
    order[k] = order[j];
    order[j] = t;
  }
}

/**
 * Edges by ascending `edgeWeight` (ties by index). Weights are quantised to the bits that the edge
 * index leaves free in a 32-bit key (23 bits for a region of 511 adjacencies, 12 bits at a million),
 * so the keys sort natively without a comparator.
 */
function sortedOrder(x: RecombineScratch, E: number): void {
  const indexBits = Math.max(1, Math.ceil(Math.log2(E + 1)));
  const levels = 2 ** (32 - indexBits) - 1;
  let max = 0;
  for (let k = 0; k < E; k++) max = Math.max(max, x.edgeWeight[k]);
  const scale = max > 0 ? levels / max : 0;
  const keys = x.edgeKey.subarray(0, E);
  for (let k = 0; k < E; k++) keys[k] = (Math.min(levels, Math.floor(x.edgeWeight[k] * scale)) * 2 ** indexBits + k) >>> 0;
  keys.sort();
  const mask = 2 ** indexBits - 1;
  for (let k = 0; k < E; k++) x.edgeOrder[k] = keys[k] & mask;
}

/** Kruskal over the merged region's edges in `edgeOrder`; tree adjacency into treeStart/treeTo. False when the region is not connected. */
function spanningTree(x: RecombineScratch, n: number, E: number): boolean {
  const { set, edgeA, edgeB, edgeOrder: order, treeStart, treeFill, treeTo } = x;
  for (let i = 0; i < n; i++) set[i] = i;
  treeStart.fill(0, 0, n + 1);
  let joined = 0;
  // Rejected edges are marked −1 in `order`; the tree edges are the first n − 1 others.
  for (let k = 0; k < E && joined < n - 1; k++) {
    const e = order[k];
    let a = edgeA[e], b = edgeB[e];
    // Union–find roots with path halving.
    while (set[a] !== a) a = set[a] = set[set[a]];
    while (set[b] !== b) b = set[b] = set[set[b]];
    if (a === b) {
      order[k] = -1;
      continue;
    }
    set[a] = b;
    joined++;
    treeStart[edgeA[e] + 1]++;
    treeStart[edgeB[e] + 1]++;
  }
  if (joined !== n - 1) return false;
  for (let i = 0; i < n; i++) {
    treeStart[i + 1] += treeStart[i];
    treeFill[i] = treeStart[i];
  }
  for (let k = 0, taken = 0; taken < n - 1; k++) {
    const e = order[k];
    if (e < 0) continue;
    treeTo[treeFill[edgeA[e]]++] = edgeB[e];
    treeTo[treeFill[edgeB[e]]++] = edgeA[e];
    taken++;
  }
  return true;
}

/**
 * The plain case of `recombine` (no pins but the two anchors, no rules): subtree sums of workload
 * and of the cost with r and with s in one pass, then the best cut on the path from s's anchor up
 * to the root (below it goes to s) whose value is below `limit`; −1 when none.
 */
function bestPathCut(up: UnitProblem, x: RecombineScratch, r: number, s: number, n: number, root: number, sAnchor: number, weights: Weights, limit: number, stats: SearchStats): number {
  const { m, cost, weight } = up;
  for (let k = n - 1; k >= 0; k--) {
    const i = x.order[k], u = x.unit[i];
    x.sumW[i] += weight[u];
    x.sumR[i] += cost[u * m + r];
    x.sumS[i] += cost[u * m + s];
    const p = x.parent[i];
    if (p >= 0) x.sumW[p] += x.sumW[i], x.sumR[p] += x.sumR[i], x.sumS[p] += x.sumS[i];
  }
  let best = -1;
  for (let i = sAnchor; i !== root && i >= 0; i = x.parent[i]) {
    stats.cutsEvaluated++;
    const value = cutValue(up, x, r, s, root, i, weights);
    if (value < limit) {
      limit = value;
      best = i;
    }
  }
  return best;
}

/** Cost + penalties when the subtree of i goes to s and the rest to r. */
function cutValue(up: UnitProblem, x: RecombineScratch, r: number, s: number, root: number, i: number, weights: Weights): number {
  return x.sumS[i] + x.sumR[root] - x.sumR[i] + penalty(up, r, x.sumW[root] - x.sumW[i], weights) + penalty(up, s, x.sumW[i], weights);
}

/** BFS order (parents before children) and parents of the tree rooted at `root`; clears the subtree sums (only workload and costs when `plain`). */
function rootTree(x: RecombineScratch, n: number, root: number, plain: boolean): void {
  x.parent.fill(-2, 0, n);
  x.sumW.fill(0, 0, n), x.sumR.fill(0, 0, n), x.sumS.fill(0, 0, n);
  if (!plain) x.pinR.fill(0, 0, n), x.pinS.fill(0, 0, n), x.badR.fill(0, 0, n), x.badS.fill(0, 0, n);
  // Breadth-first: `order` doubles as the queue.
  let top = 0, done = 0;
  const stack = x.seen;
  stack.fill(0, 0, n);
  x.order[top++] = root;
  x.parent[root] = -1;
  stack[root] = 1;
  while (done < top) {
    const i = x.order[done++];
    for (let k = x.treeStart[i]; k < x.treeStart[i + 1]; k++) {
      const j = x.treeTo[k];
      if (stack[j]) continue;
      stack[j] = 1;
      x.parent[j] = i;
      x.order[top++] = j;
    }
  }
}

/** Marks (in `side`) the subtree under `top`: nodes whose parent chain reaches it. */
function markSubtree(x: RecombineScratch, n: number, top: number): void {
  x.side.fill(0, 0, n);
  x.side[top] = 1;
  for (let k = 0; k < n; k++) {
    const i = x.order[k];
    if (x.parent[i] >= 0 && x.side[x.parent[i]]) x.side[i] = 1;
  }
}
