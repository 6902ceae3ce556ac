import { geoPath } from "d3-geo";
import type { Plan } from "../model/plan.js";
import { repIndexByAccount } from "../output/account-sites.js";
import { windForD3 } from "../output/d3-winding.js";
import { escapeXml } from "../output/escape-xml.js";
import type { GeoJSON } from "../output/geojson-types.js";
import { territoryColour } from "../output/palette.js";
import { kmPerPixel } from "../output/scale-bar.js";
import { maxDotRadius } from "../output/svg-accounts.js";
import { renderBasemap } from "../output/svg-basemap.js";
import { fitProjection } from "../output/svg-projection.js";
import { renderReps } from "../output/svg-reps.js";
import { renderUnitBorders } from "../output/svg-unit-borders.js";
import { sharedTerritoryShapes, territoryFeatures } from "../output/territory-features.js";
import { unitBorders } from "../output/unit-borders.js";
import { isUnitPlan } from "../output/unit-plan.js";
import { COORDINATE_FACTOR, type MapData } from "./report-data.js";

/** The map's width in its own pixels; the height follows the data's shape. */
const WIDTH = 960;
const MARGIN = 12;

/** What the map shows besides territories, accounts and reps. */
export interface MapMarks {
  readonly basemap?: GeoJSON;
  readonly bufferKm?: number;
  /** Per account (input order), 1 when it changes rep: ringed in red. */
  readonly moved?: Uint8Array;
  /** Per account, 1 when under-covered (white space): ringed in black. */
  readonly underCovered?: Uint8Array;
}

/**
 * The map: an SVG of the basemap and territory outlines (`territoryFeatures`, one `path` per
 * territory carrying `data-rep`), a canvas the page script fills with every account, an overlay
 * SVG with the rep homes and their labels (`renderReps`), the scale bar and the tooltip; and the
 * data the script draws from. Mercator, fitted to the data (as `renderSvg`), 960 px wide and as
 * tall as the data's shape asks (360–760 px).
 */
export function mapSection(plan: Plan, marks: MapMarks): { html: string; data: MapData } {
  const outlines = territoryFeatures(plan, { bufferKm: marks.bufferKm }, sharedTerritoryShapes(plan, { bufferKm: marks.bufferKm })).map((f) => windForD3(f));
  const square = fitProjection(plan, outlines, [[MARGIN, MARGIN], [WIDTH - MARGIN, WIDTH - MARGIN]], [[0, 0], [WIDTH, WIDTH]]);
  const [[, top], [, bottom]] = geoPath(square).bounds({ type: "FeatureCollection", features: [...outlines, pointsFeature(plan)] } as Parameters<ReturnType<typeof geoPath>["bounds"]>[0]);
  const height = Math.round(Math.min(760, Math.max(360, bottom - top + 2 * MARGIN)));
  const projection = fitProjection(plan, outlines, [[MARGIN, MARGIN], [WIDTH - MARGIN, height - MARGIN]], [[0, 0], [WIDTH, height]]);
  const path = geoPath(projection).digits(1);
  const colours = plan.problem.reps.map((_, r) => territoryColour(r));
  const repIndex = new Map(plan.problem.reps.map((rep, r) => [rep.id, r]));

  const shapes = outlines.map((feature) => {
    const r = repIndex.get(feature.properties.repId)!;
    const d = path(feature as Parameters<typeof path>[0]);
    return d ? `<path class="territory" data-rep="${escapeXml(feature.properties.repId)}" d="${d}" fill="${colours[r]}"/>` : "";
  });
  const borders = isUnitPlan(plan) ? renderUnitBorders(unitBorders(plan), path) : "";
  const viewBox = `0 0 ${WIDTH} ${height}`;
  const html = [
    `<div class="map" id="map" style="aspect-ratio: ${WIDTH} / ${height}">`,
    `<svg id="map-svg" viewBox="${viewBox}" role="img" aria-label="Territory map">`,
    `<g id="map-view">`,
    marks.basemap ? renderBasemap(marks.basemap, path) : "",
    `<g class="territories${isUnitPlan(plan) ? " units" : ""}">`,
    ...shapes,
    "</g>",
    borders,
    "</g></svg>",
    `<canvas id="map-canvas" aria-hidden="true"></canvas>`,
    `<svg id="map-overlay" viewBox="${viewBox}" aria-hidden="true">${renderReps(plan, projection, colours, [0, 0, WIDTH, height])}</svg>`,
    `<div class="scale" id="map-scale"><span class="scale-label"></span><span class="scale-bar"></span></div>`,
    `<div class="map-buttons"><button type="button" data-zoom="in" title="Zoom in">+</button><button type="button" data-zoom="out" title="Zoom out">−</button><button type="button" data-zoom="reset" title="Whole map">⤢</button></div>`,
    `<div id="tooltip" class="tooltip" role="tooltip" hidden></div>`,
    "</div>",
  ].filter((part) => part !== "").join("\n");
  return { html, data: accountData(plan, projection, height, marks) };
}

function accountData(plan: Plan, projection: ReturnType<typeof fitProjection>, height: number, marks: MapMarks): MapData {
  const { accounts } = plan.problem;
  const repOf = repIndexByAccount(plan);
  let maxWorkload = 0;
  for (const account of accounts) maxWorkload = Math.max(maxWorkload, account.workload);
  const xy: number[] = new Array(2 * accounts.length);
  const sizes: string[] = new Array(accounts.length);
  const moved: number[] = [];
  const underCovered: number[] = [];
  accounts.forEach((account, a) => {
    const p = projection(account.location) ?? [Number.NaN, Number.NaN];
    // An account the projection cannot place is parked far off the map rather than dropped, so indices stay aligned.
    xy[2 * a] = Number.isFinite(p[0]) ? Math.round(p[0] * COORDINATE_FACTOR) : -1e6;
    xy[2 * a + 1] = Number.isFinite(p[1]) ? Math.round(p[1] * COORDINATE_FACTOR) : -1e6;
    sizes[a] = String(maxWorkload > 0 ? Math.round(9 * Math.sqrt(Math.max(0, account.workload) / maxWorkload)) : 0);
    if (marks.moved?.[a]) moved.push(a);
    if (marks.underCovered?.[a]) underCovered.push(a);
  });
  return {
    width: WIDTH,
    height,
    kmPerPx: kmPerPixel(projection, [WIDTH / 2, height / 2]),
    dotRadius: maxDotRadius(accounts.length, (WIDTH - 2 * MARGIN) * (height - 2 * MARGIN)),
    xy,
    rep: Array.from(repOf),
    size: sizes.join(""),
    moved,
    underCovered,
  };
}

/** Rep homes and the extreme account locations, so the fitted box holds them all. */
function pointsFeature(plan: Plan) {
  const points = [...plan.problem.reps.map((r) => r.home), ...plan.problem.accounts.map((a) => a.location)];
  return { type: "Feature", properties: {}, geometry: { type: "MultiPoint", coordinates: points } };
}
