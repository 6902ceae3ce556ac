import type { CompiledProblem } from "../../compile/compiled-problem.js";
import { MinHeap } from "../../util/min-heap.js";
import type { AccountArcs } from "./account-arcs.js";
import type { GreatCircle } from "./great-circle.js";
import { guessTravel, pullPath, pushPath, type RepairState, type Search } from "./repair-paths.js";
import type { RepPairs } from "./rep-pairs.js";
import { innerBands } from "./inner-bands.js";

/** Reps considered beyond the arcs when those leave a rep stuck (co-located reps): first the nearest few, then more. */
const NEAR_REPS = [8, 32];

/**
 * Moves accounts along shortest paths of the rep graph until every rep is inside its band or no
 * path helps: an over-full rep passes an account to a neighbour, which may pass one on, until a
 * rep with room takes it (and symmetrically for reps below their band). Path cost is the travel
 * change Σ w × Δminutes; each step keeps the intermediate rep in its band, and takes the cheapest
 * account that allows it between its two reps (`RepPairs`). Only accounts with arcs
 * move (locked and pre-placed accounts stay), along their arcs, or, when that finds no path, to
 * the reps nearest their rep's home. `pairs` are the moves of the plan in `assign` (see `repPairs`).
 * Returns the number of accounts moved.
 */
export function repairBands(
  p: CompiledProblem,
  geo: GreatCircle | undefined,
  unit: Float64Array,
  arcs: AccountArcs,
  pairs: RepPairs,
  assign: Int32Array,
  stop: () => boolean,
): number {
  const state = createState(p, arcs, assign);
  const search: Search = {
    heap: new MinHeap(p.m),
    dist: new Float64Array(p.m),
    seen: new Int32Array(p.m),
    done: new Int32Array(p.m),
    account: new Int32Array(p.m),
    other: new Int32Array(p.m),
    hours: new Float64Array(p.m),
    stamp: 0,
  };
  const { lower, upper } = innerBands(p);
  const nearFew = nearReps(p, NEAR_REPS[0]);
  const nearMore = nearReps(p, NEAR_REPS[1]);
  const guess = guessTravel(p, geo, unit);
  const failed = new Uint8Array(p.m);
  let moved = 0;
  const path: number[] = [];
  for (let round = 0; round < 20 * p.m + 100; round++) {
    if (stop()) break;
    let worst = -1, worstViolation = 0;
    for (let j = 0; j < p.m; j++) {
      if (failed[j]) continue;
      const v = Math.max(state.load[j] - upper[j], lower[j] - state.load[j]) / Math.max(p.target[j], 1e-12);
      if (v > worstViolation) {
        worstViolation = v;
        worst = j;
      }
    }
    if (worst < 0) break;
    const over = state.load[worst] > upper[worst];
    const find = (near: ((j: number) => Int32Array) | undefined, whole: boolean) =>
      over
        ? pushPath(p, geo, arcs, pairs, state, search, worst, lower, upper, near, guess, whole, path)
        : pullPath(p, geo, arcs, pairs, state, search, worst, lower, upper, near, guess, whole, path);
    // One move that ends the violation first; else one that shrinks it.
    if (![undefined, nearFew, nearMore].some((near) => find(near, true) || find(near, false))) {
      failed[worst] = 1;
      continue;
    }
    for (let k = 0; k < path.length; k += 2) move(p, state, path[k], path[k + 1]);
    moved += path.length / 2;
  }
  return moved;
}

function createState(p: CompiledProblem, arcs: AccountArcs, assign: Int32Array): RepairState {
  const state: RepairState = { assign, load: new Float64Array(p.m), head: new Int32Array(p.m).fill(-1), next: new Int32Array(p.n).fill(-1), prev: new Int32Array(p.n).fill(-1) };
  for (let a = 0; a < p.n; a++) {
    const r = assign[a];
    if (r < 0) continue;
    state.load[r] += p.workload[a];
    if (arcs.start[a + 1] > arcs.start[a] && p.lockedRep[a] < 0) link(state, a, r);
  }
  return state;
}

function link(s: RepairState, a: number, r: number): void {
  const h = s.head[r];
  s.next[a] = h;
  s.prev[a] = -1;
  if (h >= 0) s.prev[h] = a;
  s.head[r] = a;
}

function unlink(s: RepairState, a: number, r: number): void {
  const before = s.prev[a], after = s.next[a];
  if (before >= 0) s.next[before] = after;
  else s.head[r] = after;
  if (after >= 0) s.prev[after] = before;
}

function move(p: CompiledProblem, s: RepairState, a: number, to: number): void {
  const from = s.assign[a];
  unlink(s, a, from);
  link(s, a, to);
  s.load[from] -= p.workload[a];
  s.load[to] += p.workload[a];
  s.assign[a] = to;
}

/** The `count` nearest other reps of each rep (by home distance), computed on demand. */
function nearReps(p: CompiledProblem, count: number): (j: number) => Int32Array {
  const cache = new Map<number, Int32Array>();
  return (j) => {
    let list = cache.get(j);
    if (!list) {
      const d = new Float64Array(p.m);
      for (let r = 0; r < p.m; r++) {
        const dLat = p.repLat[r] - p.repLat[j];
        const dLng = (p.repLng[r] - p.repLng[j]) * Math.cos((p.repLat[j] * Math.PI) / 180);
        d[r] = r === j ? Infinity : dLat * dLat + dLng * dLng;
      }
      const order = Array.from({ length: p.m }, (_, r) => r).sort((u, v) => d[u] - d[v] || u - v);
      list = Int32Array.from(order.slice(0, Math.min(count, p.m - 1)));
      cache.set(j, list);
    }
    return list;
  };
}

