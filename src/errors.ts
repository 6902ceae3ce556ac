/**
 * Stable error codes. A `TerralignError` always carries one of these, so callers can branch on
 * `error.code` without parsing messages.
 *
 * - `invalid_input`: a field of the problem is missing, ill-typed or out of range.
 * - `duplicate_id`: two accounts (or two reps) share an id.
 * - `unknown_reference`: an account names a rep (`lockedRep`, `currentRep`) that does not exist.
 * - `invalid_option`: an option is unknown or ill-typed.
 * - `invalid_file`: a file given to a reader is malformed (CSV, GeoJSON, GAP instance).
 * - `unsupported`: the request is valid but asks for something this build cannot do.
 */
export type ErrorCode =
  | "invalid_input"
  | "duplicate_id"
  | "unknown_reference"
  | "invalid_option"
  | "invalid_file"
  | "unsupported";

/** One problem found in the input: where it is and what is wrong with it. */
export interface InputIssue {
  /** Path of the offending field, e.g. `["accounts", 12, "location", 1]`. */
  readonly path: readonly (string | number)[];
  /** Human-readable explanation naming the bad value and, when possible, the fix. */
  readonly message: string;
}

/**
 * The one error type terralign throws, for bad input or misuse only (optimisation outcomes such as
 * infeasibility are returned on the plan, never thrown). `message` starts with the field path of
 * the first issue, e.g. `accounts[12].location[1]: latitude 123 is outside [-90, 90]`.
 */
export class TerralignError extends Error {
  override readonly name = "TerralignError";
  /** Stable machine-readable code. */
  readonly code: ErrorCode;
  /** Every issue found (at least one); `message` describes the first and counts the rest. */
  readonly issues: readonly InputIssue[];

  constructor(code: ErrorCode, message: string, issues?: readonly InputIssue[]) {
    super(message);
    this.code = code;
    this.issues = issues ?? [{ path: [], message }];
  }
}

/** Formats a path as `accounts[12].location[1]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Throws a `TerralignError` for one field. */
export function fail(code: ErrorCode, path: readonly (string | number)[], message: string): never {
  const where = formatPath(path);
  throw new TerralignError(code, where ? `${where}: ${message}` : message, [{ path, message }]);
}
