/** Mean Earth radius, km. */
const EARTH_RADIUS_KM = 6371.0088;
const RAD = Math.PI / 180;

/**
 * A local equirectangular projection in kilometres: x east, y north, origin at the data's centre.
 * Distances are true along meridians and along the centre latitude, and stretched east–west by
 * cos(centreLat) / cos(lat) elsewhere, which is close enough for regional data.
 */
export interface LocalProjection {
  /** Central longitude and latitude, degrees. */
  readonly lng0: number;
  readonly lat0: number;
  /** `[lng, lat]` → `[x, y]` km. Longitudes are unwrapped to within 180° of `lng0`. */
  project(lng: number, lat: number): [number, number];
  /** `[x, y]` km → `[lng, lat]`; latitude clamped to [−90, 90], longitude not wrapped. */
  invert(x: number, y: number): [number, number];
}

/**
 * Centres the projection on the circular mean longitude (so data spanning the antimeridian stays
 * in one piece) and the middle of the latitude range. Longitudes and latitudes have length ≥ 1.
 */
export function localProjection(lngs: ArrayLike<number>, lats: ArrayLike<number>): LocalProjection {
  let sx = 0, sy = 0, latMin = Infinity, latMax = -Infinity;
  for (let i = 0; i < lngs.length; i++) {
    sx += Math.cos(lngs[i] * RAD);
    sy += Math.sin(lngs[i] * RAD);
    latMin = Math.min(latMin, lats[i]);
    latMax = Math.max(latMax, lats[i]);
  }
  const lng0 = sx === 0 && sy === 0 ? lngs[0] : Math.atan2(sy, sx) / RAD;
  const lat0 = (latMin + latMax) / 2;
  // Near the poles cos → 0; a floor keeps the projection invertible.
  const kx = EARTH_RADIUS_KM * RAD * Math.max(Math.cos(lat0 * RAD), 0.01);
  const ky = EARTH_RADIUS_KM * RAD;
  return {
    lng0,
    lat0,
    project(lng, lat) {
      const d = ((((lng - lng0 + 180) % 360) + 360) % 360) - 180;
      return [d * kx, (lat - lat0) * ky];
    },
    invert(x, y) {
      return [lng0 + x / kx, Math.min(90, Math.max(-90, lat0 + y / ky))];
    },
  };
}
