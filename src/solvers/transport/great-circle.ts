import type { CompiledProblem } from "../../compile/compiled-problem.js";
import { EARTH_RADIUS_KM, haversineKm } from "../../geo/haversine.js";
import type { ResolvedOptions } from "../../model/defaults.js";

const RAD = Math.PI / 180;
/** Pairs compared with the problem's travel model before geometric pruning is trusted. */
const SAMPLES = 64;

/**
 * Geometry of the built-in travel model (`minutes = haversineKm × minutesPerKm`), which lets
 * candidate search and pricing prune reps by angle. Points are unit vectors on the sphere.
 */
export interface GreatCircle {
  /** Travel minutes per radian of great-circle angle (= Earth radius × minutes per km). */
  readonly minutesPerRadian: number;
  /** Minutes per km of great-circle distance. */
  readonly minutesPerKm: number;
  /** Account unit vectors, xyz interleaved; length 3n. */
  readonly account: Float64Array;
  /** Rep unit vectors, xyz interleaved; length 3m. */
  readonly rep: Float64Array;
}

/**
 * Returns the geometry when travel follows the built-in great-circle model, `undefined` when the
 * problem brings its own matrix or function (then every rep must be checked explicitly). A
 * matrix is told apart by comparing a sample of pairs with the formula, bit for bit.
 */
export function greatCircle(p: CompiledProblem, options: ResolvedOptions): GreatCircle | undefined {
  if (options.travel.minutes !== undefined || p.n === 0) return undefined;
  const minutesPerKm = (options.travel.circuity / options.travel.speedKmh) * 60;
  for (let k = 0; k < SAMPLES; k++) {
    const a = Math.floor(((k * 2654435761) % 4294967296) / 4294967296 * p.n);
    const r = k % p.m;
    if (p.travel(r, a) !== minutes(p, minutesPerKm, r, a)) return undefined;
  }
  return {
    minutesPerRadian: EARTH_RADIUS_KM * minutesPerKm,
    minutesPerKm,
    account: unitVectors(p.accountLng, p.accountLat),
    rep: unitVectors(p.repLng, p.repLat),
  };
}

/** Travel minutes of the built-in model, bit-identical to `CompiledProblem.travel`. */
export function minutes(p: CompiledProblem, minutesPerKm: number, r: number, a: number): number {
  return haversineKm(p.repLng[r], p.repLat[r], p.accountLng[a], p.accountLat[a]) * minutesPerKm;
}

/** Unit vectors of points given in degrees, xyz interleaved. */
export function unitVectors(lng: Float64Array, lat: Float64Array): Float64Array {
  const out = new Float64Array(lng.length * 3);
  for (let i = 0; i < lng.length; i++) {
    const phi = lat[i] * RAD;
    const lambda = lng[i] * RAD;
    const c = Math.cos(phi);
    out[3 * i] = c * Math.cos(lambda);
    out[3 * i + 1] = c * Math.sin(lambda);
    out[3 * i + 2] = Math.sin(phi);
  }
  return out;
}

/** Angle in radians between unit vectors u[i] and v[j] (xyz interleaved). */
export function angleBetween(u: Float64Array, i: number, v: Float64Array, j: number): number {
  const dot = u[3 * i] * v[3 * j] + u[3 * i + 1] * v[3 * j + 1] + u[3 * i + 2] * v[3 * j + 2];
  return Math.acos(Math.max(-1, Math.min(1, dot)));
}

/**
 * Slack subtracted from angle-based lower bounds: acos loses up to ~1e-8 rad near 0, and the
 * haversine and acos formulas round differently.
 */
export const ANGLE_SLACK = 1e-7;
