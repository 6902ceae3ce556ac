import { describe, expect, it } from "vitest";
import { createKnapsackScratch, minKnapsack, minKnapsackLp } from "../../src/place/cpmp/min-knapsack.js";
import { createRandom } from "../../src/util/random.js";

/** min Σ value·x over subsets with lo ≤ Σ weight·x ≤ hi, by enumeration. */
function enumerate(value: Float64Array, weight: Float64Array, lo: number, hi: number): number {
  let best = Infinity;
  for (let mask = 0; mask < 1 << value.length; mask++) {
    let v = 0;
    let w = 0;
    for (let t = 0; t < value.length; t++) if (mask & (1 << t)) [v, w] = [v + value[t], w + weight[t]];
    if (w >= lo && w <= hi && v < best) best = v;
  }
  return best;
}

/** The LP by sorting: best ratios first, negatives up to hi, then others up to lo. */
function lpBySorting(value: Float64Array, weight: Float64Array, lo: number, hi: number): number {
  const items = Array.from(value, (v, t) => ({ v, w: weight[t] })).filter((x) => x.w <= hi);
  let total = 0;
  for (const x of items) if (x.w === 0 && x.v < 0) total += x.v;
  const sorted = items.filter((x) => x.w > 0).sort((a, b) => a.v / a.w - b.v / b.w);
  const negWeight = sorted.filter((x) => x.v < 0).reduce((s, x) => s + x.w, 0);
  const target = Math.min(Math.max(negWeight, lo), hi);
  let room = target;
  for (const x of sorted) {
    if (room <= 0) break;
    const take = Math.min(1, room / x.w);
    total += take * x.v;
    room -= take * x.w;
  }
  return room > 1e-9 ? Infinity : total;
}

describe("minKnapsack", () => {
  it("finds the optimum of two-sided knapsacks (checked by enumeration) and never reports a bound above it", () => {
    const random = createRandom(41);
    const scratch = createKnapsackScratch(4);
    for (let trial = 0; trial < 300; trial++) {
      const count = 1 + Math.floor(random() * 10);
      const value = Float64Array.from({ length: count }, () => Math.round((random() - 0.6) * 50));
      const weight = Float64Array.from({ length: count }, () => Math.floor(random() * 12));
      const total = weight.reduce((a, b) => a + b, 0);
      const lo = random() < 0.5 ? 0 : Math.floor(random() * total);
      const hi = lo + Math.floor(random() * (total + 5));
      const chosen = new Uint8Array(count);
      const outcome = minKnapsack(value, weight, count, lo, hi, chosen, scratch);
      const truth = enumerate(value, weight, lo, hi);
      expect(outcome.value).toBe(truth);
      if (Number.isFinite(truth)) {
        let [v, w] = [0, 0];
        chosen.forEach((c, t) => c && ([v, w] = [v + value[t], w + weight[t]]));
        expect([v, w >= lo && w <= hi]).toEqual([truth, true]);
      }
      const lp = minKnapsackLp(value, weight, count, lo, hi, scratch);
      expect(lp).toBeCloseTo(lpBySorting(value, weight, lo, hi), 9);
      if (Number.isFinite(truth)) expect(lp).toBeLessThanOrEqual(truth + 1e-9);
    }
  });

  it("looks only below a cutoff and says so with Infinity", () => {
    const value = Float64Array.of(-5, -3, 2);
    const weight = Float64Array.of(4, 3, 1);
    const chosen = new Uint8Array(3);
    const scratch = createKnapsackScratch();
    expect(minKnapsack(value, weight, 3, 0, 7, chosen, scratch, 1000, -7).value).toBe(-8);
    expect(minKnapsack(value, weight, 3, 0, 7, chosen, scratch, 1000, -8).value).toBe(Infinity);
  });
});
