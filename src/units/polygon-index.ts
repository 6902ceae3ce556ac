import type { FlatPolygon, UnitMap } from "./unit-map.js";
import type { UnitMeasures } from "./unit-measures.js";

/**
 * A uniform grid over the units' bounding boxes, for point-in-polygon queries: each cell lists the
 * units whose box overlaps it. About one cell per unit.
 */
export interface PolygonIndex {
  /** The first unit (input order) whose polygons contain the point, or −1. */
  unitAt(lng: number, lat: number): number;
}

export function createPolygonIndex(map: UnitMap, measures: UnitMeasures): PolygonIndex {
  const U = map.count;
  const { bbox } = measures;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let u = 0; u < U; u++) {
    minX = Math.min(minX, bbox[4 * u]);
    minY = Math.min(minY, bbox[4 * u + 1]);
    maxX = Math.max(maxX, bbox[4 * u + 2]);
    maxY = Math.max(maxY, bbox[4 * u + 3]);
  }
  const side = Math.max(1, Math.ceil(Math.sqrt(U)));
  const w = Math.max(maxX - minX, 1e-12) / side;
  const h = Math.max(maxY - minY, 1e-12) / side;
  const col = (x: number) => Math.min(side - 1, Math.max(0, Math.floor((x - minX) / w)));
  const row = (y: number) => Math.min(side - 1, Math.max(0, Math.floor((y - minY) / h)));

  // cells[c] lists units; built as CSR: cellStart (side² + 1), cellUnits.
  const cellStart = new Int32Array(side * side + 1);
  const each = (u: number, f: (c: number) => void) => {
    for (let r = row(bbox[4 * u + 1]); r <= row(bbox[4 * u + 3]); r++) {
      for (let c = col(bbox[4 * u]); c <= col(bbox[4 * u + 2]); c++) f(r * side + c);
    }
  };
  for (let u = 0; u < U; u++) each(u, (c) => cellStart[c + 1]++);
  for (let c = 0; c < side * side; c++) cellStart[c + 1] += cellStart[c];
  const cellUnits = new Int32Array(cellStart[side * side]);
  const fill = cellStart.slice(0, side * side);
  for (let u = 0; u < U; u++) each(u, (c) => (cellUnits[fill[c]++] = u));

  return {
    unitAt(lng, lat) {
      if (lng < minX || lng > maxX || lat < minY || lat > maxY) return -1;
      const c = row(lat) * side + col(lng);
      for (let i = cellStart[c]; i < cellStart[c + 1]; i++) {
        const u = cellUnits[i];
        if (lng < bbox[4 * u] || lng > bbox[4 * u + 2] || lat < bbox[4 * u + 1] || lat > bbox[4 * u + 3]) continue;
        if (map.polygons[u].some((polygon) => polygonContains(polygon, lng, lat))) return u;
      }
      return -1;
    },
  };
}

/** Even–odd rule over all rings, so holes are excluded. */
export function polygonContains(polygon: FlatPolygon, x: number, y: number): boolean {
  let inside = false;
  for (const ring of polygon) {
    const k = ring.length / 2;
    for (let i = 0, j = k - 1; i < k; j = i++) {
      const xi = ring[2 * i], yi = ring[2 * i + 1];
      const xj = ring[2 * j], yj = ring[2 * j + 1];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}
