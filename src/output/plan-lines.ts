import type { Metrics, Plan } from "../model/plan.js";
import { formatNumber, formatPercent } from "../util/format-number.js";

/** "feasible (heuristic), 3,000 accounts, 15 reps, 1.2 s"; without the status: "heuristic, 3,000 accounts, …". */
export function statusLine(plan: Plan, withStatus = true): string {
  const time = plan.elapsedMs >= 1000 ? `${formatNumber(plan.elapsedMs / 1000, 1)} s` : `${formatNumber(plan.elapsedMs)} ms`;
  const how = plan.method ?? plan.strategy;
  const head = withStatus ? `${plan.status} (${how})` : plan.method ? plan.method : `strategy ${plan.strategy}`;
  return `${head}, ${formatNumber(plan.problem.accounts.length)} accounts, ${formatNumber(plan.problem.reps.length)} reps, ${time}`;
}

/** "lower bound 1,230,000, objective 1,234,567, gap 0.37 %", or undefined without a bound. */
export function boundLine(plan: Plan): string | undefined {
  const b = plan.bound;
  if (!b) return undefined;
  return `lower bound ${formatNumber(b.lowerBound)}, objective ${formatNumber(b.objective)}, gap ${formatPercent(b.gap, 2)}`;
}

/** "workload CV 1.2 %, Gini 0.006, max deviation 2.1 % (band ±10.0 %), 0 reps outside the band" */
export function balanceLine(metrics: Metrics, balance: number): string {
  const w = metrics.workload;
  const outside = metrics.repsOutsideBand;
  return (
    `workload CV ${formatPercent(w.coefficientOfVariation)}, Gini ${formatNumber(w.gini, 3)}, ` +
    `max deviation ${formatPercent(w.maxDeviation)} (band ±${formatPercent(balance)}), ` +
    `${formatNumber(outside)} rep${outside === 1 ? "" : "s"} outside the band`
  );
}

/** Whether any account has a current rep, i.e. whether disruption means anything. */
export function hasCurrentReps(plan: Plan): boolean {
  return plan.problem.accounts.some((a) => a.currentRep !== undefined);
}
