import type { Rep } from "../model/problem-schema.js";
import { attributeNames } from "./attribute-names.js";
import { csvField, toCsv } from "./csv-writer.js";
import { formatCell } from "./format-cell.js";

/** Fixed columns of `toRepsCsv`, in the form the rep reader reads back. */
export const REP_COLUMNS = ["id", "lng", "lat", "capacity", "segments", "region", "max_travel_minutes"] as const;

/**
 * Reps as CSV, in the form `readReps` reads back: `id,lng,lat,capacity,segments,region,
 * max_travel_minutes` (segments `;`-separated, empty cells for absent fields), then one column
 * per attribute key seen (an attribute named like a fixed column is written as `attributes.<name>`).
 */
export function toRepsCsv(reps: readonly Rep[]): string {
  const names = attributeNames(REP_COLUMNS, reps);
  const keys = [...names.keys()];
  const lines = reps.map((rep) => {
    const cells = [rep.id, String(rep.home[0]), String(rep.home[1]), String(rep.capacity), rep.segments?.join(";") ?? "", rep.region ?? "", rep.maxTravelMinutes !== undefined ? String(rep.maxTravelMinutes) : ""];
    for (const key of keys) cells.push(rep.attributes && Object.hasOwn(rep.attributes, key) ? formatCell(rep.attributes[key]) : "");
    return `${cells.map(csvField).join(",")}\n`;
  });
  return toCsv([[...REP_COLUMNS, ...names.values()]]) + lines.join("");
}
