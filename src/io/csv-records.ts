import { parseCsv } from "./csv.js";
import type { SourceRecord, SourceTable } from "./source-record.js";

/** Reads CSV text into source records; `file` names the file in messages. */
export function csvRecords(text: string, file: string): SourceTable {
  const { header, records } = parseCsv(text, file);
  return {
    file,
    columns: header,
    records: records.map(({ line, cells }): SourceRecord => {
      const fields = new Map<string, unknown>();
      header.forEach((name, i) => fields.set(name, cells[i]));
      const where = `${file} line ${line}`;
      return { where, fields, at: (field) => `${where}, column ${field}` };
    }),
  };
}
