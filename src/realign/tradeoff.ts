import { alignCompiled, alignValidated } from "../align.js";
import { compileBudgets } from "../compile/budgets.js";
import { compileProblem } from "../compile/compile.js";
import type { CompiledProblem } from "../compile/compiled-problem.js";
import { TerralignError } from "../errors.js";
import type { ResolvedOptions } from "../model/defaults.js";
import type { AlignOptions } from "../model/options-schema.js";
import { parseProblem, resolveOptions } from "../model/parse.js";
import type { Plan, PlanStatus } from "../model/plan.js";
import type { Problem } from "../model/problem-schema.js";
import type { Solver } from "../solvers/solver.js";
import { createBudgetSession, type BudgetSession } from "../solvers/budget/solve-budgeted.js";
import { checkAssignment } from "../rules/check-assignment.js";
import { indexAssignment } from "../evaluate/evaluate.js";
import { planOptions } from "../settle/plan-options.js";
import { finalizePlan } from "../settle/finalize-plan.js";
import { settlePlan } from "../settle/settle-plan.js";
import { formatNumber } from "../util/format-number.js";

/** One point of a trade-off sweep: a disruption budget (`maxMoves`, `maxMovedShare` or `maxMoveCost`), or a band. */
export type TradeoffPoint = { readonly maxMoves: number } | { readonly maxMovedShare: number } | { readonly maxMoveCost: number } | { readonly band: number };

/** The summary of one point's plan. */
export interface TradeoffRow {
  /** The point as given, in words: `100` (moves), `2%` (share of workload), `cost 30`, `band 5%`. */
  readonly label: string;
  readonly point: TradeoffPoint;
  readonly status: PlanStatus;
  /** Accounts moved off their current rep, and their workload (hours) and share of the workload with a current rep. */
  readonly moves: number;
  readonly movedWorkloadHours: number;
  readonly movedShare: number;
  /** Σ workload × travel minutes. */
  readonly objective: number;
  /** Lower bound under the same budget (or band), and the gap; absent when none was proven. */
  readonly lowerBound?: number;
  readonly gap?: number;
  /** Largest |workload − target| / target. */
  readonly maxDeviation: number;
  readonly repsOutsideBand: number;
  readonly elapsedMs: number;
}

/** A trade-off sweep: a row and a plan per point, in the order given. */
export interface Tradeoff {
  readonly rows: readonly TradeoffRow[];
  readonly plans: readonly Plan[];
}

/**
 * Solves the same problem under each budget (or band) in `points`, in the order given — the
 * Pareto front of travel against disruption (or against balance). Budget points share one warm
 * transportation LP (`createBudgetSession`): each starts from the network, arcs and multipliers
 * the previous one left, and from its plan when that keeps the new budget (so in a sweep of
 * growing budgets no point after a solved one goes unsolved); the sweep costs little more than
 * one solve. A budget point replaces `options.disruption`'s budgets (its `orphans` rule stays); a
 * band point replaces `balance.workload`. Throws `TerralignError` for a point that is not a non-negative number (a
 * share or band above 1, a fractional move count).
 */
export function tradeoff(problem: Problem, options: AlignOptions | undefined, points: readonly TradeoffPoint[]): Tradeoff {
  const base = resolveOptions(options);
  points.forEach(checkPoint);
  const valid = parseProblem(problem, { orphans: base.disruption.orphans === "assign" });
  let compiled: CompiledProblem | undefined;
  let session: BudgetSession | undefined;
  const warm: Solver = (input) => (session ??= createBudgetSession(input)).solve(input);
  const plans: Plan[] = [];
  const budgetPlans: Plan[] = [];
  const rows: TradeoffRow[] = points.map((point) => {
    let plan: Plan;
    if ("band" in point) plan = alignValidated(valid, { ...base, balance: { ...base.balance, workload: point.band } });
    else {
      const resolved: ResolvedOptions = { ...base, disruption: { orphans: base.disruption.orphans, ...point } };
      compiled ??= compileProblem(valid, resolved);
      const withBudget = { ...compiled, budgets: compileBudgets(resolved, compiled.currentRep, compiled.workload, compiled.moveCost) };
      // The warm session knows budgets only: with bands besides workload each point solves afresh.
      plan = alignCompiled(valid, resolved, { compiled: withBudget, ...(withBudget.bands.length === 0 ? { transport: warm } : {}) });
      plan = cheaperEarlier(valid, withBudget, plan, budgetPlans) ?? plan;
      budgetPlans.push(plan);
    }
    plans.push(plan);
    return summarise(point, plan);
  });
  return { rows, plans };
}

/** The row of a plan. */
function summarise(point: TradeoffPoint, plan: Plan): TradeoffRow {
  const { disruption, workload } = plan.metrics;
  return {
    label: labelOf(point),
    point,
    status: plan.status,
    moves: disruption.accountsMoved,
    movedWorkloadHours: disruption.workloadMovedHours,
    movedShare: disruption.fractionMoved,
    objective: plan.metrics.objective,
    ...(plan.bound ? { lowerBound: plan.bound.lowerBound, gap: plan.bound.gap } : {}),
    maxDeviation: workload.maxDeviation,
    repsOutsideBand: plan.metrics.repsOutsideBand,
    elapsedMs: plan.elapsedMs,
  };
}

/** `100`, `2%`, `cost 30`, `band 5%`. */
export function labelOf(point: TradeoffPoint): string {
  const percent = (x: number) => `${Number((x * 100).toPrecision(12))}%`;
  if ("maxMoves" in point) return String(point.maxMoves);
  if ("maxMovedShare" in point) return percent(point.maxMovedShare);
  if ("maxMoveCost" in point) return `cost ${point.maxMoveCost}`;
  return `band ${percent(point.band)}`;
}

function checkPoint(point: TradeoffPoint, i: number): void {
  const [key, value] = Object.entries(point)[0] ?? [];
  const bad = (why: string) => {
    throw new TerralignError("invalid_option", `points[${i}].${key}: ${JSON.stringify(value)} ${why}`);
  };
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) bad("must be a finite number ≥ 0");
  if (key === "maxMoves" && !Number.isInteger(value)) bad("must be a whole number of accounts");
  if ((key === "maxMovedShare" || key === "band") && value > 1) bad("is a share and must be at most 1");
  if (key === "band" && value > 0.99) bad("must be at most 0.99");
}

/**
 * A plan of an earlier budget point that keeps every rule of this point (a tighter budget's plan
 * keeps a looser one) and travels less than this point's own, re-settled under this point's
 * rules with this point's lower bound; undefined when there is none. Keeps the curve monotone
 * whatever the search of one point finds.
 */
function cheaperEarlier(valid: Problem, p: CompiledProblem, plan: Plan, earlier: readonly Plan[]): Plan | undefined {
  if (plan.status === "optimal" || plan.status === "timeout") return undefined;
  const kept = plan.status === "feasible";
  let best: { assign: Int32Array; objective: number } | undefined;
  for (const other of earlier) {
    if (other.status !== "feasible" && other.status !== "optimal") continue;
    if (kept && !(other.metrics.objective < plan.metrics.objective * (1 - 1e-9))) continue;
    if (best && !(other.metrics.objective < best.objective)) continue;
    const assign = indexAssignment(valid, other.assignment);
    if (checkAssignment(valid, p, assign).length === 0) best = { assign, objective: other.metrics.objective };
  }
  if (!best) return undefined;
  const lowerBound = plan.bound?.lowerBound;
  const settled = settlePlan(valid, p, { assign: best.assign, status: "feasible", unassignedReasons: new Map(), ...(lowerBound !== undefined ? { lowerBound: Math.min(lowerBound, best.objective) } : {}) }, { inputDiagnostics: [], stopped: () => false, repair: false });
  const note = { severity: "info" as const, code: "earlier_point_plan", message: `the plan of an earlier point of the sweep keeps this budget and travels less than the one found for it (${formatNumber(best.objective)} against ${formatNumber(plan.metrics.objective)}): taken instead` };
  return finalizePlan(valid, p, { ...settled, diagnostics: [...plan.diagnostics.filter((d) => d.severity !== "error"), note] }, plan.strategy, plan.elapsedMs, planOptions(plan));
}
