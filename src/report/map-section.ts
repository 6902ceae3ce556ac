import { geoPath, type GeoProjection } from "d3-geo";
import type { Plan } from "../model/plan.js";
import { repIndexByAccount } from "../output/account-sites.js";
import { windForD3 } from "../output/d3-winding.js";
import { escapeXml } from "../output/escape-xml.js";
import type { GeoJSON } from "../output/geojson-types.js";
import { territoryColour } from "../output/palette.js";
import { kmPerPixel } from "../output/scale-bar.js";
import { maxDotRadius } from "../output/svg-accounts.js";
import { renderBasemap } from "../output/svg-basemap.js";
import { mercatorFrame } from "../output/svg-projection.js";
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
  // Outlines are measured once: the data's height when fitted to a square sets the map's height.
  const frame = mercatorFrame(plan, outlines);
  const height = Math.round(Math.min(760, Math.max(360, frame.height([[MARGIN, MARGIN], [WIDTH - MARGIN, WIDTH - MARGIN]]) + 2 * MARGIN)));
  const projection = frame.projection([[MARGIN, MARGIN], [WIDTH - MARGIN, height - MARGIN]], [[0, 0], [WIDTH, height]]);
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
  return { html, data: accountData(plan, projection, frame.accountPositions(projection), height, marks) };
}

function accountData(plan: Plan, projection: GeoProjection, positions: Float64Array, height: number, marks: MapMarks): MapData {
  const { accounts } = plan.problem;
  const repOf = repIndexByAccount(plan);
  let maxWorkload = 0;
  for (const account of accounts) maxWorkload = Math.max(maxWorkload, account.workload);
  const n = accounts.length;
  const xy: number[] = new Array(2 * n);
  // One digit per account, as character codes, made into the string a block at a time.
  const digits = new Uint16Array(n);
  const moved: number[] = [];
  const underCovered: number[] = [];
  for (let a = 0; a < n; a++) {
    const x = positions[2 * a], y = positions[2 * a + 1];
    // An account the projection cannot place is parked far off the map rather than dropped, so indices stay aligned.
    xy[2 * a] = Number.isFinite(x) ? Math.round(x * COORDINATE_FACTOR) : -1e6;
    xy[2 * a + 1] = Number.isFinite(y) ? Math.round(y * COORDINATE_FACTOR) : -1e6;
    digits[a] = 48 + (maxWorkload > 0 ? Math.round(9 * Math.sqrt(Math.max(0, accounts[a].workload) / maxWorkload)) : 0);
    if (marks.moved?.[a]) moved.push(a);
    if (marks.underCovered?.[a]) underCovered.push(a);
  }
  const blocks: string[] = [];
  for (let from = 0; from < n; from += 8192) blocks.push(String.fromCharCode(...digits.subarray(from, Math.min(n, from + 8192))));
  return {
    width: WIDTH,
    height,
    kmPerPx: kmPerPixel(projection, [WIDTH / 2, height / 2]),
    dotRadius: maxDotRadius(accounts.length, (WIDTH - 2 * MARGIN) * (height - 2 * MARGIN)),
    xy,
    rep: Array.from(repOf),
    size: blocks.join(""),
    moved,
    underCovered,
  };
}

