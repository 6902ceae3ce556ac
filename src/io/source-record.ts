/**
 * One record read from a file (a CSV row, a JSON object, a GeoJSON feature), before it becomes an
 * `Account` or a `Rep`. Readers convert every format into these so that one piece of code maps
 * columns to fields and one set of messages says where a bad value is. Records hold only what was
 * read; the words that name a place in a message (`accounts.csv line 14, column workload`) are
 * built by `recordWhere` / `fieldAt` when a message needs them, so reading a million rows builds
 * no message text.
 */
export interface SourceRecord {
  /** Field names as written, in file order (CSV: the header, shared by every record). */
  readonly names: readonly string[];
  /** Values, one per name. CSV values are strings; JSON values keep their type. */
  readonly values: readonly unknown[];
  /** CSV: the 1-based line on which the record starts; JSON: its index in the array. */
  readonly position: number;
  /** A GeoJSON Point's `[lng, lat]`, when the record is a feature with a geometry. */
  readonly point?: unknown;
}

/**
 * How a table names its records in messages: `csv` → `accounts.csv line 14, column workload`;
 * `array` → `a.json [3].workload`; `list` → `a.json accounts[3].workload`;
 * `features` → `a.geojson features[3].properties.workload`.
 */
export type RecordStyle = "csv" | "array" | "list" | "features";

/** How a file's records are named in messages. */
export interface RecordPlace {
  /** File name used in messages (as the user gave it). */
  readonly file: string;
  readonly style: RecordStyle;
  /** The array's key for style `list` (`accounts`, `reps`). */
  readonly listKey?: string;
}

/** All records of one file, with the file's column names when it is a table. */
export interface SourceTable extends RecordPlace {
  /** Column names from the header (CSV only); JSON records each carry their own keys. */
  readonly columns?: readonly string[];
  readonly records: readonly SourceRecord[];
  /** CSV numbers are written with a decimal comma (`1,5`), as `--decimal-comma` says. */
  readonly decimalComma?: boolean;
}

/** Where a record is: `accounts.csv line 14`, `accounts.geojson features[3]`. */
export function recordWhere(table: RecordPlace, record: { readonly position: number }): string {
  switch (table.style) {
    case "csv":
      return `${table.file} line ${record.position}`;
    case "array":
      return `${table.file} [${record.position}]`;
    case "list":
      return `${table.file} ${table.listKey}[${record.position}]`;
    case "features":
      return `${table.file} features[${record.position}]`;
  }
}

/** Names field `name` of a record: `accounts.csv line 14, column workload`, `a.json [3].workload`. */
export function fieldAt(table: SourceTable, record: SourceRecord, name: string): string {
  const where = recordWhere(table, record);
  if (table.style === "csv") return `${where}, column ${name}`;
  return table.style === "features" ? `${where}.properties.${name}` : `${where}.${name}`;
}

/** Names coordinate `index` (0 = lng, 1 = lat) of a feature's Point geometry. */
export function geometryAt(table: SourceTable, record: SourceRecord, index: number): string {
  return `${recordWhere(table, record)}.geometry.coordinates[${index}]`;
}

/** The value of field `name` as written, undefined when the record has no such field. */
export function valueOf(record: SourceRecord, name: string): unknown {
  const i = record.names.indexOf(name);
  return i < 0 ? undefined : record.values[i];
}
