import { TerralignError } from "../errors.js";
import type { AssignmentRow } from "../model/plan.js";
import type { FieldSpec } from "./field-spec.js";
import { matchColumns, requireColumns } from "./field-spec.js";
import { isBlank, toText } from "./field-values.js";
import { eachCsvRecord } from "./csv.js";
import { scanCsvColumns } from "./csv-columns.js";
import type { AssignmentIndex } from "./read-assignment-index.js";
import { isJson, readSourceTable, type FileText } from "./read-problem.js";
import { fieldAt, recordWhere, valueOf } from "./source-record.js";

/** The columns of an assignment file. */
export const assignmentFields: readonly FieldSpec[] = [
  { key: "accountId", names: ["account_id", "account"], kind: "text", required: true },
  { key: "repId", names: ["rep_id", "rep"], kind: "text", required: true },
];

/** Assignment rows read from a file, each with the place it came from (same order). */
export interface AssignmentRecords {
  readonly file: string;
  readonly rows: AssignmentRow[];
  /** `assignments.csv line 5` for row k (built on demand, for messages). */
  readonly originOf: (k: number) => string;
}

/**
 * Reads an existing assignment (e.g. a CRM export): CSV or JSON records with `account_id` and
 * `rep_id` (also `account`, `rep`, `accountId`, `repId`); other columns are ignored. A row with a
 * blank `rep_id` leaves its account unassigned.
 */
export function readAssignments(input: FileText): AssignmentRecords {
  if (!isJson(input.file, input.text)) return assignmentsFromCsv(input);
  const table = readSourceTable(input, "assignment");
  const rows: AssignmentRow[] = [];
  // The record of each row, so that the place it came from is named only when a message needs it.
  const recordOf: number[] = [];
  const shared = table.columns ? matchColumns(table.columns, assignmentFields, input.file) : undefined;
  if (shared) requireColumns(shared, assignmentFields, table.columns!, input.file, "column");
  for (let at = 0; at < table.records.length; at++) {
    const record = table.records[at];
    let match = shared;
    if (!match) {
      const where = recordWhere(table, record);
      match = matchColumns(record.names, assignmentFields, where);
      requireColumns(match, assignmentFields, record.names, where, "field");
    }
    const accountColumn = match.byKey.get("accountId")!;
    const repColumn = match.byKey.get("repId")!;
    const rep = valueOf(record, repColumn);
    if (isBlank(rep)) continue;
    rows.push({ accountId: toText(valueOf(record, accountColumn), fieldAt(table, record, accountColumn)), repId: toText(rep, fieldAt(table, record, repColumn)) });
    recordOf.push(at);
  }
  return { file: input.file, rows, originOf: (k) => recordWhere(table, table.records[recordOf[k]]) };
}

/**
 * `readAssignments` for CSV: the two columns scanned (`scanCsvColumns`), or, when the scan leaves
 * the text, row by row (which words the errors). Only each kept row's line number is held besides the row.
 */
function assignmentsFromCsv({ file, text }: FileText): AssignmentRecords {
  const rows: AssignmentRow[] = [];
  const lines: number[] = [];
  let accountAt = -1, repAt = -1;
  const onHeader = (header: readonly string[]) => ({ accountAt, repAt } = assignmentColumns(header, file));
  const keep = (accountId: string, repId: string, line: number) => {
    if (repId === "") return;
    rows.push({ accountId, repId });
    lines.push(line);
  };
  const scanned = scanCsvColumns(text, file, false, (header) => {
    onHeader(header);
    return header.map((_, i) => (i === accountAt || i === repAt ? "text" : "skip"));
  });
  if (scanned) {
    const accounts = scanned.columns[accountAt] as string[], reps = scanned.columns[repAt] as string[];
    for (let k = 0; k < scanned.count; k++) keep(accounts[k], reps[k], scanned.lines[k]);
  } else eachCsvRecord(text, file, {}, onHeader, ({ line, cells }) => keep(cells[accountAt].trim(), cells[repAt].trim(), line));
  return { file, rows, originOf: (k) => `${file} line ${lines[k]}` };
}

/** Where an assignment file's header has the account id and rep id columns (an error naming the file when one is missing). */
export function assignmentColumns(header: readonly string[], file: string): { accountAt: number; repAt: number } {
  const match = matchColumns(header, assignmentFields, file);
  requireColumns(match, assignmentFields, header, file, "column");
  return { accountAt: header.indexOf(match.byKey.get("accountId")!), repAt: header.indexOf(match.byKey.get("repId")!) };
}

/** Restates an `evaluate` error about `assignment[i]` as the file and line of that row. */
export function restateAssignmentError(error: unknown, records: AssignmentRecords | AssignmentIndex): unknown {
  if (!(error instanceof TerralignError)) return error;
  const count = "rows" in records ? records.rows.length : records.count;
  const message = error.message.replace(/\bassignment\[(\d+)\](\.(accountId|repId))?/g, (whole, index: string, _field, key?: string) => {
    const k = Number(index);
    const where = k < count ? records.originOf(k) : undefined;
    if (where === undefined) return whole;
    return key ? `${where}, ${key === "accountId" ? "account_id" : "rep_id"}` : where;
  });
  return message === error.message ? error : new TerralignError(error.code, message, error.issues);
}
