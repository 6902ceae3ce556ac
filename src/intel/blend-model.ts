import { easeScores, fitEase } from "./ease.js";
import type { Ownership } from "./ownership.js";
import { fitProductLogistic, logisticScores } from "./product-logistic.js";
import { popularity, type ProductScorer } from "./rank-products.js";
import { createRandom } from "../util/random.js";

/** Account attributes as design rows (row-major, `width` columns, column 0 the intercept), one per ownership row. */
export interface AttributeRows {
  readonly x: Float64Array;
  readonly width: number;
}

/** Weights of the three estimates of P(account buys product) that are mixed; they add up to 1. */
export interface BlendWeights {
  /** EASE: what accounts that own the same products also own. */
  readonly items: number;
  /** Per-product logistic regressions on the account's attributes. */
  readonly attributes: number;
  /** The share of accounts that own the product. */
  readonly popularity: number;
}

/** A blend: the EASE penalty and the mixture weights. */
export interface BlendParams {
  /** EASE's L2 penalty λ. */
  readonly lambda: number;
  readonly weights: BlendWeights;
}

/** Accounts the attribute models are fitted on, at most (drawn at random when there are more). */
const MAX_LOGISTIC_ROWS = 20_000;

/** The fitted parts of the blend on one ownership matrix; EASE weights are fitted per λ on demand. */
export interface BlendParts {
  readonly ownership: Ownership;
  readonly popularity: Float64Array;
  /** Logistic weights, P × width; null without attributes. */
  readonly logistic: Float64Array | null;
  readonly attributes: AttributeRows | null;
  readonly ease: (lambda: number) => Float64Array;
}

/** Fits popularity and the attribute models on `o`, and readies EASE. */
export function fitBlendParts(o: Ownership, attributes: AttributeRows | null, seed: number): BlendParts {
  let logistic: Float64Array | null = null;
  if (attributes && attributes.width > 1) {
    const n = o.start.length - 1;
    let rows = Int32Array.from({ length: n }, (_, a) => a);
    if (n > MAX_LOGISTIC_ROWS) {
      const random = createRandom(seed);
      rows = rows.filter(() => random() < MAX_LOGISTIC_ROWS / n);
    }
    logistic = fitProductLogistic(o, attributes.x, attributes.width, rows, 1);
  }
  const cache = new Map<number, Float64Array>();
  return {
    ownership: o,
    popularity: popularity(o),
    logistic,
    attributes: logistic ? attributes : null,
    ease(lambda) {
      let b = cache.get(lambda);
      if (!b) cache.set(lambda, (b = fitEase(o, lambda)));
      return b;
    },
  };
}

/**
 * The blended estimate for every product: items × clip(EASE score, 0, 1) + attributes × logistic
 * probability + popularity × share of owners. Without attributes, the attribute weight goes to
 * popularity (the logistic model is then the share of owners anyway).
 */
export function blendScorer(parts: BlendParts, params: BlendParams): ProductScorer {
  const p = parts.ownership.products.length;
  const { items, attributes, popularity: pop } = params.weights;
  const b = items > 0 ? parts.ease(params.lambda) : null;
  const ease = new Float64Array(p), logistic = new Float64Array(p);
  return (a, out) => {
    for (let j = 0; j < p; j++) out[j] = pop * parts.popularity[j];
    if (b) {
      easeScores(b, parts.ownership, a, ease);
      for (let j = 0; j < p; j++) out[j] += items * Math.min(1, Math.max(0, ease[j]));
    }
    if (attributes > 0) {
      if (parts.logistic && parts.attributes) {
        logisticScores(parts.logistic, parts.attributes.width, parts.attributes.x, a, logistic);
        for (let j = 0; j < p; j++) out[j] += attributes * logistic[j];
      } else for (let j = 0; j < p; j++) out[j] += attributes * parts.popularity[j];
    }
  };
}
