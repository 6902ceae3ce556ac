import type { CompiledProblem } from "../../compile/compiled-problem.js";
import type { SolveContext } from "../../solve/solve-context.js";
import type { ArcLists } from "./candidate-arcs.js";
import { solveByColumnGeneration, type LpResult } from "./column-generation.js";
import type { GreatCircle } from "./great-circle.js";
import { cheapestRep } from "./lagrangian-bound.js";
import { accountUnits, type SupplyUnits } from "./supply-units.js";
import { repPrices } from "./transport-lp.js";

/** Share of accounts (smallest price margins) left free in the first account-level LP. */
const FREE_SHARE = 0.3;
/** Verification rounds at most before the remaining fixed accounts are all freed. */
const MAX_ROUNDS = 6;

/** The account-level LP solved on boundary accounts, the rest fixed to their cheapest rep. */
export interface BoundaryResult {
  readonly lp: LpResult;
  readonly units: SupplyUnits;
  /** Rep each account is fixed to, −1 when it is in the LP (or locked / unservable). */
  readonly fixed: Int32Array;
  /** Accounts in the final LP. */
  readonly freeCount: number;
}

/**
 * Exact account-level LP that only carries the accounts near territory boundaries. From prices
 * (e.g. of a coarse atom LP), accounts whose cheapest rep (travel + λ) beats the second by a wide
 * margin are fixed to it and their workload taken out of that rep's band; the others form the LP.
 * After each solve every fixed account is checked against the new prices over all eligible reps;
 * any that would rather move (or sits at a rep the reduced LP cannot balance) is freed and the LP
 * solved again. When no fixed account objects, the fixed arcs have zero reduced cost and every
 * other arc a non-negative one, so the solution is optimal for the full account-level LP.
 */
export function solveBoundaryLp(
  p: CompiledProblem,
  geo: GreatCircle | undefined,
  lists: ArcLists,
  lower: Float64Array,
  upper: Float64Array,
  startPrices: Float64Array,
  context: SolveContext,
): BoundaryResult {
  const fixed = new Int32Array(p.n).fill(-1);
  const margin = new Float64Array(p.n).fill(-1);
  const best = { rep: -1, value: 0 };
  let minPrice = Infinity;
  for (let j = 0; j < p.m; j++) minPrice = Math.min(minPrice, startPrices[j]);
  const candidates: number[] = [];
  for (let a = 0; a < p.n; a++) {
    if (p.lockedRep[a] >= 0 || p.workload[a] <= 0) continue;
    cheapestRep(p, geo, lists, startPrices, minPrice, a, best);
    if (best.rep < 0) continue;
    let second = lists.reach[a] + minPrice;
    for (let e = lists.start[a]; e < lists.start[a + 1]; e++) {
      if (lists.rep[e] !== best.rep) second = Math.min(second, lists.cost[e] + startPrices[lists.rep[e]]);
    }
    fixed[a] = best.rep;
    margin[a] = second - best.value;
    candidates.push(a);
  }
  const order = Float64Array.from(candidates.map((a) => margin[a])).sort();
  const cut = order.length > 0 ? order[Math.min(order.length - 1, Math.floor(FREE_SHARE * order.length))] : 0;
  for (const a of candidates) if (margin[a] <= cut) fixed[a] = -1;

  for (let round = 0; ; round++) {
    const free: number[] = [];
    const fixedLoad = new Float64Array(p.m);
    for (let a = 0; a < p.n; a++) {
      if (p.lockedRep[a] >= 0 || p.workload[a] <= 0) continue;
      if (fixed[a] >= 0) fixedLoad[fixed[a]] += p.workload[a];
      else free.push(a);
    }
    const lo = new Float64Array(p.m);
    const hi = new Float64Array(p.m);
    for (let j = 0; j < p.m; j++) {
      lo[j] = Math.max(0, lower[j] - fixedLoad[j]);
      hi[j] = Math.max(0, upper[j] - fixedLoad[j]);
    }
    const units = accountUnits(p, geo, Int32Array.from(free), lists);
    const lp = solveByColumnGeneration(p, geo, units, lo, hi, context, round === 0 ? startPrices : undefined);
    if (lp.status !== "optimal" || round === MAX_ROUNDS) return { lp, units, fixed, freeCount: free.length };
    const freed = releaseObjectors(p, geo, lists, lp, fixed, upper, fixedLoad, round === MAX_ROUNDS - 1);
    if (freed === 0) return { lp, units, fixed, freeCount: free.length };
  }
}

/**
 * Frees fixed accounts that the new prices would send elsewhere, and all fixed accounts of reps
 * the reduced LP could not balance (artificial flow, or fixed load above the band). Returns how many.
 */
function releaseObjectors(
  p: CompiledProblem,
  geo: GreatCircle | undefined,
  lists: ArcLists,
  result: LpResult,
  fixed: Int32Array,
  upper: Float64Array,
  fixedLoad: Float64Array,
  all: boolean,
): number {
  const { lp } = result;
  const prices = repPrices(lp);
  let minPrice = Infinity;
  for (let j = 0; j < p.m; j++) minPrice = Math.min(minPrice, prices[j]);
  const unbalanced = new Uint8Array(p.m);
  for (let j = 0; j < p.m; j++) {
    const node = lp.supplyCount + j;
    if (lp.simplex.flow[node] > 0 || fixedLoad[j] > upper[j]) unbalanced[j] = 1;
  }
  const tolerance = 1e-7 * (lp.simplex.maxCost + 1);
  const best = { rep: -1, value: 0 };
  let freed = 0;
  for (let a = 0; a < p.n; a++) {
    const f = fixed[a];
    if (f < 0) continue;
    let release = all || unbalanced[f] === 1;
    if (!release) {
      cheapestRep(p, geo, lists, prices, minPrice, a, best);
      let own = Infinity;
      for (let e = lists.start[a]; e < lists.start[a + 1]; e++) if (lists.rep[e] === f) own = lists.cost[e] + prices[f];
      release = best.value < own - tolerance;
    }
    if (release) {
      fixed[a] = -1;
      freed++;
    }
  }
  return freed;
}
