import { describe, expect, it } from "vitest";
import { generateWallets } from "../../benchmarks/wallet-data.js";
import { estimatePotential, type PotentialAccount } from "../../src/index.js";
import { indexPoints, nearestPoints } from "../../src/geo/nearest-points.js";
import { haversineKm } from "../../src/geo/haversine.js";
import { createRandom } from "../../src/util/random.js";
import { errorOf } from "../plan/error-of.js";

const data = generateWallets({ accounts: 600, seed: 4 });
const options = { target: "sales", seed: 3, boosting: { maxTrees: 60 } } as const;

function withSales(accounts: readonly PotentialAccount[], i: number, sales: unknown): PotentialAccount[] {
  return accounts.map((a, k) => (k === i ? { ...a, attributes: { ...a.attributes, sales } } : a));
}

describe("estimatePotential", () => {
  const base = estimatePotential(data.accounts, options);

  it("estimates every account, white space = estimate − sales for customers and the estimate for prospects", () => {
    expect(base.estimates).toHaveLength(600);
    expect(base.customers + base.prospects).toBe(600);
    for (let i = 0; i < 600; i++) {
      expect(base.estimates[i]).toBeGreaterThanOrEqual(0);
      const sales = data.sales[i];
      expect(base.whiteSpace[i]).toBeCloseTo(Number.isNaN(sales) ? base.estimates[i] : base.estimates[i] - sales, 6);
    }
    expect(base.fits.map((f) => f.model)).toEqual(["boosted trees", "segment means", "linear"]);
    expect(base.importance.reduce((s, f) => s + f.share, 0)).toBeCloseTo(1, 9);
    expect(base.importance[0].feature).toBe("employees");
  });

  it("never lets a customer predict itself: changing its own sales leaves its own estimate unchanged", () => {
    const customers = Array.from({ length: 600 }, (_, i) => i).filter((i) => !Number.isNaN(data.sales[i]));
    for (const i of customers.slice(0, 4)) {
      const changed = estimatePotential(withSales(data.accounts, i, data.sales[i] * 50 + 1e6), options);
      expect(changed.estimates[i]).toBe(base.estimates[i]);
      // The change does reach other accounts (it is in their training data), so the test can fail.
      expect(Array.from(changed.estimates).some((v, k) => k !== i && v !== base.estimates[k])).toBe(true);
    }
  });

  it("gives the same estimates for the same seed, and does not modify the accounts", () => {
    const before = JSON.stringify(data.accounts);
    const again = estimatePotential(data.accounts, options);
    expect(Array.from(again.estimates)).toEqual(Array.from(base.estimates));
    expect(JSON.stringify(data.accounts)).toBe(before);
  });

  it("ranks prospects close to the true wallet and keeps coverage near the quantile", () => {
    const fit = base.fits[0];
    expect(fit.coverage).toBeGreaterThan(0.7);
    expect(fit.coverage).toBeLessThan(0.9);
    expect(fit.spearman).toBeGreaterThan(base.fits[1].spearman);
  });

  it("estimates the mean with quantile null and works without locations", () => {
    const bare = data.accounts.map(({ location: _, ...rest }) => rest);
    const mean = estimatePotential(bare, { ...options, quantile: null });
    expect(mean.quantile).toBeNull();
    expect(mean.importance.some((f) => f.feature === "lng")).toBe(false);
    expect(mean.fits[0].spearman).toBeGreaterThan(0.5);
  });

  it("drops constant and empty features with a warning naming them", () => {
    const accounts = data.accounts.map((a) => ({ ...a, attributes: { ...a.attributes, flat: 7, empty: "" } }));
    const result = estimatePotential(accounts, { ...options, neighbours: 0 });
    expect(result.warnings).toEqual(['feature "flat" is constant (7 on every account); dropped', 'feature "empty" is missing on every account; dropped']);
  });

  it("refuses a target that is not a number, negative, or known for fewer than 50 accounts", () => {
    const first = data.sales.findIndex((s) => !Number.isNaN(s));
    expect(errorOf(() => estimatePotential(withSales(data.accounts, first, "lots"), options)).message).toMatch(new RegExp(`^accounts\\[${first}\\]\\.attributes\\.sales: "lots" is not a number`));
    expect(errorOf(() => estimatePotential(withSales(data.accounts, first, -5), options)).message).toMatch(/-5 is negative/);
    const few = data.accounts.slice(0, 60);
    const count = few.filter((a) => a.attributes?.sales !== undefined).length;
    expect(errorOf(() => estimatePotential(few, options)).message).toBe(`options.target: only ${count} accounts have a value in "sales"; at least 50 customers are needed to learn from`);
    expect(errorOf(() => estimatePotential(data.accounts, { ...options, quantile: 1 })).message).toMatch(/^options\.quantile/);
  });
});

describe("nearest points on the sphere", () => {
  it("finds the same neighbours as a brute-force search", () => {
    const random = createRandom(2);
    const n = 3000;
    const lng = Float64Array.from({ length: n }, () => -120 + 60 * random()), lat = Float64Array.from({ length: n }, () => 20 + 30 * random());
    const index = indexPoints(Int32Array.from({ length: n }, (_, i) => i), lng, lat);
    const rows = new Int32Array(12), km = new Float64Array(12);
    for (let q = 0; q < 100; q++) {
      const found = nearestPoints(index, lng[q], lat[q], 12, q, rows, km);
      const brute = Array.from({ length: n }, (_, j) => j).filter((j) => j !== q).sort((a, b) => haversineKm(lng[q], lat[q], lng[a], lat[a]) - haversineKm(lng[q], lat[q], lng[b], lat[b]) || a - b).slice(0, 12);
      expect(found).toBe(12);
      expect(Array.from(rows)).toEqual(brute);
      expect(km[11]).toBeCloseTo(haversineKm(lng[q], lat[q], lng[brute[11]], lat[brute[11]]), 6);
    }
  });
});
