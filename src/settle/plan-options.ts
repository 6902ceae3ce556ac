import type { ResolvedOptions } from "../model/defaults.js";
import type { Plan, PlanOptions } from "../model/plan.js";

/**
 * The options each plan was made under, keyed by its `metrics` object, which a copy of the plan
 * (`{ ...plan, method }`) shares: outputs that score other assignments beside a plan (today's
 * owners in the diff) measure them with the plan's own travel model and workload rules.
 */
const made = new WeakMap<object, ResolvedOptions>();

/** Records the options `plan` was made under; returns the plan. */
export function rememberOptions(plan: Plan, options: ResolvedOptions): Plan {
  made.set(plan.metrics, options);
  return plan;
}

/** `copy` (a plan made from `plan` with new metrics) remembering `plan`'s options; returns `copy`. */
export function keepOptions(plan: Plan, copy: Plan): Plan {
  const options = planOptions(plan);
  return options ? rememberOptions(copy, options) : copy;
}

/**
 * The options `plan` was made under: those it was made with in this process, else its own
 * `options` (a plan read back from JSON), unless travel came from a function, which JSON does not
 * carry (undefined then, as for a plan this library did not make).
 */
export function planOptions(plan: Plan): ResolvedOptions | undefined {
  const options = made.get(plan.metrics);
  if (options !== undefined) return options;
  return plan.options && !plan.options.travelFunction ? plan.options : undefined;
}

/** `options` as a plan carries them (`Plan.options`): without what JSON cannot carry. */
export function portableOptions(options: ResolvedOptions): PlanOptions {
  const { signal: _signal, onProgress: _onProgress, travel, ...rest } = options;
  const { minutes, ...measure } = travel;
  return { ...rest, travel: measure, ...(minutes ? { travelFunction: true as const } : {}) };
}
