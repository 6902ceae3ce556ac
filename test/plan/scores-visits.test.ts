import { describe, expect, it } from "vitest";
import { align, planAccounts, planVisits, scoreAccounts, whiteSpace } from "../../src/index.js";
import { errorOf } from "./error-of.js";

const accounts = [
  { id: "a", potential: 100, attributes: { sales: "40", region: "north" } },
  { id: "b", potential: 300, attributes: { sales: 60 } },
  { id: "c", potential: 200, attributes: { sales: "" } },
];

describe("scoreAccounts", () => {
  it("weights raw values by default and reads numeric attributes written as text", () => {
    const scores = scoreAccounts(accounts, { weights: { potential: 0.6, sales: 0.4 }, missing: "zero" });
    expect(Array.from(scores)).toEqual([0.6 * 100 + 0.4 * 40, 0.6 * 300 + 0.4 * 60, 0.6 * 200]);
  });

  it("normalises each field by rank, min–max or z-score before weighting", () => {
    const data = [
      { id: "x", potential: 10 },
      { id: "y", potential: 30 },
      { id: "z", potential: 30 },
      { id: "w", potential: 50 },
    ];
    expect(Array.from(scoreAccounts(data, { weights: { potential: 1 }, normalise: "rank" }))).toEqual([0, 0.5, 0.5, 1]);
    expect(Array.from(scoreAccounts(data, { weights: { potential: 2 }, normalise: "minmax" }))).toEqual([0, 1, 1, 2]);
    const z = scoreAccounts(data, { weights: { potential: 1 }, normalise: "zscore" });
    expect(z.reduce((s, v) => s + v, 0)).toBeCloseTo(0, 12);
    expect(z.reduce((s, v) => s + v * v, 0) / 4).toBeCloseTo(1, 12);
    expect(Array.from(scoreAccounts([{ id: "q", potential: 5 }, { id: "r", potential: 5 }], { weights: { potential: 1 }, normalise: "minmax" }))).toEqual([0, 0]);
  });

  it("names the account with a missing score field unless missing is zero", () => {
    expect(errorOf(() => scoreAccounts(accounts, { weights: { sales: 1 } })).message).toBe(
      'accounts[2].attributes.sales: no value for "sales" (account "c"); give every account a value or set missing: "zero"',
    );
    expect(errorOf(() => scoreAccounts(accounts, { weights: { region: 1 } })).message).toBe('accounts[0].attributes.region: "north" is not a finite number (account "a")');
  });

  it("rejects weights that are all zero or not numbers", () => {
    expect(errorOf(() => scoreAccounts(accounts, { weights: { potential: 0 } })).message).toBe("options.weights: give at least one field a non-zero weight");
    expect(errorOf(() => scoreAccounts(accounts, { weights: { potential: "1" } as never })).message).toBe('options.weights.potential: expected number, got "1"');
  });

  it("does not modify its input", () => {
    const copy = structuredClone(accounts);
    scoreAccounts(accounts, { weights: { potential: 1, sales: 1 }, normalise: "rank", missing: "zero" });
    expect(accounts).toEqual(copy);
  });
});

describe("planVisits", () => {
  it("turns a tier into visits and workload hours, admin minutes included", () => {
    const plan = planVisits(["A", "B", "A"], { A: { perPeriod: 4, minutes: 45, adminMinutes: 30 }, B: { perPeriod: 1.5, minutes: 40 } });
    expect(Array.from(plan.visits)).toEqual([4, 1.5, 4]);
    expect(Array.from(plan.workload)).toEqual([3.5, 1, 3.5]);
  });

  it("rejects a tier with no rule, a rule for a tier no account has, and negative numbers", () => {
    expect(errorOf(() => planVisits(["A", "D"], { A: { perPeriod: 1, minutes: 30 } }, ["x", "y"])).message).toBe(
      'accounts[1].tier: tier "D" has no visit rule (account "y"); add it to the visit rules (A)',
    );
    expect(errorOf(() => planVisits(["A"], { A: { perPeriod: 1, minutes: 30 }, Z: { perPeriod: 1, minutes: 30 } })).message).toBe(
      'rules.Z: tier "Z" has a visit rule but is the tier of no account (tiers: A)',
    );
    expect(errorOf(() => planVisits(["A"], { A: { perPeriod: -1, minutes: 30 } })).message).toBe("rules.A.perPeriod: visits per period must not be negative, got -1");
    expect(errorOf(() => planVisits(["A"], { A: { perPeriod: 1, minutes: -30 } })).message).toBe("rules.A.minutes: minutes per visit must not be negative, got -30");
  });
});

describe("whiteSpace", () => {
  it("subtracts sales from potential and flags high-potential accounts with low penetration", () => {
    const data = Array.from({ length: 10 }, (_, i) => ({ id: `a${i}`, potential: 100 * (i + 1), attributes: { sales: i === 9 ? 200 : i === 8 ? 800 : 50 } }));
    const space = whiteSpace(data, { highPotentialShare: 0.2, maxPenetration: 0.5 });
    expect(space.whiteSpace[9]).toBe(800);
    expect(Array.from(space.underCovered)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(space.highPotentialFrom).toBe(900);
    expect(space.totalWhiteSpace).toBe(space.totalPotential - space.totalSales);
  });
});

describe("planAccounts", () => {
  const located = Array.from({ length: 40 }, (_, i) => ({
    id: `acc${i}`,
    location: [-100 + (i % 8) * 0.1, 20 + Math.floor(i / 8) * 0.1] as [number, number],
    workload: 1,
    potential: 1000 + ((i * 37) % 11) * 500,
  }));

  it("scores, tiers and plans visits so that align balances the planned workload", () => {
    const plan = planAccounts(located, {
      score: { potential: 1 },
      tiers: { method: "pareto", shares: [0.5, 0.9], names: ["A", "B", "C"] },
      visits: { A: { perPeriod: 4, minutes: 60 }, B: { perPeriod: 2, minutes: 45 }, C: { perPeriod: 1, minutes: 30 } },
    });
    expect(plan.accounts).toHaveLength(40);
    for (const [i, account] of plan.accounts.entries()) {
      const rule = { A: 4, B: 1.5, C: 0.5 }[account.tier]!;
      expect(account.workload).toBe(rule);
      expect(account.potential).toBe(located[i].potential);
    }
    expect(located[0].workload).toBe(1);
    const total = plan.accounts.reduce((s, a) => s + a.workload!, 0);
    const result = align({ accounts: plan.accounts, reps: [{ id: "r1", home: [-99.8, 20.2], capacity: total }, { id: "r2", home: [-99.5, 20.2], capacity: total }] }, { balance: { workload: 0.2 } });
    expect(result.territories.reduce((s, t) => s + t.workloadHours, 0)).toBeCloseTo(total, 9);
  });

  it("places option errors under their part of the configuration", () => {
    expect(errorOf(() => planAccounts(located, { tiers: { shares: [0.9, 0.8] } })).message).toBe("options.tiers.shares[1]: shares must increase: 0.8 comes after 0.9");
    expect(errorOf(() => planAccounts(located, { score: { weights: { potential: 1 }, normalise: "log" as never } })).message.startsWith("options.score.normalise: expected one of")).toBe(true);
    expect(errorOf(() => planAccounts(located, { visits: { A: { perPeriod: 1, minutes: 1 }, B: { perPeriod: 1, minutes: 1 }, C: { perPeriod: 1, minutes: 1 }, D: { perPeriod: 1, minutes: 1 } } })).message).toBe(
      'options.visits.D: tier "D" has a visit rule but is not one of the tiers (tiers: A, B, C)',
    );
    expect(errorOf(() => planAccounts(located, { visits: { A: { perPeriod: 1, minutes: 1 } } })).message).toMatch(/^accounts\[\d+\]\.tier: tier "[BC]" has no visit rule/);
  });
});
