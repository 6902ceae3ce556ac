import * as z from "zod/mini";
import en from "zod/v4/locales/en.js";
import { TerralignError, formatPath, type ErrorCode, type InputIssue } from "../errors.js";
import { describeValue } from "./describe-value.js";

// The schemas on align's path use zod/mini (no classic API in the bundle), which carries no
// messages by default: every parser reports through this module, so the English ones are set here.
z.config(en());

/** Converts zod issues into one `TerralignError` whose message names the first path and value. */
export function toTerralignError(error: z.core.$ZodError, code: ErrorCode, root: readonly (string | number)[] = []): TerralignError {
  const issues: InputIssue[] = error.issues.map((issue) => {
    const path = [...root, ...issue.path.map((key) => (typeof key === "symbol" ? String(key) : key))];
    return { path, message: explain(issue) };
  });
  const first = issues[0];
  const where = formatPath(first.path);
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more issue${issues.length > 2 ? "s" : ""})` : "";
  return new TerralignError(code, `${where ? `${where}: ` : ""}${first.message}${more}`, issues);
}

function explain(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case "invalid_type":
      if (input === undefined) return `is required (expected ${issue.expected})`;
      return `expected ${issue.expected}, got ${describeValue(input)}`;
    case "unrecognized_keys":
      return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
    case "too_small":
    case "too_big":
      if (issue.origin === "array") return `${issue.message} (got ${describeValue(input)})`;
      return `${issue.message}, got ${describeValue(input)}`;
    case "invalid_value":
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}, got ${describeValue(input)}`;
    default:
      return issue.message;
  }
}
