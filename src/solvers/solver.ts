import type { Candidates } from "../compile/candidates.js";
import type { CompiledProblem } from "../compile/compiled-problem.js";
import type { ResolvedOptions } from "../model/defaults.js";
import type { Diagnostic, PlanStatus } from "../model/plan.js";
import type { SolveContext } from "./solve-context.js";

/** What every strategy returns; `align` turns it into a `Plan`. */
export interface SolverResult {
  /** Rep index per account, or −1 when unassigned; length n. */
  readonly assign: Int32Array;
  /**
   * `optimal` only when proven; `timeout` when stopped early; otherwise `feasible`. The final
   * status is settled by the rule checker on the final assignment (`settlePlan`), so a solver need
   * not judge feasibility itself.
   */
  readonly status: PlanStatus;
  /** Why each unassigned account is unassigned (account index → reason). */
  readonly unassignedReasons?: ReadonlyMap<number, string>;
  readonly diagnostics?: readonly Diagnostic[];
  /** A valid lower bound on the optimal objective, when the strategy proves one. */
  readonly lowerBound?: number;
  /**
   * A proof that no plan keeps every rule (e.g. an exhausted exact search), said in one sentence;
   * only a strategy that has one sets it.
   */
  readonly infeasibleProof?: { readonly code: string; readonly message: string };
  /** Lagrangian prices of `problem.budgets` (objective per unit of each budget), when the strategy found them. */
  readonly budgetPrices?: Float64Array;
  /** Rep prices (LP duals), minutes per hour of workload, length m; when the strategy has them. */
  readonly prices?: Float64Array;
}

/** Input shared by every strategy. */
export interface SolverInput {
  readonly problem: CompiledProblem;
  readonly candidates: Candidates;
  readonly options: ResolvedOptions;
  readonly context: SolveContext;
  /** A plan to start from (rep per account, −1: none), e.g. a related solve's; strategies may use it as a warm start. */
  readonly start?: Int32Array;
}

export type Solver = (input: SolverInput) => SolverResult;
