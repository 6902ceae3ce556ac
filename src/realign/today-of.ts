import type { AssignmentRow, Plan } from "../model/plan.js";
import type { Problem } from "../model/problem-schema.js";
import { planOptions } from "../settle/plan-options.js";
import { defaultOptions } from "../model/defaults.js";
import { diffPlansResolved, type PlanDiff } from "./diff-plans.js";

/** Today's owners: each account that has a `currentRep`, as assignment rows in input order. */
export function todayOf(problem: Problem): AssignmentRow[] {
  return problem.accounts.filter((a) => a.currentRep !== undefined).map((a) => ({ accountId: a.id, repId: a.currentRep! }));
}

/** Diffs already made, per plan (plans are never modified, so they stay valid). */
const made = new WeakMap<Plan, PlanDiff | null>();

/**
 * The plan against today's owners (`diffPlans(plan.problem, todayOf(plan.problem), plan)`, both
 * scored under the options the plan was made with: its travel model, workload rules), or
 * undefined when no account has a current rep, or when the plan's travel came from a function
 * this copy of it does not hold (a plan read back from JSON: today's owners cannot be measured
 * alike). Made once per plan object: the moved accounts file, the printed gains and losses and
 * the report share it. A plan without options (not made by this library) is scored with the
 * defaults.
 */
export function diffFromToday(plan: Plan): PlanDiff | undefined {
  let diff = made.get(plan);
  if (diff === undefined) {
    const today = todayOf(plan.problem);
    const options = planOptions(plan);
    const unmeasurable = options === undefined && plan.options?.travelFunction === true;
    made.set(plan, (diff = today.length === 0 || unmeasurable ? null : diffPlansResolved(plan.problem, today, plan, options ?? defaultOptions)));
  }
  return diff ?? undefined;
}
