import type { Plan } from "../model/plan.js";
import { repIndexByAccount } from "./account-sites.js";
import { attributeNames } from "./attribute-names.js";
import { csvField, toCsv } from "./csv-writer.js";
import { formatCell } from "./format-cell.js";

/** Fixed columns of `toAssignmentsCsv`; an attribute with one of these names becomes `attributes.<name>`. */
export const ASSIGNMENT_COLUMNS = ["account_id", "rep_id", "workload", "potential", "reason", "lng", "lat"] as const;

/** The account's optional fields, as columns (in this order) when any account has them. */
const OPTIONAL_COLUMNS = [
  ["visits", "visits"],
  ["tier", "tier"],
  ["segment", "segment"],
  ["region", "region"],
  ["unit", "unit"],
  ["currentRep", "current_rep"],
  ["lockedRep", "locked_rep"],
] as const;

/**
 * One CSV row per input account, in input order (see `toCsv` for the quoting and line ends):
 *
 * `account_id,rep_id,workload,potential,reason,lng,lat[,visits,tier,segment,region,unit,current_rep,locked_rep],<attribute>…`
 *
 * so every field of the input comes back out:
 * - `rep_id` is empty for an unassigned account, whose `reason` says why (empty otherwise);
 * - `workload` in hours, `potential` in currency (0 when absent), numbers as `String` writes them;
 * - `lng,lat` the account's location; then each optional field that any account has (empty where
 *   one lacks it);
 * - then one column per free attribute key seen on any account (first-seen order), values written
 *   by `formatCell` (strings as they are, objects as JSON), empty where an account lacks the key.
 *   An attribute named like a fixed column is written as `attributes.<name>`.
 *
 * The file reads back with any RFC 4180 reader, including terralign's own assignment reader.
 */
/** Lines per piece: small enough to stay out of V8's large-object space (see `accountFeatureTexts`). */
const LINES_PER_PIECE = 1024;

export function toAssignmentsCsv(plan: Plan): string {
  return [...assignmentsCsvPieces(plan)].join("");
}

/** `toAssignmentsCsv` as pieces of about a thousand lines, made as they are asked for (to stream them to a file). */
export function* assignmentsCsvPieces(plan: Plan): Generator<string> {
  const { accounts, reps } = plan.problem;
  const optional = OPTIONAL_COLUMNS.filter(([key]) => accounts.some((a) => a[key] !== undefined));
  const names = attributeNames([...ASSIGNMENT_COLUMNS, ...OPTIONAL_COLUMNS.map(([, column]) => column)], accounts);
  const keys = [...names.keys()];
  const repOf = repIndexByAccount(plan);
  const reasons = new Map(plan.unassigned.map((u) => [u.accountId, u.reason]));
  const repFields = reps.map((rep) => csvField(rep.id));
  // Written line by line rather than through toCsv's rows (the same text), about a thousand lines
  // joined at a time so that the lines die young.
  yield toCsv([[...ASSIGNMENT_COLUMNS, ...optional.map(([, column]) => column), ...names.values()]]);
  let lines: string[] = [];
  for (let a = 0; a < accounts.length; a++) {
    const account = accounts[a];
    const r = repOf[a];
    // Numbers as String writes them never need quoting.
    let line = `${csvField(account.id)},${r >= 0 ? repFields[r] : ""},${account.workload},${account.potential ?? 0},${r >= 0 ? "" : csvField(reasons.get(account.id) ?? "not assigned")},${account.location[0]},${account.location[1]}`;
    for (const [key] of optional) line += `,${csvField(formatCell(account[key]))}`;
    const attributes = account.attributes;
    for (const key of keys) line += attributes && Object.hasOwn(attributes, key) ? `,${csvField(formatCell(attributes[key]))}` : ",";
    lines.push(line);
    if (lines.length === LINES_PER_PIECE || a === accounts.length - 1) {
      yield `${lines.join("\n")}\n`;
      lines = [];
    }
  }
}
