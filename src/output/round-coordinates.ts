import type { Position } from "./geojson-types.js";

/** Decimal places kept in every output coordinate (6 decimals ≈ 0.11 m at the equator). */
export const COORDINATE_DECIMALS = 6;
/** 10 ^ `COORDINATE_DECIMALS`: a rounded coordinate is an integer number of these fractions of a degree. */
export const COORDINATE_SCALE = 10 ** COORDINATE_DECIMALS;

/** Rounds a coordinate to `COORDINATE_DECIMALS` places (and turns −0 into 0). */
export function roundCoordinate(value: number): number {
  return Math.round(value * COORDINATE_SCALE) / COORDINATE_SCALE + 0;
}

/** Rounds a position to `COORDINATE_DECIMALS` places. */
export function roundPosition(lng: number, lat: number): Position {
  return [roundCoordinate(lng), roundCoordinate(lat)];
}

/**
 * Rounds every position of polygons, drops positions that rounding made equal to their
 * predecessor, drops rings left with fewer than 4 positions (3 distinct corners + closing) and
 * polygons whose exterior ring went. Rings stay closed.
 */
export function roundPolygons(polygons: readonly (readonly (readonly (readonly number[])[])[])[]): Position[][][] {
  const out: Position[][][] = [];
  for (const polygon of polygons) {
    const rings: Position[][] = [];
    for (let i = 0; i < polygon.length; i++) {
      const ring: Position[] = [];
      for (const [lng, lat] of polygon[i]) {
        const p = roundPosition(lng, lat);
        const last = ring[ring.length - 1];
        if (!last || last[0] !== p[0] || last[1] !== p[1]) ring.push(p);
      }
      const first = ring[0];
      const last = ring[ring.length - 1];
      if (first && (first[0] !== last[0] || first[1] !== last[1])) ring.push([first[0], first[1]]);
      if (ring.length >= 4) rings.push(ring);
      else if (i === 0) break;
    }
    if (rings.length > 0) out.push(rings);
  }
  return out;
}
