import { TerralignError } from "../errors.js";
import type { ResolvedOptions } from "../model/defaults.js";
import { describeValue } from "../model/describe-value.js";
import type { Problem } from "../model/problem-schema.js";

/** Metrics `balance` knows by name besides numeric attributes of the accounts. */
export const namedMetrics = ["workload", "potential", "accounts"] as const;

/**
 * A hard band on one metric besides workload: lower[r] ≤ Σ value[a] over rep r's accounts ≤
 * upper[r]. Compiled from `options.balance` (`potential`, `accounts` or a numeric attribute) and
 * `options.targets`.
 */
export interface MetricBand {
  /** The metric as `balance` names it. */
  readonly name: string;
  /** Per account; length n. */
  readonly value: Float64Array;
  /** Σ value over all accounts. */
  readonly total: number;
  /** Allowed deviation from the target, fraction. */
  readonly fraction: number;
  /** Per rep: target = total × share, band = target × (1 ± fraction); length m each. */
  readonly target: Float64Array;
  readonly lower: Float64Array;
  readonly upper: Float64Array;
}

/**
 * Each rep's share of a metric: `options.targets[metric]` when given (shares by rep id, adding up
 * to 1; a rep left out gets 0), else its capacity / total capacity.
 */
export function targetShares(problem: Problem, options: ResolvedOptions, metric: string): Float64Array {
  const { reps } = problem;
  const given = options.targets[metric];
  const share = new Float64Array(reps.length);
  if (!given) {
    let total = 0;
    for (const rep of reps) total += rep.capacity;
    reps.forEach((rep, r) => (share[r] = total > 0 ? rep.capacity / total : 1 / reps.length));
    return share;
  }
  const index = new Map(reps.map((rep, r) => [rep.id, r]));
  let sum = 0;
  for (const [id, value] of Object.entries(given)) {
    const r = index.get(id);
    if (r === undefined) throw new TerralignError("invalid_option", `options.targets.${metric}.${id}: no rep has the id "${id}"`);
    share[r] = value;
    sum += value;
  }
  if (Math.abs(sum - 1) > 1e-6) throw new TerralignError("invalid_option", `options.targets.${metric}: the shares add up to ${Number(sum.toFixed(6))}; they must add up to 1`);
  return share;
}

/** The bands `options.balance` asks for besides workload, in the order given; checks `options.targets` too. */
export function compileMetricBands(problem: Problem, options: ResolvedOptions): MetricBand[] {
  for (const metric of Object.keys(options.targets)) {
    if (!(metric in options.balance)) throw new TerralignError("invalid_option", `options.targets.${metric}: there is no band on "${metric}"; add options.balance.${metric} or remove the targets`);
  }
  const bands: MetricBand[] = [];
  for (const [name, fraction] of Object.entries(options.balance)) {
    if (name === "workload") continue;
    const value = metricValues(problem, name);
    let total = 0;
    for (let a = 0; a < value.length; a++) total += value[a];
    const share = targetShares(problem, options, name);
    const m = share.length;
    const target = new Float64Array(m);
    const lower = new Float64Array(m);
    const upper = new Float64Array(m);
    for (let r = 0; r < m; r++) {
      target[r] = total * share[r];
      lower[r] = target[r] * (1 - fraction);
      upper[r] = target[r] * (1 + fraction);
    }
    bands.push({ name, value, total, fraction, target, lower, upper });
  }
  return bands;
}

/** Per account: potential (0 when absent), 1 for `accounts`, or a numeric attribute that every account must have. */
function metricValues(problem: Problem, name: string): Float64Array {
  const { accounts } = problem;
  const value = new Float64Array(accounts.length);
  if (name === "potential") {
    accounts.forEach((account, a) => (value[a] = account.potential ?? 0));
    return value;
  }
  if (name === "accounts") return value.fill(1);
  const holder = accounts.findIndex((account) => account.attributes !== undefined && name in account.attributes);
  if (holder < 0) {
    throw new TerralignError("invalid_option", `options.balance.${name}: "${name}" is neither a metric (${namedMetrics.join(", ")}) nor an attribute of the accounts`);
  }
  for (let a = 0; a < accounts.length; a++) {
    const raw = accounts[a].attributes?.[name];
    const x = typeof raw === "string" && raw.trim() !== "" ? Number(raw) : raw;
    if (typeof x !== "number" || !Number.isFinite(x) || x < 0) {
      const what = raw === undefined ? "is missing" : `is ${describeValue(raw)}`;
      throw new TerralignError("invalid_input", `accounts[${a}].attributes.${name}: ${what} (account ${accounts[a].id}); options.balance.${name} needs a number ≥ 0 on every account`);
    }
    value[a] = x;
  }
  return value;
}
