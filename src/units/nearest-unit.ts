import type { UnitMap } from "./unit-map.js";
import type { UnitMeasures } from "./unit-measures.js";

/**
 * The unit whose boundary is nearest to a point, and that distance in degrees of latitude (planar,
 * longitudes scaled by cos(latitude of the point)). Units are scanned in order of their bounding
 * box's distance, stopping once no box can hold a nearer boundary.
 */
export function nearestUnit(map: UnitMap, measures: UnitMeasures, lng: number, lat: number): { unit: number; distance: number } {
  const kx = Math.cos((lat * Math.PI) / 180);
  const { bbox } = measures;
  const order = Array.from({ length: map.count }, (_, u) => u);
  const bound = new Float64Array(map.count);
  for (let u = 0; u < map.count; u++) {
    const dx = Math.max(0, bbox[4 * u] - lng, lng - bbox[4 * u + 2]) * kx;
    const dy = Math.max(0, bbox[4 * u + 1] - lat, lat - bbox[4 * u + 3]);
    bound[u] = Math.hypot(dx, dy);
  }
  order.sort((a, b) => bound[a] - bound[b] || a - b);
  let best = Infinity, unit = -1;
  for (const u of order) {
    if (bound[u] >= best) break;
    for (const polygon of map.polygons[u]) {
      for (const ring of polygon) {
        const k = ring.length / 2;
        for (let i = 0, j = k - 1; i < k; j = i++) {
          const d = segmentDistance(lng, lat, ring[2 * j], ring[2 * j + 1], ring[2 * i], ring[2 * i + 1], kx);
          if (d < best) {
            best = d;
            unit = u;
          }
        }
      }
    }
  }
  return { unit, distance: best };
}

/** Planar distance from point p to segment ab, longitudes scaled by kx. */
export function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number, kx: number): number {
  const ux = (bx - ax) * kx, uy = by - ay;
  const vx = (px - ax) * kx, vy = py - ay;
  const len = ux * ux + uy * uy;
  const t = len > 0 ? Math.max(0, Math.min(1, (ux * vx + uy * vy) / len)) : 0;
  return Math.hypot(vx - t * ux, vy - t * uy);
}
