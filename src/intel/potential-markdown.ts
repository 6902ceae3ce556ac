import { formatNumber, formatPercent } from "../util/format-number.js";
import { estimateChartSvg } from "./estimate-chart-svg.js";
import type { PotentialEstimate } from "./estimate-potential.js";

/** What the report says about where the data came from. */
export interface PotentialReportContext {
  /** The accounts file or source, for the heading. */
  readonly source: string;
  /** The target's name (e.g. `sales`). */
  readonly target: string;
  /** Each customer's target, in the order of the estimate's customers (input order). */
  readonly actual: Float64Array;
}

/**
 * The potential report as Markdown: the counts, the fit of the boosted trees and of the two
 * baselines (out of fold), feature importance, the white space, and the chart of estimate against
 * actual as inline SVG.
 */
export function potentialMarkdown(estimate: PotentialEstimate, context: PotentialReportContext): string {
  const q = estimate.quantile;
  const what = q === null ? "the mean" : `the ${formatNumber(q * 100, 0)}th percentile`;
  const lines = [
    `# Potential: ${context.source}`,
    "",
    `Potential is estimated as ${what} of what similar customers spend in "${context.target}" (the wallet), by gradient-boosted trees with ${estimate.folds}-fold cross-validation: each customer's estimate comes from the model that did not see it. Prospects get the mean of the ${estimate.folds} fold models.`,
    "",
    `- ${formatNumber(estimate.customers)} customers (with ${context.target}), ${formatNumber(estimate.prospects)} prospects`,
    `- Trees per fold after early stopping: ${estimate.trees.join(", ")}`,
    `- Total estimated potential ${formatNumber(sum(estimate.estimates), 0)}; white space ${formatNumber(sum(estimate.whiteSpace), 0)} (customers: estimate − ${context.target}; prospects: the estimate)`,
    "",
    "## Fit on customers (out of fold)",
    "",
    `Coverage is the share of customers whose ${context.target} is at or below the estimate${q === null ? "" : `: it should be close to ${formatNumber(q, 2)}`}. Pinball loss at ${formatNumber(q ?? 0.5, 2)}, in ${context.target} units (lower is better). R² on the log scale: 1 − SSE / SST of log(1 + value)${q === null ? "" : "; a high-quantile estimate sits above the centre, which lowers it"}.`,
    "",
    "| model | R² (log) | Spearman | pinball loss | coverage |",
    "|---|---:|---:|---:|---:|",
    ...estimate.fits.map((f) => `| ${f.model} | ${formatNumber(f.r2Log, 3)} | ${formatNumber(f.spearman, 3)} | ${formatNumber(f.pinballLoss, 2)} | ${formatPercent(f.coverage)} |`),
    "",
    `Segment means: by ${estimate.segmentFeature === null ? "no segment (one overall value)" : `"${estimate.segmentFeature}"`}. Linear: ridge regression on the same features (log scale), shifted to the quantile of its residuals.`,
    "",
    "## Feature importance",
    "",
    "Share of the split gain over every fold's trees.",
    "",
    "| feature | kind | share |",
    "|---|---|---:|",
    ...estimate.importance.slice(0, 25).map((f) => `| ${f.feature} | ${f.kind} | ${formatPercent(f.share)} |`),
  ];
  if (estimate.importance.length > 25) lines.push("", `… and ${estimate.importance.length - 25} more features (see potential.json).`);
  if (estimate.warnings.length > 0) lines.push("", "## Warnings", "", ...estimate.warnings.map((w) => `- ${w}`));
  const estimates = new Float64Array(context.actual.length);
  let k = 0;
  for (let i = 0; i < estimate.estimates.length; i++) if (estimate.isCustomer[i]) estimates[k++] = estimate.estimates[i];
  lines.push("", "## Estimate against actual", "", estimateChartSvg(context.actual, estimates, context.target).trimEnd(), "");
  return `${lines.join("\n")}\n`;
}

function sum(values: Float64Array): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}
