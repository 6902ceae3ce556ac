import type { CompiledProblem } from "../../compile/compiled-problem.js";
import type { TransportLp } from "./transport-lp.js";

/** What rounding did. */
export interface Rounding {
  /** Accounts whose workload the LP split between reps (or between a rep and no rep), ≤ m − 1 at a vertex. */
  readonly splitAccounts: number;
  /** Accounts left unassigned because the LP could not fit them (their eligible reps are full). */
  readonly dropped: Int32Array;
}

/**
 * Reads the integral plan off the account-level LP into `assign` (which already holds locked and
 * pre-placed accounts, and `load` their workload per rep): an account whose flow all goes to one rep
 * takes it; the few split accounts then go, one by one, to whichever of their LP reps leaves the
 * least band violation given the loads so far (ties: the larger LP share). An account the LP left
 * (partly) on its artificial arc, which happens only when the reps' upper band ends cannot take
 * all workload, is assigned only where capacity remains.
 */
export function roundAccountLp(p: CompiledProblem, lp: TransportLp, accounts: Int32Array, assign: Int32Array, load: Float64Array): Rounding {
  const s = lp.simplex;
  const S = lp.supplyCount;
  const bestRep = new Int32Array(S).fill(-1);
  const bestFlow = new Float64Array(S);
  const positive = new Uint8Array(S);
  const firstArc = s.nodeCount + lp.repCount;
  for (let e = firstArc; e < s.arcCount; e++) {
    const f = s.flow[e];
    if (f <= 0) continue;
    const i = s.source[e];
    if (positive[i] < 255) positive[i]++;
    if (f > bestFlow[i]) {
      bestFlow[i] = f;
      bestRep[i] = s.target[e] - S;
    }
  }
  const single = new Int32Array(S).fill(-1);
  const shares = new Map<number, number[]>();
  const strict = new Set<number>();
  for (let i = 0; i < S; i++) {
    const droppedPart = s.source[i] === i && s.flow[i] > 0;
    if (positive[i] === 1 && !droppedPart) single[i] = bestRep[i];
    else shares.set(i, []);
    if (droppedPart) strict.add(i);
  }
  for (let e = firstArc; e < s.arcCount; e++) {
    if (s.flow[e] <= 0) continue;
    const list = shares.get(s.source[e]);
    if (list) list.push(s.target[e] - S, s.flow[e]);
  }
  return roundShares(p, accounts, single, shares, strict, assign, load);
}

/**
 * Unit i goes to `single[i]` when that is ≥ 0; the units in `shares` (rep, amount pairs; an empty
 * list: none placed) are then resolved one by one, each to whichever of its reps leaves the least
 * band violation given the loads so far (ties: the larger share). Units in `strict` (the LP could
 * not place all of them) only go where capacity remains, and are dropped otherwise; the others may
 * go over for repair to settle (see `enforceCapacity` in src/solvers).
 */
export function roundShares(
  p: CompiledProblem,
  accounts: Int32Array,
  single: Int32Array,
  shares: ReadonlyMap<number, number[]>,
  strict: ReadonlySet<number>,
  assign: Int32Array,
  load: Float64Array,
): Rounding {
  for (let i = 0; i < single.length; i++) {
    if (single[i] < 0) continue;
    const a = accounts[i];
    assign[a] = single[i];
    load[single[i]] += p.workload[a];
  }
  const violation = (j: number, x: number) => Math.max(0, x - p.upper[j]) + Math.max(0, p.lower[j] - x);
  const dropped: number[] = [];
  let splitAccounts = 0;
  for (const [i, list] of shares) {
    const a = accounts[i];
    const w = p.workload[a];
    if (list.length > 2) splitAccounts++;
    let best = -1, bestScore = Infinity, bestShare = -1;
    for (let q = 0; q < list.length; q += 2) {
      const j = list[q];
      if (strict.has(i) && load[j] + w > p.capacity[j] * (1 + 1e-12)) continue;
      const score = violation(j, load[j] + w) - violation(j, load[j]);
      if (score < bestScore - 1e-12 || (Math.abs(score - bestScore) <= 1e-12 && list[q + 1] > bestShare)) {
        best = j;
        bestScore = score;
        bestShare = list[q + 1];
      }
    }
    assign[a] = best;
    if (best >= 0) load[best] += w;
    else dropped.push(a);
  }
  return { splitAccounts, dropped: Int32Array.from(dropped) };
}
