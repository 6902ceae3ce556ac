import polygonClipping, { type MultiPolygon } from "polygon-clipping";
import type { Position } from "../../src/output/geojson-types.js";

/** Signed planar area of a closed ring (shoelace), positive when counter-clockwise. */
export function ringArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return sum / 2;
}

/** Planar area of multipolygon coordinates (exteriors minus holes). */
export function area(polygons: readonly (readonly (readonly Position[])[])[]): number {
  let sum = 0;
  for (const polygon of polygons) polygon.forEach((ring, i) => (sum += i === 0 ? Math.abs(ringArea(ring)) : -Math.abs(ringArea(ring))));
  return sum;
}

function inRing(point: Position, ring: readonly Position[]): boolean {
  const [x, y] = point;
  let inside = false;
  for (let i = 0, j = ring.length - 2; i < ring.length - 1; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Distance from a point to a ring's boundary (planar, in coordinate units). */
function distanceToRing(point: Position, ring: readonly Position[]): number {
  let best = Infinity;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [ax, ay] = ring[i];
    const [bx, by] = ring[i + 1];
    const dx = bx - ax, dy = by - ay;
    const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, ((point[0] - ax) * dx + (point[1] - ay) * dy) / (dx * dx + dy * dy)));
    best = Math.min(best, Math.hypot(point[0] - ax - t * dx, point[1] - ay - t * dy));
  }
  return best;
}

/** Whether the point lies inside (or within `tolerance` of the boundary of) the multipolygon. */
export function covers(polygons: readonly (readonly (readonly Position[])[])[], point: Position, tolerance = 2e-6): boolean {
  for (const polygon of polygons) {
    if (polygon.some((ring) => distanceToRing(point, ring) <= tolerance)) return true;
    if (inRing(point, polygon[0]) && !polygon.slice(1).some((hole) => inRing(point, hole))) return true;
  }
  return false;
}

/** Area of the intersection of two multipolygons. */
export function overlapArea(a: readonly Position[][][], b: readonly Position[][][]): number {
  return area(polygonClipping.intersection(a as MultiPolygon, b as MultiPolygon) as Position[][][]);
}

/** Freezes a value and everything reachable from it, so any write throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !ArrayBuffer.isView(value) && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}
