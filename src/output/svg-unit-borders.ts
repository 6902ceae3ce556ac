import type { GeoPath } from "d3-geo";
import type { UnitBorders } from "./unit-borders.js";

/**
 * The borders of a unit-based plan, drawn over the territory fills: borders between units of the
 * same territory thin and white (0.5 px), territory borders thicker and dark (1.5 px), each as one
 * path. Either is left out when empty or off the canvas.
 */
export function renderUnitBorders(borders: UnitBorders, path: GeoPath): string {
  const d = (lines: UnitBorders["inner"]) => (lines.length > 0 ? path({ type: "MultiLineString", coordinates: lines }) : null);
  const inner = d(borders.inner);
  const territory = d(borders.territory);
  const out: string[] = [];
  if (inner) out.push(`<path class="unit-borders" d="${inner}" fill="none" stroke="#ffffff" stroke-width="0.5" stroke-linejoin="round"/>`);
  if (territory) out.push(`<path class="territory-borders" d="${territory}" fill="none" stroke="#333333" stroke-width="1.5" stroke-linejoin="round"/>`);
  return out.join("\n");
}
