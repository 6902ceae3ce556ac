import { squareChart } from "../output/square-chart.js";
import { formatNumber } from "../util/format-number.js";
import type { LorenzPoint } from "./value-distribution.js";

/**
 * The Lorenz curve as a standalone SVG (360 × 360 px): share of accounts (smallest value first)
 * across, share of value up, the line of equality dashed, the area between shaded, the Gini in
 * the title. `label` names the value (e.g. `potential`), `population` what is counted across
 * (default `accounts`; `reps` for territories). An empty curve draws the axes only.
 */
export function lorenzSvg(points: readonly LorenzPoint[], gini: number | null, label: string, population = "accounts"): string {
  const { x, y, render } = squareChart({
    title: `Lorenz curve of ${label}${gini === null ? "" : ` — Gini ${formatNumber(gini, 3)}`}`,
    titleSize: 13,
    padLeft: 52,
    low: 0,
    high: 1,
    ticks: [0, 0.25, 0.5, 0.75, 1],
    tickLabel: (t) => `${t * 100} %`,
    xLabel: `share of ${population} (smallest ${label} first)`,
    yLabel: `share of ${label}`,
  });
  if (points.length <= 1) return render([]);
  const curve = points.map(([a, v]) => `${x(a)},${y(v)}`).join(" ");
  return render([
    `<polygon points="${x(0)},${y(0)} ${x(1)},${y(1)} ${[...points].reverse().map(([a, v]) => `${x(a)},${y(v)}`).join(" ")}" fill="#4e79a7" fill-opacity="0.15"/>`,
    `<polyline points="${curve}" fill="none" stroke="#4e79a7" stroke-width="2"/>`,
  ]);
}
