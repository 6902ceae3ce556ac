import * as z from "zod";

/** How accounts are cut into tiers (see `TierOptions.method`). */
export type TierMethod = "pareto" | "quantile" | "thresholds";

/** Default cumulative shares: the top tier holds 80 %, the first two 95 %. */
export const defaultShares = [0.8, 0.95] as const;

const finiteArray = z.custom<ArrayLike<number>>((v) => ArrayBuffer.isView(v) || Array.isArray(v), "expected a field name or an array of numbers");

/**
 * Increasing shares in (0, 1]: `pareto` shares of the total value, `quantile` shares of the
 * account count, each cumulative (the first tier, then the first two, …).
 */
const sharesSchema = z.array(z.number()).min(1).superRefine((shares, ctx) => {
  shares.forEach((share, i) => {
    if (!(share > 0 && share <= 1)) ctx.addIssue({ code: "custom", path: [i], input: share, message: `share ${share} is outside (0, 1]` });
    else if (i > 0 && !(share > shares[i - 1])) ctx.addIssue({ code: "custom", path: [i], input: share, message: `shares must increase: ${share} comes after ${shares[i - 1]}` });
  });
});

/** Decreasing value cut-offs: the first tier holds values ≥ thresholds[0], the next ≥ thresholds[1], …. */
const thresholdsSchema = z.array(z.number().finite()).min(1).superRefine((cuts, ctx) => {
  cuts.forEach((cut, i) => {
    if (i > 0 && !(cut < cuts[i - 1])) ctx.addIssue({ code: "custom", path: [i], input: cut, message: `thresholds must decrease: ${cut} comes after ${cuts[i - 1]}` });
  });
});

export const tierOptionsSchema = z
  .strictObject({
    by: z.union([z.string().min(1), finiteArray]).optional(),
    method: z.enum(["pareto", "quantile", "thresholds"]).optional(),
    shares: sharesSchema.optional(),
    thresholds: thresholdsSchema.optional(),
    names: z.array(z.string().trim().min(1)).min(1).optional(),
    lorenzPoints: z.int().min(2).max(100_000).optional(),
  })
  .superRefine((o, ctx) => {
    const method = o.method ?? "pareto";
    if (method === "thresholds" && o.thresholds === undefined) ctx.addIssue({ code: "custom", path: ["thresholds"], message: 'method "thresholds" needs thresholds, e.g. [100000, 20000]' });
    if (method !== "thresholds" && o.thresholds !== undefined) ctx.addIssue({ code: "custom", path: ["thresholds"], message: `thresholds belong to method "thresholds", not "${method}"; give shares instead` });
    if (method === "thresholds" && o.shares !== undefined) ctx.addIssue({ code: "custom", path: ["shares"], message: 'shares belong to methods "pareto" and "quantile"; give thresholds instead' });
    const cuts = method === "thresholds" ? (o.thresholds?.length ?? 0) : (o.shares?.length ?? defaultShares.length);
    if (o.names !== undefined) {
      if (o.names.length !== cuts + 1) ctx.addIssue({ code: "custom", path: ["names"], input: o.names, message: `${cuts} cut${cuts === 1 ? "" : "s"} make ${cuts + 1} tiers, so give ${cuts + 1} names, got ${o.names.length}` });
      const seen = new Set<string>();
      o.names.forEach((name, i) => {
        if (seen.has(name)) ctx.addIssue({ code: "custom", path: ["names", i], input: name, message: `tier name "${name}" is given twice` });
        seen.add(name);
      });
    }
  });

/** Options of `tierAccounts`. */
export interface TierOptions {
  /** What to rank accounts by: a field or attribute name, or one number per account (e.g. the scores). Default `"potential"`. */
  readonly by?: string | ArrayLike<number>;
  /**
   * - `pareto` (default): cumulative shares of the total value, accounts taken in descending value:
   *   the first tier is the smallest set holding ≥ shares[0] of the total, and so on;
   * - `quantile`: cumulative shares of the account count (the top 20 %, …);
   * - `thresholds`: value cut-offs.
   * Accounts of equal value always share a tier: a tie at a cut joins the higher tier.
   */
  readonly method?: TierMethod;
  /** Increasing cumulative shares in (0, 1] for `pareto` and `quantile`. Default `[0.8, 0.95]`. */
  readonly shares?: readonly number[];
  /** Decreasing cut-offs for `thresholds`: tier k holds values ≥ thresholds[k] (and below the one before). */
  readonly thresholds?: readonly number[];
  /** Tier names, highest first, one more than the cuts. Default `A`, `B`, `C`, …. */
  readonly names?: readonly string[];
  /** Points of the Lorenz curve in the summary (at most; fewer when there are fewer accounts). Default 101. */
  readonly lorenzPoints?: number;
}

/** Default tier names: A, B, C, … (then T27, T28, …). */
export function defaultTierNames(count: number): string[] {
  return Array.from({ length: count }, (_, k) => (k < 26 ? String.fromCharCode(65 + k) : `T${k + 1}`));
}
