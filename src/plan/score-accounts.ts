import * as z from "zod";
import { checkOptions } from "./check-options.js";
import { normalisations, normaliseValues, type Normalise } from "./normalise.js";
import { numericField, type MissingValue, type PlanAccount } from "./plan-account.js";

export const scoreOptionsSchema = z.strictObject({
  /**
   * Field → weight. A field is `potential`, `workload`, `visits` or the name of an attribute
   * (`sales`, `growth`, …). Weights are finite; at least one must be non-zero.
   */
  weights: z
    .record(z.string().min(1), z.number().finite())
    .refine((w) => Object.values(w).some((x) => x !== 0), { message: "give at least one field a non-zero weight" }),
  /** How each field is scaled before weighting (see `Normalise`). Default `"none"`. */
  normalise: z.enum(normalisations).optional(),
  /** A missing value: `"error"` (default) throws naming the account, `"zero"` counts it as 0. */
  missing: z.enum(["error", "zero"]).optional(),
});

/** Options of `scoreAccounts`. */
export interface ScoreOptions {
  /** Field → weight, e.g. `{ potential: 0.6, sales: 0.4 }`: `potential`, `workload`, `visits` or any numeric attribute. */
  readonly weights: Readonly<Record<string, number>>;
  /** Scaling of each field before weighting. Default `"none"` (fields in the same unit). */
  readonly normalise?: Normalise;
  /** A missing value: `"error"` (default) or `"zero"`. */
  readonly missing?: MissingValue;
}

/**
 * One score per account (input order): Σ weight × normalised field. Throws a `TerralignError` for
 * bad options, and for a value that is not a number or is missing (unless `missing: "zero"`),
 * naming the account and the field.
 */
export function scoreAccounts(accounts: readonly PlanAccount[], options: ScoreOptions): Float64Array {
  return scoreAccountsAt(accounts, options, ["options"]);
}

/** `scoreAccounts` with its options found at `root` in messages (e.g. `options.score`). */
export function scoreAccountsAt(accounts: readonly PlanAccount[], options: ScoreOptions, root: readonly (string | number)[]): Float64Array {
  const o = checkOptions(scoreOptionsSchema, options, root);
  const scores = new Float64Array(accounts.length);
  for (const [field, weight] of Object.entries(o.weights)) {
    const values = normaliseValues(numericField(accounts, field, o.missing ?? "error"), o.normalise ?? "none");
    for (let i = 0; i < scores.length; i++) scores[i] += weight * values[i];
  }
  return scores;
}
