/** Mean Earth radius, km. */
export const EARTH_RADIUS_KM = 6371.0088;

const RAD = Math.PI / 180;

/** Great-circle distance in km between two `[lng, lat]` points given as four numbers (degrees). */
export function haversineKm(lng1: number, lat1: number, lng2: number, lat2: number): number {
  return haversineKmCos(lng1, lat1, Math.cos(lat1 * RAD), lng2, lat2, Math.cos(lat2 * RAD));
}

/**
 * `haversineKm` with the cosines of both latitudes given (`Math.cos(lat × π / 180)`, computed once
 * per point by the caller): the same value, bit for bit, without two cosines per call.
 */
export function haversineKmCos(lng1: number, lat1: number, cos1: number, lng2: number, lat2: number, cos2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLng = (lng2 - lng1) * RAD;
  const s = Math.sin(dLat / 2) ** 2 + cos1 * cos2 * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(s)));
}

/** `Math.cos(lat × π / 180)` of each latitude (degrees), as `haversineKmCos` takes them. */
export function latitudeCosines(lat: ArrayLike<number>): Float64Array {
  const out = new Float64Array(lat.length);
  for (let i = 0; i < lat.length; i++) out[i] = Math.cos(lat[i] * RAD);
  return out;
}
