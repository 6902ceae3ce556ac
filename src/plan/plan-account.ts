import { fail } from "../errors.js";
import { describeValue } from "../model/describe-value.js";
import { readNumber } from "../util/read-number.js";

/**
 * What account planning reads from an account. Every `Account` fits; so does any record with an
 * `id`, so accounts need no location or workload to be scored and tiered.
 */
export interface PlanAccount {
  readonly id: string;
  /** Sales potential per period (currency). */
  readonly potential?: number;
  /** Hours per period. */
  readonly workload?: number;
  /** Visits per period. */
  readonly visits?: number;
  /** Tier label, e.g. `"A"`. */
  readonly tier?: string;
  /** Free attributes; numeric ones (numbers, or strings such as `"1250.5"`) can be scored. */
  readonly attributes?: Readonly<Record<string, unknown>>;
}

/** Numeric fields of the account itself; any other name is looked up in `attributes`. */
const OWN_FIELDS = new Set(["potential", "workload", "visits"]);

/** How a missing value is treated: an error naming the account, or 0. */
export type MissingValue = "error" | "zero";

/**
 * One numeric field of every account, in input order: `potential`, `workload` or `visits`, else
 * the attribute of that name. A value that is present but not a finite number throws a
 * `TerralignError` naming the account and field; a missing one (absent, null, blank) throws too
 * unless `missing` is `"zero"`.
 */
export function numericField(accounts: readonly PlanAccount[], field: string, missing: MissingValue = "error"): Float64Array {
  const own = OWN_FIELDS.has(field);
  const out = new Float64Array(accounts.length);
  for (let i = 0; i < accounts.length; i++) {
    const account = accounts[i];
    const raw = own ? (account as unknown as Record<string, unknown>)[field] : account.attributes?.[field];
    const value = readNumber(raw);
    if (value !== undefined && Number.isFinite(value)) {
      out[i] = value;
      continue;
    }
    const blank = raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "");
    if (blank && missing === "zero") continue;
    const path = own ? ["accounts", i, field] : ["accounts", i, "attributes", field];
    const why = blank ? `no value for "${field}"` : `${describeValue(raw)} is not a finite number`;
    const fix = blank ? `; give every account a value or set missing: "zero"` : "";
    fail("invalid_input", path, `${why} (account ${JSON.stringify(account.id)})${fix}`);
  }
  return out;
}
