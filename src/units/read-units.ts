import * as z from "zod/mini";
import { TerralignError } from "../errors.js";
import { toTerralignError } from "../model/zod-issues.js";
import { checkUnits } from "./check-units.js";
import { unitsSchema, type Units } from "./units-schema.js";

/**
 * Reads units from the text of a GeoJSON FeatureCollection or TopoJSON Topology file (for the CLI's
 * `--units FILE`; the caller reads the file). `object` picks the TopoJSON object that holds the units
 * when the topology has several (e.g. `"counties"` in us-atlas's counties-10m.json); the others are
 * dropped. The units are validated here, so every error is a `TerralignError` (`invalid_file`)
 * whose message starts with the file name: `counties.json: objects.counties.geometries[3].id: unit
 * has no id: …`.
 */
export function readUnits(input: { readonly file: string; readonly text: string }, object?: string): Units {
  const { file, text } = input;
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new TerralignError("invalid_file", `${file}: not valid JSON (${(error as Error).message})`);
  }
  if (json !== null && typeof json === "object" && (json as { type?: unknown }).type === "Topology") {
    const objects = (json as { objects?: Record<string, unknown> }).objects ?? {};
    const names = Object.keys(objects);
    if (object !== undefined) {
      if (!names.includes(object)) {
        throw new TerralignError("invalid_file", `${file}: the topology has no object ${JSON.stringify(object)}; its objects are ${names.map((n) => JSON.stringify(n)).join(", ") || "none"}`);
      }
      json = { ...json, objects: { [object]: objects[object] } };
    } else if (names.length > 1) {
      throw new TerralignError("invalid_file", `${file}: the topology holds ${names.length} objects (${names.map((n) => JSON.stringify(n)).join(", ")}); name the one that holds the units`);
    }
  } else if (object !== undefined) {
    throw new TerralignError("invalid_file", `${file}: an object name (${JSON.stringify(object)}) applies only to TopoJSON, and this is not a topology`);
  }
  const result = z
    .strictObject({ accounts: z.array(z.never()), units: unitsSchema })
    .check(z.superRefine((value, ctx) => checkUnits(value, ctx)))
    .safeParse({ accounts: [], units: json }, { reportInput: true });
  if (!result.success) {
    const error = toTerralignError(result.error, "invalid_file");
    const issues = error.issues.map((issue) => ({ path: issue.path.slice(1), message: issue.message }));
    throw new TerralignError("invalid_file", `${file}: ${error.message.replace(/^units\.?/, "")}`, issues);
  }
  return json as Units;
}
