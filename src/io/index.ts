/**
 * File readers: CSV (RFC 4180), JSON and GeoJSON into accounts, reps, assignments and options.
 * The readers take text, so they work anywhere; `readTextFile` is the one part that needs Node.
 */
export { parseCsv, type CsvRecord, type CsvTable } from "./csv.js";
export { accountFields, accountsFromTable, type AccountRecords } from "./read-accounts.js";
export { readAssignments, restateAssignmentError, type AssignmentRecords } from "./read-assignments.js";
export { readOptions } from "./read-options.js";
export { problemFromRecords, readAccounts, readProblem, readReps, readSourceTable, type FileText } from "./read-problem.js";
export { repFields, repsFromTable, type RepRecords } from "./read-reps.js";
export { readTextFile } from "./read-text-file.js";
