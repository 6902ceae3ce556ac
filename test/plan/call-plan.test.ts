import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { callPlan, type CallPlanOptions, type ResponseModel } from "../../src/index.js";
import { errorOf } from "./error-of.js";
import { exhaustiveBest, responseShare as share } from "./exhaustive-knapsack.js";

const FC = { seed: 1971, numRuns: 120 };
const TIERS = ["A", "B", "C"] as const;

const sShaped = fc.record({
  model: fc.constant("adbudg" as const),
  min: fc.double({ min: 0, max: 0.3, noNaN: true }),
  max: fc.double({ min: 0.5, max: 2, noNaN: true }),
  c: fc.double({ min: 1.05, max: 4, noNaN: true }),
  d: fc.double({ min: 0.5, max: 60, noNaN: true }),
});
const tabulatedS = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.double({ min: 0, max: 0.1, noNaN: true }), fc.double({ min: 0.3, max: 1.5, noNaN: true }))
  .map(([bend, low, high]): ResponseModel => ({ model: "tabulated", points: [[0, low], [bend, low + 0.02], [bend + 2, high], [bend + 6, high * 1.1]] }));

type Tier = (typeof TIERS)[number];
interface Spec {
  readonly reps: readonly { readonly capacity: number; readonly accounts: readonly { readonly potential: number; readonly tier: Tier }[] }[];
  readonly minutes: Record<Tier, number>;
  readonly response: Record<Tier, ResponseModel>;
  readonly maxVisits: number;
}

/** Seeded instances: 1–4 reps, 1–14 accounts each, S-shaped responses per tier, whole or quarter minutes. */
const instance: fc.Arbitrary<Spec> = fc.record({
  reps: fc.array(fc.record({ capacity: fc.integer({ min: 1, max: 16 }).map((q) => q / 2), accounts: fc.array(fc.record({ potential: fc.integer({ min: 0, max: 9000 }), tier: fc.constantFrom(...TIERS) }), { minLength: 1, maxLength: 14 }) }), { minLength: 1, maxLength: 4 }),
  // Quarter minutes half the time, so both exact programmes run: over whole minutes and over Pareto states.
  minutes: fc.oneof(
    fc.record({ A: fc.integer({ min: 20, max: 90 }), B: fc.integer({ min: 15, max: 60 }), C: fc.integer({ min: 10, max: 45 }) }),
    fc.record({ A: fc.integer({ min: 80, max: 360 }), B: fc.integer({ min: 60, max: 240 }), C: fc.integer({ min: 40, max: 180 }) }).map((m) => ({ A: m.A / 4, B: m.B / 4, C: m.C / 4 })),
  ),
  response: fc.record({ A: sShaped, B: fc.oneof(sShaped, tabulatedS), C: sShaped }),
  maxVisits: fc.integer({ min: 1, max: 10 }),
});

function build(spec: Spec) {
  const accounts = spec.reps.flatMap((rep, r) => rep.accounts.map((a, k) => ({ id: `r${r}-${k}`, potential: a.potential, tier: a.tier, visits: 2 })));
  const reps = spec.reps.map((rep, r) => ({ id: `R${r}`, capacity: rep.capacity }));
  const assignment = accounts.map((a) => ({ accountId: a.id, repId: `R${a.id.slice(1, a.id.indexOf("-"))}` }));
  const present = new Set(accounts.map((a) => a.tier));
  const pick = <T>(perTier: Record<Tier, T>): Record<string, T> => Object.fromEntries(Object.entries(perTier).filter(([tier]) => present.has(tier as Tier))) as Record<string, T>;
  const options: CallPlanOptions = { minutesPerVisit: pick(spec.minutes), response: pick(spec.response), maxVisits: spec.maxVisits };
  return { accounts, reps, assignment, options };
}

describe("callPlan on S-shaped responses", () => {
  it("equals an exhaustive dynamic programme over every level, within each rep's hours (property)", () => {
    let closedByExactStage = 0;
    fc.assert(
      fc.property(instance, (spec) => {
        const { accounts, reps, assignment, options } = build(spec);
        const plan = callPlan(accounts, reps, assignment, options);
        expect(plan.status).toBe("optimal");
        plan.reps.forEach((rep, r) => {
          const mine = plan.accounts.filter((a) => a.repId === rep.repId);
          const source = accounts.filter((a) => a.id.startsWith(`r${r}-`));
          const tables = source.map((a) => Array.from({ length: spec.maxVisits + 1 }, (_, v) => a.potential * share(spec.response[a.tier], v)));
          // Quarter minutes, so that every instance is whole in the exhaustive programme.
          const best = exhaustiveBest(tables, source.map((a) => spec.minutes[a.tier] * 4), Math.round(rep.capacityHours * 240));
          expect(rep.expectedSales).toBeCloseTo(best, 6);
          expect(rep.upperBound).toBeGreaterThanOrEqual(rep.expectedSales - 1e-9 * Math.max(1, best));
          const minutes = mine.reduce((s, a, k) => s + a.visits * spec.minutes[source[k].tier], 0);
          expect(minutes).toBeLessThanOrEqual(rep.capacityHours * 60 + 1e-9);
          expect(rep.hoursUsed * 60).toBeCloseTo(minutes, 6);
          expect(mine.reduce((s, a) => s + a.expectedSales, 0)).toBeCloseTo(rep.expectedSales, 6);
          for (const [k, a] of mine.entries()) {
            expect(Number.isInteger(a.visits) && a.visits >= 0 && a.visits <= spec.maxVisits).toBe(true);
            expect(a.expectedSales).toBeCloseTo(source[k].potential * share(spec.response[source[k].tier], a.visits), 9);
          }
          expect(rep.expectedSales).toBeGreaterThanOrEqual(rep.greedySales - 1e-9);
          if (rep.freeAccounts > 0) closedByExactStage++;
        });
      }),
      FC,
    );
    // The instances exercise the exact stage, not only the greedy.
    expect(closedByExactStage).toBeGreaterThan(40);
  });

  it("beats the greedy on the hulls where an S-curve makes the greedy miss", () => {
    // One rep, 100 minutes, 45 minutes a visit. Account x is worth taking to 2 visits (steep S);
    // the hull of y jumps from 0 straight to 2 visits as well, so only one fits, and the greedy
    // picks the better ratio, leaving 10 minutes idle; the exact plan gives y one visit instead.
    const steep: ResponseModel = { model: "tabulated", points: [[0, 0], [1, 0.05], [2, 1]] };
    const gentle: ResponseModel = { model: "tabulated", points: [[0, 0], [1, 0.4], [2, 0.85]] };
    const accounts = [
      { id: "x", potential: 1000, tier: "S" },
      { id: "y", potential: 1000, tier: "G" },
    ];
    const plan = callPlan(accounts, [{ id: "r", capacity: 100 / 60 }], [{ accountId: "x", repId: "r" }, { accountId: "y", repId: "r" }], {
      minutesPerVisit: 45,
      maxVisits: 2,
      response: { S: steep, G: gentle },
    });
    expect(plan.accounts.map((a) => a.visits)).toEqual([2, 0]);
    const richer = callPlan(accounts, [{ id: "r", capacity: 2 }], [{ accountId: "x", repId: "r" }, { accountId: "y", repId: "r" }], { minutesPerVisit: 40, maxVisits: 2, response: { S: steep, G: gentle } });
    // 120 minutes: x at 2 (1000) + y at 1 (400) = 1400 beats anything else.
    expect(richer.accounts.map((a) => a.visits)).toEqual([2, 1]);
    expect(richer.reps[0].expectedSales).toBeCloseTo(1400, 9);
  });
});

describe("callPlan reports", () => {
  const accounts = [
    { id: "big", potential: 10_000, tier: "A", visits: 8 },
    { id: "mid", potential: 4_000, tier: "B", visits: 4 },
    { id: "small", potential: 500, tier: "C", visits: 2 },
    { id: "orphan", potential: 700, tier: "C", visits: 2 },
  ];
  const reps = [{ id: "r1", capacity: 6 }];
  const assignment = accounts.slice(0, 3).map((a) => ({ accountId: a.id, repId: "r1" }));
  const options: CallPlanOptions = {
    minutesPerVisit: { A: 60, B: 45, C: 30 },
    maxVisits: 12,
    response: { model: "adbudg", min: 0.2, max: 1.5, c: 1.8, d: 30 },
  };

  it("gives each account the marginal value of one more visit, and none at the visit limit", () => {
    const plan = callPlan(accounts, reps, assignment, options);
    const s = (p: number, v: number) => p * (0.2 + (1.3 * v ** 1.8) / (30 + v ** 1.8));
    for (const [i, a] of plan.accounts.entries()) expect(a.marginalSales).toBeCloseTo(s(accounts[i].potential, a.visits + 1) - s(accounts[i].potential, a.visits), 9);
    const capped = callPlan(accounts, [{ id: "r1", capacity: 1000 }], assignment, options);
    expect(capped.accounts[0].visits).toBe(12);
    expect(capped.accounts[0].marginalSales).toBeNull();
  });

  it("keeps every account, giving one without a rep no visits", () => {
    const plan = callPlan(accounts, reps, assignment, options);
    expect(plan.accounts.map((a) => a.accountId)).toEqual(["big", "mid", "small", "orphan"]);
    expect(plan.accounts[3]).toMatchObject({ repId: null, visits: 0, expectedSales: 700 * 0.2 });
    expect(plan.totals.unassignedAccounts).toBe(1);
    expect(plan.totals.expectedSales).toBeCloseTo(plan.reps[0].expectedSales + 140, 9);
  });

  it("compares with the tier rule scaled into the same hours, and never expects less", () => {
    const plan = callPlan(accounts, reps, assignment, options);
    const rule = plan.reps[0].tierRule!;
    // 8 × 60 + 4 × 45 + 2 × 30 = 720 minutes > 360: scaled by one half and rounded down.
    expect(rule.scale).toBeCloseTo(0.5, 12);
    expect(plan.accounts.slice(0, 3).map((a) => a.tierRuleVisits)).toEqual([4, 2, 1]);
    expect(rule.hours).toBe((4 * 60 + 2 * 45 + 30) / 60);
    expect(plan.reps[0].lift).toBeCloseTo(plan.reps[0].expectedSales - rule.expectedSales, 9);
    expect(plan.reps[0].lift!).toBeGreaterThanOrEqual(0);
    const byTier = callPlan(accounts, reps, assignment, { ...options, tierVisits: { A: 2, B: 1, C: 1 } });
    expect(byTier.reps[0].tierRule!.scale).toBe(1);
    expect(byTier.accounts.slice(0, 3).map((a) => a.tierRuleVisits)).toEqual([2, 1, 1]);
  });

  it("sums white space per rep and flags under-covered accounts", () => {
    const withSales = accounts.map((a, i) => ({ ...a, attributes: { sales: [1000, 3900, 100, 0][i] } }));
    const plan = callPlan(withSales, reps, assignment, { ...options, whiteSpace: { highPotentialShare: 0.25 } });
    expect(plan.reps[0].whiteSpace).toBe(9000 + 100 + 400);
    expect(plan.accounts.map((a) => a.underCovered)).toEqual([true, false, false, false]);
  });

  it("accepts one response per account and tabulated curves", () => {
    const responses: ResponseModel[] = [
      { model: "tabulated", points: [[0, 0.1], [3, 0.9]] },
      { model: "adbudg", min: 0, max: 1, c: 3, d: 8 },
      { model: "tabulated", points: [[0, 0.1], [3, 0.9]] },
      { model: "adbudg", min: 0, max: 1, c: 1, d: 2 },
    ];
    const plan = callPlan(accounts, reps, assignment, { ...options, response: responses });
    expect(plan.status).toBe("optimal");
    plan.accounts.forEach((a, i) => expect(a.expectedSales).toBeCloseTo(accounts[i].potential * share(responses[i], a.visits), 9));
    // Past its last point a tabulated curve is flat, so no visit beyond 3 pays.
    expect(plan.accounts[0].visits).toBeLessThanOrEqual(3);
  });

  it("says feasible, with a bound above the plan, when the exact stage hits its state limit", () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ id: `a${i}`, potential: 1000 + 37 * i, tier: "A" }));
    const plan = callPlan(many, [{ id: "r", capacity: 7.3 }], many.map((a) => ({ accountId: a.id, repId: "r" })), {
      minutesPerVisit: 25,
      maxVisits: 10,
      response: { model: "adbudg", min: 0, max: 1, c: 3, d: 40 },
      maxStates: 1,
    });
    const rep = plan.reps[0];
    expect(rep.freeAccounts).toBeGreaterThan(0);
    expect(rep.status).toBe("feasible");
    expect(plan.status).toBe("feasible");
    expect(rep.upperBound).toBeGreaterThan(rep.expectedSales);
    expect(rep.hoursUsed).toBeLessThanOrEqual(7.3 + 1e-9);
  });

  it("does not modify its inputs", () => {
    const before = structuredClone({ accounts, reps, assignment, options });
    callPlan(accounts, reps, assignment, options);
    expect({ accounts, reps, assignment, options }).toEqual(before);
  });
});

describe("callPlan bad input", () => {
  const accounts = [
    { id: "a", potential: 100, tier: "A" },
    { id: "b", potential: 200, tier: "B" },
  ];
  const reps = [{ id: "r", capacity: 10 }];
  const assignment = [
    { accountId: "a", repId: "r" },
    { accountId: "b", repId: "r" },
  ];
  const adbudg = { model: "adbudg", min: 0.2, max: 1.5, c: 1.8, d: 30 } as const;
  const ok: CallPlanOptions = { minutesPerVisit: { A: 60, B: 45 }, response: adbudg };
  it.each<[string, Partial<CallPlanOptions> | (() => unknown), string]>([
    ["a tier no account has", { minutesPerVisit: { A: 60, B: 45, C: 30 } }, 'options.minutesPerVisit.C: tier "C" is the tier of no account (tiers: A, B)'],
    ["an account tier with no minutes", { minutesPerVisit: { A: 60 } }, 'accounts[1].tier: tier "B" has no minutesPerVisit (account "b"); add "B" to minutesPerVisit'],
    ["negative minutes", { minutesPerVisit: { A: -60, B: 45 } }, "options.minutesPerVisit.A: minutes per visit must be > 0, got -60"],
    ["negative max visits", { maxVisits: -1 }, "options.maxVisits: max visits must not be negative, got -1"],
    ["c ≤ 0", { response: { ...adbudg, c: 0 } }, "options.response.c: c must be > 0, got 0"],
    ["d < 0", { response: { ...adbudg, d: -1 } }, "options.response.d: d must not be negative, got -1"],
    ["max < min", { response: { ...adbudg, max: 0.1 } }, "options.response.max: max 0.1 is below min 0.2; a response must not fall with more visits"],
    ["a per-tier response with c ≤ 0", { response: { A: adbudg, B: { ...adbudg, c: -2 } } }, "options.response.B.c: c must be > 0, got -2"],
    ["an unknown model", { response: { model: "linear" } as never }, 'options.response.model: expected "model": "adbudg" or "tabulated", got "linear"'],
    ["a tabulated curve not starting at 0", { response: { model: "tabulated", points: [[1, 0.2], [3, 0.5]] } }, "options.response.points[0][0]: the first point must be at 0 visits, not 1"],
    ["a negative rule visit count", { tierVisits: { A: -1, B: 1 } }, "options.tierVisits.A: visits must not be negative, got -1"],
  ])("%s", (_name, change, message) => {
    const error = errorOf(() => callPlan(accounts, reps, assignment, { ...ok, ...(change as object) }));
    expect(error.message.startsWith(message), error.message).toBe(true);
  });

  it("names unknown, twice-assigned and missing references", () => {
    expect(errorOf(() => callPlan(accounts, reps, [{ accountId: "zz", repId: "r" }], ok)).message).toBe('assignment[0].accountId: account "zz" is not one of the accounts');
    expect(errorOf(() => callPlan(accounts, reps, [{ accountId: "a", repId: "q" }], ok)).message).toBe('assignment[0].repId: rep "q" is not one of the reps');
    expect(errorOf(() => callPlan(accounts, reps, [...assignment, { accountId: "a", repId: "r" }], ok)).message).toBe('assignment[2].accountId: account "a" is assigned twice');
    expect(errorOf(() => callPlan([{ id: "a", tier: "A" }], reps, [], { ...ok, minutesPerVisit: 30 })).message).toBe(
      'accounts[0].potential: no value for "potential" (account "a"); give every account a value or set missing: "zero"',
    );
    expect(errorOf(() => callPlan(accounts, [{ id: "r", capacity: 0 }], assignment, ok)).message).toBe('reps[0].capacity: capacity 0 must be a positive number of hours (rep "r")');
  });
});
