import { escapeXml } from "./escape-xml.js";
import { formatNumber } from "../util/format-number.js";
import type { LegendLayout } from "./svg-layout.js";
import { truncateText } from "./truncate-text.js";

/** One legend line. */
export interface LegendEntry {
  /** Shown, cut to 12 characters; the full text goes in the tooltip. */
  readonly label: string;
  readonly fill: string;
  readonly stroke: string;
  /** Workload, hours. */
  readonly workloadHours: number;
  /** Workload / target, printed as a percentage; non-finite prints "–". */
  readonly ofTarget?: number;
  /** Printed instead of `ofTarget` when given. */
  readonly note?: string;
  /** Tooltip text. */
  readonly title: string;
}

const LABEL_CHARS = 12;

/** The legend as an SVG group: column headings, then one swatch + label + figures per entry. */
export function renderLegend(entries: readonly LegendEntry[], layout: LegendLayout): string {
  const { x, y, columnWidth, lineHeight, rows, slots } = layout;
  const shown = slots < entries.length ? entries.slice(0, slots - 1) : entries;
  const out: string[] = [`<g class="legend" font-size="11" fill="#222">`];
  const headings = (cx: number) =>
    `<text x="${cx + 18}" y="${y - 6}" fill="#777" font-size="10">rep</text>` +
    `<text x="${cx + 160}" y="${y - 6}" fill="#777" font-size="10" text-anchor="end">hours</text>` +
    `<text x="${cx + columnWidth - 8}" y="${y - 6}" fill="#777" font-size="10" text-anchor="end">% target</text>`;
  const columnsUsed = Math.ceil((shown.length + (shown.length < entries.length ? 1 : 0)) / rows);
  for (let c = 0; c < Math.max(1, columnsUsed); c++) out.push(headings(x + c * columnWidth));
  shown.forEach((entry, i) => {
    const ex = x + Math.floor(i / rows) * columnWidth;
    const ey = y + (i % rows) * lineHeight;
    const ofTarget = entry.note ?? (entry.ofTarget !== undefined && Number.isFinite(entry.ofTarget) ? `${formatNumber(entry.ofTarget * 100, 1)} %` : "–");
    out.push(
      `<g class="legend-entry" transform="translate(${ex},${ey})">` +
        `<title>${escapeXml(entry.title)}</title>` +
        `<rect width="12" height="12" fill="${entry.fill}" stroke="${entry.stroke}"/>` +
        `<text x="18" y="10">${escapeXml(truncateText(entry.label, LABEL_CHARS))}</text>` +
        `<text x="160" y="10" text-anchor="end">${formatNumber(entry.workloadHours, 1)} h</text>` +
        `<text x="${columnWidth - 8}" y="10" text-anchor="end">${escapeXml(ofTarget)}</text>` +
        `</g>`,
    );
  });
  if (shown.length < entries.length) {
    const i = shown.length;
    const ex = x + Math.floor(i / rows) * columnWidth;
    const ey = y + (i % rows) * lineHeight;
    out.push(`<text class="legend-more" x="${ex + 18}" y="${ey + 10}" fill="#777">… and ${entries.length - shown.length} more</text>`);
  }
  out.push("</g>");
  return out.join("\n");
}
