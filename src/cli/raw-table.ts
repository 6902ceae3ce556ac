import { TerralignError, type InputIssue } from "../errors.js";
import { normalizeName } from "../io/field-spec.js";
import { readSourceTable } from "../io/read-problem.js";
import { fieldAt, recordWhere, type SourceTable } from "../io/source-record.js";
import { csvField } from "../output/csv-writer.js";
import { formatCell } from "../output/format-cell.js";
import type { CliIo } from "./cli-io.js";

/**
 * A table kept as it was read, for commands that write every input column and row back out:
 * the column names in file order (for JSON, every key seen, first-seen order) and a way to get
 * each record's cell in a column, as text.
 */
export interface RawTable {
  readonly file: string;
  readonly source: SourceTable;
  readonly columns: readonly string[];
  /** Record i's value in column c as text (empty when the record has no such field). */
  readonly cell: (i: number, c: number) => string;
  readonly size: number;
}

/** Reads a CSV, JSON or GeoJSON table of records (`listKey`: `accounts`, `reps`) without converting any value. */
export function readRawTable(io: CliIo, path: string, listKey: string): RawTable {
  const source = readSourceTable({ file: path, text: io.readFile(path) }, listKey);
  const records = source.records;
  if (source.columns) {
    return { file: path, source, columns: source.columns, size: records.length, cell: (i, c) => records[i].values[c] as string };
  }
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const record of records) for (const name of record.names) if (!seen.has(name)) seen.add(name), columns.push(name);
  const cell = (i: number, c: number) => {
    const at = records[i].names.indexOf(columns[c]);
    return at < 0 ? "" : formatCell(records[i].values[at]);
  };
  return { file: path, source, columns, size: records.length, cell };
}

/** The column that holds `field` (names compare as `normalizeName` does: case, spaces, `_` and `-` ignored), −1 when none. */
export function columnOf(table: RawTable, ...names: readonly string[]): number {
  const wanted = new Set(names.map(normalizeName));
  return table.columns.findIndex((column) => wanted.has(normalizeName(column)));
}

/** `columnOf`, or a `TerralignError` naming the file, the field, why it is needed and the columns found. */
export function requireColumn(table: RawTable, why: string, ...names: readonly string[]): number {
  const c = columnOf(table, ...names);
  if (c < 0) throw new TerralignError("invalid_file", `${table.file}: no column "${names[0]}" (${why}); columns found: ${table.columns.join(", ") || "none"}`);
  return c;
}

/**
 * Restates an error about `accounts[i]` (or `reps[i]`) in file terms: `accounts[12].attributes.sales: …` →
 * `accounts.csv line 14, column sales: …`. `columnFor` maps a field name to its column index.
 */
export function restateRowError(error: unknown, list: string, table: RawTable, columnFor: (field: string) => number): unknown {
  if (!(error instanceof TerralignError)) return error;
  const [head, index, ...rest] = error.issues[0].path;
  if (head !== list || typeof index !== "number" || index < 0 || index >= table.size) return error;
  const field = rest[0] === "attributes" ? rest[1] : rest[0];
  const record = table.source.records[index];
  const c = typeof field === "string" ? columnFor(field) : -1;
  const where = c >= 0 ? fieldAt(table.source, record, table.columns[c]) : recordWhere(table.source, record);
  const issues: InputIssue[] = [{ path: error.issues[0].path, message: `${where}: ${error.issues[0].message}` }, ...error.issues.slice(1)];
  return new TerralignError(error.code, issues[0].message, issues);
}

/**
 * A column a command writes beside the input's: its name and each record's cell as CSV-ready text
 * (already quoted when needed); a null `cell` leaves a same-named input column as it was (or the
 * new column empty).
 */
export interface AddedColumn {
  readonly name: string;
  readonly cell: ((i: number) => string) | null;
}

/**
 * The table as CSV pieces (4,096 rows each): every input column and row in order, with the `added`
 * columns written over same-named columns (names compare as `columnOf` does) or appended at the end.
 */
export function tableWithColumns(table: RawTable, added: readonly AddedColumn[]): string[] {
  const header = [...table.columns];
  const target = added.map(({ name }) => {
    const c = columnOf(table, name);
    if (c >= 0) return c;
    header.push(name);
    return header.length - 1;
  });
  const pieces = [`${header.map(csvField).join(",")}\n`];
  const row: string[] = new Array(header.length);
  let lines: string[] = [];
  for (let i = 0; i < table.size; i++) {
    for (let c = 0; c < table.columns.length; c++) row[c] = csvField(table.cell(i, c));
    for (let c = table.columns.length; c < header.length; c++) row[c] = "";
    for (let k = 0; k < added.length; k++) {
      const cell = added[k].cell;
      if (cell !== null) row[target[k]] = cell(i);
    }
    lines.push(row.join(","));
    if (lines.length === 4096 || i === table.size - 1) {
      pieces.push(`${lines.join("\n")}\n`);
      lines = [];
    }
  }
  return pieces;
}
