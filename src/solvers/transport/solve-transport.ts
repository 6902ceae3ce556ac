import type { CompiledProblem } from "../../compile/compiled-problem.js";
import type { Diagnostic } from "../../model/plan.js";
import type { Solver, SolverResult } from "../../solve/solver.js";
import { repairBands } from "./band-repair.js";
import { buildArcLists, type ArcLists } from "./candidate-arcs.js";
import { solveByColumnGeneration } from "./column-generation.js";
import { bandDiagnostics } from "./band-diagnostics.js";
import { greatCircle, unitVectors } from "./great-circle.js";
import { lagrangianBound } from "./lagrangian-bound.js";
import { lpToPlan } from "./lp-to-plan.js";
import { inBand } from "../../evaluate/measure.js";
import { groupPoints } from "./point-groups.js";
import { atomUnits } from "./supply-units.js";
import { repPrices, transportValue } from "./transport-lp.js";
import { solveBoundaryLp } from "./boundary-lp.js";
import { improveShifts } from "./shift-improve.js";

/** Above this many accounts the LP runs on atoms (groups of nearby accounts). */
export const ACCOUNT_LEVEL_LIMIT = 20_000;
/** Largest share of a band width kept free at each end in the LP, for rounding. */
const MARGIN_SHARE = 0.02;
/** Atoms aimed for at most (their workload cap grows with the total workload). */
const MAX_ATOMS = 30_000;
/** Accounts per atom at most. */
const ATOM_ACCOUNTS = 64;
/** An atom's workload at most, as a fraction of the smallest rep band width. */
const ATOM_SHARE = 0.2;
/** Nearest reps kept per account when the LP runs on atoms (accounts then only need a few). */
const ATOM_MODE_ACCOUNT_K = 8;

/** What the transport strategy knows beyond the common result; kept on the result for explanations. */
export interface TransportResult extends SolverResult {
  /** Rep prices λ, minutes per hour of workload: an account's cheapest rep minimises travel + λ. */
  readonly prices: Float64Array;
  /** LP optimum over all eligible arcs (when proven), Σ hours × minutes. */
  readonly lpValue: number;
  /** Supply units split by the LP before rounding (≤ m − 1). */
  readonly splitUnits: number;
  /** Whether the LP ran on atoms. */
  readonly atoms: boolean;
}

/**
 * Strategy `transport`: the exact LP core for rep-independent workload. Candidate arcs (k nearest
 * reps plus rep coverage), network simplex with column generation until no eligible arc outside
 * the LP can improve it, rounding of the split accounts, band repair, and the account-level
 * Lagrangian bound at the LP's prices as `lowerBound`. Very large inputs run the LP on atoms and
 * assign accounts by price. Deterministic (no randomness).
 */
export const solveTransport: Solver = (input) => runTransport(input);

export function runTransport({ problem: p, options, context }: Parameters<Solver>[0]): TransportResult {
  context.progress("candidates", 0);
  const geo = greatCircle(p, options);
  const unit = geo?.account ?? unitVectors(p.accountLng, p.accountLat);
  const free: number[] = [];
  for (let a = 0; a < p.n; a++) if (p.lockedRep[a] < 0) free.push(a);
  const atoms = p.n > ACCOUNT_LEVEL_LIMIT;
  const k = options.candidates.k;
  let minBand = Infinity;
  for (let j = 0; j < p.m; j++) minBand = Math.min(minBand, p.upper[j] - p.lower[j]);
  const atomCap = Math.max(ATOM_SHARE * minBand, p.totalWorkload / MAX_ATOMS, 1e-9);
  const groups = groupPoints(Int32Array.from(free), p.accountLng, p.accountLat, p.workload, unit, ATOM_ACCOUNTS, atomCap);
  const lists = buildArcLists(p, geo, groups, atoms ? Math.min(k, ATOM_MODE_ACCOUNT_K) : k, k);
  const atomSet = atomUnits(p, groups, lists.atoms);
  context.progress("candidates", 1);

  const { lower, upper } = lpBands(p, atoms);
  let lpResult = solveByColumnGeneration(p, geo, atomSet, lower, upper, context);
  let units = atomSet;
  let fixed: Int32Array | undefined;
  let freeCount = 0;
  if (!atoms && lpResult.status === "optimal") {
    const boundary = solveBoundaryLp(p, geo, lists.accounts, lower, upper, repPrices(lpResult.lp), context);
    lpResult = boundary.lp;
    units = boundary.units;
    fixed = boundary.fixed;
    freeCount = boundary.freeCount;
  }
  const rounded = lpToPlan(p, geo, units, lists.accounts, lpResult.lp, units === atomSet, fixed);
  context.progress("repair", 0);
  repairBands(p, lists.accounts, rounded.assign, () => context.stopped());
  improveShifts(p, lists.accounts, rounded.assign, () => context.stopped());
  context.progress("repair", 1);

  const infeasible = lpResult.artificialHours > 1e-9 * Math.max(1, p.totalWorkload);
  // The bound holds for plans inside every band; a plan outside some band may lie below it.
  const bound = lpResult.status === "optimal" && !infeasible ? lagrangianBound(p, geo, lists.accounts, rounded.prices) : undefined;
  const lowerBound = bound !== undefined && allInBand(p, rounded.assign) ? bound : undefined;
  const diagnostics: Diagnostic[] = [
    ...bandDiagnostics(p, lpResult.lp, rounded.assign, infeasible),
    {
      severity: "info",
      code: "transport_lp",
      message:
        `LP on ${units === atomSet ? `${units.workload.length.toLocaleString("en-US")} atoms` : `${freeCount.toLocaleString("en-US")} boundary accounts (the others fixed at their cheapest rep)`}: ` +
        `${lpResult.status === "optimal" ? "optimal over all eligible reps" : "stopped early"} after ${lpResult.rounds} pricing round(s) ` +
        `(${lpResult.arcsAdded} arcs added), ${rounded.splitUnits} split ${units === atomSet ? "atoms" : "accounts"} rounded`,
    },
  ];
  const stopped = lpResult.status === "stopped" || context.stopped();
  const objective = planObjective(p, lists.accounts, rounded.assign);
  const proven = lowerBound !== undefined && objective <= lowerBound * (1 + 1e-12) + 1e-9;
  const unassignedReasons = new Map<number, string>();
  for (let a = 0; a < p.n; a++) if (rounded.assign[a] < 0) unassignedReasons.set(a, "no rep may serve it");
  return {
    assign: rounded.assign,
    status: stopped ? "timeout" : proven ? "optimal" : "feasible",
    diagnostics,
    unassignedReasons,
    ...(lowerBound !== undefined ? { lowerBound } : {}),
    prices: rounded.prices,
    lpValue: transportValue(lpResult.lp) + fixedCost(p, lists.accounts, fixed),
    splitUnits: rounded.splitUnits,
    atoms: units === atomSet,
  };
}

/**
 * Bands for the LP: locked accounts' workload taken out and, when the LP runs on atoms, each end
 * pulled in by half a median account (at most `MARGIN_SHARE` of the band) so that dealing the
 * atoms' accounts out rarely leaves a rep outside its band. The bound uses the full band.
 */
function lpBands(p: CompiledProblem, withMargin: boolean): { lower: Float64Array; upper: Float64Array } {
  const locked = new Float64Array(p.m);
  for (let a = 0; a < p.n; a++) if (p.lockedRep[a] >= 0) locked[p.lockedRep[a]] += p.workload[a];
  const sizes = Float64Array.from(p.workload).sort();
  const large = withMargin && sizes.length > 0 ? 0.5 * sizes[Math.floor(0.5 * (sizes.length - 1))] : 0;
  const lower = new Float64Array(p.m);
  const upper = new Float64Array(p.m);
  for (let j = 0; j < p.m; j++) {
    const margin = Math.min(large, MARGIN_SHARE * (p.upper[j] - p.lower[j]));
    lower[j] = Math.max(0, p.lower[j] + margin - locked[j]);
    upper[j] = Math.max(lower[j], p.upper[j] - margin - locked[j]);
  }
  return { lower, upper };
}

function planObjective(p: CompiledProblem, lists: ArcLists, assign: Int32Array): number {
  let total = 0;
  for (let a = 0; a < p.n; a++) {
    const r = assign[a];
    if (r < 0) continue;
    let t = -1;
    for (let e = lists.start[a]; e < lists.start[a + 1]; e++) if (lists.rep[e] === r) t = lists.cost[e];
    total += p.workload[a] * (t >= 0 ? t : p.travel(r, a));
  }
  return total;
}

/** Travel of the accounts fixed outside the boundary LP, Σ w × minutes. */
function fixedCost(p: CompiledProblem, lists: ArcLists, fixed: Int32Array | undefined): number {
  if (!fixed) return 0;
  const assign = new Int32Array(p.n).fill(-1);
  for (let a = 0; a < p.n; a++) if (fixed[a] >= 0) assign[a] = fixed[a];
  return planObjective(p, lists, assign);
}

function allInBand(p: CompiledProblem, assign: Int32Array): boolean {
  const load = new Float64Array(p.m);
  for (let a = 0; a < p.n; a++) {
    if (assign[a] < 0 && p.workload[a] > 0) return false;
    if (assign[a] >= 0) load[assign[a]] += p.workload[a];
  }
  for (let j = 0; j < p.m; j++) if (!inBand(p, j, load[j])) return false;
  return true;
}
