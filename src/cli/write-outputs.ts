import { join } from "node:path";
import type { Plan } from "../model/plan.js";
import { accountFeatureTexts } from "../output/account-features.js";
import { featureCollectionText, featureListText } from "../output/geojson-text.js";
import { renderSvg, toAssignmentsCsv, toMarkdown, toReport } from "../output/index.js";
import { repFeatures } from "../output/rep-features.js";
import { rememberTerritoryShapes, territoryFeatures } from "../output/territory-features.js";
import type { TerritoryShape } from "../output/territory-polygons.js";
import type { CliIo } from "./cli-io.js";

/** The files `align` writes, in the order they are listed to the user. */
export const outputFiles = ["assignments.csv", "report.json", "territories.geojson", "map.svg", "report.md"] as const;

/**
 * Writes the five output files of a plan into `dir` (created when missing); returns their paths.
 * When `outlines` are being drawn elsewhere (a worker thread), the files that do not need them are
 * written first, and the outlines are awaited only for `territories.geojson` and `map.svg`; should
 * they fail, they are drawn here and `onOutlineFailure` is told why.
 */
export async function writeOutputs(
  plan: Plan,
  dir: string,
  io: CliIo,
  outlines?: Promise<readonly TerritoryShape[]>,
  onOutlineFailure?: (error: unknown) => void,
): Promise<string[]> {
  io.makeDir(dir);
  const path = (name: (typeof outputFiles)[number]) => join(dir, name);
  io.writeFile(path("assignments.csv"), toAssignmentsCsv(plan));
  io.writeFile(path("report.json"), `${JSON.stringify(toReport(plan), null, 2)}\n`);
  io.writeFile(path("report.md"), toMarkdown(plan));
  // territories.geojson is toGeoJSON(plan) written in pieces: the points before the outlines are in.
  const accounts = accountFeatureTexts(plan);
  const reps = featureListText(repFeatures(plan));
  if (outlines) {
    try {
      rememberTerritoryShapes(plan, {}, await outlines);
    } catch (error) {
      onOutlineFailure?.(error);
    }
  }
  io.writeFile(path("territories.geojson"), featureCollectionText([featureListText(territoryFeatures(plan)), ...accounts, reps]));
  io.writeFile(path("map.svg"), renderSvg(plan));
  return outputFiles.map(path);
}
