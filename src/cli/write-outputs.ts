import { join } from "node:path";
import type { Plan } from "../model/plan.js";
import { diffFromToday } from "../realign/today-of.js";
import { toMovedCsv } from "../output/realign-tables.js";
import { accountFeatureTexts } from "../output/account-features.js";
import { featureCollectionText, featureListText } from "../output/geojson-text.js";
import type { GeoJSON } from "../output/geojson-types.js";
import { renderSvg, toAssignmentsCsv, toMarkdown, toReport } from "../output/index.js";
import { repFeatures } from "../output/rep-features.js";
import { territoryFeatures } from "../output/territory-features.js";
import { toHtml } from "../report/to-html.js";
import type { CliIo } from "./cli-io.js";

/** The files `align` writes, in the order they are listed to the user. */
export const outputFiles = ["assignments.csv", "report.json", "territories.geojson", "map.svg", "report.md", "report.html"] as const;

/** What the maps show besides the plan. */
export interface MapOptions {
  /** Outlines drawn beneath the territories (`--basemap`). */
  readonly basemap?: GeoJSON;
}

/** The plan's drawings: its territories as GeoJSON text (in pieces), its SVG map and its HTML report. */
export const planDrawings = {
  // toGeoJSON(plan) as text, in pieces: the account points a few thousand at a time.
  "territories.geojson": (plan: Plan) => featureCollectionText([featureListText(territoryFeatures(plan)), ...accountFeatureTexts(plan), featureListText(repFeatures(plan))]),
  "map.svg": (plan: Plan, options: MapOptions) => renderSvg(plan, options.basemap ? { basemap: options.basemap } : {}),
  "report.html": (plan: Plan, options: MapOptions) => toHtml(plan, options.basemap ? { basemap: options.basemap } : {}),
} as const;

/**
 * Writes the six output files of a plan into `dir` (created when missing), and `moved.csv` (the
 * accounts that leave their current rep) when accounts have one; returns their paths.
 */
export function writeOutputs(plan: Plan, dir: string, io: CliIo, options: MapOptions = {}): string[] {
  io.makeDir(dir);
  const contents: Record<(typeof outputFiles)[number], () => string | string[]> = {
    "assignments.csv": () => toAssignmentsCsv(plan),
    "report.json": () => `${JSON.stringify(toReport(plan), null, 2)}\n`,
    "territories.geojson": () => planDrawings["territories.geojson"](plan),
    "map.svg": () => planDrawings["map.svg"](plan, options),
    "report.md": () => toMarkdown(plan),
    "report.html": () => planDrawings["report.html"](plan, options),
  };
  const paths = outputFiles.map((name) => {
    const path = join(dir, name);
    io.writeFile(path, contents[name]());
    return path;
  });
  const diff = diffFromToday(plan);
  if (diff) {
    const path = join(dir, "moved.csv");
    io.writeFile(path, toMovedCsv(diff));
    paths.push(path);
  }
  return paths;
}
