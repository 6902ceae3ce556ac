import { EARTH_RADIUS_KM, haversineKm } from "../geo/haversine.js";
import type { FlatRing, UnitMap } from "./unit-map.js";

const RAD = Math.PI / 180;

/** Size and position of each unit; arrays indexed by unit. */
export interface UnitMeasures {
  /** Area on the sphere, km² (exteriors minus holes). */
  readonly areaKm2: Float64Array;
  /** Length of every ring (exteriors and holes), km. */
  readonly perimeterKm: Float64Array;
  /** Bounding box, `[minLng, minLat, maxLng, maxLat]` of unit u at `4u .. 4u + 3`. */
  readonly bbox: Float64Array;
  /** Centroid of the unit's largest polygon's exterior ring (planar in degrees), `[lng, lat]`. */
  readonly centroidLng: Float64Array;
  readonly centroidLat: Float64Array;
}

/** Area (km²), perimeter (km), bounding box and centroid of every unit. */
export function measureUnits(map: UnitMap): UnitMeasures {
  const U = map.count;
  const areaKm2 = new Float64Array(U);
  const perimeterKm = new Float64Array(U);
  const bbox = new Float64Array(4 * U);
  const centroidLng = new Float64Array(U);
  const centroidLat = new Float64Array(U);
  for (let u = 0; u < U; u++) {
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    let largest = -1;
    for (const polygon of map.polygons[u]) {
      let area = 0;
      polygon.forEach((ring, r) => {
        const a = Math.abs(ringAreaKm2(ring));
        area += r === 0 ? a : -a;
        perimeterKm[u] += ringLengthKm(ring);
        for (let i = 0; i < ring.length; i += 2) {
          minX = Math.min(minX, ring[i]);
          maxX = Math.max(maxX, ring[i]);
          minY = Math.min(minY, ring[i + 1]);
          maxY = Math.max(maxY, ring[i + 1]);
        }
      });
      areaKm2[u] += area;
      if (area > largest) {
        largest = area;
        const [x, y] = ringCentroid(polygon[0]);
        centroidLng[u] = x;
        centroidLat[u] = y;
      }
    }
    bbox.set([minX, minY, maxX, maxY], 4 * u);
  }
  return { areaKm2, perimeterKm, bbox, centroidLng, centroidLat };
}

/**
 * Signed area of a ring on the sphere, km² (positive when counter-clockwise), by the
 * Chamberlain–Duquette formula −Σ (λ[i+1] − λ[i−1]) sin φ[i] × R² / 2.
 */
export function ringAreaKm2(ring: FlatRing): number {
  const k = ring.length / 2;
  if (k < 3) return 0;
  let sum = 0;
  for (let i = 0; i < k; i++) {
    const prev = i === 0 ? k - 1 : i - 1;
    const next = i === k - 1 ? 0 : i + 1;
    sum += (ring[2 * next] - ring[2 * prev]) * RAD * Math.sin(ring[2 * i + 1] * RAD);
  }
  return (-sum * EARTH_RADIUS_KM * EARTH_RADIUS_KM) / 2;
}

/** Length of a closed ring, km (great-circle segments). */
export function ringLengthKm(ring: FlatRing): number {
  const k = ring.length / 2;
  let sum = 0;
  for (let i = 0; i < k; i++) {
    const j = i === k - 1 ? 0 : i + 1;
    sum += haversineKm(ring[2 * i], ring[2 * i + 1], ring[2 * j], ring[2 * j + 1]);
  }
  return sum;
}

/** Planar centroid of a ring in degrees; the mean vertex when the ring has no area. */
function ringCentroid(ring: FlatRing): [number, number] {
  const k = ring.length / 2;
  const x0 = ring[0], y0 = ring[1];
  let a = 0, cx = 0, cy = 0, mx = 0, my = 0;
  for (let i = 0; i < k; i++) {
    const j = i === k - 1 ? 0 : i + 1;
    const xi = ring[2 * i] - x0, yi = ring[2 * i + 1] - y0;
    const xj = ring[2 * j] - x0, yj = ring[2 * j + 1] - y0;
    const cross = xi * yj - xj * yi;
    a += cross;
    cx += (xi + xj) * cross;
    cy += (yi + yj) * cross;
    mx += xi;
    my += yi;
  }
  if (Math.abs(a) < 1e-18) return [x0 + mx / k, y0 + my / k];
  return [x0 + cx / (3 * a), y0 + cy / (3 * a)];
}
