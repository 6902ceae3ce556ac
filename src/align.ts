import { buildCandidates, type Candidates } from "./compile/candidates.js";
import { compileProblem } from "./compile/compile.js";
import type { Plan } from "./model/plan.js";
import type { ResolvedOptions } from "./model/defaults.js";
import type { AlignOptions } from "./model/options-schema.js";
import { parseProblem, resolveOptions } from "./model/parse.js";
import type { Problem } from "./model/problem-schema.js";
import { diagnoseInput } from "./settle/diagnose.js";
import { finalizePlan } from "./settle/finalize-plan.js";
import { settlePlan } from "./settle/settle-plan.js";
import { solveOnOwnTotal } from "./settle/solve-on-own-total.js";
import { enforceCapacity } from "./solvers/enforce-capacity.js";
import { createSolveContext } from "./solvers/solve-context.js";
import { pickSolver } from "./solvers/strategies.js";
import type { Solver } from "./solvers/solver.js";
import type { CompiledProblem } from "./compile/compiled-problem.js";
import { polish } from "./solvers/heuristic/polish.js";
import { alignOnUnits } from "./solvers/contiguity/align-on-units.js";
import { TerralignError } from "./errors.js";
import { formatNumber } from "./util/format-number.js";

/** Plans from `transport` up to this many accounts get a local-search polish. */
const POLISH_MAX_ACCOUNTS = 20_000;

/**
 * Builds territories: every account to exactly one rep (or listed as unassigned with the reason),
 * workloads inside the balance band, travel minimised. With `problem.units`, territories are made
 * of whole units, and with `options.contiguity` each is one connected piece holding its rep's home
 * unit (see `alignOnUnits`). Throws `TerralignError` for bad input or
 * options; returns infeasibility and timeouts as the plan's `status` with diagnostics.
 */
export function align(problem: Problem, options?: AlignOptions): Plan {
  const resolved = resolveOptions(options);
  return alignValidated(parseProblem(problem, { orphans: resolved.disruption.orphans === "assign" }), resolved);
}

/**
 * `align` for a problem that has already passed `parseProblem` (same objects) and resolved
 * options: the CLI validates while reading files and need not pay for it twice. Internal.
 */
export function alignValidated(valid: Problem, resolved: ResolvedOptions): Plan {
  const plan = alignCompiled(valid, resolved);
  if (resolved.regionTargets !== "regional") return plan;
  // Top-down targets: what they cost against national ones, on the same problem.
  const flat = alignCompiled(valid, { ...resolved, regionTargets: "national" });
  return { ...plan, diagnostics: [...plan.diagnostics, topDownLoss(plan, flat)] };
}

/** The diagnostic comparing a plan with regional targets with the plan with national ones. */
function topDownLoss(plan: Plan, flat: Plan): Plan["diagnostics"][number] {
  const kept = (p: Plan) => p.status === "feasible" || p.status === "optimal";
  const describe = (p: Plan) => `${p.status}, travel objective ${formatNumber(p.metrics.objective)}, largest deviation ${formatNumber(100 * p.metrics.workload.maxDeviation, 1)} %`;
  const cost = kept(plan) && kept(flat) && flat.metrics.objective > 0 ? `; top-down costs ${formatNumber((100 * (plan.metrics.objective - flat.metrics.objective)) / flat.metrics.objective, 2)} % travel` : "";
  return {
    severity: "info",
    code: "top_down_loss",
    message: `targets by region (top-down): ${describe(plan)}; with national targets (flat): ${describe(flat)}${cost}`,
  };
}

/** What a caller running many related solves (a trade-off sweep) hands `alignCompiled`. Internal. */
export interface AlignStep {
  /** The problem already compiled with these options (e.g. the same problem, other budgets). */
  readonly compiled?: CompiledProblem;
  /** Replaces the `transport` strategy's solve (e.g. a warm session kept between solves). */
  readonly transport?: Solver;
}

/** `alignValidated` with the compiled problem and the transport solve given. Internal. */
export function alignCompiled(valid: Problem, resolved: ResolvedOptions, step: AlignStep = {}): Plan {
  const context = createSolveContext(resolved);
  if (valid.units !== undefined) {
    const extra = Object.keys(resolved.balance).find((metric) => metric !== "workload");
    if (extra !== undefined) throw new TerralignError("unsupported", `options.balance.${extra}: bands besides workload are not kept on units yet; drop the band or align accounts without units`);
    return alignOnUnits(valid, resolved, context);
  }
  if (resolved.contiguity) {
    throw new TerralignError("invalid_option", "options.contiguity: true needs geographic units (problem.units), the atoms that territories are made contiguous over");
  }
  const compiled = step.compiled ?? compileProblem(valid, resolved);
  const picked = pickSolver(resolved.strategy, compiled, resolved);
  if (compiled.bands.length > 0 && picked.name !== "transport") {
    const why = resolved.workload.includeTravel ? "workload.includeTravel makes workload depend on the rep" : `options.strategy is "${resolved.strategy}"`;
    throw new TerralignError("unsupported", `options.balance.${compiled.bands[0].name}: bands besides workload are kept by the transport strategy only, and ${why}; drop the band or use strategy "transport" without includeTravel`);
  }
  const name = picked.name;
  const solve = name === "transport" && step.transport ? step.transport : picked.solve;
  const { diagnostics, unservable } = diagnoseInput(valid, compiled);
  for (const name of Object.keys(resolved.regions)) {
    if (valid.accounts.some((a) => a.region === name) || valid.reps.some((r) => r.region === name)) continue;
    diagnostics.push({ severity: "warning", code: "unknown_region", message: `options.regions.${name}: no account or rep has region '${name}', so its parameters apply to nothing (a typo?)` });
  }
  let candidates: Candidates | undefined;
  const inputFor = (problem: CompiledProblem, start?: Int32Array) => ({
    problem,
    ...(start ? { start } : {}),
    options: resolved,
    context,
    // Built on first use: strategies with their own candidate search never pay for these.
    get candidates(): Candidates {
      if (!candidates) {
        context.progress("candidates", 0);
        candidates = buildCandidates(compiled, resolved.candidates.k);
        context.progress("candidates", 1);
      }
      return candidates;
    },
  });
  const input = inputFor(compiled);
  // With travel in the hours, targets are shares of each plan's own total: settle them by re-solving.
  // (Not when the input already proves that no plan exists: the first plan is as good as any then.)
  const proven = diagnostics.some((d) => d.severity === "error");
  const result = compiled.travelHours && !proven ? solveOnOwnTotal(compiled, (working, start) => solve(inputFor(working, start)), context.stopped) : solve(input);
  const reasons = new Map(result.unassignedReasons ?? []);
  for (const [a, reason] of unservable) reasons.set(a, reason);
  let assign: Int32Array = Int32Array.from(result.assign);
  // Rounding an LP leaves room on small problems: a local search from its plan recovers it.
  if (name === "transport" && compiled.budgets.length === 0 && compiled.bands.length === 0 && compiled.n <= POLISH_MAX_ACCOUNTS && !context.stopped()) {
    assign = polish(compiled, input.candidates, assign, context, resolved.seed);
  }
  // A strategy may return an over-capacity plan; capacity stays hard unless nothing else is possible.
  const repaired = enforceCapacity(compiled, assign, reasons) > 0;
  const { lowerBound, ...rest } = result;
  const solved = { ...rest, assign, unassignedReasons: reasons, ...(repaired || lowerBound === undefined ? {} : { lowerBound }) };
  const settled = settlePlan(valid, compiled, solved, { inputDiagnostics: diagnostics, stopped: context.stopped, proveOptimal: name === "transport" });
  return finalizePlan(valid, compiled, { ...settled, ...(result.prices ? { prices: result.prices } : {}) }, name, context.elapsedMs(), resolved);
}
