/** Path searches of band repair (see `repairBands`): over-full reps push, under-full reps pull. */
import type { CompiledProblem } from "../../compile/compiled-problem.js";
import type { MinHeap } from "../../util/min-heap.js";
import { accountTravel, type AccountArcs } from "./account-arcs.js";
import { isEligible, travelMinutes, type GreatCircle } from "./great-circle.js";
import type { RepPairs } from "./rep-pairs.js";

/** Reps expanded per path search at most (the search stops at the first rep that can absorb the move). */
const MAX_EXPAND = 400;

/**
 * Plan state for repair. Accounts that may move (those with arcs) sit in one doubly linked list
 * per rep: `head[j]` is rep j's first, `next` / `prev` chain them (−1 ends).
 */
export interface RepairState {
  readonly assign: Int32Array;
  readonly load: Float64Array;
  readonly head: Int32Array;
  readonly next: Int32Array;
  readonly prev: Int32Array;
}

/** Search scratch, one slot per rep, reset by stamping. */
export interface Search {
  readonly heap: MinHeap;
  readonly dist: Float64Array;
  readonly seen: Int32Array;
  readonly done: Int32Array;
  /** Account moved into (push) or out of (pull) the rep on the best path, its other rep, its workload. */
  readonly account: Int32Array;
  readonly other: Int32Array;
  readonly hours: Float64Array;
  stamp: number;
}

/** Starts a search from rep `root` (distance 0); returns the search's stamp. */
function begin(search: Search, root: number): number {
  search.heap.clear();
  if (++search.stamp === 0x7fffffff) {
    search.stamp = 1;
    search.seen.fill(0);
    search.done.fill(0);
  }
  const stamp = search.stamp;
  search.seen[root] = stamp;
  search.dist[root] = 0;
  search.heap.push(root, 0);
  return stamp;
}

/** The nearest rep not yet settled, now settled; −1 when none is left. */
function settleNext(search: Search, stamp: number): number {
  while (search.heap.size > 0) {
    const x = search.heap.pop();
    if (search.done[x] === stamp) continue;
    search.done[x] = stamp;
    return x;
  }
  return -1;
}

function relax(search: Search, stamp: number, y: number, d: number, account: number, other: number, w: number): void {
  if (search.done[y] === stamp) return;
  if (search.seen[y] === stamp && d >= search.dist[y]) return;
  search.seen[y] = stamp;
  search.dist[y] = d;
  search.account[y] = account;
  search.other[y] = other;
  search.hours[y] = w;
  search.heap.push(y, d);
}

/**
 * Travel of account a to rep r for moves past the arcs, −1 when r may not serve a. With the
 * great-circle model the path search only ranks moves, so the chord (with its first curvature
 * term) stands in for the haversine formula; eligibility is exact.
 */
export function guessTravel(p: CompiledProblem, geo: GreatCircle | undefined, unit: Float64Array): (r: number, a: number) => number {
  if (!geo) {
    return (r, a) => {
      const t = travelMinutes(p, geo, r, a);
      return isEligible(p, r, a, t) ? t : -1;
    };
  }
  const rep = geo.rep;
  const mpr = geo.minutesPerRadian;
  return (r, a) => {
    if (!p.compatible(r, a)) return -1;
    if (Number.isFinite(p.maxTravel[r])) {
      const t = travelMinutes(p, geo, r, a);
      return t <= p.maxTravel[r] ? t : -1;
    }
    const dx = unit[3 * a] - rep[3 * r], dy = unit[3 * a + 1] - rep[3 * r + 1], dz = unit[3 * a + 2] - rep[3 * r + 2];
    const c2 = dx * dx + dy * dy + dz * dz;
    return Math.sqrt(c2) * (1 + c2 / 24) * mpr;
  };
}

/**
 * Over-full rep `from`: Dijkstra over reps; an edge x → y moves one account of x to y. Fills
 * `path` with [account, to, …] and returns true, or returns false when no path exists. With
 * `whole`, the account `from` sheds must bring it back inside its band.
 */
export function pushPath(
  p: CompiledProblem,
  geo: GreatCircle | undefined,
  arcs: AccountArcs,
  pairs: RepPairs,
  s: RepairState,
  search: Search,
  from: number,
  lower: Float64Array,
  upper: Float64Array,
  near: ((j: number) => Int32Array) | undefined,
  guess: (r: number, a: number) => number,
  whole: boolean,
  path: number[],
): boolean {
  const stamp = begin(search, from);
  for (let expanded = 0; expanded < MAX_EXPAND; expanded++) {
    const x = settleNext(search, stamp);
    if (x < 0) break;
    const dx = search.dist[x];
    const inW = x === from ? 0 : search.hours[x];
    if (x !== from && s.load[x] + inW <= upper[x]) {
      path.length = 0;
      for (let y = x; y !== from; y = search.other[y]) path.push(search.account[y], y);
      return true;
    }
    // x sheds one account and must end inside its band (the over-full start: not below it, and
    // with `whole` not above it either); per neighbour, the cheapest account that allows it.
    const sheds = (w: number) => {
      const after = s.load[x] + inW - w;
      return after >= lower[x] && ((x === from && !whole) || after <= upper[x]);
    };
    for (let q = pairs.outStart[x]; q < pairs.outStart[x + 1]; q++) {
      const y = pairs.to[q];
      if (search.done[y] === stamp) continue;
      const i = firstMover(p, pairs, s, q, sheds);
      if (i >= 0) relax(search, stamp, y, dx + pairs.cost[i], pairs.account[i], x, p.workload[pairs.account[i]]);
    }
    if (!near) continue;
    // Past the arcs: per nearby rep, the cheapest member that x can shed.
    for (const y of near(x)) {
      if (search.done[y] === stamp) continue;
      const move = cheapestMover(p, geo, arcs, s, x, y, guess, sheds);
      if (move.account >= 0) relax(search, stamp, y, dx + move.cost, move.account, x, p.workload[move.account]);
    }
  }
  return false;
}

/** Rep `to` below its band: Dijkstra backwards; an edge y → x moves an account of x to y. */
export function pullPath(
  p: CompiledProblem,
  geo: GreatCircle | undefined,
  arcs: AccountArcs,
  pairs: RepPairs,
  s: RepairState,
  search: Search,
  to: number,
  lower: Float64Array,
  upper: Float64Array,
  near: ((j: number) => Int32Array) | undefined,
  guess: (r: number, a: number) => number,
  whole: boolean,
  path: number[],
): boolean {
  const stamp = begin(search, to);
  for (let expanded = 0; expanded < MAX_EXPAND; expanded++) {
    const y = settleNext(search, stamp);
    if (y < 0) break;
    const dy = search.dist[y];
    const outW = y === to ? 0 : search.hours[y];
    if (y !== to && s.load[y] - outW >= lower[y]) {
      path.length = 0;
      for (let x = y; x !== to; x = search.other[x]) path.push(search.account[x], search.other[x]);
      return true;
    }
    // y takes one account and must end inside its band (the under-full end: not above it, and
    // with `whole` not below it either).
    const deficit = lower[y] - (s.load[y] - outW);
    const room = upper[y] - (s.load[y] - outW);
    const takes = (w: number) => ((y === to && !whole) || w >= deficit) && w <= room;
    for (let k = pairs.inStart[y]; k < pairs.inStart[y + 1]; k++) {
      const q = pairs.inPairs[k];
      const x = pairs.from[q];
      if (search.done[x] === stamp) continue;
      const i = firstMover(p, pairs, s, q, takes);
      if (i >= 0) relax(search, stamp, x, dy + pairs.cost[i], pairs.account[i], y, p.workload[pairs.account[i]]);
    }
    if (!near) continue;
    // Past the arcs: per nearby rep, the cheapest member y can take.
    for (const x of near(y)) {
      if (search.done[x] === stamp) continue;
      const move = cheapestMover(p, geo, arcs, s, x, y, guess, takes);
      if (move.account >= 0) relax(search, stamp, x, dy + move.cost, move.account, y, p.workload[move.account]);
    }
  }
  return false;
}

/**
 * Pair q's cheapest account still on the pair's first rep whose workload `fits` (the pair's
 * accounts are sorted by cost): its index into the pair's lists, or −1.
 */
function firstMover(p: CompiledProblem, pairs: RepPairs, s: RepairState, q: number, fits: (w: number) => boolean): number {
  const x = pairs.from[q];
  for (let i = pairs.start[q]; i < pairs.start[q + 1]; i++) {
    const a = pairs.account[i];
    if (s.assign[a] === x && fits(p.workload[a])) return i;
  }
  return -1;
}

/** Past the arcs: the member of rep x whose move to rep y costs least (guessed travel) among those whose workload `fits`. */
function cheapestMover(
  p: CompiledProblem,
  geo: GreatCircle | undefined,
  arcs: AccountArcs,
  s: RepairState,
  x: number,
  y: number,
  guess: (r: number, a: number) => number,
  fits: (w: number) => boolean,
): { account: number; cost: number } {
  let account = -1, cost = Infinity;
  for (let a = s.head[x]; a >= 0; a = s.next[a]) {
    const w = p.workload[a];
    if (!fits(w)) continue;
    const t = guess(y, a);
    if (t < 0) continue;
    const c = w * (t - accountTravel(p, geo, arcs, a, x));
    if (c < cost) {
      cost = c;
      account = a;
    }
  }
  return { account, cost };
}
