import type { z } from "zod";
import { toTerralignError } from "../model/zod-issues.js";

/**
 * Checks `value` against `schema` and returns the parsed value, or throws a `TerralignError`
 * (`invalid_option`) naming the first bad field under `root`, e.g.
 * `options.tiers.shares[1]: shares must increase, got 0.7 after 0.8`.
 */
export function checkOptions<T>(schema: z.ZodType<T>, value: unknown, root: readonly (string | number)[] = ["options"]): T {
  const result = schema.safeParse(value, { reportInput: true });
  if (!result.success) throw toTerralignError(result.error, "invalid_option", root);
  return result.data;
}
