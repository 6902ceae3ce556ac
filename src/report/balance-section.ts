import type { Plan } from "../model/plan.js";
import { lorenzSvg } from "../plan/lorenz-svg.js";
import { lorenzCurve } from "../plan/value-distribution.js";
import { formatNumber, formatPercent } from "../util/format-number.js";
import { bandChart } from "./band-chart.js";
import type { RepFigures } from "./rep-figures.js";

/**
 * Balance: workload against band per rep (`bandChart`), then the Lorenz curves over territories of
 * workload (as workload / target, the measure the plan's Gini and CV use) and of potential, each
 * with the plan's Gini.
 */
export function balanceSection(plan: Plan, figures: readonly RepFigures[]): string {
  const relative = Float64Array.from(plan.territories, (t) => (t.targetHours > 0 ? t.workloadHours / t.targetHours : 0)).sort();
  const potential = Float64Array.from(plan.territories, (t) => t.potential).sort();
  const m = plan.metrics;
  return [
    `<section id="balance"><h2>Balance</h2>`,
    `<p class="note">Workload of each rep against its target; the green band is target ± ${formatPercent(plan.balance, 0)}. ` +
      `${formatNumber(m.repsOutsideBand)} of ${formatNumber(plan.territories.length)} reps outside it; largest deviation ${formatPercent(m.workload.maxDeviation)}, coefficient of variation ${formatPercent(m.workload.coefficientOfVariation)}.</p>`,
    bandChart(plan, figures),
    `<h3>Lorenz curves over territories</h3>`,
    `<p class="note">How evenly workload (against each rep's target) and potential are shared: the closer to the diagonal, the more even. Gini of workload ${formatNumber(m.workload.gini, 3)}, of potential ${formatNumber(m.potential.gini, 3)}.</p>`,
    `<div class="charts">`,
    `<div class="lorenz" id="lorenz-workload">${lorenzSvg(lorenzCurve(relative, 101), m.workload.gini, "workload / target", "territories")}</div>`,
    `<div class="lorenz" id="lorenz-potential">${lorenzSvg(lorenzCurve(potential, 101), m.potential.gini, "potential", "territories")}</div>`,
    "</div>",
    "</section>",
  ].join("\n");
}
