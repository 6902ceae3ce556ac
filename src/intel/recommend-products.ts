import { z } from "zod";
import { checkOptions } from "../plan/check-options.js";
import { attributeColumns, attributeNames } from "./attribute-columns.js";
import { blendScorer, fitBlendParts, type AttributeRows, type BlendWeights } from "./blend-model.js";
import { chooseBlend, type BlendChoice } from "./choose-blend.js";
import { designOf } from "./design-matrix.js";
import { leaveOneOut, timeSplit, type HoldOut } from "./hold-out.js";
import { indexOwnership, type Ownership, type Purchase } from "./ownership.js";
import type { PotentialAccount } from "./potential-account.js";
import { evaluateRanking, popularity, topProducts, type RankingFigures } from "./rank-products.js";

const optionsSchema = z.strictObject({
  accounts: z.array(z.unknown()).optional(),
  top: z.number().int().min(1).max(1000).optional(),
  seed: z.number().int().optional(),
  features: z.array(z.string().min(1)).optional(),
});

/** Options of `recommendProducts`. */
export interface RecommendOptions {
  /** Accounts with attributes (industry, size, …): every one gets recommendations, buyer or not, and attributes feed the per-product models. */
  readonly accounts?: readonly PotentialAccount[];
  /** Recommendations per account. Default 5. */
  readonly top?: number;
  /** Seed for the products held out in validation and evaluation. Default 1. */
  readonly seed?: number;
  /** Account attributes the per-product models use. Default: every attribute. */
  readonly features?: readonly string[];
}

/** One recommended product. */
export interface ProductRecommendation {
  readonly product: string;
  /** The blended estimate of the probability that the account buys it, in [0, 1]. */
  readonly score: number;
  /** score × the mean value its owners bought of it; present when purchases carry a value. */
  readonly expectedValue?: number;
}

/** An account's recommendations, best first (never a product it owns). */
export interface AccountRecommendations {
  readonly accountId: string;
  readonly products: readonly ProductRecommendation[];
}

/** How the recommendations did on purchases held out from them, against popularity. */
export interface RecommendationEvaluation {
  /** `"time split"` when every purchase has a date (the last 20 % of first purchases are hidden), else `"leave-one-out"` (one product hidden per account owning two or more). */
  readonly method: "leave-one-out" | "time split";
  /** Accounts evaluated. */
  readonly accounts: number;
  readonly model: readonly RankingFigures[];
  readonly popularity: readonly RankingFigures[];
  /** The blend chosen (by internal validation on the training part). */
  readonly blend: BlendWeights;
}

/** Recommendations for every account, and how they were chosen and how they did. */
export interface Recommendations {
  /** Accounts in `options.accounts` order, then accounts found only in purchases (first-seen order). */
  readonly accounts: readonly AccountRecommendations[];
  readonly products: readonly string[];
  /** The blend used for the recommendations (chosen on all purchases). */
  readonly blend: BlendWeights;
  /** EASE's penalty λ. */
  readonly lambda: number;
  /** True when the blend fell back to popularity (no signal beyond it in validation). */
  readonly fellBack: boolean;
  readonly evaluation: RecommendationEvaluation;
  /** Purchases naming an account that is not in `options.accounts` (kept, without attributes). */
  readonly unknownAccounts: number;
  /** Attributes dropped (constant, or missing everywhere), one sentence each. */
  readonly warnings: readonly string[];
}

/**
 * Recommends each account's next products from what it owns and what it is: EASE (Steck 2019, an
 * item-to-item model in closed form) on the purchases, per-product logistic regressions on the
 * account attributes, and popularity, mixed with weights (and EASE's penalty) chosen by internal
 * validation, falling back to popularity when nothing beats it. Ownership predicts best, then
 * firmographics (Knott, Hayes & Neslin 2002). Never recommends a product the account owns.
 * `evaluation` measures the same procedure honestly on purchases held out from it.
 */
export function recommendProducts(purchases: readonly Purchase[], options: RecommendOptions = {}): Recommendations {
  checkOptions(optionsSchema, options);
  const top = options.top ?? 5;
  const seed = options.seed ?? 1;
  const accounts = options.accounts ?? [];
  const known = new Set(accounts.map((a) => a.id));
  const o = indexOwnership(purchases, accounts.map((a) => a.id));
  const unknownAccounts = accounts.length > 0 ? purchases.filter((p) => !known.has(p.accountId.trim())).length : 0;
  const { rows: attributes, warnings } = attributeRows(o, accounts, options.features);

  const holdOut: HoldOut = o.firstDate ? timeSplit(o) : leaveOneOut(o, seed + 101);
  const evalChoice = chooseBlend(holdOut.train, attributes, top, seed + 202);
  const evalParts = fitBlendParts(holdOut.train, attributes, seed);
  const ks = [...new Set([1, 3, top])].sort((a, b) => a - b);
  const trainPopularity = popularity(holdOut.train);
  const evaluation: RecommendationEvaluation = {
    method: holdOut.method,
    accounts: holdOut.accounts.length,
    model: evaluateRanking(holdOut, blendScorer(evalParts, evalChoice.params), ks),
    popularity: evaluateRanking(holdOut, (_, out) => out.set(trainPopularity), ks),
    blend: evalChoice.params.weights,
  };

  const choice: BlendChoice = chooseBlend(o, attributes, top, seed + 303);
  const parts = fitBlendParts(o, attributes, seed);
  const scorer = blendScorer(parts, choice.params);
  const meanValue = o.value ? meanValuePerOwner(o) : null;
  const scores = new Float64Array(o.products.length);
  const recommendations = o.accountIds.map((accountId, a) => {
    scorer(a, scores);
    const products = topProducts(o, a, scores, top).map((j) => {
      const score = Math.min(1, Math.max(0, scores[j]));
      return meanValue ? { product: o.products[j], score, expectedValue: score * meanValue[j] } : { product: o.products[j], score };
    });
    return { accountId, products };
  });
  return { accounts: recommendations, products: o.products, blend: choice.params.weights, lambda: choice.params.lambda, fellBack: choice.fellBack, evaluation, unknownAccounts, warnings };
}

/** Design rows of the accounts' attributes, aligned with the ownership rows (accounts only in purchases get missing attributes). */
function attributeRows(o: Ownership, accounts: readonly PotentialAccount[], features?: readonly string[]): { rows: AttributeRows | null; warnings: string[] } {
  if (accounts.length === 0) return { rows: null, warnings: [] };
  const all: PotentialAccount[] = o.accountIds.map((id, a) => (a < accounts.length ? accounts[a] : { id }));
  const { columns, warnings } = attributeColumns(all, features ?? attributeNames(accounts, new Set()));
  if (columns.length === 0) return { rows: null, warnings };
  const n = all.length;
  const design = designOf(columns, Int32Array.from({ length: accounts.length }, (_, a) => a));
  const x = new Float64Array(n * design.width);
  const row = new Float64Array(design.width);
  for (let a = 0; a < n; a++) {
    design.fill(a, row);
    x.set(row, a * design.width);
  }
  return { rows: { x, width: design.width }, warnings };
}

/** Mean summed value per owning account, per product. */
function meanValuePerOwner(o: Ownership): Float64Array {
  const sum = new Float64Array(o.products.length), count = new Float64Array(o.products.length);
  o.items.forEach((j, k) => {
    sum[j] += o.value![k];
    count[j]++;
  });
  return Float64Array.from(sum, (s, j) => (count[j] > 0 ? s / count[j] : 0));
}
