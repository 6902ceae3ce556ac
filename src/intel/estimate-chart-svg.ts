import { squareChart } from "../output/square-chart.js";
import { formatNumber } from "../util/format-number.js";

/** Most points drawn; larger sets are thinned evenly by rank of the actual value. */
export const MAX_CHART_POINTS = 2000;

/**
 * Estimate against actual as a standalone SVG scatter (360 × 360 px) on log axes (log10 of 1 +
 * value): one dot per customer (at most 2,000, taken evenly along the actual values), the line where
 * estimate = actual dashed. `label` names the target (e.g. `sales`).
 */
export function estimateChartSvg(actual: Float64Array, estimate: Float64Array, label: string): string {
  const n = actual.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => actual[a] - actual[b] || a - b);
  const shown = n <= MAX_CHART_POINTS ? order : Array.from({ length: MAX_CHART_POINTS }, (_, k) => order[Math.floor((k * n) / MAX_CHART_POINTS)]);
  const log = (v: number) => Math.log10(1 + Math.max(0, v));
  let low = Infinity, high = -Infinity;
  for (const i of shown) for (const v of [log(actual[i]), log(estimate[i])]) (low = Math.min(low, v)), (high = Math.max(high, v));
  if (!(high > low)) (low = Number.isFinite(low) ? low - 1 : 0), (high = low + 2);
  low = Math.floor(low);
  high = Math.ceil(high);
  const ticks: number[] = [];
  const step = Math.max(1, Math.ceil((high - low) / 6));
  for (let t = low; t <= high; t += step) ticks.push(t);
  const { x, y, render } = squareChart({
    title: `Estimate against actual ${label} (${formatNumber(shown.length)} of ${formatNumber(n)} customers)`,
    titleSize: 12,
    padLeft: 58,
    low,
    high,
    ticks,
    tickLabel: (t) => (t <= 6 ? formatNumber(10 ** t) : `1e${t}`),
    xLabel: `actual ${label} (log scale)`,
    yLabel: "estimated potential (log scale)",
  });
  return render([`<g fill="#4e79a7" fill-opacity="0.35">`, ...shown.map((i) => `<circle cx="${x(log(actual[i]))}" cy="${y(log(estimate[i]))}" r="1.6"/>`), `</g>`]);
}
