import { fail, TerralignError } from "../errors.js";
import { describeValue } from "../model/describe-value.js";
import { checkOptions } from "../plan/check-options.js";
import { createRandom, shuffle } from "../util/random.js";
import { readNumber } from "../util/read-number.js";
import { attributeColumns, attributeNames } from "./attribute-columns.js";
import { binColumn } from "./bin-columns.js";
import { stackColumns } from "./binned-matrix.js";
import { defaultBoostParams, fitBoosted, predictRows, type BoostParams } from "./boost.js";
import type { CategoricalColumn, FeatureColumn } from "./feature-column.js";
import { fitLinear } from "./linear-baseline.js";
import { quantileOf, type Loss } from "./loss.js";
import { findNeighbourhood, nearbyTargetColumns } from "./neighbourhood.js";
import { fieldPath, isMissing, rawField, type PotentialAccount } from "./potential-account.js";
import { modelFit, type ModelFit } from "./potential-metrics.js";
import { potentialOptionsSchema, type PotentialOptions } from "./potential-options.js";
import { segmentEstimates } from "./segment-baseline.js";
import { defaultTreeParams } from "./tree-params.js";

/** Training sets this large grow each tree on half of their rows (stochastic gradient boosting, Friedman 2002), unless `boosting.subsample` says otherwise. */
const BAGGING_FROM = 10_000;

/** Fewest customers (accounts with a target) to learn from. */
export const MIN_CUSTOMERS = 50;

/** One feature the model used and its share of the total split gain. */
export interface FeatureImportance {
  readonly feature: string;
  readonly kind: "numeric" | "categorical";
  /** Share of the split gain over every fold's trees, in [0, 1]; the shares add up to 1. */
  readonly share: number;
}

/** Estimated potential of every account and how well the estimates hold up. */
export interface PotentialEstimate {
  /** Estimated potential per account, input order, in target units (out of fold for customers). */
  readonly estimates: Float64Array;
  /** Estimate − target for customers (negative when they already spend more), the estimate for prospects. */
  readonly whiteSpace: Float64Array;
  /** 1 for a customer (an account with a target), 0 for a prospect. */
  readonly isCustomer: Uint8Array;
  readonly customers: number;
  readonly prospects: number;
  /** The quantile estimated, or null for the mean. */
  readonly quantile: number | null;
  readonly folds: number;
  /** Fit of the boosted trees and of the two baselines (segment means; linear), out of fold, over the customers. */
  readonly fits: readonly ModelFit[];
  /** Features by importance, largest first. */
  readonly importance: readonly FeatureImportance[];
  /** The column that defined segments for the baseline, or null when there was none (one overall value). */
  readonly segmentFeature: string | null;
  /** Trees per fold after early stopping. */
  readonly trees: readonly number[];
  /** Features dropped (constant or missing everywhere), one sentence each. */
  readonly warnings: readonly string[];
}

/**
 * Estimates each account's potential (its wallet: what it could spend) as a high quantile of what
 * similar customers spend (Perlich et al., KDD 2007), with gradient-boosted trees on feature
 * histograms. Customers (accounts with a value in `target`) train the model in `folds` folds; each
 * customer's estimate comes from the fold model that did not see it, so every reported figure is
 * out of sample; prospects get the mean of the fold models (on the log scale). Within a fold, a
 * share of the training customers stops the boosting early and calibrates the estimates so that the
 * quantile holds on them (conformalised quantile regression, Romano et al. 2019).
 *
 * Throws a `TerralignError` naming the account for a target that is not a number or is negative,
 * and when fewer than 50 customers have one.
 */
export function estimatePotential(accounts: readonly PotentialAccount[], options: PotentialOptions): PotentialEstimate {
  const o = checkOptions(potentialOptionsSchema, options);
  const quantile = o.quantile === undefined ? 0.8 : o.quantile;
  const loss: Loss = { quantile };
  const folds = o.folds ?? 5;
  const seed = o.seed ?? 1;
  const k = o.neighbours ?? 10;
  const n = accounts.length;

  const logTarget = new Float64Array(n).fill(NaN);
  const isCustomer = new Uint8Array(n);
  const customerRows: number[] = [];
  for (let i = 0; i < n; i++) {
    const raw = rawField(accounts[i], o.target);
    if (isMissing(raw)) continue;
    const y = readNumber(raw);
    if (y === undefined || !Number.isFinite(y)) fail("invalid_input", fieldPath(accounts[i], i, o.target), `${describeValue(raw)} is not a number (account ${JSON.stringify(accounts[i].id)}); the target must be a number ≥ 0, or blank for a prospect`);
    if (y < 0) fail("invalid_input", fieldPath(accounts[i], i, o.target), `${y} is negative (account ${JSON.stringify(accounts[i].id)}); the target must be ≥ 0`);
    logTarget[i] = Math.log1p(y);
    isCustomer[i] = 1;
    customerRows.push(i);
  }
  if (customerRows.length < MIN_CUSTOMERS) {
    throw new TerralignError("invalid_input", `options.target: only ${customerRows.length} account${customerRows.length === 1 ? " has" : "s have"} a value in "${o.target}"; at least ${MIN_CUSTOMERS} customers are needed to learn from`, [{ path: ["options", "target"], message: `too few customers: ${customerRows.length}` }]);
  }

  const names = o.features ?? attributeNames(accounts, new Set([o.target]));
  if (o.features?.includes(o.target)) throw new TerralignError("invalid_option", `options.features: "${o.target}" is the target; a model cannot learn the target from itself`);
  const attributes = attributeColumns(accounts, names);
  const lng = new Float64Array(n).fill(NaN), lat = new Float64Array(n).fill(NaN);
  let located = 0;
  for (let i = 0; i < n; i++) {
    const at = accounts[i].location;
    if (at && Number.isFinite(at[0]) && Number.isFinite(at[1])) (lng[i] = at[0]), (lat[i] = at[1]), located++;
  }
  const foldOf = assignFolds(customerRows, n, folds, seed);
  const hood = located > 0 ? findNeighbourhood(lng, lat, isCustomer, folds, k, attributes.columns) : undefined;
  const baseColumns: FeatureColumn[] = [...attributes.columns, ...(hood?.columns ?? [])];
  const baseBinned = baseColumns.map((column) => binColumn(column));
  const upper = quantile ?? 0.5;

  const params: BoostParams = { ...defaultTreeParams, ...defaultBoostParams, quantile, seed, ...pick(o.boosting) };
  const validationShare = o.boosting?.validationShare ?? 0.15;
  const prospects = Int32Array.from({ length: n }, (_, i) => i).filter((i) => isCustomer[i] === 0);
  const treeLog = new Float64Array(n);
  const segmentLog = new Float64Array(n), linearLog = new Float64Array(n);
  const gains = new Float64Array(baseColumns.length + (hood && k > 0 ? 2 : 0));
  const trees: number[] = [];
  const segmentUse = new Map<string, number>();
  let featureNames = baseColumns.map((c) => ({ name: c.name, kind: c.kind }));
  for (let fold = 0; fold < folds; fold++) {
    const held = Int32Array.from(customerRows.filter((i) => foldOf[i] === fold));
    const training = customerRows.filter((i) => foldOf[i] !== fold);
    const [fit, valid] = splitValidation(training, validationShare, seed + 7919 * (fold + 1));
    const nearby = hood && k > 0 ? nearbyTargetColumns(hood, logTarget, foldOf, fold, upper) : [];
    const columns = [...baseColumns, ...nearby];
    // The fold's rows in one block, fitting rows first: local row r is account order[r].
    const order = Int32Array.from([...fit, ...valid, ...held, ...prospects]);
    const matrix = stackColumns([...baseBinned, ...nearby.map((c) => binColumn(c))], order);
    const localY = Float64Array.from(order, (row) => logTarget[row]);
    const range = (from: number, count: number) => Int32Array.from({ length: count }, (_, r) => from + r);
    const localFit = range(0, fit.length), localValid = range(fit.length, valid.length);
    const localHeld = range(fit.length + valid.length, held.length), localProspects = range(fit.length + valid.length + held.length, prospects.length);
    featureNames = columns.map((c) => ({ name: c.name, kind: c.kind }));
    const subsample = o.boosting?.subsample ?? (fit.length >= BAGGING_FROM ? 0.5 : 1);
    const result = fitBoosted(matrix, localY, localFit, localValid, { ...params, subsample, seed: seed + fold });
    trees.push(result.model.trees.length);
    for (let j = 0; j < gains.length; j++) gains[j] += result.importance[j];
    const shift = calibrationShift(loss, localY, localValid, predictRows(result.model, matrix, localValid));
    const heldEstimate = predictRows(result.model, matrix, localHeld);
    held.forEach((row, r) => (treeLog[row] = heldEstimate[r] + shift));
    const prospectEstimate = predictRows(result.model, matrix, localProspects);
    prospects.forEach((row, r) => (treeLog[row] += (prospectEstimate[r] + shift) / folds));

    const all = Int32Array.from(training);
    const segment = segmentColumn(attributes.columns, logTarget, all);
    if (segment) segmentUse.set(segment.name, (segmentUse.get(segment.name) ?? 0) + 1);
    const bySegment = segmentEstimates(segment, logTarget, all, loss);
    const linear = fitLinear(columns, logTarget, all);
    let low = Infinity, high = -Infinity;
    for (const i of all) (low = Math.min(low, logTarget[i])), (high = Math.max(high, logTarget[i]));
    const clamp = (v: number) => Math.min(high, Math.max(low, v));
    const residuals = Float64Array.from(all, (i) => logTarget[i] - clamp(linear.predict(i)));
    const linearShift = shiftOf(loss, residuals);
    for (const row of held) {
      segmentLog[row] = bySegment[row];
      linearLog[row] = clamp(linear.predict(row)) + linearShift;
    }
  }

  const estimates = Float64Array.from(treeLog, (v) => Math.max(0, Math.expm1(v)));
  const whiteSpace = new Float64Array(n);
  for (let i = 0; i < n; i++) whiteSpace[i] = isCustomer[i] ? estimates[i] - Math.expm1(logTarget[i]) : estimates[i];
  const target = Float64Array.from(customerRows, (i) => Math.expm1(logTarget[i]));
  const ofCustomers = (log: Float64Array) => Float64Array.from(customerRows, (i) => Math.max(0, Math.expm1(log[i])));
  const fits = [
    modelFit("boosted trees", target, ofCustomers(treeLog), quantile),
    modelFit("segment means", target, ofCustomers(segmentLog), quantile),
    modelFit("linear", target, ofCustomers(linearLog), quantile),
  ];
  const total = gains.reduce((s, g) => s + g, 0);
  const importance = featureNames
    .map((f, j) => ({ feature: f.name, kind: f.kind, share: total > 0 ? gains[j] / total : 0 }))
    .sort((a, b) => b.share - a.share || (a.feature < b.feature ? -1 : 1));
  return {
    estimates,
    whiteSpace,
    isCustomer,
    customers: customerRows.length,
    prospects: prospects.length,
    quantile,
    folds,
    fits,
    importance,
    segmentFeature: [...segmentUse].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null,
    trees,
    warnings: attributes.warnings,
  };
}

/** Fold of each customer (−1 for prospects): a seeded shuffle dealt round-robin, so folds differ in size by at most one. */
function assignFolds(customers: readonly number[], n: number, folds: number, seed: number): Int32Array {
  const order = shuffle(Int32Array.from(customers), createRandom(seed));
  const foldOf = new Int32Array(n).fill(-1);
  order.forEach((row, k) => (foldOf[row] = k % folds));
  return foldOf;
}

/** A seeded split of `rows` into fitting and validation rows (ascending within each). */
function splitValidation(rows: readonly number[], share: number, seed: number): [Int32Array, Int32Array] {
  const order = shuffle(Int32Array.from(rows), createRandom(seed));
  const count = rows.length >= 20 ? Math.max(10, Math.round(rows.length * share)) : 0;
  return [order.slice(count).sort(), order.slice(0, count).sort()];
}

/**
 * The constant added on the log scale so that the estimates hold on held-back rows: for a quantile,
 * the q-quantile of the residuals (conformalised quantile regression); for the mean, the log of
 * Duan's smearing factor, mean(exp(residual)), which turns a mean of logs into a mean.
 */
function calibrationShift(loss: Loss, y: Float64Array, rows: Int32Array, estimate: Float64Array): number {
  if (rows.length === 0) return 0;
  return shiftOf(loss, Float64Array.from(rows, (row, k) => y[row] - estimate[k]));
}

function shiftOf(loss: Loss, residuals: Float64Array): number {
  if (residuals.length === 0) return 0;
  if (loss.quantile !== null) return quantileOf(residuals, loss.quantile);
  let sum = 0;
  for (const r of residuals) sum += Math.exp(r);
  return Math.log(sum / residuals.length);
}

/**
 * The segment column for the baseline: the categorical feature named "segment", else the one whose
 * segment means explain most of the log target over the `train` rows (as an analyst would pick it),
 * among those with at most 50 levels.
 */
function segmentColumn(columns: readonly FeatureColumn[], y: Float64Array, train: Int32Array): CategoricalColumn | undefined {
  const categorical = columns.filter((c): c is CategoricalColumn => c.kind === "categorical" && c.levels.length <= 50);
  const named = categorical.find((c) => c.name.toLowerCase() === "segment");
  if (named) return named;
  let best: CategoricalColumn | undefined, bestShare = -Infinity;
  for (const column of categorical) {
    const sum = new Float64Array(column.levels.length + 1), count = new Float64Array(column.levels.length + 1);
    let total = 0;
    for (const i of train) {
      const c = column.codes[i] + 1;
      sum[c] += y[i];
      count[c]++;
      total += y[i];
    }
    const mean = total / train.length;
    let between = 0;
    for (let c = 0; c < sum.length; c++) if (count[c] > 0) between += count[c] * (sum[c] / count[c] - mean) ** 2;
    if (between > bestShare) (bestShare = between), (best = column);
  }
  return best;
}

function pick(b: PotentialOptions["boosting"]): Partial<BoostParams> {
  if (!b) return {};
  const out: Record<string, number> = {};
  for (const key of ["learningRate", "maxTrees", "maxLeaves", "minRowsInLeaf", "patience", "subsample"] as const) if (b[key] !== undefined) out[key] = b[key]!;
  return out as Partial<BoostParams>;
}
