import { fail } from "../errors.js";
import { checkOptions } from "./check-options.js";
import { numericField, type PlanAccount } from "./plan-account.js";
import { paretoCuts, quantileCuts, tierIndices } from "./tier-cuts.js";
import { defaultShares, defaultTierNames, tierOptionsSchema, type TierMethod, type TierOptions } from "./tier-options.js";
import { giniOfSorted, lorenzCurve, type LorenzPoint } from "./value-distribution.js";

/** One tier in the summary. */
export interface TierStats {
  readonly name: string;
  /** Accounts in the tier. */
  readonly accounts: number;
  /** accounts / all accounts, in [0, 1]. */
  readonly accountShare: number;
  /** Σ value of its accounts (the `by` value: potential, score, …). */
  readonly value: number;
  /** value / total value, in [0, 1] (0 when the total is 0). */
  readonly valueShare: number;
  /** Lowest and highest value in the tier; NaN for an empty tier. */
  readonly minValue: number;
  readonly maxValue: number;
}

/** What `tierAccounts` found: the tiers and how value spreads over them. */
export interface TierSummary {
  readonly method: TierMethod;
  /** Per tier, highest first. */
  readonly tiers: readonly TierStats[];
  /** Σ value over all accounts. */
  readonly totalValue: number;
  /** The value cut-offs between tiers: tier k holds values ≥ cuts[k] (and below cuts[k − 1]); +Infinity for a cut no account reaches. */
  readonly cuts: readonly number[];
  /** Lorenz curve of the value (accounts from the smallest up); empty when values are negative or all 0. */
  readonly lorenz: readonly LorenzPoint[];
  /** Gini coefficient of the value in [0, 1); null when values are negative or all 0. */
  readonly gini: number | null;
}

/** Tiers of the accounts (input order) and their summary. */
export interface Tiering {
  /** Tier name of each account, input order. */
  readonly tiers: readonly string[];
  /** The value each account was ranked by, input order. */
  readonly values: Float64Array;
  readonly summary: TierSummary;
}

/**
 * Cuts the accounts into tiers by a value (`by`: a field, an attribute or one number per account)
 * with `pareto` (shares of the total value), `quantile` (shares of the account count) or
 * `thresholds` (value cut-offs). Accounts of equal value always share a tier. Throws a
 * `TerralignError` for bad options (shares not increasing or outside (0, 1], thresholds not
 * decreasing, a wrong number of names), and for a missing, non-numeric or (with `pareto`)
 * negative value, naming the account.
 */
export function tierAccounts(accounts: readonly PlanAccount[], options: TierOptions = {}): Tiering {
  const o = checkOptions(tierOptionsSchema, options);
  const method = o.method ?? "pareto";
  const values = valuesBy(accounts, o.by ?? "potential");
  const descending = new Float64Array(values).sort().reverse();
  if (method === "pareto" && descending.length > 0 && descending[descending.length - 1] < 0) {
    const i = values.findIndex((v) => v < 0);
    const path = typeof o.by === "string" || o.by === undefined ? ["accounts", i, o.by ?? "potential"] : ["options", "by", i];
    fail("invalid_input", path, `value ${values[i]} is negative (account ${JSON.stringify(accounts[i].id)}); pareto tiers share out a total, so values must be ≥ 0 (use method "quantile" for scores that can be negative)`);
  }
  const shares = o.shares ?? defaultShares;
  const cuts =
    method === "pareto" ? paretoCuts(descending, shares) : method === "quantile" ? quantileCuts(descending, shares) : Float64Array.from(o.thresholds ?? []);
  const names = o.names ?? defaultTierNames(cuts.length + 1);
  const index = tierIndices(values, cuts);
  const ascending = descending.reverse();
  return {
    tiers: Array.from(index, (k) => names[k]),
    values,
    summary: summarise(method, values, index, names, cuts, ascending, o.lorenzPoints ?? 101),
  };
}

function valuesBy(accounts: readonly PlanAccount[], by: string | ArrayLike<number>): Float64Array {
  if (typeof by === "string") return numericField(accounts, by);
  if (by.length !== accounts.length) fail("invalid_option", ["options", "by"], `one value per account is needed: got ${by.length} values for ${accounts.length} accounts`);
  const values = Float64Array.from(by);
  const bad = values.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) fail("invalid_option", ["options", "by", bad], `expected a finite number, got ${values[bad]} (account ${JSON.stringify(accounts[bad].id)})`);
  return values;
}

function summarise(method: TierMethod, values: Float64Array, index: Uint16Array, names: readonly string[], cuts: Float64Array, ascending: Float64Array, lorenzPoints: number): TierSummary {
  const count = new Float64Array(names.length);
  const sum = new Float64Array(names.length);
  const min = new Float64Array(names.length).fill(Infinity);
  const max = new Float64Array(names.length).fill(-Infinity);
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    const k = index[i], v = values[i];
    count[k]++;
    sum[k] += v;
    total += v;
    if (v < min[k]) min[k] = v;
    if (v > max[k]) max[k] = v;
  }
  const n = values.length;
  const tiers = names.map((name, k) => ({
    name,
    accounts: count[k],
    accountShare: n > 0 ? count[k] / n : 0,
    value: sum[k],
    valueShare: total > 0 ? sum[k] / total : 0,
    minValue: count[k] > 0 ? min[k] : NaN,
    maxValue: count[k] > 0 ? max[k] : NaN,
  }));
  return { method, tiers, totalValue: total, cuts: Array.from(cuts), lorenz: lorenzCurve(ascending, lorenzPoints), gini: giniOfSorted(ascending) };
}
