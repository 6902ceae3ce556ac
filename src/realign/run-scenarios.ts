import { align } from "../align.js";
import { TerralignError } from "../errors.js";
import { evaluate } from "../evaluate/evaluate.js";
import type { AlignOptions } from "../model/options-schema.js";
import { keepOptions } from "../settle/plan-options.js";
import type { Plan, PlanStatus, Territory } from "../model/plan.js";
import type { Problem } from "../model/problem-schema.js";
import { countViolations } from "../rules/violation.js";
import { applyScenario, unpricedMessage, type AppliedScenario } from "./apply-scenario.js";

/** One scenario's line in the comparison. */
export interface ScenarioRow {
  readonly name: string;
  readonly status: PlanStatus;
  readonly reps: number;
  readonly objective: number;
  readonly lowerBound?: number;
  readonly gap?: number;
  /** Coefficient of variation of workload / target over the balanced territories. */
  readonly workloadCv: number;
  readonly maxDeviation: number;
  readonly repsOutsideBand: number;
  /** Accounts moved off their current rep, and their workload, hours. */
  readonly moves: number;
  readonly movedWorkloadHours: number;
  /** Objective against today's (Σ workload × minutes of today's owners): difference and ratio − 1. */
  readonly travelChange: number;
  readonly travelChangeShare: number;
}

/** A scenario solved. */
export interface ScenarioResult {
  readonly applied: AppliedScenario;
  /** The plan over the whole edited problem (frozen territories included, as they are today). */
  readonly plan: Plan;
  readonly row: ScenarioRow;
}

/** Every scenario solved, and today's objective they are compared with. */
export interface ScenarioComparison {
  readonly results: readonly ScenarioResult[];
  /** Σ workload × minutes of today's owners over the accounts that have one. */
  readonly todayObjective: number;
}

/**
 * Solves each scenario — a list of edits to today's problem (`applyScenario`) with option
 * overrides — from today's owners, with the same disruption options, and compares them: status,
 * travel and its bound, balance, moves, travel against today. Accounts of reps a scenario removes
 * are orphans, placed freely outside the budget. Scenarios are data: `problem` is not changed.
 * Throws `TerralignError` for two scenarios with one name, and for bad edits (see `applyScenario`).
 */
export function runScenarios(problem: Problem, scenarios: readonly unknown[], options: AlignOptions = {}): ScenarioComparison {
  const names = new Map<string, number>();
  scenarios.forEach((s, i) => {
    const name = (s as { name?: unknown } | null)?.name;
    if (typeof name !== "string") return;
    const first = names.get(name);
    if (first !== undefined) throw new TerralignError("invalid_input", `scenarios[${i}].name: ${JSON.stringify(name)} is also the name of scenarios[${first}]; give each scenario its own name`);
    names.set(name, i);
  });
  const applied = scenarios.map((s, i) => applyScenario(problem, s, i));
  const today = problem.accounts.filter((a) => a.currentRep !== undefined).map((a) => ({ accountId: a.id, repId: a.currentRep! }));
  const todayObjective = today.length > 0 ? evaluate(problem, today, { ...options, disruption: { orphans: "assign" } }).metrics.objective : 0;
  const results = applied.map((a, i) => {
    const merged = scenarioOptions(options, a);
    let plan: Plan;
    try {
      plan = withFrozen(align(a.problem, merged), a, merged);
    } catch (error) {
      if (error instanceof TerralignError) throw new TerralignError(error.code, `scenarios[${i}] (${JSON.stringify(a.scenario.name)}): ${error.message}`, error.issues);
      throw error;
    }
    return { applied: a, plan, row: rowOf(a.scenario.name, plan, todayObjective) };
  });
  return { results, todayObjective };
}

/** The options a scenario is solved with: the shared ones with its own laid over, orphans assigned when it has any. Internal. */
export function scenarioOptions(options: AlignOptions, applied: AppliedScenario): AlignOptions {
  // Indexed by the whole edited problem: its first reps and accounts are the ones solved.
  const merged = mergeOptions(todaysTravelFor(options, applied), applied.scenario.options ?? {});
  return applied.orphans > 0 ? { ...merged, disruption: { ...merged.disruption, orphans: "assign" } } : merged;
}

/**
 * The shared `options` with their travel function (`travel.minutes`, indexed by today's problem)
 * turned to the whole edited problem (`AppliedScenario.whole`, through `sources`). A scenario that
 * gives a travel function of its own (API only) gives it for the whole edited problem, and it is
 * left as it is.
 */
function todaysTravelFor(options: AlignOptions, applied: AppliedScenario): AlignOptions {
  const minutes = options.travel?.minutes;
  const own = (applied.scenario.options as { travel?: { minutes?: unknown } } | undefined)?.travel?.minutes;
  if (typeof minutes !== "function" || typeof own === "function") return options;
  if (applied.unpriced) throw new TerralignError("invalid_input", unpricedMessage(applied.unpriced, "the travel function (options.travel.minutes) knows today's reps only"));
  const { reps, accounts } = applied.sources;
  return { ...options, travel: { ...options.travel, minutes: (r: number, a: number) => minutes(reps[r], accounts[a]) } };
}

function rowOf(name: string, plan: Plan, todayObjective: number): ScenarioRow {
  const m = plan.metrics;
  return {
    name,
    status: plan.status,
    reps: plan.territories.length,
    objective: m.objective,
    ...(plan.bound ? { lowerBound: plan.bound.lowerBound, gap: plan.bound.gap } : {}),
    workloadCv: m.workload.coefficientOfVariation,
    maxDeviation: m.workload.maxDeviation,
    repsOutsideBand: m.repsOutsideBand,
    moves: m.disruption.accountsMoved,
    movedWorkloadHours: m.disruption.workloadMovedHours,
    travelChange: m.objective - todayObjective,
    travelChangeShare: todayObjective > 0 ? m.objective / todayObjective - 1 : 0,
  };
}

/** Options laid over options: plain objects merge key by key, anything else replaces. */
export function mergeOptions(base: AlignOptions, over: Record<string, unknown>): AlignOptions {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const before = out[key];
    out[key] = isPlain(before) && isPlain(value) ? mergeOptions(before as AlignOptions, value) : value;
  }
  return out as AlignOptions;
}

/** A bound with a constant added to both the objective and the bound (the frozen territories' travel). */
function shifted(bound: NonNullable<Plan["bound"]>, extra: number): NonNullable<Plan["bound"]> {
  const objective = bound.objective + extra;
  const lowerBound = bound.lowerBound + extra;
  return { lowerBound, objective, gap: objective > 0 ? Math.max(0, (objective - lowerBound) / objective) : 0 };
}

function isPlain(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === "object" && !Array.isArray(x) && Object.getPrototypeOf(x) === Object.prototype;
}

/**
 * The plan over the whole edited problem: the solved plan plus each frozen territory as it is
 * today (its own workload as its target: it is not balanced), appended after the others. The
 * frozen territories are measured in the whole edited problem with the scenario's travel model
 * and workload rules (`options`, `scenarioOptions`), as the solved ones are; the plan remembers
 * the scenario's options (`planOptions`).
 */
function withFrozen(plan: Plan, applied: AppliedScenario, options: AlignOptions): Plan {
  const { reps, accounts } = applied.frozen;
  if (reps.length === 0) return plan;
  const frozenRows = accounts.map((a) => ({ accountId: a.id, repId: a.currentRep! }));
  // Only what measures a territory (bands, targets and budgets belong to the reps that are solved);
  // today's owners who left own none of these rows.
  const measuring: AlignOptions = { ...(options.travel ? { travel: options.travel } : {}), ...(options.workload ? { workload: options.workload } : {}), ...(options.regions ? { regions: options.regions } : {}), disruption: { orphans: "assign" } };
  const { whole } = applied;
  const frozenPlan = evaluate({ accounts: whole.accounts, reps: whole.reps, ...(whole.travel ? { travel: whole.travel } : {}) }, frozenRows, measuring);
  const territories: Territory[] = frozenPlan.territories.slice(-reps.length).map((t) => ({ ...t, targetHours: t.workloadHours, deviation: 0, violations: countViolations([]) }));
  return keepOptions(plan, {
    ...plan,
    problem: applied.whole,
    assignment: [...plan.assignment, ...frozenRows],
    territories: [...plan.territories, ...territories],
    metrics: {
      ...plan.metrics,
      objective: plan.metrics.objective + frozenPlan.metrics.objective,
      totalTravelMinutes: plan.metrics.totalTravelMinutes + frozenPlan.metrics.totalTravelMinutes,
      accountsAssigned: plan.metrics.accountsAssigned + accounts.length,
    },
    ...(plan.bound ? { bound: shifted(plan.bound, frozenPlan.metrics.objective) } : {}),
    diagnostics: [
      ...plan.diagnostics,
      {
        severity: "info",
        code: "frozen_territories",
        message: `${reps.length} territory(ies) kept as they are today and left out of the balancing (${reps.map((r) => r.id).join(", ")}): ${accounts.length} account(s)`,
        repIds: reps.map((r) => r.id),
      },
    ],
  });
}
