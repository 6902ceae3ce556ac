import type { Plan } from "../model/plan.js";
import { truncateText } from "../output/truncate-text.js";
import { formatNumber, formatPercent } from "../util/format-number.js";
import { escapeHtml } from "./html-page.js";
import type { RepFigures } from "./rep-figures.js";

const WIDTH = 960;
const PLOT_HEIGHT = 240;
const PAD = { left: 52, right: 12, top: 14 };
/** Reps labelled under their bars up to this many; past it the bars are too thin for text. */
const LABELLED = 40;

/**
 * Workload against band as an SVG column chart: one bar per rep (input order, `data-rep`, click to
 * select) showing workload / target, the band shaded, the target dashed, bars outside the band
 * outlined red. Bars of reps without a target are left out.
 */
export function bandChart(plan: Plan, figures: readonly RepFigures[]): string {
  const m = figures.length;
  const labelled = m <= LABELLED;
  const bottom = labelled ? 70 : 24;
  const height = PAD.top + PLOT_HEIGHT + bottom;
  const top = Math.max(1 + plan.balance, ...figures.map((f) => (Number.isFinite(f.ofTarget) ? f.ofTarget : 0))) * 1.08;
  const y = (ratio: number) => PAD.top + PLOT_HEIGHT * (1 - ratio / top);
  const step = (WIDTH - PAD.left - PAD.right) / Math.max(1, m);
  const barWidth = Math.max(1, step * 0.72);
  const out: string[] = [
    `<svg class="chart band-chart" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="Workload against band per rep" font-size="11">`,
    `<rect x="${PAD.left}" y="${y(1 + plan.balance).toFixed(1)}" width="${WIDTH - PAD.left - PAD.right}" height="${(y(1 - plan.balance) - y(1 + plan.balance)).toFixed(1)}" fill="#dff3e4"/>`,
  ];
  for (let tick = 0; tick <= top + 1e-9; tick += top > 2.4 ? 0.5 : 0.25) {
    out.push(`<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(tick).toFixed(1)}" y2="${y(tick).toFixed(1)}" stroke="#e6e6ea"/>`);
    out.push(`<text x="${PAD.left - 6}" y="${(y(tick) + 4).toFixed(1)}" text-anchor="end" fill="#62626a">${formatNumber(tick * 100)} %</text>`);
  }
  figures.forEach((f, r) => {
    if (!Number.isFinite(f.ofTarget)) return;
    const x = PAD.left + r * step + (step - barWidth) / 2;
    const outside = f.band === "below" || f.band === "above";
    const title = `${f.territory.repId}: ${formatNumber(f.territory.workloadHours, 1)} h, ${formatPercent(f.ofTarget)} of target (band ${formatNumber(f.low, 1)}–${formatNumber(f.high, 1)} h)`;
    out.push(
      `<rect data-rep="${escapeHtml(f.territory.repId)}" x="${x.toFixed(1)}" y="${y(f.ofTarget).toFixed(1)}" width="${barWidth.toFixed(1)}" height="${(y(0) - y(f.ofTarget)).toFixed(1)}" fill="${f.colour}"${outside ? ` stroke="#c0392b" stroke-width="2"` : ""}><title>${escapeHtml(title)}</title></rect>`,
    );
    if (labelled) {
      const lx = (x + barWidth / 2).toFixed(1), ly = (y(0) + 10).toFixed(1);
      out.push(`<text transform="translate(${lx},${ly}) rotate(-45)" text-anchor="end" fill="#333">${escapeHtml(truncateText(f.territory.repId, 12))}</text>`);
    }
  });
  out.push(`<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(1).toFixed(1)}" y2="${y(1).toFixed(1)}" stroke="#1d1d1f" stroke-dasharray="5 4"/>`);
  out.push(`<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(0).toFixed(1)}" y2="${y(0).toFixed(1)}" stroke="#999"/>`);
  out.push(`<text x="${WIDTH - PAD.right}" y="${(y(1 + plan.balance) - 4).toFixed(1)}" text-anchor="end" fill="#1e7b34">band ±${formatPercent(plan.balance, 0)}</text>`);
  out.push("</svg>");
  return out.join("\n");
}
