import type { Diagnostic } from "../../model/plan.js";
import type { Solver, SolverInput, SolverResult } from "../solver.js";
import type { GapResult } from "../../gap/gap-result.js";
import { solveGapArcs } from "../../gap/solve-gap.js";
import { fullPricingBound } from "./full-pricing-bound.js";
import { territoryGap, type TerritoryGap } from "./territory-gap.js";

/**
 * Effort of the search, in descents of the local search (bounding and exact stages get a share in
 * proportion): `GAP_EFFORT_BASE` plus `GAP_EFFORT_PER_ACCOUNT` per account, at most `GAP_EFFORT_MAX`.
 * Stopping on effort rather than on the clock makes the plan the same on every machine; the time
 * limit is only a safety net (then the status is `timeout`).
 */
const GAP_EFFORT_BASE = 30;
const GAP_EFFORT_PER_ACCOUNT = 0.05;
const GAP_EFFORT_MAX = 2_000;

/**
 * Strategy `gap`, for workload that depends on the rep (`workload.includeTravel`): the territory
 * problem as a generalised assignment problem over the candidate arcs (see `territoryGap`: hours
 * including travel ≤ the band's upper end; the band's lower end is a penalised constraint of the
 * search), solved by `solveGap`. The lower bound is the GAP's own (LP or knapsack Lagrangian) when
 * the candidates are every eligible pair, else the LP Lagrangian bound re-priced over every
 * eligible pair; `optimal` is reported only when that bound meets the plan's objective.
 */
export const solveGapStrategy: Solver = ({ problem: p, candidates, options, context, start }: SolverInput): SolverResult => {
  const gap = territoryGap(p, candidates);
  let prices: Float64Array | null = null;
  const result = solveGapArcs(
    gap.arcs,
    false,
    {
      timeLimitMs: Math.max(1, options.timeLimitMs - context.elapsedMs()),
      seed: options.seed,
      iterations: Math.min(GAP_EFFORT_MAX, GAP_EFFORT_BASE + GAP_EFFORT_PER_ACCOUNT * p.n),
      signal: options.signal,
      // With travel in the hours the GAP's windows are a working guess and its own bounds do not hold: search only.
      ...(p.travelHours ? { searchOnly: true } : {}),
      onProgress: (progress) => context.progress(progress.phase, progress.fraction, progress.objective),
    },
    { onPrices: (u) => (prices = u), ...(start ? { start: Int32Array.from(gap.account, (a) => start[a]) } : {}) },
  );
  const assign = new Int32Array(p.n).fill(-1);
  gap.account.forEach((a, t) => (assign[a] = result.assignment[t]));
  // Without a feasible plan the Lagrangian bound only measures infeasibility: report none.
  const pricing = prices && result.feasible ? fullPricingBound(p, gap, prices) : null;
  // The GAP's own bounds are for its fixed windows; with travel in the hours only the pricing bound holds.
  const lowerBound = pricing === null ? undefined : pricing.complete ? Math.max(result.lowerBound, pricing.bound) : pricing.bound;
  const proven = result.optimal && pricing?.complete === true;
  return {
    assign,
    status: result.stoppedByClock || context.stopped() ? "timeout" : proven ? "optimal" : "feasible",
    lowerBound: lowerBound !== undefined && Number.isFinite(lowerBound) ? lowerBound : undefined,
    diagnostics: gapDiagnostics(p, gap, result),
  };
};

/** Says when the hours (travel included) cannot fit under the bands' upper ends at all. */
function gapDiagnostics(p: SolverInput["problem"], gap: TerritoryGap, result: GapResult): Diagnostic[] {
  if (result.feasible) return [];
  let least = 0;
  for (let t = 0; t < gap.arcs.n; t++) {
    let smallest = Infinity;
    for (let e = gap.arcs.start[t]; e < gap.arcs.start[t + 1]; e++) smallest = Math.min(smallest, gap.arcs.resource[e]);
    least += smallest;
  }
  let room = 0;
  for (let r = 0; r < p.m; r++) room += p.upper[r];
  if (least <= room) return [];
  return [
    {
      severity: "error",
      code: "hours_exceed_bands",
      message: `with travel counted, the accounts need at least ${least.toFixed(1)} h but the reps' band upper ends add up to ${room.toFixed(1)} h`,
    },
  ];
}
