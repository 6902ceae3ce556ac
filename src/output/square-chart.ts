import { escapeXml } from "./escape-xml.js";

const SIZE = 360;

/** A square chart whose two axes share one range, e.g. estimate against actual, or a Lorenz curve. */
export interface SquareChartSpec {
  readonly title: string;
  /** Title font size, px. */
  readonly titleSize: number;
  /** Room left of the plot for the tick labels, px. */
  readonly padLeft: number;
  /** The range of both axes, in data units. */
  readonly low: number;
  readonly high: number;
  /** Grid lines and tick labels, on both axes. */
  readonly ticks: readonly number[];
  readonly tickLabel: (t: number) => string;
  readonly xLabel: string;
  readonly yLabel: string;
}

/**
 * A standalone 360 × 360 px SVG frame: title, grid, tick labels, plot border, the line y = x dashed
 * and the axis labels. `x` and `y` place data values; `render` puts the marks drawn with them over
 * the grid and returns the SVG text.
 */
export function squareChart(spec: SquareChartSpec): { x(v: number): string; y(v: number): string; render(marks: readonly string[]): string } {
  const { low, high, ticks, tickLabel } = spec;
  const pad = { left: spec.padLeft, right: 16, top: 34, bottom: 44 };
  const w = SIZE - pad.left - pad.right, h = SIZE - pad.top - pad.bottom;
  const x = (v: number) => (pad.left + ((v - low) / (high - low)) * w).toFixed(1);
  const y = (v: number) => (pad.top + (1 - (v - low) / (high - low)) * h).toFixed(1);
  const title = escapeXml(spec.title);
  const render = (marks: readonly string[]) =>
    [
      `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}" font-family="sans-serif" font-size="11">`,
      `<title>${title}</title>`,
      `<rect width="${SIZE}" height="${SIZE}" fill="#fff"/>`,
      `<text x="${SIZE / 2}" y="20" text-anchor="middle" font-size="${spec.titleSize}">${title}</text>`,
      ...ticks.map((t) => `<line x1="${x(t)}" y1="${y(low)}" x2="${x(t)}" y2="${y(high)}" stroke="#eee"/><line x1="${x(low)}" y1="${y(t)}" x2="${x(high)}" y2="${y(t)}" stroke="#eee"/>`),
      ...ticks.map((t) => `<text x="${x(t)}" y="${Number(y(low)) + 16}" text-anchor="middle">${tickLabel(t)}</text><text x="${Number(x(low)) - 6}" y="${Number(y(t)) + 4}" text-anchor="end">${tickLabel(t)}</text>`),
      `<rect x="${x(low)}" y="${y(high)}" width="${w}" height="${h}" fill="none" stroke="#999"/>`,
      `<line x1="${x(low)}" y1="${y(low)}" x2="${x(high)}" y2="${y(high)}" stroke="#999" stroke-dasharray="4 3"/>`,
      ...marks,
      `<text x="${pad.left + w / 2}" y="${SIZE - 8}" text-anchor="middle">${escapeXml(spec.xLabel)}</text>`,
      `<text transform="translate(14 ${pad.top + h / 2}) rotate(-90)" text-anchor="middle">${escapeXml(spec.yLabel)}</text>`,
      "</svg>\n",
    ].join("\n");
  return { x, y, render };
}
