import { z } from "zod";

export const potentialOptionsSchema = z.strictObject({
  target: z.string().min(1),
  features: z.array(z.string().min(1)).optional(),
  quantile: z.number().gt(0).lt(1).nullable().optional(),
  folds: z.number().int().min(2).max(20).optional(),
  seed: z.number().int().optional(),
  neighbours: z.number().int().min(0).max(100).optional(),
  boosting: z
    .strictObject({
      learningRate: z.number().gt(0).max(1).optional(),
      maxTrees: z.number().int().min(1).optional(),
      maxLeaves: z.number().int().min(2).max(1024).optional(),
      minRowsInLeaf: z.number().int().min(1).optional(),
      patience: z.number().int().min(1).optional(),
      subsample: z.number().gt(0).max(1).optional(),
      validationShare: z.number().gt(0).lt(1).optional(),
    })
    .optional(),
});

/** Options of `estimatePotential`. */
export interface PotentialOptions {
  /** The field or attribute holding what each customer spends (e.g. `"sales"`); accounts without a value are prospects. Required. */
  readonly target: string;
  /**
   * Fields and attributes to learn from. Default: every attribute (and `segment`, `region`, `tier`,
   * `workload`, `visits`, `potential` when accounts have them) other than the target. Numeric when
   * every value present is a number, else categorical. A feature constant or missing on every
   * account is dropped with a warning.
   */
  readonly features?: readonly string[];
  /**
   * Potential is the wallet: this quantile of what similar accounts spend (pinball loss), in (0, 1).
   * `null` estimates the mean instead (squared error on the log scale, with Duan's smearing). Default 0.8.
   */
  readonly quantile?: number | null;
  /** Cross-validation folds (2–20): each customer is estimated by the model that did not see it. Default 5. */
  readonly folds?: number;
  /** Seed for folds, validation rows and subsampling; the same seed gives the same estimates. Default 1. */
  readonly seed?: number;
  /**
   * Accounts with a location get location features: coordinates, the distance to their nearest
   * accounts, the mean of nearby accounts' numeric attributes, and the log target of the nearest
   * customers (taken from other folds only). This many neighbours; 0 turns neighbourhood features
   * off. Default 10.
   */
  readonly neighbours?: number;
  /** Tuning of the boosted trees; every field optional. */
  readonly boosting?: BoostingOptions;
}

/** Tuning of the gradient-boosted trees. */
export interface BoostingOptions {
  /** Shrinkage per tree. Default 0.1. */
  readonly learningRate?: number;
  /** Most trees per fold (early stopping usually ends sooner). Default 500. */
  readonly maxTrees?: number;
  /** Most leaves per tree. Default 31. */
  readonly maxLeaves?: number;
  /** Fewest customers per leaf. Default 20. */
  readonly minRowsInLeaf?: number;
  /** Early stopping: trees without improvement on the validation rows before stopping. Default 30. */
  readonly patience?: number;
  /** Share of training rows per tree (stochastic gradient boosting). Default 0.5 when a fold trains on 10,000 customers or more, else 1. */
  readonly subsample?: number;
  /** Share of each fold's training customers held back for early stopping and calibration. Default 0.15. */
  readonly validationShare?: number;
}
