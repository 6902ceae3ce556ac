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
 * One numeric field of every account, in input order: `potential`, `workload` or `visits` (else,
 * when the account lacks it, the attribute of that name), or any other attribute. A value that is
 * present but not a finite number throws a `TerralignError` naming the account and field; a
 * missing one (absent, null, blank) throws too unless `missing` is `"zero"`.
 */
export function numericField(accounts: readonly PlanAccount[], field: string, missing: MissingValue = "error"): Float64Array {
  const out = new Float64Array(accounts.length);
  for (let i = 0; i < accounts.length; i++) {
    const value = optionalNumber(accounts, i, field);
    if (value !== undefined) out[i] = value;
    else if (missing === "error") {
      fail("invalid_input", fieldPath(accounts[i], i, field), `no value for "${field}" (account ${JSON.stringify(accounts[i].id)}); give every account a value or set missing: "zero"`);
    }
  }
  return out;
}

/** Field `field` of account i as a number, undefined when missing (absent, null, blank); throws naming the account when it is not a finite number. */
export function optionalNumber(accounts: readonly PlanAccount[], i: number, field: string): number | undefined {
  const account = accounts[i];
  const own = OWN_FIELDS.has(field) ? (account as unknown as Record<string, unknown>)[field] : undefined;
  const raw = own ?? account.attributes?.[field];
  const value = readNumber(raw);
  if (value !== undefined && Number.isFinite(value)) return value;
  if (raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "")) return undefined;
  fail("invalid_input", fieldPath(account, i, field), `${describeValue(raw)} is not a finite number (account ${JSON.stringify(account.id)})`);
}

/** `accounts[i].potential` for a field the account has itself, else `accounts[i].attributes.<field>`. */
function fieldPath(account: PlanAccount, i: number, field: string): (string | number)[] {
  const own = OWN_FIELDS.has(field) && (account as unknown as Record<string, unknown>)[field] !== undefined;
  return own || (OWN_FIELDS.has(field) && account.attributes?.[field] === undefined) ? ["accounts", i, field] : ["accounts", i, "attributes", field];
}
