/**
 * One record read from a file (a CSV row, a JSON object, a GeoJSON feature), before it becomes an
 * `Account` or a `Rep`. Readers convert every format into these so that one piece of code maps
 * columns to fields and one set of messages says where a bad value is.
 */
export interface SourceRecord {
  /** Where the record is, for messages: `accounts.csv line 14`, `accounts.geojson features[3]`. */
  readonly where: string;
  /** Field name as written → value, in file order. CSV values are strings; JSON values keep their type. */
  readonly fields: ReadonlyMap<string, unknown>;
  /** A GeoJSON Point's `[lng, lat]`, when the record is a feature with a geometry. */
  readonly point?: unknown;
  /** Names a field of this record in a message: `accounts.csv line 14, column workload`. */
  readonly at: (field: string) => string;
  /** Names the point's coordinate `index` (0 = lng, 1 = lat) in a message. */
  readonly pointAt?: (index: number) => string;
}

/** All records of one file, with the file's column names when it is a table. */
export interface SourceTable {
  /** File name used in messages (as the user gave it). */
  readonly file: string;
  /** Column names from the header (CSV only); JSON records each carry their own keys. */
  readonly columns?: readonly string[];
  readonly records: readonly SourceRecord[];
}
