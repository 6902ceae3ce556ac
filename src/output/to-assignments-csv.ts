import type { Plan } from "../model/plan.js";
import { repIndexByAccount } from "./account-sites.js";
import { attributeNames } from "./attribute-names.js";
import { csvField, toCsv } from "./csv-writer.js";
import { formatCell } from "./format-cell.js";

/** Fixed columns of `toAssignmentsCsv`; an attribute with one of these names becomes `attributes.<name>`. */
export const ASSIGNMENT_COLUMNS = ["account_id", "rep_id", "workload", "potential", "reason"] as const;

/**
 * One CSV row per input account, in input order (see `toCsv` for the quoting and line ends):
 *
 * `account_id,rep_id,workload,potential,reason,<attribute>…`
 *
 * - `rep_id` is empty for an unassigned account, whose `reason` says why (empty otherwise);
 * - `workload` in hours, `potential` in currency (0 when absent), numbers as `String` writes them;
 * - then one column per free attribute key seen on any account (first-seen order), values written
 *   by `formatCell` (strings as they are, objects as JSON), empty where an account lacks the key.
 *   An attribute named like a fixed column is written as `attributes.<name>`.
 *
 * The file reads back with any RFC 4180 reader, including terralign's own assignment reader.
 */
export function toAssignmentsCsv(plan: Plan): string {
  const { accounts, reps } = plan.problem;
  const names = attributeNames(ASSIGNMENT_COLUMNS, accounts);
  const keys = [...names.keys()];
  const repOf = repIndexByAccount(plan);
  const reasons = new Map(plan.unassigned.map((u) => [u.accountId, u.reason]));
  const repFields = reps.map((rep) => csvField(rep.id));
  // Written line by line rather than through toCsv's rows (the same text), a few thousand lines
  // joined at a time so that the lines die young.
  const pieces = [toCsv([[...ASSIGNMENT_COLUMNS, ...names.values()]])];
  let lines: string[] = [];
  for (let a = 0; a < accounts.length; a++) {
    const account = accounts[a];
    const r = repOf[a];
    // Numbers as String writes them never need quoting.
    let line = `${csvField(account.id)},${r >= 0 ? repFields[r] : ""},${account.workload},${account.potential ?? 0},${r >= 0 ? "" : csvField(reasons.get(account.id) ?? "not assigned")}`;
    const attributes = account.attributes;
    for (const key of keys) line += attributes && Object.hasOwn(attributes, key) ? `,${csvField(formatCell(attributes[key]))}` : ",";
    lines.push(line);
    if (lines.length === 4096 || a === accounts.length - 1) {
      pieces.push(`${lines.join("\n")}\n`);
      lines = [];
    }
  }
  return pieces.join("");
}
