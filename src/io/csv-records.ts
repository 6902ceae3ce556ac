import { parseCsv } from "./csv.js";
import type { SourceTable } from "./source-record.js";

/** How a text table is written beyond what can be detected. */
export interface TableStyle {
  /** Numbers use a decimal comma (`1,5`); default false (a dot). */
  readonly decimalComma?: boolean;
}

/** Reads CSV text (comma, semicolon or tab delimited) into source records; `file` names the file in messages. */
export function csvRecords(text: string, file: string, style: TableStyle = {}): SourceTable {
  const { header, records } = parseCsv(text, file);
  const table: SourceTable = { file, style: "csv", columns: header, records: records.map(({ line, cells }) => ({ names: header, values: cells, position: line })) };
  return style.decimalComma ? { ...table, decimalComma: true } : table;
}
