import type { CompiledProblem } from "../../compile/compiled-problem.js";
import type { Diagnostic } from "../../model/plan.js";
import type { SolveContext } from "../solve-context.js";
import { accountArcs, type AccountArcs } from "./account-arcs.js";
import { solveAccountLp } from "./account-lp.js";
import { bandDiagnostics } from "./band-diagnostics.js";
import type { GreatCircle } from "./great-circle.js";
import type { NearestReps } from "./nearest-reps.js";
import { roundAccountLp, type Rounding } from "./round-account-lp.js";
import type { SphereTree } from "./sphere-tree.js";
import { transportValue } from "./transport-lp.js";

/** Pricing rounds of the account-level LP at most. */
export const ACCOUNT_ROUNDS = 12;

/** The account-level LP, whichever way it was solved, rounded into `assign`. */
export interface AccountStage {
  /** `optimal`: proven over all eligible reps; `stopped`: time limit or abort; `limited`: not proven. */
  readonly status: "optimal" | "stopped" | "limited";
  readonly prices: Float64Array;
  /** Cheapest eligible rep of every tree account at `scanPrices`, for the bound. */
  readonly scan: NearestReps;
  readonly scanPrices: Float64Array;
  readonly rounds: number;
  readonly arcsAdded: number;
  /** Hours the bands could not take (> 0: infeasible) and what says why. */
  readonly infeasibleHours: number;
  readonly diagnostics: Diagnostic[];
  /** LP optimum over the accounts in it, Σ hours × minutes. */
  readonly value: number;
  readonly rounding: Rounding;
  /** Each account's arcs at the end, for repair. */
  readonly arcs: AccountArcs;
}

/**
 * Solves the account-level LP by network simplex (started from `crash`, with coverage and big-M
 * artificial arcs; see `solveAccountLp`) and rounds it into `assign` / `load`.
 */
export function solveAccountStage(
  p: CompiledProblem,
  tree: SphereTree,
  geo: GreatCircle | undefined,
  accounts: Int32Array,
  lower: Float64Array,
  upper: Float64Array,
  cheapest: NearestReps,
  crash: Int32Array | undefined,
  assign: Int32Array,
  load: Float64Array,
  context: SolveContext,
): AccountStage {
  const account = solveAccountLp(p, tree, geo, accounts, lower, upper, cheapest, crash, ACCOUNT_ROUNDS, context);
  const lp = account.result.lp;
  const infeasibleHours = account.result.artificialHours > 1e-9 * Math.max(1, p.totalWorkload) ? account.result.artificialHours : 0;
  return {
    status: account.result.status === "optimal" ? "optimal" : context.stopped() ? "stopped" : "limited",
    prices: account.prices,
    scan: account.scan,
    scanPrices: account.scanPrices,
    rounds: account.result.rounds,
    arcsAdded: account.result.arcsAdded,
    infeasibleHours,
    diagnostics: bandDiagnostics(p, lp, infeasibleHours > 0),
    value: transportValue(lp),
    rounding: roundAccountLp(p, lp, accounts, assign, load),
    arcs: accountArcs(p.n, lp, accounts),
  };
}
