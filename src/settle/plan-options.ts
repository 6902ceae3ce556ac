import type { ResolvedOptions } from "../model/defaults.js";
import type { Plan } from "../model/plan.js";

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

/** The options `plan` was made under, when it came from this library in this process. */
export function planOptions(plan: Plan): ResolvedOptions | undefined {
  return made.get(plan.metrics);
}
