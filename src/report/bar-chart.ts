import { escapeHtml } from "./html-page.js";

/** One bar of a `barChart`. */
export interface Bar {
  readonly label: string;
  readonly value: number;
  /** The value as printed beside the bar. */
  readonly text: string;
  /** Drawn red (e.g. a scenario that is not solved). */
  readonly bad?: boolean;
}

const WIDTH = 460;
const LABEL = 130;
const ROW = 22;

/**
 * A horizontal bar chart as SVG: one row per bar (label, bar from 0, value printed after it), an
 * optional dashed reference line (e.g. today's value) labelled at the top. Negative values are
 * drawn as 0; non-finite ones get no bar.
 */
export function barChart(title: string, bars: readonly Bar[], reference?: { readonly value: number; readonly label: string }): string {
  const height = 30 + bars.length * ROW + 8;
  const top = Math.max(reference?.value ?? 0, ...bars.map((b) => (Number.isFinite(b.value) ? b.value : 0)));
  const span = WIDTH - LABEL - 90;
  const x = (v: number) => LABEL + (top > 0 ? (Math.max(0, v) / top) * span : 0);
  const out = [
    `<svg class="chart bar-chart" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${escapeHtml(title)}" font-size="11">`,
    `<text x="0" y="14" font-size="13" font-weight="600">${escapeHtml(title)}</text>`,
  ];
  bars.forEach((bar, i) => {
    const y = 30 + i * ROW;
    out.push(`<text x="${LABEL - 6}" y="${y + 14}" text-anchor="end">${escapeHtml(bar.label)}</text>`);
    if (Number.isFinite(bar.value)) out.push(`<rect x="${LABEL}" y="${y + 3}" width="${(x(bar.value) - LABEL).toFixed(1)}" height="${ROW - 8}" fill="${bar.bad ? "#c0392b" : "#4e79a7"}"/>`);
    out.push(`<text x="${(Number.isFinite(bar.value) ? x(bar.value) : LABEL) + 5}" y="${y + 14}" fill="#333">${escapeHtml(bar.text)}</text>`);
  });
  if (reference && Number.isFinite(reference.value)) {
    const rx = x(reference.value).toFixed(1);
    out.push(`<line x1="${rx}" x2="${rx}" y1="22" y2="${height - 4}" stroke="#1d1d1f" stroke-dasharray="4 3"/>`);
    out.push(`<text x="${rx}" y="${height - 0}" text-anchor="middle" fill="#62626a" font-size="10">${escapeHtml(reference.label)}</text>`);
  }
  out.push("</svg>");
  return out.join("\n");
}
