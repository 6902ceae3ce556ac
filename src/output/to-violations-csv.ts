import type { Violation } from "../rules/violation.js";
import { csvField, toCsv } from "./csv-writer.js";

/** Columns of `toViolationsCsv`. */
export const VIOLATION_COLUMNS = ["rule", "account_id", "rep_id", "value", "limit"] as const;

/**
 * One CSV row per broken rule, in the checker's order: `rule,account_id,rep_id,value,limit`.
 * `account_id` is empty for rep-level rules (`capacity`, `band`, `contiguity`) and `rep_id` for
 * `unassigned`; numbers are written with at most 6 decimals. Only the header when nothing is broken.
 * With `metrics` (a problem with bands besides workload), a last column `metric` names the band's
 * metric (`workload`, `potential`, `accounts` or the attribute; empty for other rules).
 */
export function toViolationsCsv(violations: readonly Violation[], options: { readonly metrics?: boolean } = {}): string {
  const cell = (x: number | string) => (typeof x === "number" ? String(Number(x.toFixed(6))) : csvField(x));
  const metric = (v: Violation) => (options.metrics ? `,${csvField(v.metric ?? (v.rule === "band" ? "workload" : ""))}` : "");
  const lines = violations.map((v) => `${v.rule},${csvField(v.accountId ?? "")},${csvField(v.repId ?? "")},${cell(v.value)},${cell(v.limit)}${metric(v)}\n`);
  return toCsv([[...VIOLATION_COLUMNS, ...(options.metrics ? ["metric"] : [])]]) + lines.join("");
}
