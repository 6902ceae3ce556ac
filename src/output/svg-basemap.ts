import type { GeoPath } from "d3-geo";
import { windForD3 } from "./d3-winding.js";
import type { GeoJSON } from "./geojson-types.js";

type Item = { readonly type: string; readonly [key: string]: unknown };

/**
 * The basemap as one SVG group: each polygon geometry filled light grey with a grey outline, each
 * other geometry (lines, points) stroked only. Geometries that fall outside the canvas draw nothing.
 */
export function renderBasemap(basemap: GeoJSON, path: GeoPath): string {
  const areas: string[] = [];
  const lines: string[] = [];
  const visit = (item: Item | null | undefined): void => {
    if (!item) return;
    if (item.type === "FeatureCollection") for (const f of item.features as Item[]) visit(f);
    else if (item.type === "Feature") visit(item.geometry as Item | null);
    else if (item.type === "GeometryCollection") for (const g of item.geometries as Item[]) visit(g);
    else {
      const d = path(item as Parameters<GeoPath>[0]);
      if (d) (item.type === "Polygon" || item.type === "MultiPolygon" ? areas : lines).push(`<path d="${d}"/>`);
    }
  };
  visit(windForD3(basemap) as Item);
  return [
    `<g class="basemap">`,
    `<g fill="#f1f1ec" stroke="#c4c4bc" stroke-width="0.7">`, ...areas, "</g>",
    `<g fill="none" stroke="#b0b0a8" stroke-width="0.7">`, ...lines, "</g>",
    "</g>",
  ].join("\n");
}
