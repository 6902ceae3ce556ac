/**
 * What potential estimation reads from an account. Every `Account` fits, and so does any record
 * with an `id`: location and everything else are optional.
 */
export interface PotentialAccount {
  readonly id: string;
  /** `[lng, lat]`; accounts with a location get location features. */
  readonly location?: readonly [number, number];
  readonly segment?: string;
  readonly region?: string;
  readonly tier?: string;
  readonly potential?: number;
  readonly workload?: number;
  readonly visits?: number;
  /** Free attributes: numbers, numeric strings or categories. */
  readonly attributes?: Readonly<Record<string, unknown>>;
}

/** Fields of the account itself that count as attributes; any other name is looked up in `attributes`. */
export const OWN_FIELDS = ["segment", "region", "tier", "potential", "workload", "visits"] as const;

/** Field `name` of the account as written: its own field, else the attribute of that name. */
export function rawField(account: PotentialAccount, name: string): unknown {
  const own = (OWN_FIELDS as readonly string[]).includes(name) ? (account as unknown as Record<string, unknown>)[name] : undefined;
  return own ?? account.attributes?.[name];
}

/** Whether a value counts as missing: absent, null, or a blank string. */
export function isMissing(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

/** The path of field `name` in messages: `accounts[3].attributes.sales` or `accounts[3].workload`. */
export function fieldPath(account: PotentialAccount, i: number, name: string): (string | number)[] {
  const own = (OWN_FIELDS as readonly string[]).includes(name) && (account as unknown as Record<string, unknown>)[name] !== undefined;
  return own ? ["accounts", i, name] : ["accounts", i, "attributes", name];
}
