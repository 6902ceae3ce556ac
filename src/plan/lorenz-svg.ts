import { escapeXml } from "../output/escape-xml.js";
import { formatNumber } from "../util/format-number.js";
import type { LorenzPoint } from "./value-distribution.js";

const SIZE = 360;
const PAD = { left: 52, right: 16, top: 34, bottom: 44 };

/**
 * The Lorenz curve as a standalone SVG (360 × 360 px): share of accounts (smallest value first)
 * across, share of value up, the line of equality dashed, the area between shaded, the Gini in
 * the title. `label` names the value (e.g. `potential`). An empty curve draws the axes only.
 */
export function lorenzSvg(points: readonly LorenzPoint[], gini: number | null, label: string): string {
  const w = SIZE - PAD.left - PAD.right, h = SIZE - PAD.top - PAD.bottom;
  const x = (share: number) => (PAD.left + share * w).toFixed(1);
  const y = (share: number) => (PAD.top + (1 - share) * h).toFixed(1);
  const curve = points.map(([a, v]) => `${x(a)},${y(v)}`).join(" ");
  const ticks = [0, 0.25, 0.5, 0.75, 1];
  const title = `Lorenz curve of ${label}${gini === null ? "" : ` — Gini ${formatNumber(gini, 3)}`}`;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 ${SIZE} ${SIZE}" font-family="sans-serif" font-size="11">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect width="${SIZE}" height="${SIZE}" fill="#fff"/>`,
    `<text x="${SIZE / 2}" y="20" text-anchor="middle" font-size="13">${escapeXml(title)}</text>`,
    ...ticks.map((t) => `<line x1="${x(t)}" y1="${y(0)}" x2="${x(t)}" y2="${y(1)}" stroke="#eee"/><line x1="${x(0)}" y1="${y(t)}" x2="${x(1)}" y2="${y(t)}" stroke="#eee"/>`),
    ...ticks.map((t) => `<text x="${x(t)}" y="${Number(y(0)) + 16}" text-anchor="middle">${t * 100} %</text><text x="${Number(x(0)) - 6}" y="${Number(y(t)) + 4}" text-anchor="end">${t * 100} %</text>`),
    `<rect x="${x(0)}" y="${y(1)}" width="${w}" height="${h}" fill="none" stroke="#999"/>`,
    `<line x1="${x(0)}" y1="${y(0)}" x2="${x(1)}" y2="${y(1)}" stroke="#999" stroke-dasharray="4 3"/>`,
  ];
  if (points.length > 1) {
    parts.push(`<polygon points="${x(0)},${y(0)} ${x(1)},${y(1)} ${[...points].reverse().map(([a, v]) => `${x(a)},${y(v)}`).join(" ")}" fill="#4e79a7" fill-opacity="0.15"/>`);
    parts.push(`<polyline points="${curve}" fill="none" stroke="#4e79a7" stroke-width="2"/>`);
  }
  parts.push(
    `<text x="${PAD.left + w / 2}" y="${SIZE - 8}" text-anchor="middle">share of accounts (smallest ${escapeXml(label)} first)</text>`,
    `<text transform="translate(14 ${PAD.top + h / 2}) rotate(-90)" text-anchor="middle">share of ${escapeXml(label)}</text>`,
    "</svg>",
  );
  return `${parts.join("\n")}\n`;
}
