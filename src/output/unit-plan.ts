import type { Plan } from "../model/plan.js";

/**
 * Whether the plan's territories are made of geographic units (`align` on a problem with
 * `units`): then outlines come from the units themselves rather than from the accounts.
 */
export function isUnitPlan(plan: Plan): boolean {
  return plan.problem.units !== undefined && plan.territories.some((t) => t.unitIds !== undefined);
}
