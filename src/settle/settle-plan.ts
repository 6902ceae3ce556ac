import type { CompiledProblem } from "../compile/compiled-problem.js";
import type { Diagnostic, PlanStatus } from "../model/plan.js";
import type { Problem } from "../model/problem-schema.js";
import { checkAssignment } from "../rules/check-assignment.js";
import type { Violation } from "../rules/violation.js";
import { solveExactly } from "../solvers/exact/solve-exact.js";
import { formatNumber } from "../util/format-number.js";
import { describeViolations } from "./describe-violations.js";
import { lpCertificate } from "./lp-certificate.js";
import { repairExactly, WHOLE_MAX_ACCOUNTS } from "./repair-exactly.js";
import type { SolverResult } from "../solvers/solver.js";

/** Input diagnostics whose error is a counting proof that no plan exists. */
const COUNTING_PROOFS = new Set(["capacity_exceeded", "no_eligible_rep", "account_too_large", "locked_over_capacity", "unit_lock_conflict", "outside_units"]);
/** Nodes spent proving a small plan optimal. */
const OPTIMALITY_NODES = 2_000;
const OPTIMALITY_MAX_ARCS = 4_000;

/** A plan whose status the rule checker has settled. */
export interface SettledResult {
  readonly assign: Int32Array;
  readonly status: PlanStatus;
  readonly lowerBound?: number;
  readonly unassignedReasons: ReadonlyMap<number, string>;
  readonly diagnostics: readonly Diagnostic[];
  readonly violations: readonly Violation[];
}

/** How to settle. */
export interface SettleOptions {
  /** Diagnostics found before solving (`diagnoseInput`); their counting errors are proofs. */
  readonly inputDiagnostics: readonly Diagnostic[];
  /** The time limit or the abort signal has stopped the solve. */
  readonly stopped: () => boolean;
  /** Repair a plan that breaks rules by exact search (account-level problems). Default true. */
  readonly repair?: boolean;
  /** On a small problem, spend a bounded exact search proving a feasible plan optimal. Default false. */
  readonly proveOptimal?: boolean;
  /** Violations found beyond the account-level rules (units: `unit_split`, `contiguity`). */
  readonly extraViolations?: (assign: Int32Array) => Violation[];
}

/**
 * Names a plan's status by the rule checker, never on a strategy's word (see `PlanStatus`). A plan
 * that breaks rules is first repaired by exact search (`repairExactly`); if it still breaks some,
 * the status is `infeasible` only with a proof — an input count (total workload above total
 * capacity, an account no rep may serve, locked work above a capacity), the LP relaxation having no
 * solution (`lpCertificate`), or an exhausted exact search — and `unsolved` otherwise; `timeout`
 * whenever the clock or the signal stopped the search. Solver diagnostics of severity `error` are
 * claims, not proofs: they are dropped, and the checker's findings and the proof speak instead.
 */
export function settlePlan(problem: Problem, p: CompiledProblem, result: SolverResult, options: SettleOptions): SettledResult {
  const check = (assign: Int32Array) => [...checkAssignment(problem, p, assign), ...(options.extraViolations?.(assign) ?? [])];
  const diagnostics: Diagnostic[] = [...options.inputDiagnostics, ...(result.diagnostics ?? []).filter((d) => d.severity !== "error")];
  const reasons = new Map(result.unassignedReasons ?? []);
  let assign = result.assign;
  let violations = check(assign);
  let lowerBound = result.lowerBound;
  let proven = result.status === "optimal";
  let proof: { readonly code: string; readonly message: string } | undefined = result.infeasibleProof;

  if (violations.length > 0 && options.repair !== false && !options.stopped()) {
    const before = violations.length;
    const repair = repairExactly(problem, p, assign, violations, options.stopped, result.budgetPrices);
    if (repair.whole?.status === "infeasible" && proof === undefined) {
      proof = { code: "exhaustive_search", message: `an exhaustive search over all ${formatNumber(p.n)} accounts (${formatNumber(repair.whole.nodes)} nodes) found no plan that keeps every rule` };
    }
    // The exact search knows the workload band, not the other bands: its plan is taken when it breaks fewer rules.
    const repaired = repair.assign !== assign ? check(repair.assign) : violations;
    if (repair.assign !== assign && repaired.length < before) {
      assign = repair.assign;
      violations = repaired;
      for (let a = 0; a < p.n; a++) if (assign[a] >= 0) reasons.delete(a);
      if (violations.length === 0) {
        const where = repair.whole ? `the whole problem (${formatNumber(p.n)} accounts)` : `${formatNumber(repair.freed)} accounts around the reps in trouble`;
        diagnostics.push({ severity: "info", code: "exact_repair", message: `the strategy's plan broke ${formatNumber(before)} rule(s); an exact search over ${where} found a plan that keeps every rule` });
        if (repair.whole?.status === "optimal") {
          proven = true;
          lowerBound = repair.whole.cost;
        }
      }
    }
  } else if (violations.length === 0 && options.proveOptimal && !proven && !options.stopped() && p.n <= WHOLE_MAX_ACCOUNTS && p.n * p.m <= OPTIMALITY_MAX_ARCS) {
    const all = Int32Array.from({ length: p.n }, (_, a) => a);
    const exact = solveExactly(p, { free: all, fixed: new Int32Array(p.n).fill(-1) }, { maxNodes: OPTIMALITY_NODES, start: assign, stopped: options.stopped });
    const exactViolations = exact.assign && exact.status === "optimal" ? check(exact.assign) : undefined;
    if (exact.assign && exactViolations?.length === 0) {
      assign = exact.assign;
      proven = true;
      lowerBound = exact.cost;
      violations = exactViolations;
    } else if (exactViolations !== undefined) {
      // Optimal without the bands besides workload, and breaking one of them: still a lower bound.
      if (lowerBound === undefined || exact.cost > lowerBound) lowerBound = exact.cost;
    } else if (lowerBound === undefined || exact.lowerBound > lowerBound) {
      lowerBound = exact.lowerBound;
    }
  }

  const stopped = options.stopped() || result.status === "timeout";
  if (violations.length === 0) {
    return { assign, status: stopped ? "timeout" : proven ? "optimal" : "feasible", ...(lowerBound !== undefined ? { lowerBound } : {}), unassignedReasons: reasons, diagnostics, violations };
  }
  // The proof (or why there is none) comes before the broken rules it explains.
  const summaries = describeViolations(violations);
  // The proof that says most about what to change comes first: counts, then the LP, then the search.
  let infeasible = options.inputDiagnostics.some((d) => d.severity === "error" && COUNTING_PROOFS.has(d.code));
  if (!infeasible && !stopped) {
    const lp = options.repair === false ? undefined : lpCertificate(problem, p);
    if (lp && !lp.feasible) {
      infeasible = true;
      diagnostics.push(lpDiagnostic(lp));
    } else if (proof !== undefined) {
      infeasible = true;
      diagnostics.push({ severity: "error", code: proof.code, message: `no plan can keep every rule: ${proof.message}` });
    } else {
      diagnostics.push(unsolvedDiagnostic(violations, lp?.feasible === true && lp.kind === "lp", p));
    }
  }
  diagnostics.push(...summaries);
  for (let a = 0; a < p.n; a++) if (assign[a] < 0 && !reasons.has(a)) reasons.set(a, "not assigned in the best plan found");
  // A bound is on plans that keep every rule; this one does not, so its gap would mean nothing.
  return { assign, status: stopped ? "timeout" : infeasible ? "infeasible" : "unsolved", unassignedReasons: reasons, diagnostics, violations };
}

function lpDiagnostic(lp: NonNullable<ReturnType<typeof lpCertificate>>): Diagnostic {
  if (lp.kind === "hours") {
    return {
      severity: "error",
      code: "hours_exceed_bands",
      message: `no plan can keep every rule: with travel counted, the accounts need at least ${hoursText(lp.neededHours!)} but the reps' band upper ends add up to ${hoursText(lp.roomHours!)}. To change: add capacity or reps, widen the band, or count fewer visits`,
    };
  }
  const parts: string[] = [];
  if (lp.shortRepIds.length > 0) {
    const named = lp.shortRepIds.slice(0, 3).join(", ") + (lp.shortRepIds.length > 3 ? ` and ${lp.shortRepIds.length - 3} more` : "");
    parts.push(`rep(s) ${named} stay at least ${hoursText(lp.shortHours)} short of their band's lower end in all`);
  }
  if (lp.excessHours > 0) parts.push(`at least ${hoursText(lp.excessHours)} of workload does not fit under the upper ends (band or capacity) of the reps that may serve it`);
  const blocks = parts.length > 0 ? parts.join("; ") : "the bands, capacities and eligibility rules cannot all hold";
  const fix =
    lp.minimumBalance !== undefined
      ? `the band must be at least ±${formatNumber(lp.minimumBalance * 100, 1)} % (balance.workload ≥ ${lp.minimumBalance}) before even a split plan exists; or add capacity, or let more reps serve these accounts`
      : `no band up to ±99 % helps: add capacity or reps, or let more reps serve these accounts (segments, regions, travel limits, locks)`;
  return {
    severity: "error",
    code: "lp_infeasible",
    message: `no plan can keep every rule, not even with accounts split between reps (the LP relaxation has no solution): ${blocks}. To change: ${fix}`,
    repIds: lp.shortRepIds,
  };
}

function unsolvedDiagnostic(violations: readonly Violation[], lpFeasible: boolean, p: CompiledProblem): Diagnostic {
  const rules = [...new Set(violations.map((v) => v.rule))].join(", ");
  const bands = p.bands.map((band) => `balance.${band.name}`);
  const lp = bands.length > 0 ? "the LP relaxation of the workload band has a solution" : "the LP relaxation has a solution";
  const why = lpFeasible ? `${lp}, so no simple count rules one out` : "no proof either way was within reach";
  return {
    severity: "error",
    code: "no_plan_found",
    message:
      `no plan that keeps every rule was found, and none was proven impossible (${why}); the best plan found breaks ${formatNumber(violations.length)} rule(s) (${rules}: see violations). ` +
      `To change: widen the band (${["balance.workload", ...bands].join(", ")}), add capacity, relax eligibility${bands.length > 0 ? "" : ', or try strategy "mip" with a longer time limit'}`,
  };
}

function hoursText(x: number): string {
  return `${formatNumber(x, x < 0.1 ? 4 : 1)} h`;
}
