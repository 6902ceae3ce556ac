import { TerralignError } from "../errors.js";
import { eachCsvRecord } from "./csv.js";
import { scanCsvColumns, type ColumnKind, type CsvColumns } from "./csv-columns.js";
import { describeValue } from "../model/describe-value.js";
import { matchColumns, requireColumns, type ColumnMatch, type FieldSpec } from "./field-spec.js";
import { isBlank, readNumber, toNumber, toText, toTextList } from "./field-values.js";
import { fieldAt, geometryAt, recordWhere, type SourceRecord, type SourceTable } from "./source-record.js";

/** Where a record came from, to turn a model path (`["location", 1]`) back into file words. */
export interface RecordOrigin {
  /** `accounts.csv line 14`. */
  readonly where: string;
  /** Names the source of a field path inside the record, e.g. `accounts.csv line 14, column lat`. */
  readonly at: (path: readonly (string | number)[]) => string;
}

/** One record with its fields converted, ready to be assembled into an `Account` or a `Rep`. */
export interface TableRow {
  /** One value per spec, in spec order (`text` → string, `number` → number, `list` → string[]); undefined for a blank optional cell. */
  readonly values: readonly unknown[];
  /** `[lng, lat]`. */
  readonly point: [number, number];
  /** Columns no field claims, value untouched (CSV: the original string); undefined when none. */
  readonly attributes?: Record<string, unknown>;
}

/** Converted records, and where each came from (built only when asked, for messages). */
export interface ReadRows {
  readonly rows: TableRow[];
  readonly originOf: (index: number) => RecordOrigin;
}

const LNG: FieldSpec = { key: "lng", names: ["lng", "lon", "longitude", "long"], kind: "number" };
const LAT: FieldSpec = { key: "lat", names: ["lat", "latitude"], kind: "number" };

/** Which value index feeds each field of one record shape (−1: no such column). */
interface Layout {
  readonly match: ColumnMatch;
  /** Per spec (same order): index into the record's names/values, −1 when absent. */
  readonly field: Int32Array;
  readonly lng: number;
  readonly lat: number;
  /** The `location`/`home` field holding a `[lng, lat]` array. */
  readonly pointField: number;
  readonly attributes: number;
  /** Indices of columns no field claims, in file order. */
  readonly extra: Int32Array;
}

/**
 * Converts a table's records with `specs` (plus the `lng`/`lat` columns). The location comes from
 * the `lng`/`lat` columns, else from a GeoJSON geometry, else from a `[lng, lat]` array in the
 * `pointKey` field (`location` or `home`). `attributes` in a JSON record (an object) are merged
 * with the extra columns. Throws a `TerralignError` naming file, line and column for bad cells.
 */
export function readTable(table: SourceTable, specs: readonly FieldSpec[], pointKey: string): ReadRows {
  const all = [...specs, LNG, LAT, { key: pointKey, names: [pointKey], kind: "text" } as FieldSpec, { key: "attributes", names: ["attributes"], kind: "text" } as FieldSpec];
  let shared: Layout | undefined;
  if (table.columns) {
    const match = matchColumns(table.columns, all, `${table.file} line 1`);
    requireColumns(match, [...specs, { ...LNG, required: true }, { ...LAT, required: true }], table.columns, table.file, "column");
    shared = layout(match, table.columns, specs, pointKey);
  }
  const layoutOf = (record: SourceRecord): Layout => {
    if (shared) return shared;
    const where = recordWhere(table, record);
    const match = matchColumns(record.names, all, where);
    const hasPoint = record.point !== undefined || match.byKey.has(pointKey);
    const required = hasPoint ? specs : [...specs, { ...LNG, required: true }, { ...LAT, required: true }];
    requireColumns(match, required, record.names, where, "field");
    return layout(match, record.names, specs, pointKey);
  };
  const rows = table.records.map((record) => readRow(table, record, specs, layoutOf(record)));
  const originOf = (index: number): RecordOrigin => {
    const record = table.records[index];
    return recordOrigin(table, record, layoutOf(record), pointKey);
  };
  return { rows, originOf };
}

/** Rows read from CSV text by `readCsvTable`, and where each came from. */
export interface CsvTableItems<T> {
  readonly items: T[];
  readonly originOf: (index: number) => RecordOrigin;
}

/**
 * `readTable` straight from CSV text, each record turned into `make(row)` as it is read: no
 * record, cell array or row outlives its line (`make` must not keep `row.values`), and only the
 * line numbers are kept for messages. Same columns, conversions and errors as `readCsvRecords`:
 * plain files are read column by column (`scanCsvColumns`), anything the scan leaves (a bad cell,
 * say) record by record.
 */
export function readCsvTable<T>(text: string, file: string, decimalComma: boolean, specs: readonly FieldSpec[], pointKey: string, make: (row: TableRow) => T): CsvTableItems<T> {
  const reader = csvReader(file, decimalComma, specs, pointKey);
  const scanned = scanCsvColumns(text, file, decimalComma, (header) => columnKinds(reader.onHeader(header), specs, header.length));
  const items = scanned && rowsOfColumns(scanned, reader.table(), specs, reader.shape(), make);
  if (!scanned || !items) return readCsvRecords(text, file, decimalComma, specs, pointKey, make);
  return { items, originOf: (index) => reader.originOf(scanned.lines[index]) };
}

/** `readCsvTable` record by record (`eachCsvRecord`, then `readRow`): the reader for any CSV text, and the one that words its errors. */
export function readCsvRecords<T>(text: string, file: string, decimalComma: boolean, specs: readonly FieldSpec[], pointKey: string, make: (row: TableRow) => T): CsvTableItems<T> {
  const reader = csvReader(file, decimalComma, specs, pointKey);
  const items: T[] = [];
  const lines: number[] = [];
  eachCsvRecord(text, file, {}, reader.onHeader, ({ line, cells }) => {
    items.push(make(readRow(reader.table(), { names: reader.table().columns!, values: cells, position: line }, specs, reader.shape())));
    lines.push(line);
  });
  return { items, originOf: (index) => reader.originOf(lines[index]) };
}

/** The header's checks and layout, shared by both CSV readers; `originOf` names a record by its line. */
function csvReader(file: string, decimalComma: boolean, specs: readonly FieldSpec[], pointKey: string) {
  const all = [...specs, LNG, LAT, { key: pointKey, names: [pointKey], kind: "text" } as FieldSpec, { key: "attributes", names: ["attributes"], kind: "text" } as FieldSpec];
  let table: SourceTable = { file, style: "csv", records: [], ...(decimalComma ? { decimalComma } : {}) };
  let shape: Layout | undefined;
  return {
    onHeader(header: readonly string[]): Layout {
      table = { ...table, columns: header };
      const match = matchColumns(header, all, `${file} line 1`);
      requireColumns(match, [...specs, { ...LNG, required: true }, { ...LAT, required: true }], header, file, "column");
      return (shape = layout(match, header, specs, pointKey));
    },
    table: () => table,
    shape: () => shape!,
    originOf: (line: number): RecordOrigin => recordOrigin(table, { names: table.columns!, values: [], position: line }, shape!, pointKey),
  };
}

/** What the column scan keeps: the fields' columns (numbers read), lng and lat, and the columns that become attributes as written. */
function columnKinds(shape: Layout, specs: readonly FieldSpec[], width: number): ColumnKind[] {
  const kinds = new Array<ColumnKind>(width).fill("skip");
  specs.forEach((spec, s) => {
    if (shape.field[s] >= 0) kinds[shape.field[s]] = spec.kind === "number" ? "number" : spec.kind === "text" ? "text" : "raw";
  });
  kinds[shape.lng] = kinds[shape.lat] = "number";
  for (const i of shape.extra) kinds[i] = "raw";
  if (shape.attributes >= 0) kinds[shape.attributes] = "raw";
  return kinds;
}

/**
 * The rows `readRow` makes, from scanned columns, each handed to `make` (one `values` array serves
 * every row: a row does not outlive `make`); undefined when a cell needs `readRow`'s words (a
 * blank required number), so that the caller reads the text record by record.
 */
function rowsOfColumns<T>(scanned: CsvColumns, table: SourceTable, specs: readonly FieldSpec[], shape: Layout, make: (row: TableRow) => T): T[] | undefined {
  const { header, columns, count } = scanned;
  const lng = columns[shape.lng] as Float64Array, lat = columns[shape.lat] as Float64Array;
  // Each field's column by kind, so that every read below sees one type.
  const numbers = specs.map((spec, s) => (shape.field[s] >= 0 && spec.kind === "number" ? (columns[shape.field[s]] as Float64Array) : undefined));
  const strings = specs.map((spec, s) => (shape.field[s] >= 0 && spec.kind !== "number" ? (columns[shape.field[s]] as string[]) : undefined));
  const extra = Array.from(shape.extra, (i) => columns[i] as string[]);
  const nested = shape.attributes >= 0 ? (columns[shape.attributes] as string[]) : undefined;
  const values: unknown[] = new Array(specs.length);
  const items: T[] = new Array(count);
  for (let r = 0; r < count; r++) {
    for (let s = 0; s < specs.length; s++) {
      values[s] = undefined;
      const spec = specs[s];
      const column = numbers[s];
      if (column !== undefined) {
        const value = column[r];
        if (value === value) values[s] = value;
        else if (spec.required) return undefined;
        continue;
      }
      const text = strings[s];
      if (text === undefined || (!spec.required && isBlank(text[r]))) continue;
      values[s] = spec.kind === "text" ? text[r] : convert(spec, text[r], table, { names: header, values: [], position: scanned.lines[r] }, header[shape.field[s]]);
    }
    if (lng[r] !== lng[r] || lat[r] !== lat[r]) return undefined;
    const point: [number, number] = [lng[r], lat[r]];
    let attributes: Record<string, unknown> | undefined;
    if (extra.length > 0 || nested) {
      const entries: [string, unknown][] = [];
      for (let k = 0; k < extra.length; k++) entries.push([header[shape.extra[k]], extra[k][r]]);
      if (nested && !isBlank(nested[r])) entries.push([header[shape.attributes], nested[r]]);
      if (entries.length > 0) attributes = Object.fromEntries(entries);
    }
    items[r] = make(attributes === undefined ? { values, point } : { values, point, attributes });
  }
  return items;
}

function layout(match: ColumnMatch, names: readonly string[], specs: readonly FieldSpec[], pointKey: string): Layout {
  const indexOf = (key: string) => {
    const column = match.byKey.get(key);
    return column === undefined ? -1 : names.indexOf(column);
  };
  return {
    match,
    field: Int32Array.from(specs, (spec) => indexOf(spec.key)),
    lng: indexOf("lng"),
    lat: indexOf("lat"),
    pointField: indexOf(pointKey),
    attributes: indexOf("attributes"),
    extra: Int32Array.from(match.extra, (column) => names.indexOf(column)),
  };
}

function readRow(table: SourceTable, record: SourceRecord, specs: readonly FieldSpec[], shape: Layout): TableRow {
  const { names, values: raw } = record;
  const values: unknown[] = new Array(specs.length);
  for (let s = 0; s < specs.length; s++) {
    const i = shape.field[s];
    if (i < 0) continue;
    const spec = specs[s];
    const value = raw[i];
    if (!spec.required && isBlank(value)) continue;
    values[s] = convert(spec, value, table, record, names[i]);
  }
  let point: [number, number];
  if (record.point !== undefined) {
    point = toPoint(record.point, (index) => geometryAt(table, record, index), () => recordWhere(table, record));
  } else if (shape.lng >= 0 && shape.lat >= 0) {
    point = [coordinate(raw[shape.lng], table, record, names[shape.lng]), coordinate(raw[shape.lat], table, record, names[shape.lat])];
  } else {
    const name = shape.pointField >= 0 ? names[shape.pointField] : "";
    point = toPoint(shape.pointField >= 0 ? raw[shape.pointField] : undefined, (index) => `${fieldAt(table, record, name)}[${index}]`, () => fieldAt(table, record, name));
  }
  const attributes = collectAttributes(record, shape);
  return attributes === undefined ? { values, point } : { values, point, attributes };
}

/** Converts one cell; message words are built only when the value is bad. */
function convert(spec: FieldSpec, value: unknown, table: SourceTable, record: SourceRecord, name: string): unknown {
  if (spec.kind === "number") return coordinate(value, table, record, name);
  if (spec.kind === "text" && typeof value === "string") return value.trim();
  const at = fieldAt(table, record, name);
  return spec.kind === "list" ? toTextList(value, at) : toText(value, at);
}

function coordinate(value: unknown, table: SourceTable, record: SourceRecord, name: string): number {
  return readNumber(value, table.decimalComma) ?? toNumber(value, fieldAt(table, record, name), table.decimalComma);
}

function toPoint(value: unknown, at: (index: number) => string, where: () => string): [number, number] {
  if (!Array.isArray(value) || value.length < 2) {
    throw new TerralignError("invalid_input", `${where()}: expected a position [lng, lat], got ${describeValue(value)}`);
  }
  return [readNumber(value[0]) ?? toNumber(value[0], at(0)), readNumber(value[1]) ?? toNumber(value[1], at(1))];
}

/** Extra columns, plus a JSON record's own `attributes` object, kept as they were written. */
function collectAttributes(record: SourceRecord, shape: Layout): Record<string, unknown> | undefined {
  const { names, values } = record;
  const hasNested = shape.attributes >= 0;
  if (shape.extra.length === 0 && !hasNested && record.point === undefined) return undefined;
  const entries: [string, unknown][] = [];
  for (const i of shape.extra) entries.push([names[i], values[i]]);
  // With a geometry, lng/lat properties are not the location: they travel as attributes.
  if (record.point !== undefined) {
    if (shape.lng >= 0) entries.push([names[shape.lng], values[shape.lng]]);
    if (shape.lat >= 0) entries.push([names[shape.lat], values[shape.lat]]);
  }
  const nested = hasNested ? values[shape.attributes] : undefined;
  if (nested !== null && typeof nested === "object" && !Array.isArray(nested)) entries.push(...Object.entries(nested));
  else if (hasNested && !isBlank(nested)) entries.push([names[shape.attributes], nested]);
  // Object.fromEntries defines own properties, so ids like "__proto__" stay plain keys.
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

function recordOrigin(table: SourceTable, record: SourceRecord, shape: Layout, pointKey: string): RecordOrigin {
  const where = recordWhere(table, record);
  const columnAt = (key: string) => {
    const column = shape.match.byKey.get(key);
    return column === undefined ? where : fieldAt(table, record, column);
  };
  return {
    where,
    at(path) {
      const [head, index] = path;
      if (head !== "location" && head !== "home") return typeof head === "string" ? columnAt(head) : where;
      if (typeof index !== "number") return where;
      if (record.point !== undefined) return geometryAt(table, record, index);
      if (shape.lng >= 0 && shape.lat >= 0) return columnAt(index === 0 ? "lng" : "lat");
      return `${columnAt(pointKey)}[${index}]`;
    },
  };
}
