import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tierAccounts } from "../../src/index.js";
import { errorOf } from "./error-of.js";

const FC = { seed: 1313, numRuns: 200 };
const accountsOf = (potentials: readonly number[]) => potentials.map((potential, i) => ({ id: `a${i}`, potential }));

describe("pareto tiers", () => {
  it("puts the smallest top set holding exactly 80 % in A, and the next accounts up to 95 % in B", () => {
    // Total 100: 50 + 30 = 80 reaches 80 % exactly, so the third account is not needed in A.
    const { tiers, summary } = tierAccounts(accountsOf([30, 10, 50, 5, 3, 2]), { method: "pareto", shares: [0.8, 0.95] });
    expect(tiers).toEqual(["A", "B", "A", "B", "C", "C"]);
    expect(summary.tiers.map((t) => [t.name, t.accounts, t.value, t.valueShare])).toEqual([
      ["A", 2, 80, 0.8],
      ["B", 2, 15, 0.15],
      ["C", 2, 5, 0.05],
    ]);
    expect(summary.cuts).toEqual([30, 5]);
  });

  it("reaches an exact 80 % cut that only rounding would miss (0.35 + 0.25 of 0.75)", () => {
    // In floating point 0.35 + 0.25 = 0.6 but 0.8 × (0.35 + 0.25 + 0.15) = 0.6000000000000001.
    expect(0.35 + 0.25 < 0.8 * (0.35 + 0.25 + 0.15)).toBe(true);
    expect(tierAccounts(accountsOf([0.15, 0.35, 0.25])).tiers).toEqual(["B", "A", "A"]);
  });

  it("keeps accounts of equal value in one tier: a tie at the cut joins the higher tier", () => {
    // 40 + 20 = 60 < 80; the next value 20 is shared by three accounts, so all three join A.
    const { tiers, summary } = tierAccounts(accountsOf([20, 40, 20, 20]), { shares: [0.8, 0.95] });
    expect(tiers).toEqual(["A", "A", "A", "A"]);
    expect(summary.tiers[0].valueShare).toBe(1);
    expect(summary.tiers[1].accounts).toBe(0);
    expect(summary.tiers[1].minValue).toBeNaN();
  });

  it("puts every account in the last tier when all values are 0, and reports no Gini", () => {
    const { tiers, summary } = tierAccounts(accountsOf([0, 0, 0]));
    expect(tiers).toEqual(["C", "C", "C"]);
    expect(summary.gini).toBeNull();
    expect(summary.lorenz).toEqual([]);
  });

  it("is the smallest tie-closed set reaching each share, whatever the values (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 60 }), (values) => {
        const { tiers, summary } = tierAccounts(accountsOf(values), { shares: [0.8, 0.95] });
        const total = values.reduce((s, v) => s + v, 0);
        ["A", "B"].forEach((name, k) => {
          const share = [0.8, 0.95][k];
          const inside = values.filter((_, i) => tiers[i] <= name);
          const sum = inside.reduce((s, v) => s + v, 0);
          expect(sum).toBeGreaterThanOrEqual(share * total - 1e-9);
          if (inside.length > 0) {
            // Taking away the lowest tie group of the set falls below the share.
            const low = Math.min(...inside);
            const without = inside.filter((v) => v !== low).reduce((s, v) => s + v, 0);
            expect(without).toBeLessThan(share * total);
          }
        });
        // Higher tiers never hold smaller values than lower ones.
        for (let i = 0; i < values.length; i++) for (let j = 0; j < values.length; j++) if (values[i] > values[j]) expect(tiers[i] <= tiers[j]).toBe(true);
        expect(summary.tiers.reduce((s, t) => s + t.accounts, 0)).toBe(values.length);
      }),
      FC,
    );
  });

  it("gives each account the same tier whatever the input order (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 40 }), fc.nat(), (values, seed) => {
        const accounts = accountsOf(values);
        const shuffled = [...accounts].sort((x, y) => ((Number(x.id.slice(1)) * 7919 + seed) % 101) - ((Number(y.id.slice(1)) * 7919 + seed) % 101));
        const a = tierAccounts(accounts, { shares: [0.5, 0.9] });
        const b = tierAccounts(shuffled, { shares: [0.5, 0.9] });
        const byId = new Map(shuffled.map((acc, i) => [acc.id, b.tiers[i]]));
        accounts.forEach((acc, i) => expect(byId.get(acc.id)).toBe(a.tiers[i]));
      }),
      FC,
    );
  });

  it("rejects a negative value, naming the account", () => {
    const error = errorOf(() => tierAccounts(accountsOf([5, -1, 3])));
    expect(error.message).toBe('accounts[1].potential: value -1 is negative (account "a1"); pareto tiers share out a total, so values must be ≥ 0 (use method "quantile" for scores that can be negative)');
  });
});

describe("quantile and threshold tiers", () => {
  it("cuts by the share of accounts, rounding the count up and keeping ties together", () => {
    const values = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    expect(tierAccounts(accountsOf(values), { method: "quantile", shares: [0.2, 0.5] }).tiers).toEqual(["A", "A", "B", "B", "B", "C", "C", "C", "C", "C"]);
    // ⌈0.25 × 10⌉ = 3 accounts; the third value (8) is tied with the fourth, so both join A.
    const tied = [10, 9, 8, 8, 6, 5, 4, 3, 2, 1];
    expect(tierAccounts(accountsOf(tied), { method: "quantile", shares: [0.25] }).tiers.slice(0, 5)).toEqual(["A", "A", "A", "A", "B"]);
  });

  it("accepts negative values for quantiles and reports no Gini for them", () => {
    const result = tierAccounts(accountsOf([-2, 3, 1]), { method: "quantile", shares: [0.34] });
    expect(result.tiers).toEqual(["B", "A", "A"]);
    expect(result.summary.gini).toBeNull();
  });

  it("cuts by value: a value equal to a threshold belongs to the higher tier", () => {
    const { tiers } = tierAccounts(accountsOf([100, 99.99, 20, 19, 0]), { method: "thresholds", thresholds: [100, 20], names: ["key", "core", "tail"] });
    expect(tiers).toEqual(["key", "core", "core", "tail", "tail"]);
  });

  it("tiers by any numeric attribute or by a list of values", () => {
    const accounts = [
      { id: "x", attributes: { sales: "300" } },
      { id: "y", attributes: { sales: 100 } },
    ];
    expect(tierAccounts(accounts, { by: "sales", shares: [0.5] }).tiers).toEqual(["A", "B"]);
    expect(tierAccounts(accounts, { by: [1, 9], shares: [0.5] }).tiers).toEqual(["B", "A"]);
  });
});

describe("the summary", () => {
  it("computes the Gini exactly and a Lorenz curve from [0, 0] to [1, 1]", () => {
    const { summary } = tierAccounts(accountsOf([1, 2, 3, 4]));
    // G = 2 Σ i·x / (n Σ x) − (n + 1)/n = 2·30/40 − 5/4 = 0.25.
    expect(summary.gini).toBeCloseTo(0.25, 12);
    expect(summary.lorenz).toEqual([
      [0, 0],
      [0.25, 0.1],
      [0.5, 0.3],
      [0.75, 0.6],
      [1, 1],
    ]);
    expect(tierAccounts(accountsOf([5, 5, 5])).summary.gini).toBe(0);
  });

  it("keeps the Lorenz curve to the points asked for on many accounts", () => {
    const values = Array.from({ length: 10_000 }, (_, i) => i % 97);
    const { summary } = tierAccounts(accountsOf(values), { lorenzPoints: 11 });
    expect(summary.lorenz).toHaveLength(11);
    expect(summary.lorenz[10]).toEqual([1, 1]);
    for (let k = 1; k < 11; k++) expect(summary.lorenz[k][1]).toBeGreaterThanOrEqual(summary.lorenz[k - 1][1]);
  });
});

describe("bad tier options", () => {
  const accounts = accountsOf([1, 2, 3]);
  it.each([
    [{ shares: [0.8, 0.7] }, "options.shares[1]: shares must increase: 0.7 comes after 0.8"],
    [{ shares: [0, 0.5] }, "options.shares[0]: share 0 is outside (0, 1]"],
    [{ shares: [0.5, 1.2] }, "options.shares[1]: share 1.2 is outside (0, 1]"],
    [{ method: "thresholds" }, 'options.thresholds: method "thresholds" needs thresholds'],
    [{ method: "thresholds", thresholds: [10, 20] }, "options.thresholds[1]: thresholds must decrease: 20 comes after 10"],
    [{ shares: [0.8], names: ["A", "B", "C"] }, "options.names: 1 cut make 2 tiers, so give 2 names, got 3"],
    [{ names: ["A", "A", "C"] }, 'options.names[1]: tier name "A" is given twice'],
    [{ method: "deciles" }, 'options.method: expected one of "pareto", "quantile", "thresholds", got "deciles"'],
  ])("%j", (options, message) => {
    expect(errorOf(() => tierAccounts(accounts, options as never)).message.startsWith(message)).toBe(true);
  });

  it("names the account whose value is missing or not a number", () => {
    expect(errorOf(() => tierAccounts([{ id: "a" }, { id: "b", potential: 3 }])).message).toBe(
      'accounts[0].potential: no value for "potential" (account "a"); give every account a value or set missing: "zero"',
    );
    expect(errorOf(() => tierAccounts([{ id: "a", attributes: { sales: "lots" } }], { by: "sales" })).message).toBe(
      'accounts[0].attributes.sales: "lots" is not a finite number (account "a")',
    );
  });
});
