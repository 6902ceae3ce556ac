import { describe, expect, it } from "vitest";
import { binColumn } from "../../src/intel/bin-columns.js";
import { stackColumns } from "../../src/intel/binned-matrix.js";
import { defaultBoostParams, fitBoosted, predictRows, type BoostParams } from "../../src/intel/boost.js";
import { findSplit } from "../../src/intel/find-split.js";
import { buildHistogram } from "../../src/intel/histogram.js";
import { defaultTreeParams } from "../../src/intel/tree-params.js";
import { createRandom } from "../../src/util/random.js";

const numeric = (name: string, values: number[]) => binColumn({ name, kind: "numeric", values: Float64Array.from(values) });
const all = (n: number) => Int32Array.from({ length: n }, (_, i) => i);
const none = new Int32Array(0);
const exact: BoostParams = { ...defaultTreeParams, ...defaultBoostParams, quantile: null, learningRate: 1, maxTrees: 1, maxLeaves: 2, minRowsInLeaf: 1, lambda: 0 };

describe("histogram tree learner", () => {
  it("fits a step exactly with one squared-error stump: the two means", () => {
    const m = stackColumns([numeric("x", [1, 2, 3, 4, 5, 6, 7, 8])]);
    const y = Float64Array.from([1, 1, 1, 1, 5, 5, 5, 5]);
    const { model } = fitBoosted(m, y, all(8), none, exact);
    expect(model.init).toBe(3);
    expect(Array.from(predictRows(model, m, all(8)))).toEqual([1, 1, 1, 1, 5, 5, 5, 5]);
  });

  it("renews pinball-loss leaves to the quantile of their residuals", () => {
    const m = stackColumns([numeric("x", [1, 2, 3, 4, 5, 6, 7, 8])]);
    const y = Float64Array.from([1, 2, 3, 4, 10, 20, 30, 40]);
    const { model } = fitBoosted(m, y, all(8), none, { ...exact, quantile: 0.5 });
    expect(model.init).toBe(7);
    // Medians of each side: (2 + 3) / 2 and (20 + 30) / 2.
    expect(Array.from(predictRows(model, m, all(8)))).toEqual([2.5, 2.5, 2.5, 2.5, 25, 25, 25, 25]);
  });

  it("finds the same best split as a brute-force search over every threshold and missing side", () => {
    const random = createRandom(5);
    for (let trial = 0; trial < 20; trial++) {
      const n = 40;
      const a = Array.from({ length: n }, () => (random() < 0.15 ? NaN : Math.floor(random() * 8)));
      const b = Array.from({ length: n }, () => Math.floor(random() * 5));
      const m = stackColumns([numeric("a", a), numeric("b", b)]);
      const grad = Float64Array.from({ length: n }, () => random() * 2 - 1);
      const h = new Float64Array(2 * m.slots);
      buildHistogram(m, all(n), 0, n, grad, h);
      const g = grad.reduce((s, v) => s + v, 0);
      const p = { ...defaultTreeParams, minRowsInLeaf: 3, lambda: 1 };
      const split = findSplit(m, h, g, n, p);
      let best = -Infinity;
      for (const values of [a, b]) {
        for (const t of [...new Set(values.filter((v) => !Number.isNaN(v)))]) {
          for (const missingLeft of [false, true]) {
            let lg = 0, lr = 0;
            values.forEach((v, i) => {
              if (Number.isNaN(v) ? missingLeft : v <= t) (lg += grad[i]), lr++;
            });
            if (lr < 3 || n - lr < 3) continue;
            const gain = (lg * lg) / (lr + 1) + ((g - lg) * (g - lg)) / (n - lr + 1) - (g * g) / (n + 1);
            best = Math.max(best, gain);
          }
        }
      }
      expect(split.gain).toBeCloseTo(best, 10);
    }
  });

  it("separates categories by their mean gradient in one split", () => {
    const labels = ["a", "b", "c", "d"];
    const codes = Int32Array.from({ length: 200 }, (_, i) => i % 4);
    const m = stackColumns([binColumn({ name: "c", kind: "categorical", codes, levels: labels })]);
    const y = Float64Array.from(codes, (c) => (c === 0 || c === 2 ? 10 : 0));
    const { model } = fitBoosted(m, y, all(200), none, { ...exact, minRowsInLeaf: 10 });
    const out = predictRows(model, m, all(200));
    out.forEach((v, i) => expect(v).toBeCloseTo(y[i], 12));
  });

  it("learns a known function of two features to R² above 0.98 on unseen rows", () => {
    const random = createRandom(11);
    const n = 4000;
    const x1 = Array.from({ length: n }, () => random()), x2 = Array.from({ length: n }, () => random() * 2 - 1);
    const y = Float64Array.from({ length: n }, (_, i) => 3 * (x1[i] > 0.5 ? 1 : 0) + x2[i] * x2[i] + Math.sin(6 * x1[i]));
    const m = stackColumns([numeric("x1", x1), numeric("x2", x2)]);
    const train = Int32Array.from({ length: 3000 }, (_, i) => i), valid = Int32Array.from({ length: 500 }, (_, i) => 3000 + i), test = Int32Array.from({ length: 500 }, (_, i) => 3500 + i);
    const { model } = fitBoosted(m, y, train, valid, { ...defaultTreeParams, ...defaultBoostParams, quantile: null });
    const out = predictRows(model, m, test);
    let sse = 0, sst = 0, mean = 0;
    test.forEach((row) => (mean += y[row] / test.length));
    test.forEach((row, k) => ((sse += (y[row] - out[k]) ** 2), (sst += (y[row] - mean) ** 2)));
    expect(1 - sse / sst).toBeGreaterThan(0.98);
  });

  it("estimates a quantile: about 80 % of unseen outcomes fall at or below the 0.8 estimate", () => {
    const random = createRandom(3);
    const n = 6000;
    const x = Array.from({ length: n }, () => random());
    const y = Float64Array.from(x, (v) => 2 * v + (random() - 0.5));
    const m = stackColumns([numeric("x", x)]);
    const train = Int32Array.from({ length: 4000 }, (_, i) => i), valid = Int32Array.from({ length: 1000 }, (_, i) => 4000 + i), test = Int32Array.from({ length: 1000 }, (_, i) => 5000 + i);
    const { model } = fitBoosted(m, y, train, valid, { ...defaultTreeParams, ...defaultBoostParams, quantile: 0.8 });
    const out = predictRows(model, m, test);
    const covered = Array.from(test).filter((row, k) => y[row] <= out[k]).length / test.length;
    expect(covered).toBeGreaterThan(0.75);
    expect(covered).toBeLessThan(0.85);
  });

  it("is deterministic for a seed, with subsampling", () => {
    const random = createRandom(9);
    const x = Array.from({ length: 500 }, () => random());
    const y = Float64Array.from(x, (v) => v * v + random() * 0.1);
    const m = stackColumns([numeric("x", x)]);
    const p = { ...defaultTreeParams, ...defaultBoostParams, quantile: 0.7, subsample: 0.5, maxTrees: 50 };
    const a = predictRows(fitBoosted(m, y, all(400), Int32Array.from({ length: 100 }, (_, i) => 400 + i), p).model, m, all(500));
    const b = predictRows(fitBoosted(m, y, all(400), Int32Array.from({ length: 100 }, (_, i) => 400 + i), p).model, m, all(500));
    expect(Array.from(a)).toEqual(Array.from(b));
  });
});
