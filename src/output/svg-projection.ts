import { geoMercator, type GeoProjection } from "d3-geo";
import type { Plan } from "../model/plan.js";
import type { Feature } from "./geojson-types.js";

/**
 * A Mercator projection fitted to the plan: rotated to the data's circular mean longitude (so data
 * across the antimeridian stays together) and scaled so that every account, rep home and territory
 * outline fits `box` ([[left, top], [right, bottom]], px). Paths are clipped to `clip` (same
 * form), so a basemap never runs under the title or the legend. Data that is a single point is
 * shown with about ±0.01° around it.
 */
export function fitProjection(
  plan: Plan,
  outlines: readonly Feature<unknown, unknown>[],
  box: [[number, number], [number, number]],
  clip: [[number, number], [number, number]],
): GeoProjection {
  const points: [number, number][] = [];
  for (const account of plan.problem.accounts) points.push(account.location);
  for (const rep of plan.problem.reps) points.push(rep.home);
  let sx = 0, sy = 0;
  for (const [lng] of points) {
    sx += Math.cos((lng * Math.PI) / 180);
    sy += Math.sin((lng * Math.PI) / 180);
  }
  const lng0 = points.length === 0 ? 0 : (Math.atan2(sy, sx) * 180) / Math.PI;
  const extremes = extremePoints(points, lng0);
  const spread = extremes.some((p) => p[0] !== extremes[0][0] || p[1] !== extremes[0][1]);
  if (!spread && outlines.length === 0) {
    const [lng, lat] = extremes[0] ?? [0, 0];
    extremes.push([lng - 0.01, lat - 0.01], [lng + 0.01, lat + 0.01]);
  }
  const target = { type: "FeatureCollection", features: [...outlines, { type: "Feature", properties: {}, geometry: { type: "MultiPoint", coordinates: extremes } }] };
  return geoMercator()
    .rotate([-lng0, 0])
    .fitExtent(box, target as Parameters<GeoProjection["fitExtent"]>[1])
    .clipExtent(clip);
}

/**
 * The points with the smallest and largest latitude and longitude (longitude measured from
 * `lng0`, as the rotated projection sees it). Mercator's x grows with the rotated longitude alone
 * and its y with the latitude alone, so these four give the same projected box as all the points.
 */
function extremePoints(points: readonly [number, number][], lng0: number): [number, number][] {
  if (points.length === 0) return [];
  const relative = (lng: number) => ((((lng - lng0 + 180) % 360) + 360) % 360) - 180;
  let west = points[0], east = points[0], south = points[0], north = points[0];
  for (const p of points) {
    if (relative(p[0]) < relative(west[0])) west = p;
    if (relative(p[0]) > relative(east[0])) east = p;
    if (p[1] < south[1]) south = p;
    if (p[1] > north[1]) north = p;
  }
  return [west, east, south, north];
}
