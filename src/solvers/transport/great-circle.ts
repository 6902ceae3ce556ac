import type { CompiledProblem } from "../../compile/compiled-problem.js";
import { EARTH_RADIUS_KM, haversineKm } from "../../geo/haversine.js";

const RAD = Math.PI / 180;

/**
 * Geometry of the built-in travel model (`minutes = haversineKm × minutesPerKm`), which lets rep
 * search prune reps by distance. Present only when the compiled problem uses that model
 * (`CompiledProblem.minutesPerKm`); a travel matrix or function gets no pruning.
 */
export interface GreatCircle {
  /** Travel minutes per radian of great-circle angle (= Earth radius × minutes per km). */
  readonly minutesPerRadian: number;
  /** Minutes per km of great-circle distance. */
  readonly minutesPerKm: number;
  /** Rep home unit vectors, xyz interleaved; length 3m. */
  readonly rep: Float64Array;
}

/** The geometry when the problem uses the built-in great-circle model, else undefined. */
export function greatCircle(p: CompiledProblem): GreatCircle | undefined {
  if (p.minutesPerKm === undefined) return undefined;
  return { minutesPerRadian: EARTH_RADIUS_KM * p.minutesPerKm, minutesPerKm: p.minutesPerKm, rep: unitVectors(p.repLng, p.repLat) };
}

/** Travel minutes from rep r to account a: the built-in formula (bit-identical to `CompiledProblem.travel`) or the problem's own model. */
export function travelMinutes(p: CompiledProblem, geo: GreatCircle | undefined, r: number, a: number): number {
  return geo ? haversineKm(p.repLng[r], p.repLat[r], p.accountLng[a], p.accountLat[a]) * geo.minutesPerKm : p.travel(r, a);
}

/** Unit vectors of points given in degrees, xyz interleaved. */
export function unitVectors(lng: Float64Array, lat: Float64Array): Float64Array {
  const out = new Float64Array(lng.length * 3);
  for (let i = 0; i < lng.length; i++) writeUnitVector(out, i, lng[i], lat[i]);
  return out;
}

/** Writes the unit vector of the point (degrees) into row i of `out` (xyz interleaved). */
export function writeUnitVector(out: Float64Array, i: number, lng: number, lat: number): void {
  const phi = lat * RAD;
  const lambda = lng * RAD;
  const c = Math.cos(phi);
  out[3 * i] = c * Math.cos(lambda);
  out[3 * i + 1] = c * Math.sin(lambda);
  out[3 * i + 2] = Math.sin(phi);
}

/** Angle (radians) subtended by a chord of the unit sphere. */
export function chordAngle(chord: number): number {
  return 2 * Math.asin(Math.min(1, chord / 2));
}

/** Whether rep r may serve account a at t minutes (segments, regions, travel limit). */
export function isEligible(p: CompiledProblem, r: number, a: number, t: number): boolean {
  return t <= p.maxTravel[r] && p.compatible(r, a);
}
