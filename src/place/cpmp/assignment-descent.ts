import { costTo, excessAt, movePoint, type Clusters } from "./clusters.js";
import { ejectionChains } from "./ejection-chains.js";
import type { Neighbourhoods } from "./neighbourhoods.js";
import type { WorkMeter } from "./work-meter.js";

/**
 * Refreshes the points' nearest clusters (by cost to the median) after medians have moved: with
 * few clusters every point ranks them all; otherwise only points that have a site a median left or
 * took among their nearest sites are refreshed, from the open sites among those (a scan of every
 * cluster when they hold too few). Points whose list changed are offered moves again.
 */
export function refreshNearClusters(c: Clusters, hoods: Neighbourhoods): void {
  if (c.nearAt >= c.mediansMovedAt) return;
  const { n } = c.instance;
  const p = c.median.length;
  const scratch = { key: new Float64Array(c.nearWidth), list: new Int32Array(c.nearWidth) };
  if (c.nearAt < 0 || c.nearWidth >= p) {
    for (let i = 0; i < n; i++) rankClusters(c, hoods, i, scratch);
  } else {
    const seen = new Uint8Array(n);
    for (const k of c.movedSites) {
      for (let e = hoods.nearOfStart[k]; e < hoods.nearOfStart[k + 1]; e++) {
        const i = hoods.nearOf[e];
        if (seen[i]) continue;
        seen[i] = 1;
        rankClusters(c, hoods, i, scratch);
      }
    }
  }
  c.movedSites.length = 0;
  c.nearAt = c.stamps.value;
}

function rankClusters(c: Clusters, hoods: Neighbourhoods, i: number, scratch: { key: Float64Array; list: Int32Array }): void {
  const p = c.median.length;
  const { near, nearWidth: width } = c;
  const { key, list } = scratch;
  let size = 0;
  const scanAll = width >= p;
  for (let pass = scanAll ? 1 : 0; pass < 2 && size < width; pass++) {
    size = 0;
    const count = pass === 0 ? hoods.width : p;
    for (let q = 0; q < count; q++) {
      const t = pass === 0 ? c.clusterAtSite[hoods.nearSites[i * hoods.width + q]] : q;
      if (t < 0) continue;
      const value = costTo(c, i, t);
      if (size === width && value >= key[width - 1]) continue;
      let r = size < width ? size++ : width - 1;
      while (r > 0 && key[r - 1] > value) {
        key[r] = key[r - 1];
        list[r] = list[r - 1];
        r--;
      }
      key[r] = value;
      list[r] = t;
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
}

/** Latest content stamp among point i's own cluster and its nearest clusters. */
export function latestAround(c: Clusters, i: number): number {
  let latest = c.version[c.assign[i]];
  const base = i * c.nearWidth;
  for (let r = 0; r < c.nearWidth; r++) {
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
 * member of one of those clusters. Moves reduce the excess, or keep it and reduce the cost.
 * Returns whether anything moved.
 */
export function assignmentDescent(c: Clusters, order: Int32Array, tol: Tolerance, meter: WorkMeter): boolean {
  const { demand } = c.instance;
  const { near, nearWidth: width } = c;
  let movedAny = false;
  for (;;) {
    if (meter.stopped()) return movedAny;
    let moved = false;
    for (const i of order) {
      if (c.median[c.assign[i]] === i || latestAround(c, i) <= c.shiftChecked[i]) continue;
      const a = c.assign[i];
      const q = demand[i];
      const leave = excessAt(c, a, c.load[a] - q) - excessAt(c, a, c.load[a]);
      const here = costTo(c, i, a);
      let bestTo = -1;
      let bestEx = 0;
      let bestCost = 0;
      for (let r = 0; r < width; r++) {
        const b = near[i * width + r];
        if (b === a) continue;
        const dEx = leave + excessAt(c, b, c.load[b] + q) - excessAt(c, b, c.load[b]);
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
    if (!moved) moved = swapPass(c, order, tol, meter);
    if (!moved) moved = ejectionChains(c, order, tol, meter);
    if (!moved) return movedAny;
    movedAny = true;
  }
}

function swapPass(c: Clusters, order: Int32Array, tol: Tolerance, meter: WorkMeter): boolean {
  const { demand } = c.instance;
  const { near, nearWidth: width } = c;
  let moved = false;
  for (const i of order) {
    const a = c.assign[i];
    if (c.median[a] === i || latestAround(c, i) <= c.swapChecked[i]) continue;
    const qi = demand[i];
    const ia = costTo(c, i, a);
    let bestK = -1;
    let bestEx = 0;
    let bestCost = 0;
    let work = 0;
    for (let r = 0; r < width; r++) {
      const b = near[i * width + r];
      if (b === a) continue;
      const ib = costTo(c, i, b);
      const exBefore = excessAt(c, a, c.load[a]) + excessAt(c, b, c.load[b]);
      for (let k = c.head[b]; k >= 0; k = c.next[k]) {
        if (c.median[b] === k) continue;
        const shift = demand[k] - qi;
        const dEx = excessAt(c, a, c.load[a] + shift) + excessAt(c, b, c.load[b] - shift) - exBefore;
        const dCost = ib + costTo(c, k, a) - ia - costTo(c, k, b);
        if (isBetter(dEx - bestEx, dCost - bestCost, tol)) {
          bestK = k;
          bestEx = dEx;
          bestCost = dCost;
        }
      }
      work += c.size[b];
    }
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
