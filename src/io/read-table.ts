import { TerralignError } from "../errors.js";
import { describeValue } from "../model/describe-value.js";
import { matchColumns, requireColumns, type ColumnMatch, type FieldSpec } from "./field-spec.js";
import { isBlank, toNumber, toText, toTextList } from "./field-values.js";
import type { SourceRecord, SourceTable } from "./source-record.js";

/** Where a record came from, to turn a model path (`["location", 1]`) back into file words. */
export interface RecordOrigin {
  /** `accounts.csv line 14`. */
  readonly where: string;
  /** Names the source of a field path inside the record, e.g. `accounts.csv line 14, column lat`. */
  readonly at: (path: readonly (string | number)[]) => string;
}

/** One record with its fields converted, ready to be assembled into an `Account` or a `Rep`. */
export interface TableRow {
  /** Field key → value (`text` → string, `number` → number, `list` → string[]); blank optional cells are absent. */
  readonly values: ReadonlyMap<string, unknown>;
  /** `[lng, lat]`. */
  readonly point: [number, number];
  /** Columns no field claims, value untouched (CSV: the original string); undefined when none. */
  readonly attributes?: Record<string, unknown>;
  readonly origin: RecordOrigin;
}

const LNG: FieldSpec = { key: "lng", names: ["lng", "lon", "longitude", "long"], kind: "number" };
const LAT: FieldSpec = { key: "lat", names: ["lat", "latitude"], kind: "number" };

/**
 * Converts a table's records with `specs` (plus the `lng`/`lat` columns). The location comes from
 * the `lng`/`lat` columns, else from a GeoJSON geometry, else from a `[lng, lat]` array in the
 * `pointKey` field (`location` or `home`). `attributes` in a JSON record (an object) are merged
 * with the extra columns. Throws a `TerralignError` naming file, line and column for bad cells.
 */
export function readTable(table: SourceTable, specs: readonly FieldSpec[], pointKey: string): TableRow[] {
  const all = [...specs, LNG, LAT, { key: pointKey, names: [pointKey], kind: "text" } as FieldSpec, { key: "attributes", names: ["attributes"], kind: "text" } as FieldSpec];
  const rows: TableRow[] = [];
  let shared: ColumnMatch | undefined;
  if (table.columns) {
    shared = matchColumns(table.columns, all, `${table.file} line 1`);
    requireColumns(shared, [...specs, { ...LNG, required: true }, { ...LAT, required: true }], table.columns, table.file, "column");
  }
  for (const record of table.records) {
    let match = shared;
    if (!match) {
      match = matchColumns(record.fields.keys(), all, record.where);
      const hasPoint = record.point !== undefined || match.byKey.has(pointKey);
      const required = hasPoint ? specs : [...specs, { ...LNG, required: true }, { ...LAT, required: true }];
      requireColumns(match, required, [...record.fields.keys()], record.where, "field");
    }
    rows.push(readRow(record, specs, match, pointKey));
  }
  return rows;
}

function readRow(record: SourceRecord, specs: readonly FieldSpec[], match: ColumnMatch, pointKey: string): TableRow {
  const values = new Map<string, unknown>();
  for (const spec of specs) {
    const column = match.byKey.get(spec.key);
    if (column === undefined) continue;
    const raw = record.fields.get(column);
    if (isBlank(raw) && !spec.required) continue;
    const at = record.at(column);
    values.set(spec.key, spec.kind === "number" ? toNumber(raw, at) : spec.kind === "list" ? toTextList(raw, at) : toText(raw, at));
  }
  const lngColumn = match.byKey.get("lng");
  const latColumn = match.byKey.get("lat");
  let point: [number, number];
  let pointAt: (index: number) => string;
  if (record.point !== undefined) {
    pointAt = record.pointAt ?? ((index) => `${record.where} coordinates[${index}]`);
    point = toPoint(record.point, pointAt, record.where);
  } else if (lngColumn !== undefined && latColumn !== undefined) {
    point = [toNumber(record.fields.get(lngColumn), record.at(lngColumn)), toNumber(record.fields.get(latColumn), record.at(latColumn))];
    pointAt = (index) => record.at(index === 0 ? lngColumn : latColumn);
  } else {
    const column = match.byKey.get(pointKey) ?? pointKey;
    pointAt = (index) => `${record.at(column)}[${index}]`;
    point = toPoint(record.fields.get(column), pointAt, record.at(column));
  }
  const attributes = collectAttributes(record, match);
  const origin: RecordOrigin = {
    where: record.where,
    at(path) {
      const [head, index] = path;
      if (head === "location" || head === "home") return typeof index === "number" ? pointAt(index) : record.where;
      const column = typeof head === "string" ? match.byKey.get(head) : undefined;
      return column !== undefined ? record.at(column) : record.where;
    },
  };
  return { values, point, attributes, origin };
}

function toPoint(value: unknown, at: (index: number) => string, where: string): [number, number] {
  if (!Array.isArray(value) || value.length < 2) {
    throw new TerralignError("invalid_input", `${where}: expected a position [lng, lat], got ${describeValue(value)}`);
  }
  return [toNumber(value[0], at(0)), toNumber(value[1], at(1))];
}

/** Extra columns, plus a JSON record's own `attributes` object, kept as they were written. */
function collectAttributes(record: SourceRecord, match: ColumnMatch): Record<string, unknown> | undefined {
  const entries: [string, unknown][] = [];
  for (const column of match.extra) entries.push([column, record.fields.get(column)]);
  // With a geometry, lng/lat properties are not the location: they travel as attributes.
  if (record.point !== undefined) {
    for (const key of ["lng", "lat"]) {
      const column = match.byKey.get(key);
      if (column !== undefined) entries.push([column, record.fields.get(column)]);
    }
  }
  const own = match.byKey.get("attributes");
  const nested = own !== undefined ? record.fields.get(own) : undefined;
  if (nested !== null && typeof nested === "object" && !Array.isArray(nested)) entries.push(...Object.entries(nested));
  else if (own !== undefined && !isBlank(nested)) entries.push([own, nested]);
  // Object.fromEntries defines own properties, so ids like "__proto__" stay plain keys.
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}
