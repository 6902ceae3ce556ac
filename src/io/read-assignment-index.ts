import type { StringIndex } from "../util/string-index.js";
import { scanCsvColumns } from "./csv-columns.js";
import { assignmentColumns, readAssignments, type AssignmentRecords } from "./read-assignments.js";
import { isJson, type FileText } from "./read-problem.js";

/**
 * An assignment read straight into numbers, for a caller that has indexed the plan's account ids
 * and the rep ids (`route`): each kept row (one with a rep, in file order, as `readAssignments`
 * keeps them) as the number of its account and of its rep. A CSV file's known ids are looked up
 * where they stand in the text: no row object or id string is made for them.
 */
export interface AssignmentIndex {
  readonly file: string;
  /** Number of kept rows. */
  readonly count: number;
  /** Per kept row: its account's number in the accounts' index, −1 when the index has none. */
  readonly account: Int32Array;
  /** Per kept row: its rep's number in the reps' index, −1 when the index has none. */
  readonly rep: Int32Array;
  /** The ids as read (trimmed) of the kept rows with an unknown account or rep, by row: only the unknown ones. */
  readonly unknown: ReadonlyMap<number, { readonly accountId?: string; readonly repId?: string }>;
  /** `assignments.csv line 5` for kept row k (built on demand, for messages). */
  readonly originOf: (k: number) => string;
}

/** `readAssignments` into numbers (see `AssignmentIndex`); the same columns, rows and errors. */
export function readAssignmentIndex(input: FileText, accounts: StringIndex, reps: StringIndex): AssignmentIndex {
  if (!isJson(input.file, input.text)) {
    const { file, text } = input;
    let accountAt = -1, repAt = -1;
    const scanned = scanCsvColumns(text, file, false, (header) => {
      ({ accountAt, repAt } = assignmentColumns(header, file));
      return header.map((_, i) => (i === accountAt ? { lookup: accounts } : i === repAt ? { lookup: reps } : "skip"));
    });
    if (scanned) {
      const accountOf = scanned.columns[accountAt] as Int32Array, repOf = scanned.columns[repAt] as Int32Array;
      const accountText = scanned.unmatched[accountAt]!, repText = scanned.unmatched[repAt]!;
      const account = new Int32Array(scanned.count), rep = new Int32Array(scanned.count), lines = new Int32Array(scanned.count);
      const unknown = new Map<number, { accountId?: string; repId?: string }>();
      let count = 0;
      for (let r = 0; r < scanned.count; r++) {
        // A blank rep (never an id) leaves the account unassigned.
        if (repOf[r] < 0 && repText.get(r) === "") continue;
        account[count] = accountOf[r];
        rep[count] = repOf[r];
        lines[count] = scanned.lines[r];
        if (accountOf[r] < 0 || repOf[r] < 0) unknown.set(count, { accountId: accountText.get(r), repId: repText.get(r) });
        count++;
      }
      return { file, count, account: account.subarray(0, count), rep: rep.subarray(0, count), unknown, originOf: (k) => `${file} line ${lines[k]}` };
    }
  }
  return indexRows(readAssignments(input), accounts, reps);
}

/** An `AssignmentIndex` of rows read by `readAssignments`. */
function indexRows(records: AssignmentRecords, accounts: StringIndex, reps: StringIndex): AssignmentIndex {
  const count = records.rows.length;
  const account = new Int32Array(count), rep = new Int32Array(count);
  const unknown = new Map<number, { accountId?: string; repId?: string }>();
  records.rows.forEach(({ accountId, repId }, k) => {
    const a = accounts.get(accountId), r = reps.get(repId);
    account[k] = a ?? -1;
    rep[k] = r ?? -1;
    if (a === undefined || r === undefined) unknown.set(k, { ...(a === undefined ? { accountId } : {}), ...(r === undefined ? { repId } : {}) });
  });
  return { file: records.file, count, account, rep, unknown, originOf: records.originOf };
}
