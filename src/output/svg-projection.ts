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
  const spread = points.some((p) => p[0] !== points[0][0] || p[1] !== points[0][1]);
  if (!spread && outlines.length === 0) {
    const [lng, lat] = points[0] ?? [0, 0];
    points.push([lng - 0.01, lat - 0.01], [lng + 0.01, lat + 0.01]);
  }
  const target = { type: "FeatureCollection", features: [...outlines, { type: "Feature", properties: {}, geometry: { type: "MultiPoint", coordinates: points } }] };
  return geoMercator()
    .rotate([-lng0, 0])
    .fitExtent(box, target as Parameters<GeoProjection["fitExtent"]>[1])
    .clipExtent(clip);
}
