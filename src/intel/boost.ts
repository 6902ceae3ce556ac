import type { BinnedMatrix } from "./binned-matrix.js";
import { growTree, histogramPool } from "./grow-tree.js";
import { bestConstant, meanLoss, quantileOf, writeGradients, type Loss } from "./loss.js";
import { leafOf, type Tree } from "./tree.js";
import type { TreeParams } from "./tree-params.js";
import { createRandom } from "../util/random.js";

/** How a boosted model is fitted. */
export interface BoostParams extends TreeParams, Loss {
  /** Shrinkage of every tree's output. */
  readonly learningRate: number;
  /** Most trees. */
  readonly maxTrees: number;
  /** Stop when the validation loss has not improved for this many trees (when there is a validation set). */
  readonly patience: number;
  /** Share of the training rows each tree is grown on (1: all; stochastic gradient boosting below 1). */
  readonly subsample: number;
  readonly seed: number;
}

export const defaultBoostParams: Omit<BoostParams, keyof TreeParams | "quantile"> = {
  learningRate: 0.1,
  maxTrees: 500,
  patience: 30,
  subsample: 1,
  seed: 1,
};

/** A fitted model: a constant plus the sum of its trees' leaf values. */
export interface BoostedModel {
  readonly init: number;
  readonly trees: readonly Tree[];
}

/** A fitted model and what fitting it measured. */
export interface BoostResult {
  readonly model: BoostedModel;
  /** Validation loss after each tree (empty without a validation set). */
  readonly validationLoss: readonly number[];
  /** Σ split gain per feature over the model's trees. */
  readonly importance: Float64Array;
}

/**
 * Gradient boosting (Friedman 2001) on histogram trees. Each tree fits the loss gradient; with the
 * pinball loss each leaf's value is then renewed to the q-quantile of the residuals of its rows (the
 * Newton step is meaningless on a piecewise-linear loss; LightGBM does the same). With rows in
 * `valid`, stops early once their loss has not improved for `patience` trees and keeps the best
 * prefix. `y` is indexed by row of `m`. Deterministic for a given seed.
 */
export function fitBoosted(m: BinnedMatrix, y: Float64Array, train: Int32Array, valid: Int32Array, p: BoostParams): BoostResult {
  const init = bestConstant(p, y, train);
  const f = new Float64Array(m.n).fill(init);
  const grad = new Float64Array(m.n);
  const pool = histogramPool(m);
  const random = createRandom(p.seed);
  const trees: Tree[] = [];
  const losses: number[] = [];
  let best = Infinity, bestCount = 0;
  const bag = new Int32Array(Math.max(1, train.length));
  const inBag = new Uint8Array(m.n);
  for (let t = 0; t < p.maxTrees; t++) {
    const rows = p.subsample < 1 ? sample(train, bag, p.subsample, random) : train;
    writeGradients(p, y, f, rows, grad);
    const grown = growTree(m, rows, grad, p, pool);
    const tree = grown.tree;
    for (const leaf of grown.leaves) {
      if (p.quantile !== null) {
        const residuals = new Float64Array(grown.hi[leaf] - grown.lo[leaf]);
        for (let k = grown.lo[leaf]; k < grown.hi[leaf]; k++) residuals[k - grown.lo[leaf]] = y[grown.rows[k]] - f[grown.rows[k]];
        tree.value[leaf] = quantileOf(residuals, p.quantile);
      }
      tree.value[leaf] *= p.learningRate;
    }
    // In-bag rows know their leaf from the partition; the others walk the tree.
    for (const leaf of grown.leaves) {
      for (let k = grown.lo[leaf]; k < grown.hi[leaf]; k++) {
        f[grown.rows[k]] += tree.value[leaf];
        inBag[grown.rows[k]] = 1;
      }
    }
    for (const row of train) if (inBag[row] === 0) f[row] += tree.value[leafOf(tree, m.data, m.f, row)];
    for (const row of rows) inBag[row] = 0;
    for (const row of valid) f[row] += tree.value[leafOf(tree, m.data, m.f, row)];
    trees.push(tree);
    if (tree.feature[0] < 0 && p.quantile === null) break;
    if (valid.length === 0) {
      bestCount = trees.length;
      continue;
    }
    const loss = meanLoss(p, y, f, valid);
    losses.push(loss);
    if (best === Infinity || loss < best - 1e-12 * Math.abs(best)) {
      best = loss;
      bestCount = trees.length;
    } else if (trees.length - bestCount >= p.patience) break;
  }
  const kept = trees.slice(0, bestCount);
  const importance = new Float64Array(m.f);
  for (const tree of kept) for (let k = 0; k < tree.feature.length; k++) if (tree.feature[k] >= 0) importance[tree.feature[k]] += tree.gain[k];
  return { model: { init, trees: kept }, validationLoss: losses, importance };
}

/** The model's estimate for each row in `rows` (same order). */
export function predictRows(model: BoostedModel, m: BinnedMatrix, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length).fill(model.init);
  for (const tree of model.trees) {
    for (let k = 0; k < rows.length; k++) out[k] += tree.value[leafOf(tree, m.data, m.f, rows[k])];
  }
  return out;
}

/** Each row of `train` kept with probability `share` (at least one), in the same order. */
function sample(train: Int32Array, bag: Int32Array, share: number, random: () => number): Int32Array {
  let count = 0;
  for (const row of train) if (random() < share) bag[count++] = row;
  if (count === 0) bag[count++] = train[0];
  return bag.subarray(0, count);
}
