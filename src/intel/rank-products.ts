import type { HoldOut } from "./hold-out.js";
import type { Ownership } from "./ownership.js";

/** Writes a score for every product for account a (higher: recommend first). */
export type ProductScorer = (a: number, out: Float64Array) => void;

/** The k best products account a does not own, by score (ties: the earlier product), best first. */
export function topProducts(o: Ownership, a: number, scores: Float64Array, k: number): number[] {
  const owned = new Set<number>();
  for (let x = o.start[a]; x < o.start[a + 1]; x++) owned.add(o.items[x]);
  const best: number[] = [];
  for (let j = 0; j < scores.length; j++) {
    if (owned.has(j)) continue;
    let at = best.length;
    if (at === k && !(scores[j] > scores[best[k - 1]])) continue;
    if (at === k) at--;
    while (at > 0 && scores[j] > scores[best[at - 1]]) {
      best[at] = best[at - 1];
      at--;
    }
    best[at] = j;
  }
  return best.slice(0, k);
}

/** Hit rate, precision and recall at k. */
export interface RankingFigures {
  readonly k: number;
  /** Share of evaluated accounts with at least one hidden product in their top k. */
  readonly hitRate: number;
  /** Mean over accounts of (hidden products in the top k) / k. */
  readonly precision: number;
  /** Mean over accounts of (hidden products in the top k) / (products hidden). */
  readonly recall: number;
}

/** Ranks each evaluated account's products (not owned in the training part) and measures the hidden ones found at each k. */
export function evaluateRanking(h: HoldOut, score: ProductScorer, ks: readonly number[]): RankingFigures[] {
  const p = h.train.products.length;
  const scores = new Float64Array(p);
  const kMax = Math.max(...ks);
  const hits = ks.map(() => 0), precision = ks.map(() => 0), recall = ks.map(() => 0);
  h.accounts.forEach((a, e) => {
    score(a, scores);
    const top = topProducts(h.train, a, scores, kMax);
    const hidden = new Set(h.targets.subarray(h.start[e], h.start[e + 1]));
    ks.forEach((k, c) => {
      let found = 0;
      for (let r = 0; r < Math.min(k, top.length); r++) if (hidden.has(top[r])) found++;
      if (found > 0) hits[c]++;
      precision[c] += found / k;
      recall[c] += found / hidden.size;
    });
  });
  const n = Math.max(1, h.accounts.length);
  return ks.map((k, c) => ({ k, hitRate: hits[c] / n, precision: precision[c] / n, recall: recall[c] / n }));
}

/** Popularity: the share of accounts owning each product. */
export function popularity(o: Ownership): Float64Array {
  const out = new Float64Array(o.products.length);
  for (const j of o.items) out[j]++;
  const n = Math.max(1, o.start.length - 1);
  for (let j = 0; j < out.length; j++) out[j] /= n;
  return out;
}
