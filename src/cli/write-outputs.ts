import { join } from "node:path";
import type { Plan } from "../model/plan.js";
import { diffFromToday } from "../realign/today-of.js";
import { toMovedCsv } from "../output/realign-tables.js";
import { accountFeatureTexts } from "../output/account-features.js";
import { featureCollectionPieces, featureListText } from "../output/geojson-text.js";
import type { GeoJSON } from "../output/geojson-types.js";
import { renderSvg, toMarkdown, toReport } from "../output/index.js";
import { assignmentsCsvPieces } from "../output/to-assignments-csv.js";
import { repFeatures } from "../output/rep-features.js";
import { sharedTerritoryShapes, territoryFeatures } from "../output/territory-features.js";
import { toHtml } from "../report/to-html.js";
import type { CliIo } from "./cli-io.js";
import type { FileSet } from "./write-file-set.js";

// writeFileSet has a module of its own, so that a command writing plain files (route) loads none of the drawing code.
export { writeFileSet, type FileSet } from "./write-file-set.js";

/** The files `align` writes, in the order they are listed to the user. */
export const outputFiles = ["assignments.csv", "report.json", "territories.geojson", "map.svg", "report.md", "report.html"] as const;

/** What the maps show besides the plan. */
export interface MapOptions {
  /** Outlines drawn beneath the territories (`--basemap`). */
  readonly basemap?: GeoJSON;
}

/** The plan's drawings: its territories as GeoJSON text (pieces made as they are written), its SVG map and its HTML report. */
export const planDrawings = {
  "territories.geojson": (plan: Plan) => featureCollectionPieces(geojsonLists(plan)),
  "map.svg": (plan: Plan, options: MapOptions) => renderSvg(plan, options.basemap ? { basemap: options.basemap } : {}),
  "report.html": (plan: Plan, options: MapOptions) => toHtml(plan, options.basemap ? { basemap: options.basemap } : {}),
} as const;

/** The GeoJSON's feature lists: territories, then the account points a few hundred at a time (made as written), then reps. */
function* geojsonLists(plan: Plan): Generator<string> {
  yield featureListText(territoryFeatures(plan, {}, sharedTerritoryShapes(plan)));
  yield* accountFeatureTexts(plan);
  yield featureListText(repFeatures(plan));
}

/**
 * Writes the six output files of a plan into `dir` (created when missing), and `moved.csv` (the
 * accounts that leave their current rep) when accounts have one; returns their paths. The set
 * replaces the previous one as a whole (`CliIo.replaceFolder`): never a mix of two runs. The
 * large files are streamed: their text is made in pieces as it is written.
 */
export function writeOutputs(plan: Plan, dir: string, io: CliIo, options: MapOptions = {}, extra: FileSet = []): string[] {
  const contents: Record<(typeof outputFiles)[number], () => string | Iterable<string>> = {
    "assignments.csv": () => assignmentsCsvPieces(plan),
    "report.json": () => `${JSON.stringify(toReport(plan), null, 2)}\n`,
    "territories.geojson": () => planDrawings["territories.geojson"](plan),
    "map.svg": () => planDrawings["map.svg"](plan, options),
    "report.md": () => toMarkdown(plan),
    "report.html": () => planDrawings["report.html"](plan, options),
  };
  const names: string[] = [...outputFiles];
  io.replaceFolder(dir, [...outputFiles, "moved.csv", ...extra.map(([name]) => name)], (folder) => {
    for (const name of outputFiles) io.writeFile(join(folder, name), contents[name]());
    for (const [name, text] of extra) {
      io.writeFile(join(folder, name), typeof text === "function" ? text() : text);
      names.push(name);
    }
    const diff = diffFromToday(plan);
    if (diff) {
      io.writeFile(join(folder, "moved.csv"), toMovedCsv(diff));
      names.push("moved.csv");
    }
  });
  return names.map((name) => join(dir, name));
}
