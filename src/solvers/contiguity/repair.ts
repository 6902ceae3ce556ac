import { MinHeap } from "../../util/min-heap.js";
import { penalty, type UnitProblem } from "./unit-problem.js";

/** Rounds of lock-path building before giving up on locks that cannot be joined to their anchor. */
const LOCK_ROUNDS = 8;
/** Extra cost (× the largest unit cost) of giving a unit to a rep that may not serve all its accounts. */
const FORBIDDEN = 1e3;

/** A contiguous assignment and the units whose pins could not be joined to their rep's anchor. */
export interface Repaired {
  readonly owner: Int32Array;
  /** Pinned units left disconnected from their rep's anchor (locks that block each other). */
  readonly stranded: number[];
}

/**
 * Turns any assignment (−1 = undecided) into one where every territory is connected and contains
 * its anchor:
 * 1. pinned units take their rep; when a territory's heaviest piece does not hold its anchor, that
 *    piece is joined to the anchor along a shortest path through units not pinned to other reps
 *    (the path joins the rep), so a territory the start placed away from its rep's home keeps its
 *    bulk; likewise a pinned unit cut off from its rep's anchor;
 * 2. every unit not connected to its owner's anchor (an enclave, or a piece cut off by step 1) is
 *    released;
 * 3. released units are regrown from the territories, cheapest first: the key of giving unit u to
 *    an adjacent territory s is cost[u, s] − min over reps of cost[u, ·] + μ × (added band
 *    violation of s), so each enclave goes to the neighbour with the smallest reduced cost.
 */
export function repairContiguity(up: UnitProblem, start: Int32Array, mu: number): Repaired {
  const { U, m, graph, pin, anchor } = up;
  const owner = Int32Array.from(start);
  for (let u = 0; u < U; u++) {
    if (pin[u] >= 0) owner[u] = pin[u];
    else if (owner[u] >= 0 && anchor[owner[u]] < 0) owner[u] = -1;
  }
  const reached = new Uint8Array(U);
  const queue = new Int32Array(U);
  const prev = new Int32Array(U);

  /** Marks the units connected to r's anchor within r's territory. */
  const reach = (r: number) => {
    let head = 0, tail = 0;
    queue[tail++] = anchor[r];
    reached[anchor[r]] = 1;
    while (head < tail) {
      const u = queue[head++];
      for (let e = graph.start[u]; e < graph.start[u + 1]; e++) {
        const v = graph.neighbor[e];
        if (owner[v] === r && !reached[v]) {
          reached[v] = 1;
          queue[tail++] = v;
        }
      }
    }
  };
  const reachAll = () => {
    reached.fill(0);
    for (let r = 0; r < m; r++) if (anchor[r] >= 0) reach(r);
  };

  /** Joins pinned unit u to r's reached territory along a shortest path; false when blocked. */
  const joinPath = (u: number, r: number): boolean => {
    const seen = new Uint8Array(U);
    let head = 0, tail = 0;
    queue[tail++] = u;
    seen[u] = 1;
    prev[u] = -1;
    while (head < tail) {
      const x = queue[head++];
      for (let e = graph.start[x]; e < graph.start[x + 1]; e++) {
        const v = graph.neighbor[e];
        if (seen[v] || (pin[v] >= 0 && pin[v] !== r)) continue;
        seen[v] = 1;
        prev[v] = x;
        if (owner[v] === r && reached[v]) {
          for (let y = x; y >= 0; y = prev[y]) owner[y] = r;
          return true;
        }
        queue[tail++] = v;
      }
    }
    return false;
  };

  joinHeaviestPieces(up, owner, reached, reachAll, joinPath);
  const stranded: number[] = [];
  for (let round = 0; round < LOCK_ROUNDS; round++) {
    reachAll();
    let changed = false;
    for (let u = 0; u < U; u++) {
      const r = pin[u];
      if (r < 0 || anchor[r] < 0 || reached[u]) continue;
      if (joinPath(u, r)) {
        changed = true;
        reach(r);
      }
    }
    if (!changed) break;
  }
  reachAll();
  for (let u = 0; u < U; u++) {
    if (owner[u] >= 0 && !reached[u]) {
      if (pin[u] >= 0) stranded.push(u);
      else owner[u] = -1;
    }
  }
  regrow(up, owner, mu);
  return { owner, stranded };
}

/** Gives every unassigned unit to an adjacent territory, cheapest reduced cost first (see `repairContiguity`). */
function regrow(up: UnitProblem, owner: Int32Array, mu: number): void {
  const { U, m, graph, cost, weight, allowed } = up;
  const load = new Float64Array(m);
  let maxCost = 0;
  for (let i = 0; i < cost.length; i++) maxCost = Math.max(maxCost, cost[i]);
  for (let u = 0; u < U; u++) if (owner[u] >= 0) load[owner[u]] += weight[u];
  const minCost = new Float64Array(U).fill(Infinity);
  for (let u = 0; u < U; u++) for (let r = 0; r < m; r++) if (up.anchor[r] >= 0) minCost[u] = Math.min(minCost[u], cost[u * m + r]);
  const weights = { mu, pull: 0 };
  const key = (u: number, s: number) =>
    cost[u * m + s] - minCost[u] + penalty(up, s, load[s] + weight[u], weights) - penalty(up, s, load[s], weights) + (allowed[u * m + s] ? 0 : FORBIDDEN * (maxCost + 1));

  // Entry id u · m + s for unit u to rep s, so ties in key go to the lower unit, then the lower
  // rep (an int32: U · m < 2³¹ for any unit problem in memory, `cost` holds U · m doubles).
  const heap = new MinHeap(U + 16);
  for (let u = 0; u < U; u++) {
    if (owner[u] >= 0) continue;
    for (let e = graph.start[u]; e < graph.start[u + 1]; e++) {
      const s = owner[graph.neighbor[e]];
      if (s >= 0) heap.push(u * m + s, key(u, s));
    }
  }
  while (heap.size > 0) {
    const k = heap.topKey();
    const id = heap.pop();
    const u = Math.floor(id / m), s = id - u * m;
    if (owner[u] >= 0) continue;
    const now = key(u, s);
    if (now > k + 1e-9 * Math.max(1, Math.abs(k))) {
      heap.push(id, now);
      continue;
    }
    owner[u] = s;
    load[s] += weight[u];
    for (let e = graph.start[u]; e < graph.start[u + 1]; e++) {
      const v = graph.neighbor[e];
      if (owner[v] < 0) heap.push(v * m + s, key(v, s));
    }
  }
}

/** For each rep whose heaviest piece (by workload) is not the one holding its anchor, joins that piece to the anchor. */
function joinHeaviestPieces(
  up: UnitProblem,
  owner: Int32Array,
  reached: Uint8Array,
  reachAll: () => void,
  joinPath: (u: number, r: number) => boolean,
): void {
  const { U, m, graph, anchor, weight } = up;
  reachAll();
  const anchored = new Float64Array(m);
  for (let u = 0; u < U; u++) if (reached[u] && owner[u] >= 0) anchored[owner[u]] += weight[u];
  const heaviest = new Float64Array(m);
  const seed = new Int32Array(m).fill(-1);
  const label = new Uint8Array(U);
  const stack: number[] = [];
  for (let u0 = 0; u0 < U; u0++) {
    const r = owner[u0];
    if (r < 0 || anchor[r] < 0 || reached[u0] || label[u0]) continue;
    let w = 0;
    label[u0] = 1;
    stack.push(u0);
    while (stack.length > 0) {
      const u = stack.pop()!;
      w += weight[u];
      for (let e = graph.start[u]; e < graph.start[u + 1]; e++) {
        const v = graph.neighbor[e];
        if (owner[v] === r && !reached[v] && !label[v]) {
          label[v] = 1;
          stack.push(v);
        }
      }
    }
    if (w > heaviest[r]) {
      heaviest[r] = w;
      seed[r] = u0;
    }
  }
  for (let r = 0; r < m; r++) if (seed[r] >= 0 && heaviest[r] > anchored[r]) joinPath(seed[r], r);
}
