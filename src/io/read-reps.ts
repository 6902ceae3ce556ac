import type { Rep } from "../model/problem-schema.js";
import type { FieldSpec } from "./field-spec.js";
import { readTable, type RecordOrigin } from "./read-table.js";
import type { SourceTable } from "./source-record.js";

/**
 * Rep columns. Required: `id`, `lng` (or `lon`, `longitude`), `lat` (or `latitude`), `capacity`.
 * Optional: `segments` (`;`-separated in CSV, an array in JSON), `region`, `district`, `max_travel_minutes`.
 */
export const repFields: readonly FieldSpec[] = [
  { key: "id", names: ["id", "rep_id"], kind: "text", required: true },
  { key: "capacity", names: ["capacity"], kind: "number", required: true },
  { key: "region", names: ["region"], kind: "text" },
  { key: "district", names: ["district"], kind: "text" },
  { key: "segments", names: ["segments"], kind: "list" },
  { key: "maxTravelMinutes", names: ["max_travel_minutes"], kind: "number" },
];

/** Reps read from a file, each with where it came from (same order). */
export interface RepRecords {
  readonly file: string;
  readonly reps: Rep[];
  /** Where rep `index` came from (built on demand, for messages). */
  readonly originOf: (index: number) => RecordOrigin;
}

/** Turns source records into `Rep`s, like `accountsFromTable`; the location is the rep's `home`. */
export function repsFromTable(table: SourceTable): RepRecords {
  const { rows, originOf } = readTable(table, repFields, "home");
  const reps = rows.map(({ values, point, attributes }) => {
    const rep: Record<string, unknown> = { id: values[0], home: point, capacity: values[1] };
    for (let s = 2; s < repFields.length; s++) if (values[s] !== undefined) rep[repFields[s].key] = values[s];
    if (attributes) rep.attributes = attributes;
    return rep as Rep;
  });
  return { file: table.file, reps, originOf };
}
