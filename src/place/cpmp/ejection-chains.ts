import { isBetter, latestAround, type Tolerance } from "./assignment-descent.js";
import { barred, costTo, excessAt, movePoint, type Clusters } from "./clusters.js";
import { keepSmallest } from "./keep-smallest.js";
import type { WorkMeter } from "./work-meter.js";

/** Shifts in one chain, at most; the nearest clusters each step may go to; members ejected per step. */
const DEPTH = 3;
const STEP_CLUSTERS = 5;
const EJECTABLE = 4;

/** The chain being built and the best one found from the current start point. */
interface Chain {
  readonly c: Clusters;
  readonly tol: Tolerance;
  readonly width: number;
  /** Start cluster (a chain may end there: a cycle). */
  a0: number;
  readonly points: Int32Array;
  readonly targets: Int32Array;
  /** Clusters whose load the chain changes, and by how much; `touched` entries in use. */
  readonly cluster: Int32Array;
  readonly delta: Float64Array;
  touched: number;
  bestLength: number;
  bestEx: number;
  bestCost: number;
  readonly bestPoints: Int32Array;
  readonly bestTargets: Int32Array;
  /** Per depth: the members to eject next and their cheapest way out. */
  readonly ejectable: Int32Array[];
  readonly ejectKey: Float64Array[];
  work: number;
}

/**
 * Ejection chains with the medians fixed: a point moves to a nearby cluster that has no room, which
 * ejects one of its members to another nearby cluster, and so on for up to three shifts (a chain may
 * end back in the first cluster, a cycle); a chain grows only while its cost change is ≤ 0, and
 * only through the few members of a full cluster that are cheapest to move on. Each point not checked since its surroundings changed
 * starts a depth-first search; the best chain that lowers the excess, or keeps it and lowers the
 * cost, is applied. Returns whether any chain was applied.
 */
export function ejectionChains(c: Clusters, order: Int32Array, tol: Tolerance, meter: WorkMeter): boolean {
  const chain: Chain = {
    c,
    tol,
    width: Math.min(STEP_CLUSTERS, c.nearWidth),
    a0: -1,
    points: new Int32Array(DEPTH),
    targets: new Int32Array(DEPTH),
    cluster: new Int32Array(2 * DEPTH),
    delta: new Float64Array(2 * DEPTH),
    touched: 0,
    bestLength: 0,
    bestEx: 0,
    bestCost: 0,
    bestPoints: new Int32Array(DEPTH),
    bestTargets: new Int32Array(DEPTH),
    ejectable: Array.from({ length: DEPTH }, () => new Int32Array(EJECTABLE)),
    ejectKey: Array.from({ length: DEPTH }, () => new Float64Array(EJECTABLE)),
    work: 0,
  };
  let applied = false;
  meter.add(c.instance.n);
  for (const start of order) {
    if (meter.stopped()) return applied;
    const a0 = c.assign[start];
    if (c.median[a0] === start || latestAround(c, start, chain.width) <= c.chainChecked[start]) continue;
    chain.a0 = a0;
    chain.touched = 0;
    chain.bestLength = 0;
    chain.bestEx = 0;
    chain.bestCost = 0;
    chain.work = 0;
    extend(chain, 0, start, 0, 0);
    meter.add(chain.work);
    if (chain.bestLength === 0) {
      c.chainChecked[start] = c.stamps.value;
      continue;
    }
    for (let d = chain.bestLength - 1; d >= 0; d--) movePoint(c, chain.bestPoints[d], chain.bestTargets[d]);
    applied = true;
  }
  return applied;
}

/** Extends the chain by moving `point`; `cost` and `barredSoFar` are the changes of the shifts before. */
function extend(chain: Chain, depth: number, point: number, cost: number, barredSoFar: number): void {
  const { c, tol, width, points, targets } = chain;
  const { demand, capacity } = c.instance;
  const from = c.assign[point];
  const q = demand[point];
  const base = point * c.nearWidth;
  const here = costTo(c, point, from);
  for (let r = 0; r < width; r++) {
    const to = c.near[base + r];
    if (to === from || (to !== chain.a0 && isTarget(targets, depth, to))) continue;
    const stepCost = cost + costTo(c, point, to) - here;
    const stepBarred = barredSoFar + barred(c, point, to) - barred(c, point, from);
    points[depth] = point;
    targets[depth] = to;
    const mark = chain.touched;
    const slotFrom = addChange(chain, from, -q);
    const slotTo = addChange(chain, to, q);
    chain.work++;
    let dEx = stepBarred;
    for (let e = 0; e < chain.touched; e++) {
      const t = chain.cluster[e];
      dEx += excessAt(c, t, c.load[t] + chain.delta[e]) - excessAt(c, t, c.load[t]);
    }
    if (depth > 0 && isBetter(dEx - chain.bestEx, stepCost - chain.bestCost, tol)) {
      chain.bestLength = depth + 1;
      chain.bestEx = dEx;
      chain.bestCost = stepCost;
      chain.bestPoints.set(points);
      chain.bestTargets.set(targets);
    }
    // Eject from `to` only while it is over its capacity and the chain may go on. In a feasible
    // solution every tail of an ejection chain is itself a chain (the last cluster has room), so
    // the best one has cost changes that sum to ≤ 0 from its start: longer chains need no more.
    const over = c.load[to] + chain.delta[slotTo] - capacity[c.median[to]];
    const promising = stepCost <= 0 || c.excess > tol.excess;
    if (depth + 1 < DEPTH && to !== chain.a0 && over > tol.excess && promising) {
      // The few members whose cheapest way out costs least, each ejected in turn.
      const pruning = c.excess <= tol.excess;
      const kept = chain.ejectable[depth];
      const keys = chain.ejectKey[depth];
      let size = 0;
      for (let k = c.head[to]; k >= 0; k = c.next[k]) {
        if (k === c.median[to] || demand[k] < over - tol.excess || isPoint(points, depth, k)) continue;
        const key = cheapestMove(c, k, to, width);
        chain.work++;
        if (!(pruning && stepCost + key > 0)) size = keepSmallest(keys, kept, size, EJECTABLE, key, k);
      }
      for (let e = 0; e < size; e++) extend(chain, depth + 1, kept[e], stepCost, stepBarred);
    }
    chain.delta[slotTo] -= q;
    chain.delta[slotFrom] += q;
    chain.touched = mark;
  }
}

/** Least cost change of moving point k out of cluster `from` to one of its nearest clusters. */
function cheapestMove(c: Clusters, k: number, from: number, width: number): number {
  const base = k * c.nearWidth;
  const here = costTo(c, k, from);
  let best = Infinity;
  for (let r = 0; r < width; r++) {
    const t = c.near[base + r];
    if (t !== from) {
      const d = costTo(c, k, t) - here;
      if (d < best) best = d;
    }
  }
  return best;
}

/** Adds a load change for cluster t; returns its slot. New slots are dropped on backtrack. */
function addChange(chain: Chain, t: number, d: number): number {
  for (let e = 0; e < chain.touched; e++) {
    if (chain.cluster[e] === t) {
      chain.delta[e] += d;
      return e;
    }
  }
  const e = chain.touched++;
  chain.cluster[e] = t;
  chain.delta[e] = d;
  return e;
}

function isTarget(targets: Int32Array, depth: number, t: number): boolean {
  for (let d = 0; d < depth; d++) if (targets[d] === t) return true;
  return false;
}

function isPoint(points: Int32Array, depth: number, k: number): boolean {
  for (let d = 0; d <= depth; d++) if (points[d] === k) return true;
  return false;
}
