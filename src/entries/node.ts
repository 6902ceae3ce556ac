/**
 * terralign/node: files. Reads accounts, reps, assignments and options from CSV (comma,
 * semicolon or tab; UTF-8, UTF-16 with a byte-order mark, or Latin-1 when asked), JSON and
 * GeoJSON, with errors that name the file, line and column. `readTextFile` is the one function
 * that needs Node; the others take text and run anywhere.
 * @packageDocumentation
 */
export { parseCsv, detectDelimiter, type CsvDelimiter, type CsvOptions, type CsvRecord, type CsvTable } from "../io/csv.js";
export { decodeText, inputEncodings, type InputEncoding } from "../io/decode-text.js";
export type { TableStyle } from "../io/csv-records.js";
export { accountFields, accountsFromTable, type AccountRecords } from "../io/read-accounts.js";
export { readAssignments, type AssignmentRecords } from "../io/read-assignments.js";
export { readOptions } from "../io/read-options.js";
export { problemFromRecords, readAccounts, readProblem, readReps, type FileText } from "../io/read-problem.js";
export { repFields, repsFromTable, type RepRecords } from "../io/read-reps.js";
export { readTextFile } from "../io/read-text-file.js";
