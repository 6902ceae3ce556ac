import type { Account } from "../model/problem-schema.js";
import type { FieldSpec } from "./field-spec.js";
import { readCsvTable, readTable, type RecordOrigin, type TableRow } from "./read-table.js";
import type { SourceTable } from "./source-record.js";

/**
 * Account columns. Required: `id`, `lng` (or `lon`, `longitude`), `lat` (or `latitude`),
 * `workload`. Optional: `potential`, `visits`, `tier`, `segment`, `region`, `district`, `unit`, `current_rep`,
 * `locked_rep`, `move_cost`. Names match case-insensitively, ignoring spaces, `_` and `-`.
 */
export const accountFields: readonly FieldSpec[] = [
  { key: "id", names: ["id", "account_id"], kind: "text", required: true },
  { key: "workload", names: ["workload"], kind: "number", required: true },
  { key: "potential", names: ["potential"], kind: "number" },
  { key: "visits", names: ["visits"], kind: "number" },
  { key: "tier", names: ["tier"], kind: "text" },
  { key: "segment", names: ["segment"], kind: "text" },
  { key: "region", names: ["region"], kind: "text" },
  { key: "district", names: ["district"], kind: "text" },
  { key: "unit", names: ["unit"], kind: "text" },
  { key: "currentRep", names: ["current_rep"], kind: "text" },
  { key: "lockedRep", names: ["locked_rep"], kind: "text" },
  { key: "moveCost", names: ["move_cost"], kind: "number" },
];

/** Accounts read from a file, each with where it came from (same order). */
export interface AccountRecords {
  readonly file: string;
  readonly accounts: Account[];
  /** Where account `index` came from (built on demand, for messages). */
  readonly originOf: (index: number) => RecordOrigin;
}

/**
 * Turns source records into `Account`s: blank optional cells leave the field out, other columns go
 * to `attributes` untouched. Values are converted but not validated: `parseProblem` does that.
 */
export function accountsFromTable(table: SourceTable): AccountRecords {
  const { rows, originOf } = readTable(table, accountFields, "location");
  return { file: table.file, accounts: rows.map(accountOfRow), originOf };
}

/** `accountsFromTable` straight from CSV text: each row becomes an `Account` as it is read (1M rows hold no records). */
export function accountsFromCsv(text: string, file: string, decimalComma = false): AccountRecords {
  const { items, originOf } = readCsvTable(text, file, decimalComma, accountFields, "location", accountOfRow);
  return { file, accounts: items, originOf };
}

function accountOfRow({ values, point, attributes }: TableRow): Account {
  // id and workload first (then location), as in the model; optional fields only when present.
  const account: Record<string, unknown> = { id: values[0], location: point, workload: values[1] };
  for (let s = 2; s < accountFields.length; s++) if (values[s] !== undefined) account[accountFields[s].key] = values[s];
  if (attributes) account.attributes = attributes;
  return account as Account;
}
