import type { CompiledProblem } from "../../compile/compiled-problem.js";
import type { ArcLists } from "./candidate-arcs.js";
import type { GreatCircle } from "./great-circle.js";
import { cheapestRep } from "./lagrangian-bound.js";
import type { SupplyUnits } from "./supply-units.js";
import { repPrices, type TransportLp } from "./transport-lp.js";

/** An integral assignment read off the LP, before band repair. */
export interface RoundedPlan {
  /** Rep per account, −1 when no rep may serve it. */
  readonly assign: Int32Array;
  /** Rep prices λ, minutes per hour of workload. */
  readonly prices: Float64Array;
  /** Supply units whose workload the LP split between reps (≤ m − 1 at a vertex). */
  readonly splitUnits: number;
}

/**
 * Reads the plan off the LP. With account units, each account goes to the rep carrying most of
 * its flow (only split accounts have a choice). With atoms, an atom's accounts follow the atom's
 * rep; a split atom's accounts are dealt to its reps in proportion to the LP's flows, those with
 * the strongest preference first. Locked accounts keep
 * their rep, and so do accounts `fixed` outside the LP; accounts without workload or flow take
 * their cheapest rep.
 */
export function lpToPlan(
  p: CompiledProblem,
  geo: GreatCircle | undefined,
  units: SupplyUnits,
  lists: ArcLists,
  lp: TransportLp,
  atoms: boolean,
  fixed?: Int32Array,
): RoundedPlan {
  const s = lp.simplex;
  const S = lp.supplyCount;
  const prices = repPrices(lp);
  const bestRep = new Int32Array(S).fill(-1);
  const bestFlow = new Float64Array(S);
  const positive = new Int32Array(S);
  for (let e = s.nodeCount + lp.repCount; e < s.arcCount; e++) {
    const f = s.flow[e];
    if (f <= 0) continue;
    const u = s.source[e];
    positive[u]++;
    if (f > bestFlow[u]) {
      bestFlow[u] = f;
      bestRep[u] = s.target[e] - S;
    }
  }
  let splitUnits = 0;
  for (let u = 0; u < S; u++) if (positive[u] > 1) splitUnits++;

  const assign = new Int32Array(p.n).fill(-2);
  for (let a = 0; a < p.n; a++) {
    if (p.lockedRep[a] >= 0) assign[a] = p.lockedRep[a];
    else if (fixed && fixed[a] >= 0) assign[a] = fixed[a];
  }
  if (!atoms) roundSplits(p, lp, units, bestRep, positive, assign);
  else splitAtoms(p, lp, units, assign);
  let minPrice = Infinity;
  for (let j = 0; j < p.m; j++) minPrice = Math.min(minPrice, prices[j]);
  const best = { rep: -1, value: 0 };
  for (let a = 0; a < p.n; a++) {
    if (assign[a] !== -2) continue;
    cheapestRep(p, geo, lists, prices, minPrice, a, best);
    assign[a] = best.rep;
  }
  return { assign, prices, splitUnits };
}

/**
 * Unsplit accounts take their rep; then each split account goes to whichever of its LP reps
 * leaves the least band violation given the loads so far (ties: the larger LP share).
 */
function roundSplits(p: CompiledProblem, lp: TransportLp, units: SupplyUnits, bestRep: Int32Array, positive: Int32Array, assign: Int32Array): void {
  const s = lp.simplex;
  const S = lp.supplyCount;
  const load = new Float64Array(p.m);
  for (let a = 0; a < p.n; a++) if (assign[a] >= 0) load[assign[a]] += p.workload[a];
  for (let u = 0; u < S; u++) {
    if (bestRep[u] < 0 || positive[u] > 1) continue;
    const a = units.member[units.start[u]];
    assign[a] = bestRep[u];
    load[bestRep[u]] += p.workload[a];
  }
  const violation = (j: number, x: number) => Math.max(0, x - p.upper[j]) + Math.max(0, p.lower[j] - x);
  const choices = new Map<number, { rep: number; flow: number }[]>();
  for (let e = s.nodeCount + lp.repCount; e < s.arcCount; e++) {
    const u = s.source[e];
    if (s.flow[e] <= 0 || positive[u] < 2) continue;
    let list = choices.get(u);
    if (!list) choices.set(u, (list = []));
    list.push({ rep: s.target[e] - S, flow: s.flow[e] });
  }
  for (const [u, list] of choices) {
    const a = units.member[units.start[u]];
    const w = p.workload[a];
    let best = -1, bestScore = Infinity, bestFlow = -1;
    for (const { rep, flow } of list) {
      const score = violation(rep, load[rep] + w) - violation(rep, load[rep]);
      if (score < bestScore - 1e-12 || (Math.abs(score - bestScore) <= 1e-12 && flow > bestFlow)) {
        best = rep;
        bestScore = score;
        bestFlow = flow;
      }
    }
    assign[a] = best;
    load[best] += w;
  }
}

/**
 * Atom accounts follow the LP: an unsplit atom's accounts all go to its rep; a split atom's are
 * dealt out so that each rep receives about its LP share, accounts with the largest travel
 * difference between their two cheapest LP reps choosing first.
 */
function splitAtoms(p: CompiledProblem, lp: TransportLp, units: SupplyUnits, assign: Int32Array): void {
  const s = lp.simplex;
  const S = lp.supplyCount;
  const shares: { rep: number; hours: number }[][] = Array.from({ length: S }, () => []);
  for (let e = s.nodeCount + lp.repCount; e < s.arcCount; e++) {
    if (s.flow[e] > 0) shares[s.source[e]].push({ rep: s.target[e] - S, hours: s.flow[e] / lp.unitsPerHour });
  }
  for (let u = 0; u < S; u++) {
    const list = shares[u];
    if (list.length === 0) continue;
    const lo = units.start[u], hi = units.start[u + 1];
    if (list.length === 1) {
      for (let k = lo; k < hi; k++) assign[units.member[k]] = list[0].rep;
      continue;
    }
    const members = Array.from(units.member.subarray(lo, hi));
    const cost = (a: number) => list.map(({ rep }) => p.travel(rep, a));
    const costs = new Map(members.map((a) => [a, cost(a)]));
    const regret = (a: number) => {
      const c = [...costs.get(a)!].sort((x, y) => x - y);
      return (c[1] - c[0]) * p.workload[a];
    };
    members.sort((a, b) => regret(b) - regret(a) || a - b);
    const left = list.map(({ hours }) => hours);
    for (const a of members) {
      const c = costs.get(a)!;
      const w = p.workload[a];
      let best = -1;
      for (let q = 0; q < list.length; q++) if (left[q] >= w / 2 && (best < 0 || c[q] < c[best])) best = q;
      if (best < 0) for (let q = 0; q < list.length; q++) if (best < 0 || left[q] > left[best]) best = q;
      assign[a] = list[best].rep;
      left[best] -= w;
    }
  }
}
