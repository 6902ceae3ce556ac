import { describe, expect, it } from "vitest";
import { generatePurchases } from "../../benchmarks/purchase-data.js";
import { recommendProducts } from "../../src/index.js";
import { choleskyFactor, choleskyInverse, choleskySolve } from "../../src/intel/cholesky.js";
import { fitEase } from "../../src/intel/ease.js";
import { indexOwnership } from "../../src/intel/ownership.js";
import { createRandom } from "../../src/util/random.js";
import { errorOf } from "../plan/error-of.js";

const data = generatePurchases({ accounts: 1500, seed: 5 });

describe("recommendProducts", () => {
  const result = recommendProducts(data.purchases, { accounts: data.accounts, top: 5, seed: 2 });

  it("never recommends a product the account owns, and gives every account up to top products", () => {
    const owned = new Map<string, Set<string>>();
    for (const p of data.purchases) {
      if (!owned.has(p.accountId)) owned.set(p.accountId, new Set());
      owned.get(p.accountId)!.add(p.product);
    }
    expect(result.accounts.map((a) => a.accountId)).toEqual(data.accounts.map((a) => a.id));
    for (const account of result.accounts) {
      const mine = owned.get(account.accountId) ?? new Set();
      expect(account.products.length).toBe(Math.min(5, data.products.length - mine.size));
      for (const p of account.products) expect(mine.has(p.product)).toBe(false);
      const scores = account.products.map((p) => p.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      for (const p of account.products) expect(p.expectedValue).toBeGreaterThanOrEqual(0);
    }
  });

  it("beats popularity where customer groups are planted, and is deterministic", () => {
    const at3 = result.evaluation.model.find((m) => m.k === 3)!;
    const pop3 = result.evaluation.popularity.find((m) => m.k === 3)!;
    expect(at3.hitRate).toBeGreaterThan(1.3 * pop3.hitRate);
    expect(result.blend.items).toBeGreaterThan(0);
    const again = recommendProducts(data.purchases, { accounts: data.accounts, top: 5, seed: 2 });
    expect(again.accounts).toEqual(result.accounts);
  });

  it("falls back to popularity, or stays level with it, when purchases carry no signal", () => {
    const flat = generatePurchases({ accounts: 1500, seed: 6, signal: false });
    const r = recommendProducts(flat.purchases, { accounts: flat.accounts, seed: 2 });
    r.evaluation.model.forEach((m, i) => expect(m.hitRate).toBeGreaterThanOrEqual(r.evaluation.popularity[i].hitRate - 0.02));
  });

  it("uses a time split when every purchase has a date, and counts purchases of unknown accounts", () => {
    const dated = data.purchases.map((p, k) => ({ ...p, date: `2025-${String(1 + (k % 12)).padStart(2, "0")}-15` }));
    const r = recommendProducts([...dated, { accountId: "stranger", product: "P01", date: "2025-03-01" }], { accounts: data.accounts });
    expect(r.evaluation.method).toBe("time split");
    expect(r.unknownAccounts).toBe(1);
    expect(r.accounts.at(-1)!.accountId).toBe("stranger");
  });

  it("refuses an empty product name and a bad value or date, naming the row", () => {
    expect(errorOf(() => recommendProducts([{ accountId: "a", product: " " }])).message).toBe('purchases[0].product: the product name is empty (account "a"); every purchase names its product');
    expect(errorOf(() => recommendProducts([{ accountId: "a", product: "x", value: "ten" }])).message).toMatch(/^purchases\[0\]\.value: "ten" is not a number/);
    expect(errorOf(() => recommendProducts([{ accountId: "a", product: "x", date: "31/03/2026" }])).message).toMatch(/^purchases\[0\]\.date: "31\/03\/2026" is not a date/);
  });
});

describe("EASE and the Cholesky solve", () => {
  it("solves and inverts a random positive definite matrix", () => {
    const random = createRandom(1);
    const n = 12;
    const m = Float64Array.from({ length: n * n }, () => random() - 0.5);
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) a[i * n + j] += m[i * n + k] * m[j * n + k];
    for (let i = 0; i < n; i++) a[i * n + i] += 0.1;
    const l = Float64Array.from(a);
    expect(choleskyFactor(l, n)).toBe(true);
    const inv = choleskyInverse(l, n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += a[i * n + k] * inv[k * n + j];
      expect(s).toBeCloseTo(i === j ? 1 : 0, 9);
    }
    const b = Float64Array.from({ length: n }, (_, i) => i - 3);
    const x = Float64Array.from(b);
    choleskySolve(l, n, x);
    for (let i = 0; i < n; i++) expect(a.subarray(i * n, (i + 1) * n).reduce((s, v, k) => s + v * x[k], 0)).toBeCloseTo(b[i], 9);
  });

  it("gives EASE's closed form: zero diagonal, and the weights of a pair that is always bought together are largest", () => {
    const purchases = [];
    for (let a = 0; a < 40; a++) {
      purchases.push({ accountId: `a${a}`, product: "x" }, { accountId: `a${a}`, product: "y" });
      if (a % 3 === 0) purchases.push({ accountId: `a${a}`, product: "z" });
    }
    const o = indexOwnership(purchases);
    const b = fitEase(o, 1);
    const [x, y, z] = [0, 1, 2];
    expect([b[x * 3 + x], b[y * 3 + y], b[z * 3 + z]]).toEqual([0, 0, 0]);
    expect(b[x * 3 + y]).toBeGreaterThan(b[z * 3 + y]);
  });
});
