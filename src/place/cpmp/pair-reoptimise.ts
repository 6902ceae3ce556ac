import { isBetter, type Tolerance } from "./assignment-descent.js";
import { barred, barredAtSite, excessAt, rebuildClusters, type Clusters } from "./clusters.js";
import { createKnapsackScratch, minKnapsack, minKnapsackLp, type KnapsackScratch } from "./min-knapsack.js";
import type { Neighbourhoods } from "./neighbourhoods.js";
import type { WorkMeter } from "./work-meter.js";

/** With more candidate sites than twice this, each median is chosen among this many best for its own cluster. */
const MEDIAN_CHOICES = 10;
/** Knapsack nodes per median pair; beyond it the pair keeps the best split found. */
const PAIR_KNAPSACK_NODES = 5_000;

/** Scratch space for `reoptimisePair`, sized for n points. */
export interface PairScratch {
  readonly points: Int32Array;
  readonly candidates: Int32Array;
  readonly value: Float64Array;
  readonly weight: Float64Array;
  readonly item: Int32Array;
  readonly chosen: Uint8Array;
  readonly toA: Uint8Array;
  readonly bestToA: Uint8Array;
  readonly knapsack: KnapsackScratch;
}

export function createPairScratch(n: number): PairScratch {
  return {
    points: new Int32Array(n),
    candidates: new Int32Array(n),
    value: new Float64Array(n),
    weight: new Float64Array(n),
    item: new Int32Array(n),
    chosen: new Uint8Array(n),
    toA: new Uint8Array(n),
    bestToA: new Uint8Array(n),
    knapsack: createKnapsackScratch(64),
  };
}

/**
 * Solves the 2-median problem on the union of clusters a and b exactly: every pair of sites among
 * their points (a forced site stays), each split by a two-sided knapsack (the first median's load
 * between its minimum and capacity, the rest within the second's). Pairs whose uncapacitated cost
 * cannot beat the best split so far are skipped. Applies the best split when it is better
 * (less excess, or as little and cheaper). Returns whether it changed anything.
 */
export function reoptimisePair(
  c: Clusters,
  a: number,
  b: number,
  hoods: Neighbourhoods,
  closed: Uint8Array,
  pinned: Uint8Array,
  tol: Tolerance,
  scratch: PairScratch,
  meter: WorkMeter,
): boolean {
  const { demand, capacity, minLoad, cost } = c.instance;
  const s = c.s;
  const { points, candidates, value, weight, item, chosen, toA, bestToA } = scratch;
  let u = 0;
  let total = 0;
  let currentCost = 0;
  let currentBarred = 0;
  for (const t of [a, b]) {
    for (let i = c.head[t]; i >= 0; i = c.next[i]) {
      points[u++] = i;
      total += demand[i];
      currentCost += cost[i * s + c.site[t]];
      currentBarred += barred(c, i, t);
    }
  }
  const currentExcess = excessAt(c, a, c.load[a]) + excessAt(c, b, c.load[b]) + currentBarred;
  const pinA = pinned[c.site[a]] === 1;
  const pinB = pinned[c.site[b]] === 1;
  let m = 0;
  for (let t = 0; t < u; t++) {
    const k = hoods.siteOf[points[t]];
    if (k >= 0 && !closed[k]) candidates[m++] = t;
  }
  // Large unions: each median among the sites best for its own cluster's members.
  const restrict = m > 2 * MEDIAN_CHOICES;
  if (restrict) meter.add(m * u);
  const list1 = pinA ? [positionOf(points, u, c.median[a])] : restrict ? bestSites(c, a, hoods, points, candidates, m, scratch) : null;
  const list2 = pinB ? [positionOf(points, u, c.median[b])] : restrict ? bestSites(c, b, hoods, points, candidates, m, scratch) : null;
  // Target: any feasible split when the pair has excess now, else a cheaper one.
  let bestCost = currentExcess > tol.excess ? Infinity : currentCost - tol.cost;
  let bestJ1 = -1;
  let bestJ2 = -1;
  let work = 0;
  const tryPair = (t1: number, t2: number) => {
    const j1 = points[t1];
    const j2 = points[t2];
    const k1 = hoods.siteOf[j1];
    const k2 = hoods.siteOf[j2];
    let free = 0;
    for (let t = 0; t < u; t++) {
      const row = points[t] * s;
      const c1 = cost[row + k1];
      const c2 = cost[row + k2];
      free += c1 < c2 ? c1 : c2;
    }
    work += u;
    if (free >= bestCost) return;
    const low1 = minLoad ? minLoad[j1] : 0;
    const low2 = minLoad ? minLoad[j2] : 0;
    const lo = Math.max(low1, total - capacity[j2]) - demand[j1];
    const hi = Math.min(capacity[j1], total - low2) - demand[j1];
    if (lo > hi + tol.excess || hi < -tol.excess) return;
    let count = 0;
    let base = cost[j1 * s + k1] + cost[j2 * s + k2];
    for (let t = 0; t < u; t++) {
      if (t === t1 || t === t2) continue;
      const row = points[t] * s;
      item[count] = t;
      value[count] = cost[row + k1] - cost[row + k2];
      weight[count] = demand[points[t]];
      base += cost[row + k2];
      count++;
    }
    work += count;
    if (base + minKnapsackLp(value, weight, count, lo - tol.excess, hi + tol.excess, scratch.knapsack) >= bestCost) return;
    const outcome = minKnapsack(value, weight, count, lo - tol.excess, hi + tol.excess, chosen, scratch.knapsack, PAIR_KNAPSACK_NODES, bestCost - base);
    work += count + outcome.nodes;
    const split = base + outcome.value;
    if (split < bestCost) {
      bestCost = split;
      bestJ1 = t1;
      bestJ2 = t2;
      toA.fill(0, 0, u);
      toA[t1] = 1;
      for (let q = 0; q < count; q++) if (chosen[q]) toA[item[q]] = 1;
      bestToA.set(toA.subarray(0, u));
    }
  };
  if (list1 || list2) {
    for (const t1 of list1 ?? candidates.subarray(0, m)) for (const t2 of list2 ?? candidates.subarray(0, m)) if (t1 !== t2) tryPair(t1, t2);
  } else {
    for (let x = 0; x < m; x++) for (let y = x + 1; y < m; y++) tryPair(candidates[x], candidates[y]);
  }
  meter.add(work);
  if (bestJ1 < 0) return false;
  // The split meets both windows; it must not give more points where they are not allowed.
  let splitBarred = 0;
  for (let t = 0; t < u; t++) splitBarred += barredAtSite(c, points[t], hoods.siteOf[points[bestToA[t] ? bestJ1 : bestJ2]]);
  if (!isBetter(splitBarred - currentExcess, bestCost - currentCost, tol)) return false;
  const j1 = points[bestJ1];
  const j2 = points[bestJ2];
  for (let t = 0; t < u; t++) bestToA[t] = bestToA[t] ? 0 : 1;
  rebuildClusters(c, [a, b], [j1, j2], [hoods.siteOf[j1], hoods.siteOf[j2]], points, u, bestToA);
  return true;
}

/** Positions (in `points`) of the candidate sites cheapest for the members of cluster t. */
function bestSites(c: Clusters, t: number, hoods: Neighbourhoods, points: Int32Array, candidates: Int32Array, m: number, scratch: PairScratch): number[] {
  const { cost } = c.instance;
  const total = scratch.value;
  for (let x = 0; x < m; x++) {
    const site = hoods.siteOf[points[candidates[x]]];
    let sum = 0;
    for (let i = c.head[t]; i >= 0; i = c.next[i]) sum += cost[i * c.s + site];
    total[x] = sum;
  }
  const order = Array.from({ length: m }, (_, x) => x).sort((x, y) => total[x] - total[y] || x - y);
  return order.slice(0, MEDIAN_CHOICES).map((x) => candidates[x]);
}

function positionOf(points: Int32Array, u: number, j: number): number {
  for (let t = 0; t < u; t++) if (points[t] === j) return t;
  return -1;
}

/**
 * Pairs of neighbouring clusters: each cluster with the clusters nearest its median (by the
 * median's own ranking), `perCluster` of them; every pair once, smaller index first.
 */
export function neighbourPairs(c: Clusters, perCluster: number): Int32Array {
  const p = c.median.length;
  const pairs: number[] = [];
  if (p <= perCluster + 1) {
    for (let a = 0; a < p; a++) for (let b = a + 1; b < p; b++) pairs.push(a, b);
    return Int32Array.from(pairs);
  }
  const keys = new Set<number>();
  const width = Math.min(perCluster + 1, c.nearWidth);
  for (let a = 0; a < p; a++) {
    const base = c.median[a] * c.nearWidth;
    for (let r = 0; r < width; r++) {
      const b = c.near[base + r];
      if (b !== a) keys.add(a < b ? a * p + b : b * p + a);
    }
  }
  for (const key of [...keys].sort((x, y) => x - y)) pairs.push(Math.floor(key / p), key % p);
  return Int32Array.from(pairs);
}
