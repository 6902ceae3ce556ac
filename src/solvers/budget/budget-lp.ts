import type { Candidates } from "../../compile/candidates.js";
import type { CompiledProblem } from "../../compile/compiled-problem.js";
import { eligibleMinutes } from "../../compile/eligible-minutes.js";
import { changeArcCosts, setArtificialCost } from "../transport/simplex-basis.js";
import { addTransportArc, buildTransportLp, repPrices, solveTransportLp, supplyPrice, transportValue, type TransportLp } from "../transport/transport-lp.js";

/**
 * The transportation LP of the free accounts over their candidate arcs plus the arc to their
 * preferred rep, with a Lagrangian discount on that arc for the budgets on leaving it. Arcs of
 * supply node i are `arcStart[i] .. arcStart[i + 1] − 1`; more are appended by pricing
 * (`addArcs`), so they live in growable lists beside the simplex.
 */
export interface BudgetLp {
  readonly lp: TransportLp;
  /** Account of each supply node. */
  readonly account: Int32Array;
  /** Arcs per supply node: rep and travel minutes, in the order the simplex holds them (after `firstArc`). */
  readonly arcSupply: number[];
  readonly arcRep: number[];
  readonly arcMinutes: number[];
  /** Simplex arc of the preferred rep's arc of each supply node, −1 when none. */
  readonly preferredArc: Int32Array;
  /** Discount per hour on each node's preferred arc (the current Lagrangian one). */
  readonly discount: Float64Array;
  /** Simplex id of the first candidate arc. */
  readonly firstArc: number;
  /** The preferred arcs that exist, and a buffer for their costs (made on first use). */
  preferredArcs?: Int32Array;
  preferredCosts?: Float64Array;
}

/**
 * One supply node per free account (workload > 0), bands as given (already less the fixed load),
 * the simplex started from `start` (a rep per account, e.g. the plan without budgets) where it has
 * the arc, else from the preferred rep.
 */
export function buildBudgetLp(p: CompiledProblem, c: Candidates, free: Int32Array, lower: Float64Array, upper: Float64Array, startPlan?: Int32Array): BudgetLp {
  const S = free.length;
  const supply = new Float64Array(S);
  const arcStart = new Int32Array(S + 1);
  const arcSupply: number[] = [];
  const arcRep: number[] = [];
  const arcMinutes: number[] = [];
  const preferredAt = new Int32Array(S).fill(-1);
  const start = new Int32Array(S).fill(-1);
  for (let i = 0; i < S; i++) {
    const a = free[i];
    supply[i] = p.workload[a];
    const pref = p.currentRep[a];
    for (let t = c.start[a]; t < c.start[a + 1]; t++) {
      if (c.rep[t] === pref) preferredAt[i] = arcRep.length;
      arcSupply.push(i);
      arcRep.push(c.rep[t]);
      arcMinutes.push(c.minutes[t]);
    }
    if (pref >= 0 && preferredAt[i] < 0 && !Number.isNaN(eligibleMinutes(p, pref, a))) {
      preferredAt[i] = arcRep.length;
      arcSupply.push(i);
      arcRep.push(pref);
      arcMinutes.push(p.travel(pref, a));
    }
    arcStart[i + 1] = arcRep.length;
    // Warm start from the given plan, else from today's owners where they may keep the account.
    const planned = startPlan ? startPlan[a] : -1;
    let hasPlanned = false;
    for (let k = arcStart[i]; k < arcRep.length && planned >= 0; k++) if (arcRep[k] === planned) hasPlanned = true;
    start[i] = hasPlanned ? planned : preferredAt[i] >= 0 ? pref : c.start[a + 1] > c.start[a] ? c.rep[c.start[a]] : -1;
  }
  const lp = buildTransportLp({ supply, lower, upper, arcStart, arcRep: Int32Array.from(arcRep), arcCost: Float64Array.from(arcMinutes), start });
  const firstArc = lp.simplex.nodeCount + p.m;
  const preferredArc = Int32Array.from(preferredAt, (k) => (k >= 0 ? firstArc + k : -1));
  return { lp, account: Int32Array.from(free), arcSupply, arcRep, arcMinutes, preferredArc, discount: new Float64Array(S), firstArc };
}

/**
 * Sets the discount on each preferred arc to Σ_k δ_k · coef_k[a] / workload[a] minutes per hour
 * (the Lagrangian price of the budgets at multipliers δ), keeping the basis for a warm re-solve.
 */
export function setBudgetPrices(blp: BudgetLp, p: CompiledProblem, delta: Float64Array): void {
  const arcs = (blp.preferredArcs ??= Int32Array.from(blp.preferredArc.filter((e) => e >= 0)));
  const costs = (blp.preferredCosts ??= new Float64Array(arcs.length));
  let most = 0;
  for (let i = 0, q = 0; i < blp.account.length; i++) {
    const e = blp.preferredArc[i];
    if (e < 0) continue;
    const a = blp.account[i];
    let d = 0;
    for (let k = 0; k < p.budgets.length; k++) d += delta[k] * p.budgets[k].coef[a];
    d /= p.workload[a];
    blp.discount[i] = d;
    const cost = blp.arcMinutes[e - blp.firstArc] - d;
    costs[q++] = cost;
    if (Math.abs(cost) > most) most = Math.abs(cost);
  }
  const s = blp.lp.simplex;
  changeArcCosts(s, arcs, costs);
  // Big-M must stay above any path of real arcs, discounted ones included.
  if (most > blp.lp.costLimit) {
    blp.lp.costLimit = 4 * most;
    setArtificialCost(s, (blp.lp.costLimit + 1) * (2 * blp.lp.repCount + 8));
  }
}

/** Puts every arc back at its travel cost (after another objective was solved on the same network); discounts are set next by `setBudgetPrices`. */
export function restoreTravelCosts(blp: BudgetLp): void {
  changeArcCosts(blp.lp.simplex, Int32Array.from(blp.arcRep, (_, k) => blp.firstArc + k), Float64Array.from(blp.arcMinutes));
  blp.discount.fill(0);
}

/** Solves from the current basis; returns whether the LP kept every band (no artificial flow). */
export function solveBudgetLp(blp: BudgetLp, stop?: () => boolean): boolean {
  solveTransportLp(blp.lp, stop);
  const s = blp.lp.simplex;
  for (let u = 0; u < s.nodeCount; u++) if (s.flow[u] > 0) return false;
  return true;
}

/** Σ coef_k over the LP's flow off preferred arcs (fractional), per budget. */
export function budgetUsage(blp: BudgetLp, p: CompiledProblem): Float64Array {
  const used = new Float64Array(p.budgets.length);
  const s = blp.lp.simplex;
  for (let i = 0; i < blp.account.length; i++) {
    const a = blp.account[i];
    if (p.currentRep[a] < 0) continue;
    const e = blp.preferredArc[i];
    const stay = e >= 0 ? s.flow[e] / blp.lp.unitsPerHour / p.workload[a] : 0;
    for (let k = 0; k < p.budgets.length; k++) used[k] += p.budgets[k].coef[a] * (1 - Math.min(1, stay));
  }
  return used;
}

/** The LP's travel objective Σ workload × minutes (without the discounts). */
export function budgetLpTravel(blp: BudgetLp): number {
  let discounted = 0;
  const s = blp.lp.simplex;
  for (let i = 0; i < blp.account.length; i++) {
    const e = blp.preferredArc[i];
    if (e >= 0) discounted += (s.flow[e] / blp.lp.unitsPerHour) * blp.discount[i];
  }
  return transportValue(blp.lp) + discounted;
}

/**
 * Rep per supply node from the LP. Unsplit nodes take their one arc; split nodes (at most m − 1 +
 * the number of budgets in a vertex solution), largest first, each take the arc with LP flow that
 * leaves the loads so far least outside the windows (`lower`/`upper`, loads of the fixed accounts
 * in `load`), preferring the preferred arc on ties and whenever another arc would spend budget
 * beyond `room` (per budget, what is left after the unsplit nodes and the split nodes with no
 * flow on their preferred arc, which spend it whatever they take). Writes `assign` and `load`;
 * returns the number of split nodes.
 */
export function roundBudgetLp(blp: BudgetLp, p: CompiledProblem, assign: Int32Array, load: Float64Array, lower: Float64Array, upper: Float64Array, room: Float64Array): number {
  const s = blp.lp.simplex;
  const S = blp.account.length;
  const arcsOf: number[][] = Array.from({ length: S }, () => []);
  for (let k = 0; k < blp.arcRep.length; k++) if (s.flow[blp.firstArc + k] > 0) arcsOf[blp.arcSupply[k]].push(k);
  const split: number[] = [];
  const spend = (a: number, r: number, sign: number) => {
    const pref = p.currentRep[a];
    if (pref < 0 || r === pref) return;
    for (let k = 0; k < room.length; k++) room[k] -= sign * p.budgets[k].coef[a];
  };
  for (let i = 0; i < S; i++) {
    const a = blp.account[i];
    if (arcsOf[i].length === 1) {
      const r = blp.arcRep[arcsOf[i][0]];
      assign[a] = r;
      load[r] += p.workload[a];
      spend(a, r, 1);
    } else if (arcsOf[i].length > 1) split.push(i);
  }
  // A split node without flow on its preferred arc spends its budget whatever it takes: that share is set aside first.
  const hasPref = (i: number) => arcsOf[i].some((k) => blp.arcRep[k] === p.currentRep[blp.account[i]]);
  for (const i of split) if (!hasPref(i)) spend(blp.account[i], -2, 1);
  const violation = (r: number, l: number) => Math.max(0, l - upper[r]) + Math.max(0, lower[r] - l);
  // Loads start with every split node's LP flow, so that each choice sees the flow still to come.
  const unitsPerHour = blp.lp.unitsPerHour;
  for (const i of split) for (const k of arcsOf[i]) load[blp.arcRep[k]] += s.flow[blp.firstArc + k] / unitsPerHour;
  split.sort((x, y) => p.workload[blp.account[y]] - p.workload[blp.account[x]] || x - y);
  for (const i of split) {
    const a = blp.account[i];
    const w = p.workload[a];
    const pref = p.currentRep[a];
    for (const k of arcsOf[i]) load[blp.arcRep[k]] -= s.flow[blp.firstArc + k] / unitsPerHour;
    let best = -1;
    let bestScore = Infinity;
    for (const k of arcsOf[i]) {
      const r = blp.arcRep[k];
      let affordable = true;
      if (pref >= 0 && r !== pref) for (let q = 0; q < room.length; q++) if (p.budgets[q].coef[a] > room[q] + 1e-9) affordable = false;
      if (!affordable && arcsOf[i].some((t) => blp.arcRep[t] === pref)) continue;
      const score = violation(r, load[r] + w) - violation(r, load[r]) - (r === pref ? 1e-9 : 0) - 1e-12 * s.flow[blp.firstArc + k];
      if (score < bestScore) {
        bestScore = score;
        best = r;
      }
    }
    assign[a] = best;
    load[best] += w;
    if (hasPref(i)) spend(a, best, 1);
  }
  return split.length;
}

/** Rep prices λ (minutes per hour) and each supply node's price v (its cheapest reduced cost is 0 at v). */
export function budgetPrices(blp: BudgetLp): { reps: Float64Array; supply: Float64Array } {
  const supply = new Float64Array(blp.account.length);
  for (let i = 0; i < supply.length; i++) supply[i] = supplyPrice(blp.lp, i);
  return { reps: repPrices(blp.lp), supply };
}

/** Appends arcs (supply node, rep, minutes) found by pricing; the next solve continues from the basis. */
export function addArcs(blp: BudgetLp, arcs: readonly (readonly [number, number, number])[]): void {
  for (const [i, r, minutes] of arcs) {
    addTransportArc(blp.lp, i, r, minutes);
    blp.arcSupply.push(i);
    blp.arcRep.push(r);
    blp.arcMinutes.push(minutes);
  }
}
