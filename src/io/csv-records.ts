import { parseCsv } from "./csv.js";
import type { SourceTable } from "./source-record.js";

/** Reads CSV text into source records; `file` names the file in messages. */
export function csvRecords(text: string, file: string): SourceTable {
  const { header, records } = parseCsv(text, file);
  return { file, style: "csv", columns: header, records: records.map(({ line, cells }) => ({ names: header, values: cells, position: line })) };
}
