import type { UnitFeatureCollection } from "../../src/units/units-schema.js";

/** Corner of cell column `c`, row `r` of a grid anchored at (lng0, lat0) with `step` degrees per cell. */
export function corner(c: number, r: number, lng0 = -100, lat0 = 40, step = 0.1): [number, number] {
  return [lng0 + c * step, lat0 + r * step];
}

/** A square cell as a closed counter-clockwise ring. */
export function square(c: number, r: number, lng0 = -100, lat0 = 40, step = 0.1): [number, number][] {
  return [corner(c, r, lng0, lat0, step), corner(c + 1, r, lng0, lat0, step), corner(c + 1, r + 1, lng0, lat0, step), corner(c, r + 1, lng0, lat0, step), corner(c, r, lng0, lat0, step)];
}

/**
 * A cols × rows grid of square units with ids `c{col}r{row}`, neighbours sharing bit-identical
 * corners. `skip` leaves cells out (holes in the map).
 */
export function gridUnits(cols: number, rows: number, options: { lng0?: number; lat0?: number; step?: number; skip?: (c: number, r: number) => boolean; prefix?: string } = {}): UnitFeatureCollection {
  const { lng0 = -100, lat0 = 40, step = 0.1, skip = () => false, prefix = "" } = options;
  const features: UnitFeatureCollection["features"] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (skip(c, r)) continue;
      features.push({ type: "Feature", id: `${prefix}c${c}r${r}`, properties: {}, geometry: { type: "Polygon", coordinates: [square(c, r, lng0, lat0, step)] } });
    }
  }
  return { type: "FeatureCollection", features };
}

/** Centre of cell (c, r). */
export function cellCentre(c: number, r: number, lng0 = -100, lat0 = 40, step = 0.1): [number, number] {
  return [lng0 + (c + 0.5) * step, lat0 + (r + 0.5) * step];
}
