import { join } from "node:path";
import type { AssignmentRow, Plan } from "../model/plan.js";
import { diffPlans } from "../realign/diff-plans.js";
import { toMovedCsv } from "../output/realign-tables.js";
import { accountFeatureTexts } from "../output/account-features.js";
import { featureCollectionPieces, featureListText } from "../output/geojson-text.js";
import { assignmentsCsvPieces } from "../output/to-assignments-csv.js";
import { renderSvg, toMarkdown, toReport } from "../output/index.js";
import { repFeatures } from "../output/rep-features.js";
import { territoryFeatures } from "../output/territory-features.js";
import type { CliIo } from "./cli-io.js";

/** The files `align` writes, in the order they are listed to the user. */
export const outputFiles = ["assignments.csv", "report.json", "territories.geojson", "map.svg", "report.md"] as const;

/**
 * Writes the five output files of a plan into `dir` (created when missing), and `moved.csv` (the
 * accounts that leave their current rep) when accounts have one; returns their paths. The set
 * replaces the previous one as a whole (`CliIo.replaceFolder`): never a mix of two runs.
 */
export function writeOutputs(plan: Plan, dir: string, io: CliIo): string[] {
  const names: string[] = [...outputFiles];
  const contents = outputTexts(plan);
  io.replaceFolder(dir, [...outputFiles, "moved.csv"], (folder) => {
    for (const name of outputFiles) io.writeFile(join(folder, name), contents[name]());
    const today = todayOf(plan);
    if (today.length > 0) {
      io.writeFile(join(folder, "moved.csv"), toMovedCsv(diffPlans(plan.problem, today, plan)));
      names.push("moved.csv");
    }
  });
  return names.map((name) => join(dir, name));
}

/** The GeoJSON's feature lists: territories, then the account points a few hundred at a time (made as written), then reps. */
function* geojsonLists(plan: Plan): Generator<string> {
  yield featureListText(territoryFeatures(plan));
  yield* accountFeatureTexts(plan);
  yield featureListText(repFeatures(plan));
}

/** Each file's text, made when it is written; the large ones as pieces streamed to the file. */
function outputTexts(plan: Plan): Record<(typeof outputFiles)[number], () => string | Iterable<string>> {
  return {
    "assignments.csv": () => assignmentsCsvPieces(plan),
    "report.json": () => `${JSON.stringify(toReport(plan), null, 2)}\n`,
    // toGeoJSON(plan) as text, in pieces: the account points a few hundred at a time.
    "territories.geojson": () => featureCollectionPieces(geojsonLists(plan)),
    "map.svg": () => renderSvg(plan),
    "report.md": () => toMarkdown(plan),
  };
}

/** Today's owners (`currentRep`) as assignment rows. */
export function todayOf(plan: Plan): AssignmentRow[] {
  return plan.problem.accounts.filter((a) => a.currentRep !== undefined).map((a) => ({ accountId: a.id, repId: a.currentRep! }));
}
