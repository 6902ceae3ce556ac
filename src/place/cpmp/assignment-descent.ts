import { barred, costTo, excessAt, movePoint, type Clusters } from "./clusters.js";
import { ejectionChains } from "./ejection-chains.js";
import { keepSmallest } from "./keep-smallest.js";
import type { Neighbourhoods } from "./neighbourhoods.js";
import type { WorkMeter } from "./work-meter.js";

/**
 * Refreshes the points' nearest clusters (by cost to the median) after medians have moved: with
 * few clusters every point ranks them all; otherwise only points that have a site a median left or
 * took among their nearest sites are refreshed, from the open sites among those (a scan of every
 * cluster when they hold too few). Points whose list changed are offered moves again.
 */
export function refreshNearClusters(c: Clusters, hoods: Neighbourhoods, meter: WorkMeter): void {
  if (c.nearAt >= c.mediansMovedAt) return;
  const { n } = c.instance;
  const p = c.median.length;
  const scratch = { key: new Float64Array(c.nearWidth), list: new Int32Array(c.nearWidth) };
  if (c.nearAt < 0 || c.nearWidth >= p) {
    for (let i = 0; i < n; i++) rankClusters(c, hoods, i, scratch);
    meter.add(n * p);
  } else {
    const seen = new Uint8Array(n);
    for (const k of c.movedSites) {
      for (let e = hoods.nearOfStart[k]; e < hoods.nearOfStart[k + 1]; e++) {
        const i = hoods.nearOf[e];
        if (seen[i]) continue;
        seen[i] = 1;
        meter.add(rankClusters(c, hoods, i, scratch));
      }
    }
  }
  c.movedSites.length = 0;
  c.nearAt = c.stamps.value;
}

/** Ranks point i's nearest clusters; returns the work done. */
function rankClusters(c: Clusters, hoods: Neighbourhoods, i: number, scratch: { key: Float64Array; list: Int32Array }): number {
  const p = c.median.length;
  const { near, nearWidth: width } = c;
  const { key, list } = scratch;
  let size = 0;
  let work = 0;
  const scanAll = width >= p;
  for (let pass = scanAll ? 1 : 0; pass < 2 && size < width; pass++) {
    size = 0;
    const count = pass === 0 ? hoods.width : p;
    work += count;
    for (let q = 0; q < count; q++) {
      const t = pass === 0 ? c.clusterAtSite[hoods.nearSites[i * hoods.width + q]] : q;
      if (t < 0) continue;
      size = keepSmallest(key, list, size, width, costTo(c, i, t), t);
    }
  }
  let same = true;
  for (let r = 0; r < width; r++) {
    if (near[i * width + r] !== list[r]) {
      same = false;
      near[i * width + r] = list[r];
    }
  }
  if (!same) {
    c.shiftChecked[i] = -1;
    c.swapChecked[i] = -1;
    c.chainChecked[i] = -1;
  }
  return work;
}

/** Latest content stamp among point i's own cluster and its nearest clusters. */
/** Rank below which a cluster counts as near a point for swaps: swaps pair boundary points. */
const SWAP_RANK = 3;
/** Nearest clusters a point looks for swap partners in. */
const SWAP_CLUSTERS = 5;

/** Whether cluster b is among point i's `width` nearest clusters. */
function listed(c: Clusters, i: number, b: number, width: number): boolean {
  const base = i * c.nearWidth;
  for (let r = 0; r < width; r++) if (c.near[base + r] === b) return true;
  return false;
}

function isNear(c: Clusters, k: number, a: number): boolean {
  const base = k * c.nearWidth;
  const end = base + Math.min(SWAP_RANK, c.nearWidth);
  for (let e = base; e < end; e++) if (c.near[e] === a) return true;
  return false;
}

export function latestAround(c: Clusters, i: number, width = c.nearWidth): number {
  let latest = c.version[c.assign[i]];
  const base = i * c.nearWidth;
  for (let r = 0; r < width; r++) {
    const v = c.version[c.near[base + r]];
    if (v > latest) latest = v;
  }
  return latest;
}

/** Tolerances below which a change of excess or of cost is noise. */
export interface Tolerance {
  readonly excess: number;
  readonly cost: number;
}

export function tolerances(c: Clusters): Tolerance {
  const { instance } = c;
  let largest = 0;
  for (let j = 0; j < instance.n; j++) largest = Math.max(largest, instance.capacity[j]);
  let costScale = 0;
  for (let k = 0; k < instance.cost.length; k += 97) costScale = Math.max(costScale, instance.cost[k]);
  return { excess: 1e-9 * Math.max(1, largest), cost: instance.integerCosts ? 0.5 : 1e-9 * Math.max(1, costScale) };
}

/** Lexicographic test: less excess, or as little excess and less cost. */
export function isBetter(dExcess: number, dCost: number, tol: Tolerance): boolean {
  return dExcess < -tol.excess || (dExcess <= tol.excess && dCost < -tol.cost);
}

/**
 * Shift and swap descent with the medians fixed: each pass offers every point (in a random order)
 * its best shift to one of its nearest clusters, then, when no shift helps, its best swap with a
 * member of one of those clusters that has the point's cluster among its three nearest, then
 * ejection chains. Moves reduce the excess, or keep it and reduce the cost.
 * Returns whether anything moved.
 */
export function assignmentDescent(c: Clusters, hoods: Neighbourhoods, order: Int32Array, tol: Tolerance, meter: WorkMeter): boolean {
  const { demand } = c.instance;
  const { near, nearWidth: width } = c;
  let movedAny = false;
  for (;;) {
    if (meter.stopped()) return movedAny;
    meter.add(c.instance.n);
    let moved = false;
    for (const i of order) {
      if (c.median[c.assign[i]] === i || latestAround(c, i) <= c.shiftChecked[i]) continue;
      const a = c.assign[i];
      const q = demand[i];
      const leave = excessAt(c, a, c.load[a] - q) - excessAt(c, a, c.load[a]) - barred(c, i, a);
      const here = costTo(c, i, a);
      // With its own cluster unchanged, only clusters changed since the last check can now help.
      const since = c.version[a] > c.shiftChecked[i] ? -1 : c.shiftChecked[i];
      let bestTo = -1;
      let bestEx = 0;
      let bestCost = 0;
      for (let r = 0; r < width; r++) {
        const b = near[i * width + r];
        if (b === a || c.version[b] <= since) continue;
        const dEx = leave + excessAt(c, b, c.load[b] + q) - excessAt(c, b, c.load[b]) + barred(c, i, b);
        const dCost = costTo(c, i, b) - here;
        if (isBetter(dEx - bestEx, dCost - bestCost, tol)) {
          bestTo = b;
          bestEx = dEx;
          bestCost = dCost;
        }
      }
      meter.add(width);
      if (bestTo >= 0) {
        movePoint(c, i, bestTo);
        moved = true;
      } else {
        c.shiftChecked[i] = c.stamps.value;
      }
    }
    if (!moved) moved = swapPass(c, hoods, order, tol, meter);
    if (!moved) moved = ejectionChains(c, order, tol, meter);
    if (!moved) return movedAny;
    movedAny = true;
  }
}

function swapPass(c: Clusters, hoods: Neighbourhoods, order: Int32Array, tol: Tolerance, meter: WorkMeter): boolean {
  const { demand, sites } = c.instance;
  const { near, nearWidth } = c;
  const width = Math.min(nearWidth, SWAP_CLUSTERS);
  const p = c.median.length;
  // Partners from the point's nearest points when clusters are large and every point is a site.
  const byPoints = sites.length === c.instance.n && (c.instance.n / p) * width > hoods.width;
  let moved = false;
  meter.add(c.instance.n);
  for (const i of order) {
    const a = c.assign[i];
    if (c.median[a] === i || latestAround(c, i, width) <= c.swapChecked[i]) continue;
    const qi = demand[i];
    const ia = costTo(c, i, a);
    const since = c.version[a] > c.swapChecked[i] ? -1 : c.swapChecked[i];
    let bestK = -1;
    let bestEx = 0;
    let bestCost = 0;
    let work = 0;
    const exA = excessAt(c, a, c.load[a]);
    for (let r = 0; r < (byPoints ? hoods.width : width); r++) {
      let k: number;
      let b: number;
      if (byPoints) {
        k = sites[hoods.nearSites[i * hoods.width + r]];
        b = c.assign[k];
        if (b === a || c.median[b] === k || c.version[b] <= since || !isNear(c, k, a) || !listed(c, i, b, width)) continue;
      } else {
        b = near[i * nearWidth + r];
        if (b === a || c.version[b] <= since) continue;
        k = c.head[b];
        work += c.size[b];
      }
      const exB = excessAt(c, b, c.load[b]);
      const ib = costTo(c, i, b);
      // One partner (nearest-points mode) or every member of b (cluster mode).
      for (; k >= 0; k = byPoints ? -1 : c.next[k]) {
        if (!byPoints && (c.median[b] === k || !isNear(c, k, a))) continue;
        const shift = demand[k] - qi;
        const dEx = excessAt(c, a, c.load[a] + shift) + excessAt(c, b, c.load[b] - shift) - exA - exB + barred(c, i, b) + barred(c, k, a) - barred(c, i, a) - barred(c, k, b);
        const dCost = ib + costTo(c, k, a) - ia - costTo(c, k, b);
        if (isBetter(dEx - bestEx, dCost - bestCost, tol)) {
          bestK = k;
          bestEx = dEx;
          bestCost = dCost;
        }
      }
    }
    if (byPoints) work += hoods.width;
    meter.add(work);
    if (bestK >= 0) {
      const b = c.assign[bestK];
      movePoint(c, i, b);
      movePoint(c, bestK, a);
      moved = true;
    } else {
      c.swapChecked[i] = c.stamps.value;
    }
  }
  return moved;
}
