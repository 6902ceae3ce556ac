import type { CpmpInstance } from "./cpmp-instance.js";

/** Nearest clusters kept per point: where shifts and swaps look. */
const NEAR_CLUSTERS = 10;

/**
 * A CPMP solution under construction: p clusters, each with an open median (a point that is a
 * site and a member of its cluster) and its member points in a doubly linked list. The objective
 * and the total excess (load above capacity plus load below minimum load) are kept up to date.
 */
export interface Clusters {
  readonly instance: CpmpInstance;
  /** Number of sites (columns of the cost matrix). */
  readonly s: number;
  /** Cluster of each point; length n. */
  readonly assign: Int32Array;
  /** Median point of each cluster; length p. */
  readonly median: Int32Array;
  /** Site index of each cluster's median; length p. */
  readonly site: Int32Array;
  /** Demand served by each cluster; length p. */
  readonly load: Float64Array;
  /** Cluster whose median is at each site, or −1; length s. */
  readonly clusterAtSite: Int32Array;
  /** First member of each cluster (−1 when empty); length p. Then `next` / `prev` per point. */
  readonly head: Int32Array;
  readonly next: Int32Array;
  readonly prev: Int32Array;
  /** Members per cluster; length p. */
  readonly size: Int32Array;
  /**
   * Stamp of each cluster's content, renewed from `stamps` whenever its members or median change;
   * stamps are unique across copies, so equal stamps mean equal content. Length p.
   */
  readonly version: Float64Array;
  readonly stamps: { value: number };
  /** Stamp of the last median move, in any cluster, and the sites medians left or took since the near lists were refreshed. */
  mediansMovedAt: number;
  movedSites: number[];
  /**
   * Search bookkeeping, copied with the clusters: the nearest clusters of each point
   * (`near[i * nearWidth + r]`, by cost to the median) and the stamp they were computed at; the
   * stamp at which each point was last offered shifts, swaps and ejection chains in vain (length n) and each
   * cluster its median moves (length p).
   */
  readonly near: Int32Array;
  readonly nearWidth: number;
  nearAt: number;
  readonly shiftChecked: Float64Array;
  readonly swapChecked: Float64Array;
  readonly chainChecked: Float64Array;
  readonly medianChecked: Float64Array;
  /** Σ cost of each point to its median. */
  cost: number;
  /** Σ over clusters of load above capacity and below minimum load. */
  excess: number;
}

/**
 * Builds clusters from medians (point indices, one per cluster) and the cluster of each point.
 * Clusters of one solve share `stamps`, so that content stamps stay unique among them.
 */
export function createClusters(instance: CpmpInstance, siteOf: Int32Array, medians: ArrayLike<number>, assign: ArrayLike<number>, stamps = { value: 0 }): Clusters {
  const { n, p } = instance;
  const s = instance.sites.length;
  const c: Clusters = {
    instance,
    s,
    assign: Int32Array.from(assign),
    median: Int32Array.from(medians),
    site: new Int32Array(p),
    load: new Float64Array(p),
    clusterAtSite: new Int32Array(s).fill(-1),
    head: new Int32Array(p).fill(-1),
    next: new Int32Array(n).fill(-1),
    prev: new Int32Array(n).fill(-1),
    size: new Int32Array(p),
    version: new Float64Array(p),
    stamps,
    mediansMovedAt: 0,
    movedSites: [],
    near: new Int32Array(n * Math.min(p, NEAR_CLUSTERS)),
    nearWidth: Math.min(p, NEAR_CLUSTERS),
    nearAt: -1,
    shiftChecked: new Float64Array(n).fill(-1),
    swapChecked: new Float64Array(n).fill(-1),
    chainChecked: new Float64Array(n).fill(-1),
    medianChecked: new Float64Array(p).fill(-1),
    cost: 0,
    excess: 0,
  };
  for (let t = 0; t < p; t++) {
    c.site[t] = siteOf[c.median[t]];
    c.clusterAtSite[c.site[t]] = t;
    c.assign[c.median[t]] = t;
    c.version[t] = ++stamps.value;
  }
  c.mediansMovedAt = stamps.value;
  for (let i = n - 1; i >= 0; i--) link(c, i, c.assign[i]);
  recount(c);
  return c;
}

/** A copy that shares nothing mutable with `c`. */
export function copyClusters(c: Clusters): Clusters {
  return {
    ...c,
    assign: c.assign.slice(),
    median: c.median.slice(),
    site: c.site.slice(),
    load: c.load.slice(),
    clusterAtSite: c.clusterAtSite.slice(),
    head: c.head.slice(),
    next: c.next.slice(),
    prev: c.prev.slice(),
    size: c.size.slice(),
    version: c.version.slice(),
    near: c.near.slice(),
    shiftChecked: c.shiftChecked.slice(),
    swapChecked: c.swapChecked.slice(),
    chainChecked: c.chainChecked.slice(),
    medianChecked: c.medianChecked.slice(),
    movedSites: c.movedSites.slice(),
  };
}

/** Recomputes loads, objective and excess from scratch (after bulk changes). */
export function recount(c: Clusters): void {
  const { n, demand, cost } = c.instance;
  c.load.fill(0);
  let total = 0;
  let excess = 0;
  for (let i = 0; i < n; i++) {
    const t = c.assign[i];
    c.load[t] += demand[i];
    total += cost[i * c.s + c.site[t]];
    excess += barred(c, i, t);
  }
  c.cost = total;
  for (let t = 0; t < c.median.length; t++) excess += excessAt(c, t, c.load[t]);
  c.excess = excess;
}

/** Load above capacity plus load below the minimum load, for cluster t at `load`. */
export function excessAt(c: Clusters, t: number, load: number): number {
  const j = c.median[t];
  const over = load - c.instance.capacity[j];
  const low = c.instance.minLoad ? c.instance.minLoad[j] - load : 0;
  return (over > 0 ? over : 0) + (low > 0 ? low : 0);
}

/** Cost of giving point i to cluster t. */
export function costTo(c: Clusters, i: number, t: number): number {
  return c.instance.cost[i * c.s + c.site[t]];
}

/**
 * The excess that giving point i to cluster t adds when the instance forbids it there (a cost at
 * or above `forbiddenCost`): more than any load excess can be, so searches drop it first; else 0.
 */
export function barred(c: Clusters, i: number, t: number): number {
  return barredAtSite(c, i, c.site[t]);
}

/** `barred` for a median at site k. */
export function barredAtSite(c: Clusters, i: number, k: number): number {
  const limit = c.instance.forbiddenCost;
  return limit !== undefined && c.instance.cost[i * c.s + k] >= limit ? barredWeight(c) : 0;
}

function barredWeight(c: Clusters): number {
  const cached = weights.get(c.instance);
  if (cached !== undefined) return cached;
  let total = 1;
  for (let i = 0; i < c.instance.n; i++) total += c.instance.demand[i];
  weights.set(c.instance, total);
  return total;
}
const weights = new WeakMap<object, number>();

/** Moves point i (not a median) to cluster `to`, updating loads, objective and excess. */
export function movePoint(c: Clusters, i: number, to: number): void {
  const from = c.assign[i];
  if (from === to) return;
  const q = c.instance.demand[i];
  c.cost += costTo(c, i, to) - costTo(c, i, from);
  c.excess += excessAt(c, from, c.load[from] - q) - excessAt(c, from, c.load[from]) + excessAt(c, to, c.load[to] + q) - excessAt(c, to, c.load[to]);
  c.excess += barred(c, i, to) - barred(c, i, from);
  c.load[from] -= q;
  c.load[to] += q;
  c.version[from] = ++c.stamps.value;
  c.version[to] = ++c.stamps.value;
  unlink(c, i);
  link(c, i, to);
}

/**
 * Makes point j (a site, in cluster t already) the median of cluster t; the objective changes by
 * the members' cost difference. The caller has checked j is not another cluster's median.
 */
export function setMedian(c: Clusters, t: number, j: number, siteOfJ: number): void {
  let before = excessAt(c, t, c.load[t]);
  for (let i = c.head[t]; i >= 0; i = c.next[i]) before += barred(c, i, t);
  let delta = 0;
  const { cost } = c.instance;
  const old = c.site[t];
  for (let i = c.head[t]; i >= 0; i = c.next[i]) delta += cost[i * c.s + siteOfJ] - cost[i * c.s + old];
  c.clusterAtSite[old] = -1;
  c.clusterAtSite[siteOfJ] = t;
  c.median[t] = j;
  c.site[t] = siteOfJ;
  c.cost += delta;
  let after = excessAt(c, t, c.load[t]);
  for (let i = c.head[t]; i >= 0; i = c.next[i]) after += barred(c, i, t);
  c.excess += after - before;
  c.version[t] = ++c.stamps.value;
  c.mediansMovedAt = c.stamps.value;
  c.movedSites.push(old, siteOfJ);
}

/**
 * Rebuilds the given clusters from scratch: cluster `clusters[r]` gets median point `medians[r]`
 * (at site `sitesOf[r]`), and every point in `points[0..count)` goes to `clusters[target[t]]`. The
 * points must be exactly the clusters' members, the medians among them.
 */
export function rebuildClusters(
  c: Clusters,
  clusters: ArrayLike<number>,
  medians: ArrayLike<number>,
  sitesOf: ArrayLike<number>,
  points: Int32Array,
  count: number,
  target: ArrayLike<number>,
): void {
  const { demand, cost } = c.instance;
  let before = 0;
  for (let r = 0; r < clusters.length; r++) before += excessAt(c, clusters[r], c.load[clusters[r]]);
  for (let t = 0; t < count; t++) {
    const i = points[t];
    c.cost -= cost[i * c.s + c.site[c.assign[i]]];
    before += barred(c, i, c.assign[i]);
    unlink(c, i);
  }
  let moved = false;
  for (let r = 0; r < clusters.length; r++) c.clusterAtSite[c.site[clusters[r]]] = -1;
  for (let r = 0; r < clusters.length; r++) {
    const t = clusters[r];
    if (c.site[t] !== sitesOf[r]) {
      moved = true;
      c.movedSites.push(c.site[t], sitesOf[r]);
    }
    c.median[t] = medians[r];
    c.site[t] = sitesOf[r];
    c.clusterAtSite[sitesOf[r]] = t;
    c.load[t] = 0;
  }
  for (let t = 0; t < count; t++) {
    const i = points[t];
    const to = clusters[target[t]];
    link(c, i, to);
    c.load[to] += demand[i];
    c.cost += cost[i * c.s + c.site[to]];
  }
  let after = 0;
  for (let t = 0; t < count; t++) after += barred(c, points[t], c.assign[points[t]]);
  for (let r = 0; r < clusters.length; r++) {
    after += excessAt(c, clusters[r], c.load[clusters[r]]);
    c.version[clusters[r]] = ++c.stamps.value;
  }
  c.excess += after - before;
  if (moved) c.mediansMovedAt = c.stamps.value;
}

/** Σ cost of cluster t's members to site k. */
export function clusterCostAt(c: Clusters, t: number, k: number): number {
  const { cost } = c.instance;
  let total = 0;
  for (let i = c.head[t]; i >= 0; i = c.next[i]) total += cost[i * c.s + k];
  return total;
}

/** Σ `barred` of cluster t's members were its median at site k (0 when nothing is forbidden). */
export function clusterBarredAt(c: Clusters, t: number, k: number): number {
  const limit = c.instance.forbiddenCost;
  if (limit === undefined) return 0;
  const { cost } = c.instance;
  let count = 0;
  for (let i = c.head[t]; i >= 0; i = c.next[i]) if (cost[i * c.s + k] >= limit) count++;
  return count * barredWeight(c);
}

/** Median point of each point's cluster (the public form of an assignment); length n. */
export function medianOfPoints(c: Clusters): Int32Array {
  const out = new Int32Array(c.assign.length);
  for (let i = 0; i < out.length; i++) out[i] = c.median[c.assign[i]];
  return out;
}

function link(c: Clusters, i: number, t: number): void {
  c.assign[i] = t;
  c.prev[i] = -1;
  c.next[i] = c.head[t];
  if (c.head[t] >= 0) c.prev[c.head[t]] = i;
  c.head[t] = i;
  c.size[t]++;
}

function unlink(c: Clusters, i: number): void {
  const t = c.assign[i];
  if (c.prev[i] >= 0) c.next[c.prev[i]] = c.next[i];
  else c.head[t] = c.next[i];
  if (c.next[i] >= 0) c.prev[c.next[i]] = c.prev[i];
  c.size[t]--;
}
