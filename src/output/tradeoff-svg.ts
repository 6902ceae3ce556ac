import type { Tradeoff } from "../realign/tradeoff.js";
import { formatNumber } from "../util/format-number.js";
import { escapeXml } from "./escape-xml.js";

const WIDTH = 720;
const HEIGHT = 420;
const MARGIN = { left: 90, right: 24, top: 48, bottom: 56 };

/**
 * `tradeoff.svg`: the objective (solid, dots labelled with each point's budget) and its lower bound
 * (dashed) against the accounts moved — the price of disruption, point by point in the order of
 * moves. A standalone SVG; points without a bound leave a hole in the dashed line.
 */
export function renderTradeoffSvg(tradeoff: Tradeoff, title = "Travel against disruption"): string {
  const rows = [...tradeoff.rows].sort((a, b) => a.moves - b.moves);
  const xs = rows.map((r) => r.moves);
  const ys = rows.flatMap((r) => (r.lowerBound !== undefined ? [r.objective, r.lowerBound] : [r.objective]));
  const [x0, x1] = extent(xs);
  const [y0, y1] = extent(ys);
  const px = (x: number) => MARGIN.left + ((x - x0) / (x1 - x0 || 1)) * (WIDTH - MARGIN.left - MARGIN.right);
  const py = (y: number) => HEIGHT - MARGIN.bottom - ((y - y0) / (y1 - y0 || 1)) * (HEIGHT - MARGIN.top - MARGIN.bottom);
  const path = (points: [number, number][]) => points.map(([x, y], i) => `${i === 0 ? "M" : "L"}${px(x).toFixed(1)},${py(y).toFixed(1)}`).join("");
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${MARGIN.left}" y="24" font-size="15" font-weight="bold">${escapeXml(title)}</text>`,
  ];
  for (const t of ticks(x0, x1)) out.push(`<line x1="${px(t).toFixed(1)}" x2="${px(t).toFixed(1)}" y1="${MARGIN.top}" y2="${HEIGHT - MARGIN.bottom}" stroke="#eeeeee"/>`, `<text x="${px(t).toFixed(1)}" y="${HEIGHT - MARGIN.bottom + 16}" text-anchor="middle" fill="#555555">${formatNumber(t)}</text>`);
  for (const t of ticks(y0, y1)) out.push(`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${py(t).toFixed(1)}" y2="${py(t).toFixed(1)}" stroke="#eeeeee"/>`, `<text x="${MARGIN.left - 6}" y="${(py(t) + 4).toFixed(1)}" text-anchor="end" fill="#555555">${formatNumber(t)}</text>`);
  out.push(`<text x="${(MARGIN.left + WIDTH - MARGIN.right) / 2}" y="${HEIGHT - 16}" text-anchor="middle">accounts moved</text>`);
  out.push(`<text transform="translate(18 ${(MARGIN.top + HEIGHT - MARGIN.bottom) / 2}) rotate(-90)" text-anchor="middle">Σ workload × travel minutes</text>`);
  const bounded = rows.filter((r) => r.lowerBound !== undefined);
  if (bounded.length > 1) out.push(`<path d="${path(bounded.map((r) => [r.moves, r.lowerBound!]))}" fill="none" stroke="#7f7f7f" stroke-width="1.5" stroke-dasharray="5 4"><title>lower bound</title></path>`);
  out.push(`<path d="${path(rows.map((r) => [r.moves, r.objective]))}" fill="none" stroke="#1f77b4" stroke-width="2"><title>objective</title></path>`);
  for (const r of rows) {
    out.push(`<circle cx="${px(r.moves).toFixed(1)}" cy="${py(r.objective).toFixed(1)}" r="4" fill="#1f77b4"><title>${escapeXml(`${r.label}: ${r.status}, ${formatNumber(r.moves)} moves, objective ${formatNumber(r.objective)}`)}</title></circle>`);
    out.push(`<text x="${(px(r.moves) + 6).toFixed(1)}" y="${(py(r.objective) - 6).toFixed(1)}" fill="#1f77b4">${escapeXml(r.label)}</text>`);
  }
  out.push(`<g transform="translate(${WIDTH - MARGIN.right - 170} ${MARGIN.top})"><line x1="0" x2="24" y1="0" y2="0" stroke="#1f77b4" stroke-width="2"/><text x="30" y="4">objective</text><line x1="0" x2="24" y1="18" y2="18" stroke="#7f7f7f" stroke-width="1.5" stroke-dasharray="5 4"/><text x="30" y="22">lower bound</text></g>`);
  out.push("</svg>");
  return `${out.join("\n")}\n`;
}

function extent(values: readonly number[]): [number, number] {
  if (values.length === 0) return [0, 1];
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  // A range too narrow to tell apart from its values (one point, or equal values) is widened.
  const least = 1e-6 * Math.max(1, Math.abs(lo), Math.abs(hi));
  if (hi - lo < least) [lo, hi] = [lo - Math.max(1, least), hi + Math.max(1, least)];
  const pad = 0.05 * (hi - lo);
  return [lo - pad, hi + pad];
}

/** About five round ticks inside [lo, hi]. */
function ticks(lo: number, hi: number): number[] {
  const step0 = (hi - lo) / 5;
  const power = 10 ** Math.floor(Math.log10(step0));
  const step = [1, 2, 5, 10].map((f) => f * power).find((s) => s >= step0) ?? step0;
  const out: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi && out.length < 12; t += step) out.push(t);
  return out;
}
