import { escapeXml } from "../output/escape-xml.js";
import { formatNumber } from "../util/format-number.js";

const SIZE = 360;
const PAD = { left: 58, right: 16, top: 34, bottom: 44 };
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
  const w = SIZE - PAD.left - PAD.right, h = SIZE - PAD.top - PAD.bottom;
  const x = (v: number) => (PAD.left + ((v - low) / (high - low)) * w).toFixed(1);
  const y = (v: number) => (PAD.top + (1 - (v - low) / (high - low)) * h).toFixed(1);
  const title = `Estimate against actual ${label} (${formatNumber(shown.length)} of ${formatNumber(n)} customers)`;
  const ticks: number[] = [];
  const step = Math.max(1, Math.ceil((high - low) / 6));
  for (let t = low; t <= high; t += step) ticks.push(t);
  const tick = (t: number) => (t <= 6 ? formatNumber(10 ** t) : `1e${t}`);
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}" font-family="sans-serif" font-size="11">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${SIZE}" height="${SIZE}" fill="#fff"/>`,
    `<text x="${SIZE / 2}" y="20" text-anchor="middle" font-size="12">${escapeXml(title)}</text>`,
    ...ticks.map((t) => `<line x1="${x(t)}" y1="${y(low)}" x2="${x(t)}" y2="${y(high)}" stroke="#eee"/><line x1="${x(low)}" y1="${y(t)}" x2="${x(high)}" y2="${y(t)}" stroke="#eee"/>`),
    ...ticks.map((t) => `<text x="${x(t)}" y="${Number(y(low)) + 16}" text-anchor="middle">${tick(t)}</text><text x="${Number(x(low)) - 6}" y="${Number(y(t)) + 4}" text-anchor="end">${tick(t)}</text>`),
    `<rect x="${x(low)}" y="${y(high)}" width="${w}" height="${h}" fill="none" stroke="#999"/>`,
    `<line x1="${x(low)}" y1="${y(low)}" x2="${x(high)}" y2="${y(high)}" stroke="#999" stroke-dasharray="4 3"/>`,
    `<g fill="#4e79a7" fill-opacity="0.35">`,
    ...shown.map((i) => `<circle cx="${x(log(actual[i]))}" cy="${y(log(estimate[i]))}" r="1.6"/>`),
    `</g>`,
    `<text x="${PAD.left + w / 2}" y="${SIZE - 8}" text-anchor="middle">actual ${escapeXml(label)} (log scale)</text>`,
    `<text transform="translate(14 ${PAD.top + h / 2}) rotate(-90)" text-anchor="middle">estimated potential (log scale)</text>`,
    "</svg>",
  ];
  return `${parts.join("\n")}\n`;
}
