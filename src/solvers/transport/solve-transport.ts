import type { CompiledProblem } from "../../compile/compiled-problem.js";
import { exceeds } from "../../rules/check-assignment.js";
import type { Diagnostic } from "../../model/plan.js";
import type { Solver, SolverInput, SolverResult } from "../solver.js";
import { solveAccountLp } from "./account-lp.js";
import { ACCOUNT_ROUNDS, solveAccountStage } from "./account-stage.js";
import { repairBands } from "./band-repair.js";
import { enforceCapacity, NO_CAPACITY_REASON as CAPACITY_REASON } from "../enforce-capacity.js";
import { repLoads } from "../rep-loads.js";
import { greatCircle, travelMinutes, type GreatCircle } from "./great-circle.js";
import { lagrangianBound } from "./lagrangian-bound.js";
import { createNearestReps, nearestRepsOfAccounts, type NearestReps } from "./nearest-reps.js";
import { improveShifts } from "./shift-improve.js";
import { improveSwaps } from "./swap-improve.js";
import { repPairs } from "./rep-pairs.js";
import { buildSphereTree } from "./sphere-tree.js";
import { warmUpPrices } from "./warm-up-prices.js";
import { findWhales, placeWhales } from "./whales.js";
import { kthSmallest } from "../../util/kth-smallest.js";
import { solveBudgeted } from "../budget/solve-budgeted.js";
import { solveBands } from "../bands/solve-bands.js";

/** Accounts per leaf of the tree (query batches for rep search). */
const LEAF_SIZE = 8;
/** First arcs per account after a warm-up: its cheapest reps at the warm-up prices … */
const ACCOUNT_ARCS = 4;
/** … within this share of the typical travel to the nearest rep of the cheapest one. */
const ACCOUNT_TAU_SHARE = 0.2;
/**
 * Room kept free at each end of a band in the account-level LP, so that rounding its split
 * accounts seldom leaves a band and repair has little to do: this many median accounts, at most
 * `MARGIN_SHARE` of the band width, and only with at least `MARGIN_MIN_PER_REP` accounts per rep
 * (below that the LP keeps the exact bands, and its value is then the bound).
 */
const MARGIN_ACCOUNTS = 0.25;
const MARGIN_SHARE = 0.02;
const MARGIN_MIN_PER_REP = 250;

const hoursText = (x: number) => `${x.toLocaleString("en-US", { maximumFractionDigits: 1 })} h`;

/** What the transport strategy knows beyond the common result. */
export interface TransportResult extends SolverResult {
  /** Rep prices λ, minutes per hour of workload: an account's cheapest rep minimises travel + λ. */
  readonly prices: Float64Array;
  /** Optimum of the account-level LP (locked and pre-placed accounts included), Σ hours × minutes. */
  readonly lpValue: number;
  /** Accounts split by the LP before rounding (≤ m − 1). */
  readonly splitAccounts: number;
  /**
   * The Lagrangian bound at the LP's prices, on every plan that keeps the bands, whether or not
   * this one does (`lowerBound` is given only when it does); absent when the LP stopped early or
   * could not keep them.
   */
  readonly bandBound?: number;
}

/**
 * Strategy `transport`: the exact LP core for rep-independent workload. Rep prices are warmed up on
 * atoms (coarse to fine cuts of a k-d tree on the sphere), then the transportation LP over
 * accounts is solved exactly by network simplex with column generation (exact pricing over every
 * eligible rep), its ≤ m − 1 split accounts are rounded, bands are repaired, and the Lagrangian
 * bound at the LP's prices is `lowerBound`. Accounts larger than half a band are placed before the
 * LP. Capacity is hard: workload that no rep can take stays unassigned. Deterministic.
 */
export const solveTransport: Solver = (input) => (input.problem.bands.length > 0 ? solveBands(input) : input.problem.budgets.length > 0 ? solveBudgeted(input) : runTransport(input));

export function runTransport({ problem: p, options, context }: SolverInput): TransportResult {
  context.progress("candidates", 0);
  const geo = greatCircle(p);
  const stop = () => context.stopped();
  const assign = new Int32Array(p.n).fill(-1);
  const fixedLoad = new Float64Array(p.m);
  const pool = new Int32Array(p.n);
  let free = 0;
  for (let a = 0; a < p.n; a++) {
    const r = p.lockedRep[a];
    if (r < 0) pool[free++] = a;
    else {
      assign[a] = r;
      fixedLoad[r] += p.workload[a];
    }
  }
  const tree = buildSphereTree(pool.subarray(0, free), p.accountLng, p.accountLat, p.workload, LEAF_SIZE);
  const warm = warmUpPrices(p, tree, geo, ...bandsFor(p, fixedLoad), options.candidates.k, context);
  const warmed = warm.levels.length > 0;
  const want = warmed ? ACCOUNT_ARCS : Math.max(1, Math.min(options.candidates.k, p.m, 255));
  const tau = warmed ? ACCOUNT_TAU_SHARE * warm.travelScale : Infinity;
  let cheapest = createNearestReps(p.n, want);
  nearestRepsOfAccounts(p, tree, geo, warm.prices, tau, cheapest);
  context.progress("candidates", 1);

  // Whales go first, at prices that already balance the rest (from a first account-level LP when no atoms ran).
  const whales = findWhales(p, tree.order, cheapest);
  let prices = warm.prices;
  if (whales.length > 0 && !warmed) {
    const first = solveAccountLp(p, tree, geo, lpAccounts(p, tree.order, cheapest, undefined), ...bandsFor(p, fixedLoad), cheapest, undefined, ACCOUNT_ROUNDS, context);
    prices = first.prices;
    cheapest = createNearestReps(p.n, want);
    nearestRepsOfAccounts(p, tree, geo, prices, tau, cheapest);
  }
  const placed = placeWhales(p, geo, whales, prices, fixedLoad, assign);
  const isWhale = new Uint8Array(p.n);
  for (const a of whales) isWhale[a] = 1;

  const accounts = lpAccounts(p, tree.order, cheapest, isWhale);
  const load = fixedLoad.slice();
  const margin = accounts.length >= MARGIN_MIN_PER_REP * p.m ? MARGIN_ACCOUNTS * medianWorkload(p, accounts) : 0;
  const stage = solveAccountStage(p, tree, geo, accounts, ...bandsFor(p, fixedLoad, margin), cheapest, warm.plan, assign, load, context);
  const reasons = new Map<number, string>();
  for (const a of stage.rounding.dropped) reasons.set(a, CAPACITY_REASON);
  for (const a of placed.unplaced) reasons.set(a, CAPACITY_REASON);
  // Accounts outside the LP without workload: their cheapest rep at the final prices.
  const last = stage.rounds > 0 ? stage.scan : cheapest;
  for (let i = 0; i < tree.order.length; i++) {
    const a = tree.order[i];
    if (assign[a] >= 0 || isWhale[a] || reasons.has(a)) continue;
    if (last.count[a] > 0 && p.workload[a] === 0) assign[a] = last.rep[a * last.want];
    else if (last.count[a] === 0 && cheapest.count[a] === 0) reasons.set(a, "no rep may serve it");
  }

  context.progress("repair", 0);
  const pairs = repPairs(p, stage.arcs, assign);
  repairBands(p, geo, tree.unit, stage.arcs, pairs, assign, stop);
  improveShifts(p, geo, stage.arcs, assign, stop);
  if (improveSwaps(p, pairs, assign, stop) > 0) improveShifts(p, geo, stage.arcs, assign, stop);
  enforceCapacity(p, assign, reasons);
  context.progress("repair", 1);
  const leftOut = [...reasons].filter(([, reason]) => reason === CAPACITY_REASON).map(([a]) => a);

  // The bound holds for plans inside every band; a plan outside some band may lie below it.
  const bound = stage.rounds > 0 && stage.infeasibleHours === 0 ? lagrangianBound(p, geo, stage.scan, stage.scanPrices) : undefined;
  const lowerBound = bound !== undefined && allInBand(p, assign) ? bound : undefined;
  const objective = planObjective(p, geo, assign);
  const proven = lowerBound !== undefined && stage.status === "optimal" && objective <= lowerBound * (1 + 1e-12) + 1e-9;
  const diagnostics: Diagnostic[] = [
    ...placed.diagnostics,
    ...stage.diagnostics,
    ...(leftOut.length > 0
      ? [
          {
            severity: "error" as const,
            code: "unassigned_at_capacity",
            message: `${leftOut.length} account(s) with ${hoursText(leftOut.reduce((sum, a) => sum + p.workload[a], 0))} left unassigned: ${CAPACITY_REASON}`,
            accountIds: leftOut.map((a) => p.accountIds[a]),
          },
        ]
      : []),
    {
      severity: "info",
      code: "transport_lp",
      message:
        `LP on ${accounts.length.toLocaleString("en-US")} accounts` +
        (warmed ? ` (prices warmed up on ${warm.levels.map((l) => l.atoms.toLocaleString("en-US")).join(" then ")} atoms)` : "") +
        `: ` +
        `${stage.status === "optimal" ? "optimal over all eligible reps" : "stopped before proven optimal"} after ${stage.rounds} pricing round(s) ` +
        `(${stage.arcsAdded} arcs added), ${stage.rounding.splitAccounts} split accounts rounded` +
        (whales.length > 0 ? `, ${whales.length} account(s) above half a band placed first` : ""),
    },
  ];
  return {
    assign,
    status: context.stopped() ? "timeout" : proven ? "optimal" : "feasible",
    diagnostics,
    unassignedReasons: reasons,
    ...(lowerBound !== undefined ? { lowerBound } : {}),
    prices: stage.prices,
    lpValue: stage.value + fixedCost(p, geo, assign, isWhale),
    splitAccounts: stage.rounding.splitAccounts,
    ...(bound !== undefined ? { bandBound: bound } : {}),
  };
}

/**
 * Bands for an LP: the workload already fixed at each rep (locked, pre-placed) taken out, each end
 * pulled in by `margin` hours (at most `MARGIN_SHARE` of the band), so that rounding the LP's few
 * split accounts rarely leaves a band; a lower end above the upper one (total workload above total
 * capacity) is brought down to it, so that the LP fills every rep to its upper end and leaves the
 * rest unassigned. The bound always uses the full bands.
 */
function bandsFor(p: CompiledProblem, fixedLoad: Float64Array, margin = 0): [Float64Array, Float64Array] {
  const lower = new Float64Array(p.m);
  const upper = new Float64Array(p.m);
  for (let j = 0; j < p.m; j++) {
    const inset = Math.min(margin, MARGIN_SHARE * (p.upper[j] - p.lower[j]));
    upper[j] = Math.max(0, p.upper[j] - inset - fixedLoad[j]);
    lower[j] = Math.min(upper[j], Math.max(0, p.lower[j] + inset - fixedLoad[j]));
  }
  return [lower, upper];
}

/** Median workload of the accounts (0 when none). */
function medianWorkload(p: CompiledProblem, accounts: Int32Array): number {
  if (accounts.length === 0) return 0;
  const sizes = new Float64Array(accounts.length);
  for (let i = 0; i < accounts.length; i++) sizes[i] = p.workload[accounts[i]];
  return kthSmallest(sizes, sizes.length >> 1);
}

/** Accounts for the LP: with workload, servable, not pre-placed. */
function lpAccounts(p: CompiledProblem, order: Int32Array, cheapest: NearestReps, skip: Uint8Array | undefined): Int32Array {
  const out = new Int32Array(order.length);
  let count = 0;
  for (let i = 0; i < order.length; i++) {
    const a = order[i];
    if (p.workload[a] > 0 && cheapest.count[a] > 0 && !(skip && skip[a])) out[count++] = a;
  }
  return out.slice(0, count);
}

function planObjective(p: CompiledProblem, geo: GreatCircle | undefined, assign: Int32Array): number {
  let total = 0;
  for (let a = 0; a < p.n; a++) if (assign[a] >= 0 && p.workload[a] > 0) total += p.workload[a] * travelMinutes(p, geo, assign[a], a);
  return total;
}

/** Travel of the accounts outside the LP (locked and pre-placed), Σ w × minutes. */
function fixedCost(p: CompiledProblem, geo: GreatCircle | undefined, assign: Int32Array, isWhale: Uint8Array): number {
  let total = 0;
  for (let a = 0; a < p.n; a++) {
    if (assign[a] < 0 || !(p.lockedRep[a] >= 0 || isWhale[a])) continue;
    total += p.workload[a] * travelMinutes(p, geo, assign[a], a);
  }
  return total;
}

function allInBand(p: CompiledProblem, assign: Int32Array): boolean {
  for (let a = 0; a < p.n; a++) if (assign[a] < 0 && p.workload[a] > 0) return false;
  const load = repLoads(p, assign);
  for (let j = 0; j < p.m; j++) if (exceeds(load[j], p.upper[j]) || exceeds(p.lower[j], load[j])) return false;
  return true;
}
