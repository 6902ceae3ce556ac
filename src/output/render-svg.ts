import { geoPath } from "d3-geo";
import type { Plan } from "../model/plan.js";
import { checkOptions } from "./check-options.js";
import { windForD3 } from "./d3-winding.js";
import { escapeXml } from "./escape-xml.js";
import type { GeoJSON } from "./geojson-types.js";
import { darken, territoryColour } from "./palette.js";
import { renderAccounts, renderHighlights } from "./svg-accounts.js";
import { renderBasemap } from "./svg-basemap.js";
import { headerHeight, planFigures, renderHeader, wrapFigures } from "./svg-header.js";
import { svgLayout } from "./svg-layout.js";
import { renderLegend, type LegendEntry } from "./svg-legend.js";
import { fitProjection } from "./svg-projection.js";
import { renderReps } from "./svg-reps.js";
import { renderScaleBar } from "./scale-bar.js";
import { renderUnitBorders } from "./svg-unit-borders.js";
import { sharedTerritoryShapes, territoryFeatures } from "./territory-features.js";
import { unitBorders } from "./unit-borders.js";
import { isUnitPlan } from "./unit-plan.js";

/** Options for `renderSvg`; every field optional. */
export interface SvgOptions {
  /** Canvas width, px. Default 960. */
  readonly width?: number;
  /** Canvas height, px. Default 720. */
  readonly height?: number;
  /** Title at the top. Default `"Territory plan"`. A line of figures (status, balance, gap) follows it. */
  readonly title?: string;
  /** Draw a dot per account. Default true. */
  readonly showAccounts?: boolean;
  /**
   * Outlines drawn beneath the territories (coastlines, state borders…), any GeoJSON object with
   * `[lng, lat]` coordinates; polygons are filled light grey, lines stroked. It does not change the
   * map's extent, which always fits the plan. Either winding order works. Default none.
   */
  readonly basemap?: GeoJSON;
  /** How far, in km, territory outlines reach beyond the outermost accounts (as in `toGeoJSON`; not used by plans made of units). */
  readonly bufferKm?: number;
  /** Account ids marked with a ring on top of their dot (e.g. the accounts a realignment moves). Default none. */
  readonly highlight?: readonly string[];
}

/**
 * The plan as a standalone SVG map (a string starting with `<svg xmlns=…`), drawn with a Mercator
 * projection fitted to the data, bottom to top:
 * the optional basemap; territory outlines (as in `toGeoJSON`) filled with one colour per territory
 * (20 fixed distinct colours, then golden-angle hues) and separated by white borders (for a plan
 * made of geographic units: the dissolved units, with thin white borders between units of the same
 * territory and thicker dark territory borders); account dots
 * in their territory's colour with a darker stroke, sized by workload (unassigned accounts white
 * with a black stroke); rep homes as white-outlined squares labelled with the rep id (labels never
 * overlap: one that finds no free spot is left out; reps sharing a home share a label); a scale bar
 * at the bottom left (true at the map's centre latitude); the title with a line of figures; and a legend with one entry per rep (colour, id, workload hours, % of
 * target) plus one for unassigned accounts when there are any. Every piece of caller text (ids,
 * title) is XML-escaped. Territories and reps also carry a tooltip (`<title>`).
 *
 * Readable up to a few thousand accounts and a few dozen reps; with more reps than the legend can
 * hold (it takes up to 40 % of the width), the last legend line says how many are left out. Above
 * 20,000 accounts (`MAX_ACCOUNT_DOTS`) an evenly spaced sample of them is drawn as dots (every
 * unassigned account still is), so the file stays a few MB at most.
 * The plan is not modified. Throws `TerralignError` (`invalid_option`) for bad options.
 */
export function renderSvg(plan: Plan, options: SvgOptions = {}): string {
  checkOptions(options, { width: "positive", height: "positive", title: "string", showAccounts: "boolean", basemap: "geojson", bufferKm: "positive", highlight: "strings" });
  const width = options.width ?? 960;
  const height = options.height ?? 720;
  const reps = plan.problem.reps;
  const colours = reps.map((_, r) => territoryColour(r));
  const territories = new Map(plan.territories.map((t) => [t.repId, t]));
  const unitBased = isUnitPlan(plan);

  const entries: LegendEntry[] = reps.map((rep, r) => {
    const t = territories.get(rep.id);
    const workloadHours = t?.workloadHours ?? 0;
    const ofTarget = t && t.targetHours > 0 ? workloadHours / t.targetHours : Number.NaN;
    return {
      label: rep.id,
      fill: colours[r],
      stroke: darken(colours[r], 0.55),
      workloadHours,
      ofTarget,
      title: `${rep.id}: ${unitBased ? `${t?.unitIds?.length ?? 0} units, ` : ""}${t?.accountCount ?? 0} accounts, ${workloadHours.toFixed(1)} h of ${(t?.targetHours ?? 0).toFixed(1)} h target`,
    };
  });
  if (plan.unassigned.length > 0) {
    const byId = new Map(plan.problem.accounts.map((a) => [a.id, a.workload]));
    const hours = plan.unassigned.reduce((s, u) => s + (byId.get(u.accountId) ?? 0), 0);
    const accounts = `${plan.unassigned.length} account${plan.unassigned.length === 1 ? "" : "s"}`;
    entries.push({ label: "unassigned", fill: "#ffffff", stroke: "#000000", workloadHours: hours, note: "", title: `${accounts} unassigned` });
  }

  const figures = wrapFigures(planFigures(plan), width - 24);
  const layout = svgLayout(width, height, entries.length, headerHeight(figures.length));
  const outlines = territoryFeatures(plan, { bufferKm: options.bufferKm }, sharedTerritoryShapes(plan, { bufferKm: options.bufferKm })).map((f) => windForD3(f));
  const projection = fitProjection(plan, outlines, layout.map, [[0, layout.headerHeight], [layout.legend.x - 6, height]]);
  const path = geoPath(projection).digits(1);
  const [[x0, y0], [x1, y1]] = layout.map;

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif" role="img">`,
    `<title>${escapeXml(options.title ?? "Territory plan")}</title>`,
    `<rect class="background" width="${width}" height="${height}" fill="#ffffff"/>`,
  ];
  if (options.basemap) out.push(renderBasemap(options.basemap, path));
  // Unit-based territories get their borders drawn on top instead, so they can differ in weight.
  out.push(unitBased ? `<g class="territories" fill-opacity="0.45" stroke="none">` : `<g class="territories" fill-opacity="0.45" stroke="#ffffff" stroke-width="1.5" stroke-linejoin="round">`);
  const repIndex = new Map(reps.map((rep, r) => [rep.id, r]));
  for (const feature of outlines) {
    const r = repIndex.get(feature.properties.repId)!;
    const d = path(feature as Parameters<typeof path>[0]);
    if (d) out.push(`<path d="${d}" fill="${colours[r]}"><title>${escapeXml(entries[r].title)}</title></path>`);
  }
  out.push("</g>");
  const borders = unitBased ? renderUnitBorders(unitBorders(plan), path) : "";
  if (borders) out.push(borders);
  if (options.showAccounts !== false) out.push(renderAccounts(plan, projection, colours, (x1 - x0) * (y1 - y0)));
  if (options.highlight && options.highlight.length > 0) out.push(renderHighlights(plan, projection, options.highlight));
  out.push(renderReps(plan, projection, colours, [0, layout.headerHeight, layout.legend.x - 6, height]));
  out.push(renderScaleBar(projection, layout.map));
  out.push(renderHeader(options.title ?? "Territory plan", figures));
  out.push(renderLegend(entries, layout.legend));
  out.push("</svg>");
  return out.join("\n") + "\n";
}
