import { blendScorer, fitBlendParts, type AttributeRows, type BlendParams } from "./blend-model.js";
import { leaveOneOut } from "./hold-out.js";
import type { Ownership } from "./ownership.js";
import { topProducts } from "./rank-products.js";

/** How the blend was chosen. */
export interface BlendChoice {
  readonly params: BlendParams;
  /** Mean validation gain of the chosen blend and of popularity alone (1 for a hidden product ranked first, falling linearly to 0 past `top`). */
  readonly gain: number;
  readonly popularityGain: number;
  /** Accounts the choice was validated on. */
  readonly accounts: number;
  /** True when no blend beat popularity by more than its standard error, so popularity alone was kept. */
  readonly fellBack: boolean;
}

/** Accounts the internal validation looks at, at most. */
const MAX_VALIDATION_ACCOUNTS = 3000;
/** EASE penalties tried, × the mean number of owners per product. */
const LAMBDA_SCALES = [0.05, 0.25, 1, 4];
const STEP = 0.1;

/**
 * Chooses EASE's penalty and the mixture weights by internal validation: one product of each
 * account (that owns two or more) is hidden, the parts are fitted on the rest, and every penalty and
 * every weight triple on a 0.1 grid is scored by where the hidden product lands in the top `top`.
 * The best blend is kept only when it beats popularity alone by more than one standard error of the
 * paired difference; otherwise popularity alone is used, so that data with little signal fall back
 * to it rather than to noise.
 */
export function chooseBlend(o: Ownership, attributes: AttributeRows | null, top: number, seed: number): BlendChoice {
  const popularityOnly: BlendParams = { lambda: 0, weights: { items: 0, attributes: 0, popularity: 1 } };
  const h = leaveOneOut(o, seed, MAX_VALIDATION_ACCOUNTS);
  const count = h.accounts.length;
  if (count < 10) return { params: popularityOnly, gain: NaN, popularityGain: NaN, accounts: count, fellBack: true };
  const parts = fitBlendParts(h.train, attributes, seed);
  const p = o.products.length;
  const meanOwners = h.train.items.length / Math.max(1, p);
  const lambdas = LAMBDA_SCALES.map((s) => Math.max(1e-3, s * meanOwners));
  // Each part's scores for every validation account, so the weight grid only mixes them.
  const pop = new Float64Array(count * p), attr = new Float64Array(count * p);
  const only = (weights: BlendParams["weights"], lambda = 0) => blendScorer(parts, { lambda, weights });
  const scratch = new Float64Array(p);
  const fill = (target: Float64Array, scorer: (a: number, out: Float64Array) => void) =>
    h.accounts.forEach((a, e) => {
      scorer(a, scratch);
      target.set(scratch, e * p);
    });
  fill(pop, only({ items: 0, attributes: 0, popularity: 1 }));
  fill(attr, only({ items: 0, attributes: 1, popularity: 0 }));
  const gainsOf = (items: Float64Array | null, wi: number, wa: number, wp: number): Float64Array => {
    const gains = new Float64Array(count);
    const mixed = new Float64Array(p);
    for (let e = 0; e < count; e++) {
      const base = e * p;
      for (let j = 0; j < p; j++) mixed[j] = wp * pop[base + j] + wa * attr[base + j] + (items ? wi * items[base + j] : 0);
      const ranked = topProducts(h.train, h.accounts[e], mixed, top);
      const r = ranked.indexOf(h.targets[e]);
      gains[e] = r < 0 ? 0 : (top - r) / top;
    }
    return gains;
  };
  const baseline = gainsOf(null, 0, 0, 1);
  let best = { params: popularityOnly, gains: baseline, mean: mean(baseline) };
  for (const lambda of lambdas) {
    const items = new Float64Array(count * p);
    fill(items, only({ items: 1, attributes: 0, popularity: 0 }, lambda));
    const steps = Math.round(1 / STEP);
    for (let i = 0; i <= steps; i++) {
      for (let a = 0; i + a <= steps; a++) {
        const wi = i * STEP, wa = a * STEP, wp = Math.max(0, 1 - wi - wa);
        if (wp === 1) continue;
        const gains = gainsOf(items, wi, wa, wp);
        const m = mean(gains);
        if (m > best.mean) best = { params: { lambda, weights: { items: round(wi), attributes: round(wa), popularity: round(wp) } }, gains, mean: m };
      }
    }
  }
  const diff = Float64Array.from(best.gains, (g, e) => g - baseline[e]);
  const fellBack = !(mean(diff) > standardError(diff));
  return { params: fellBack ? popularityOnly : best.params, gain: fellBack ? mean(baseline) : best.mean, popularityGain: mean(baseline), accounts: count, fellBack };
}

function mean(values: Float64Array): number {
  let s = 0;
  for (const v of values) s += v;
  return values.length > 0 ? s / values.length : 0;
}

function standardError(values: Float64Array): number {
  const m = mean(values);
  let s = 0;
  for (const v of values) s += (v - m) ** 2;
  return values.length > 1 ? Math.sqrt(s / (values.length - 1) / values.length) : Infinity;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
