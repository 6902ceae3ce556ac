import { TerralignError, type InputIssue } from "../errors.js";
import { parseProblem } from "../model/parse.js";
import type { Problem } from "../model/problem-schema.js";
import { csvRecords, type TableStyle } from "./csv-records.js";
import { jsonRecords } from "./json-records.js";
import { accountsFromCsv, accountsFromTable, type AccountRecords } from "./read-accounts.js";
import { repsFromTable, type RepRecords } from "./read-reps.js";
import type { RecordOrigin } from "./read-table.js";
import type { SourceTable } from "./source-record.js";

/** A file's text and the name to use for it in messages. */
export interface FileText {
  readonly file: string;
  readonly text: string;
}

/**
 * Reads a table in the format its name says: `.json` and `.geojson` as JSON, anything else as CSV
 * unless the text starts with `{` or `[`. `style` applies to CSV only (JSON numbers are numbers).
 */
export function readSourceTable({ file, text }: FileText, listKey: string, style: TableStyle = {}): SourceTable {
  return isJson(file, text) ? jsonRecords(text, file, listKey) : csvRecords(text, file, style);
}

/** Whether `readSourceTable` reads the file as JSON (else as CSV). */
export function isJson(file: string, text: string): boolean {
  const lower = file.toLowerCase();
  return lower.endsWith(".json") || lower.endsWith(".geojson") || (!lower.endsWith(".csv") && /^\uFEFF?\s*[[{]/.test(text));
}

/** Reads accounts from CSV, JSON or GeoJSON text. Values are converted, not yet validated. CSV rows become accounts as they are read. */
export function readAccounts(input: FileText, style: TableStyle = {}): AccountRecords {
  if (!isJson(input.file, input.text)) return accountsFromCsv(input.text, input.file, style.decimalComma);
  return accountsFromTable(readSourceTable(input, "accounts", style));
}

/** Reads reps from CSV, JSON or GeoJSON text. Values are converted, not yet validated. */
export function readReps(input: FileText, style: TableStyle = {}): RepRecords {
  return repsFromTable(readSourceTable(input, "reps", style));
}

/**
 * Reads and validates a problem from two files. Every error is a `TerralignError` whose message
 * says where the bad value is in the user's file (`accounts.csv line 14, column workload: ...`)
 * rather than in the model (`accounts[12].workload`).
 */
export function readProblem(accountsFile: FileText, repsFile: FileText): Problem {
  return problemFromRecords(readAccounts(accountsFile), readReps(repsFile));
}

/**
 * Validates records read from files (and, optionally, units read with `readUnits`) with
 * `parseProblem`, restating errors about accounts and reps in file terms.
 */
export function problemFromRecords(accounts: AccountRecords, reps: RepRecords, units?: Problem["units"], check: { readonly orphans?: boolean } = {}): Problem {
  const problem: Problem = { accounts: accounts.accounts, reps: reps.reps, ...(units !== undefined ? { units } : {}) };
  try {
    return parseProblem(problem, check);
  } catch (error) {
    if (!(error instanceof TerralignError)) throw error;
    throw restate(error, accounts, reps);
  }
}

function restate(error: TerralignError, accounts: AccountRecords, reps: RepRecords): TerralignError {
  const sources = new Map<unknown, Source>([
    ["accounts", { file: accounts.file, count: accounts.accounts.length, originOf: accounts.originOf }],
    ["reps", { file: reps.file, count: reps.reps.length, originOf: reps.originOf }],
  ]);
  const renameRecords = (message: string) =>
    message.replace(/\b(accounts|reps)\[(\d+)\]/g, (whole, kind: string, index: string) => originOf(sources.get(kind), Number(index))?.where ?? whole);
  const issues: InputIssue[] = error.issues.map((issue) => {
    const [kind, index, ...rest] = issue.path;
    const source = sources.get(kind);
    if (!source) return { path: issue.path, message: renameRecords(issue.message) };
    const origin = typeof index === "number" ? originOf(source, index) : undefined;
    const where = origin ? origin.at(rest) : source.file;
    return { path: issue.path, message: `${where}: ${renameRecords(issue.message)}` };
  });
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more issue${issues.length > 2 ? "s" : ""})` : "";
  const first = issues[0];
  const message = sources.has(first.path[0]) ? `${first.message}${more}` : renameRecords(error.message);
  return new TerralignError(error.code, message, issues);
}

/** The records of one file, as `restate` needs them. */
interface Source {
  readonly file: string;
  readonly count: number;
  readonly originOf: (index: number) => RecordOrigin;
}

function originOf(source: Source | undefined, index: number): RecordOrigin | undefined {
  return source && Number.isInteger(index) && index >= 0 && index < source.count ? source.originOf(index) : undefined;
}
