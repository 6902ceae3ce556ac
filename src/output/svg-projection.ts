import { geoMercator, geoPath, type GeoProjection } from "d3-geo";
import type { Plan } from "../model/plan.js";
import type { Feature } from "./geojson-types.js";

type Box = [[number, number], [number, number]];

/** d3's scale while it measures what it fits (`fitExtent` measures at scale 150, translate 0). */
const FIT_SCALE = 150;
const RADIANS = Math.PI / 180;

/**
 * A Mercator projection fitted to the plan: rotated to the data's circular mean longitude (so data
 * across the antimeridian stays together) and scaled so that every account, rep home and territory
 * outline fits `box` ([[left, top], [right, bottom]], px). Paths are clipped to `clip` (same
 * form), so a basemap never runs under the title or the legend. Data that is a single point is
 * shown with about ±0.01° around it.
 */
export function fitProjection(plan: Plan, outlines: readonly Feature<unknown, unknown>[], box: Box, clip: Box): GeoProjection {
  return mercatorFrame(plan, outlines).projection(box, clip);
}

/** The plan's data measured once under the rotated Mercator, for fitting it to several boxes. */
export interface MercatorFrame {
  /** The projection that fits the data to `box`, clipped to `clip`: what d3's `fitExtent` gives. */
  projection(box: Box, clip: Box): GeoProjection;
  /**
   * How tall the data is, px, once fitted to `box` (measured at d3's fitting scale and scaled up,
   * within a pixel of measuring it in the fitted projection; outlines that reach Mercator's own
   * clip near a pole or wrap the globe can differ more).
   */
  height(box: Box): number;
  /**
   * Each account's position under `projection` (one of this frame's), x and y interleaved, as
   * `projection(account.location)` gives it (the same arithmetic, without an array per account).
   */
  accountPositions(projection: GeoProjection): Float64Array;
}

/**
 * Measures the plan's outlines, rep homes and extreme accounts once (d3 streams every outline
 * vertex to measure, which is the dear part at a million accounts), so that fitting the same data
 * to several boxes costs nothing more.
 */
export function mercatorFrame(plan: Plan, outlines: readonly Feature<unknown, unknown>[]): MercatorFrame {
  const { accounts, reps } = plan.problem;
  let sx = 0, sy = 0;
  for (const account of accounts) (sx += Math.cos(account.location[0] * RADIANS)), (sy += Math.sin(account.location[0] * RADIANS));
  for (const rep of reps) (sx += Math.cos(rep.home[0] * RADIANS)), (sy += Math.sin(rep.home[0] * RADIANS));
  const count = accounts.length + reps.length;
  const lng0 = count === 0 ? 0 : (Math.atan2(sy, sx) * 180) / Math.PI;
  const extremes = extremePoints(plan, lng0);
  const spread = extremes.some((p) => p[0] !== extremes[0][0] || p[1] !== extremes[0][1]);
  if (!spread && outlines.length === 0) {
    const [lng, lat] = extremes[0] ?? [0, 0];
    extremes.push([lng - 0.01, lat - 0.01], [lng + 0.01, lat + 0.01]);
  }
  const target = { type: "FeatureCollection", features: [...outlines, { type: "Feature", properties: {}, geometry: { type: "MultiPoint", coordinates: extremes } }] };
  const rotated = () => geoMercator().rotate([-lng0, 0]);
  // What fitExtent measures, once: the data's bounds at scale 150, translate 0, no clip extent.
  const [[x0, y0], [x1, y1]] = geoPath(rotated().scale(FIT_SCALE).translate([0, 0])).bounds(target as Parameters<ReturnType<typeof geoPath>["bounds"]>[0]);
  const factor = (box: Box) => Math.min((box[1][0] - box[0][0]) / (x1 - x0), (box[1][1] - box[0][1]) / (y1 - y0));
  return {
    projection(box, clip) {
      // d3's fitExtent, from the bounds measured above.
      const w = box[1][0] - box[0][0], h = box[1][1] - box[0][1];
      const k = factor(box);
      const x = +box[0][0] + (w - k * (x1 + x0)) / 2;
      const y = +box[0][1] + (h - k * (y1 + y0)) / 2;
      return rotated()
        .scale(FIT_SCALE * k)
        .translate([x, y])
        .clipExtent(clip);
    },
    height: (box) => factor(box) * (y1 - y0),
    accountPositions(projection) {
      return mercatorPositions(projection, lng0, accounts);
    },
  };
}

/**
 * d3's point projection for `geoMercator().rotate([-lng0, 0])` with its scale and translate, step
 * by step (rotation by λ only, wrapped into ±π; Mercator; scale, translate — d3 re-centres on
 * the projected origin, whose y is log tan(π/4), not exactly 0).
 */
function mercatorPositions(projection: GeoProjection, lng0: number, accounts: Plan["problem"]["accounts"]): Float64Array {
  const pi = Math.PI, tau = 2 * pi, halfPi = pi / 2;
  const k = projection.scale();
  const [tx, ty] = projection.translate();
  const dy = ty - (0 - k * Math.log(Math.tan(halfPi / 2)));
  const deltaLambda = ((-lng0 % 360) * RADIANS) % tau;
  const out = new Float64Array(2 * accounts.length);
  for (let a = 0; a < accounts.length; a++) {
    let lambda = accounts[a].location[0] * RADIANS;
    const phi = accounts[a].location[1] * RADIANS;
    if (deltaLambda) lambda += deltaLambda;
    if (Math.abs(lambda) > pi) lambda -= Math.round(lambda / tau) * tau;
    out[2 * a] = tx + k * lambda;
    out[2 * a + 1] = dy - k * Math.log(Math.tan((halfPi + phi) / 2));
  }
  return out;
}

/**
 * The accounts and rep homes with the smallest and largest latitude and longitude (longitude
 * measured from `lng0`, as the rotated projection sees it). Mercator's x grows with the rotated
 * longitude alone and its y with the latitude alone, so these four give the same projected box as
 * all the points.
 */
function extremePoints(plan: Plan, lng0: number): [number, number][] {
  const { accounts, reps } = plan.problem;
  const first = accounts[0]?.location ?? reps[0]?.home;
  if (first === undefined) return [];
  const relative = (lng: number) => ((((lng - lng0 + 180) % 360) + 360) % 360) - 180;
  let west = first, east = first, south = first, north = first;
  const see = (p: [number, number]) => {
    if (relative(p[0]) < relative(west[0])) west = p;
    if (relative(p[0]) > relative(east[0])) east = p;
    if (p[1] < south[1]) south = p;
    if (p[1] > north[1]) north = p;
  };
  for (const account of accounts) see(account.location);
  for (const rep of reps) see(rep.home);
  return [west, east, south, north];
}
