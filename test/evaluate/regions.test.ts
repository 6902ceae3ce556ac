import { describe, expect, it } from "vitest";
import { align } from "../../src/align.js";
import { evaluate } from "../../src/evaluate/evaluate.js";
import { haversineKm } from "../../src/geo/haversine.js";
import type { Problem } from "../../src/model/problem-schema.js";

/** Accounts in a plain (region "plain") and in mountains (region "mountain"), one rep each. */
function twoRegions(): Problem {
  const accounts = Array.from({ length: 20 }, (_, i) => ({
    id: `a${i}`,
    location: [-100 + (i % 5) * 0.1, i < 10 ? 20 : 21] as [number, number],
    workload: 1 + (i % 3),
    region: i < 10 ? "plain" : "mountain",
  }));
  return { accounts, reps: [{ id: "r1", home: [-99.8, 20], capacity: 40 }, { id: "r2", home: [-99.8, 21], capacity: 40 }] };
}

describe("regional parameters (options.regions)", () => {
  it("prices trips to a region's accounts at its speed and road factor, and scales its workload", () => {
    const problem = twoRegions();
    const assignment = problem.accounts.map((a, i) => ({ accountId: a.id, repId: i < 10 ? "r1" : "r2" }));
    const flat = evaluate(problem, assignment, { balance: { workload: 0.5 } });
    const options = { balance: { workload: 0.5 }, regions: { mountain: { travel: { speedKmh: 25 }, workload: { factor: 1.5 } } } };
    const regional = evaluate(problem, assignment, options);
    const [plain, mountain] = [0, 1].map((r) => [flat.territories[r], regional.territories[r]]);
    // Half the default speed of 50 km/h: twice the minutes in the mountains, the same on the plain.
    expect(mountain[1].travelMinutes).toBeCloseTo(2 * mountain[0].travelMinutes, 9);
    expect(plain[1].travelMinutes).toBeCloseTo(plain[0].travelMinutes, 9);
    expect(mountain[1].workloadHours).toBeCloseTo(1.5 * mountain[0].workloadHours, 9);
    expect(plain[1].workloadHours).toBeCloseTo(plain[0].workloadHours, 9);
    const a = problem.accounts[12];
    const km = haversineKm(-99.8, 21, a.location[0], a.location[1]);
    const t = regional.territories[1];
    expect(t.maxTravelMinutes).toBeGreaterThanOrEqual(km * (1.3 / 25) * 60 - 1e-9);
  });

  it("a plan under regional parameters keeps its bands on the scaled workload, and warns of a region no one has", () => {
    const problem = twoRegions();
    const plan = align(problem, { balance: { workload: 0.1 }, regions: { mountain: { workload: { factor: 2 } }, hills: { travel: { circuity: 1.6 } } } });
    expect(["feasible", "optimal"]).toContain(plan.status);
    const total = plan.territories.reduce((s, t) => s + t.workloadHours, 0);
    const raw = problem.accounts.reduce((s, a) => s + (a.region === "mountain" ? 2 : 1) * a.workload, 0);
    expect(total).toBeCloseTo(raw, 9);
    expect(plan.diagnostics.find((d) => d.code === "unknown_region")?.message).toContain("options.regions.hills");
  });

  it("refuses bad regional values and regional speeds with a travel matrix, naming the field", () => {
    const problem = twoRegions();
    expect(() => align(problem, { regions: { mountain: { travel: { speedKmh: 0 } } } })).toThrow(/options\.regions\.mountain\.travel\.speedKmh/);
    expect(() => align(problem, { regions: { mountain: { workload: { factor: -1 } } } })).toThrow(/options\.regions\.mountain\.workload\.factor/);
    expect(() => align(problem, { regions: { mountain: { balance: 0.2 } } as never })).toThrow(/options\.regions\.mountain/);
    const matrix = { ...problem, travel: { minutes: problem.reps.map(() => problem.accounts.map(() => 10)) } };
    expect(() => align(matrix, { regions: { mountain: { travel: { speedKmh: 30 } } } })).toThrow(/options\.regions\.mountain\.travel: regional speeds apply to the built-in travel model/);
  });

  it("holds each rep to its region's own band: looser where set, the default elsewhere", () => {
    const problem = { ...twoRegions(), reps: [{ id: "r1", home: [-99.8, 20] as [number, number], capacity: 40, region: "plain" }, { id: "r2", home: [-99.8, 21] as [number, number], capacity: 40, region: "mountain" }] };
    // Everything but one mountain account with the plain rep: far outside a ±5 % band.
    const skewed = problem.accounts.map((a, i) => ({ accountId: a.id, repId: i === 19 ? "r2" : "r1" }));
    const loose = { balance: { workload: 0.05 }, regions: { mountain: { balance: { workload: 0.99 } }, plain: { balance: { workload: 0.99 } } } };
    expect(evaluate(problem, skewed, loose).violations.filter((v) => v.rule === "band")).toEqual([]);
    const strict = evaluate(problem, skewed, { balance: { workload: 0.05 }, regions: { mountain: { balance: { workload: 0.99 } } } }).violations.filter((v) => v.rule === "band");
    expect(strict.map((v) => v.repId)).toEqual(["r1"]);
    expect(strict[0].message).toContain("±5.0 % band");
    // Solving (accounts without a region, so that any rep may serve any): one plain rep at ±3 %, two
    // mountain reps at ±40 %, one of them far away: the loose band lets the near one take more.
    const three = {
      accounts: problem.accounts.map(({ region: _, ...a }) => a),
      reps: [
        { id: "p1", home: [-99.8, 20] as [number, number], capacity: 40, region: "plain" },
        { id: "m1", home: [-99.8, 21] as [number, number], capacity: 40, region: "mountain" },
        { id: "m2", home: [-98.5, 22] as [number, number], capacity: 40, region: "mountain" },
      ],
    };
    const regional = align(three, { balance: { workload: 0.03 }, regions: { mountain: { balance: { workload: 0.4 } } } });
    expect(["feasible", "optimal"]).toContain(regional.status);
    const [p1, m1, m2] = regional.territories;
    expect(Math.abs(p1.deviation)).toBeLessThanOrEqual(0.03 + 1e-9);
    expect(Math.max(Math.abs(m1.deviation), Math.abs(m2.deviation))).toBeGreaterThan(0.03);
    expect(Math.max(Math.abs(m1.deviation), Math.abs(m2.deviation))).toBeLessThanOrEqual(0.4 + 1e-9);
    expect([p1.balance, m1.balance, m2.balance]).toEqual([0.03, 0.4, 0.4]);
    const flat = align(three, { balance: { workload: 0.03 } });
    expect(regional.metrics.objective).toBeLessThan(flat.metrics.objective);
  });
});

describe("top-down targets (regionTargets: regional)", () => {
  /** North has three times the south's work, and the same capacity. */
  function uneven(): Problem {
    const accounts = Array.from({ length: 40 }, (_, i) => ({ id: `a${i}`, location: [-100 + (i % 5) * 0.1, i < 30 ? 21 : 19] as [number, number], workload: 2, region: i < 30 ? "north" : "south" }));
    const reps = [
      { id: "n1", home: [-100, 21] as [number, number], capacity: 50, region: "north" },
      { id: "n2", home: [-99.7, 21] as [number, number], capacity: 50, region: "north" },
      { id: "s1", home: [-100, 19] as [number, number], capacity: 50, region: "south" },
      { id: "s2", home: [-99.7, 19] as [number, number], capacity: 50, region: "south" },
    ];
    return { accounts, reps };
  }

  it("sets each rep's target from its region's work, and reports what national targets would give", () => {
    const plan = align(uneven(), { balance: { workload: 0.1 }, regionTargets: "regional" });
    expect(["feasible", "optimal"]).toContain(plan.status);
    expect(plan.territories.map((t) => t.targetHours)).toEqual([30, 30, 10, 10]);
    const loss = plan.diagnostics.find((d) => d.code === "top_down_loss")!;
    // Nationally every rep's target is 20 h: the north's reps cannot come down to 22 h with region rules.
    expect(loss.message).toMatch(/with national targets \(flat\): infeasible/);
    const flat = align(uneven(), { balance: { workload: 0.1 } });
    expect(flat.status).toBe("infeasible");
  });

  it("is refused without regions, and together with targets.workload", () => {
    const plain = { ...uneven(), accounts: uneven().accounts.map(({ region: _, ...a }) => a) };
    expect(() => align(plain, { regionTargets: "regional" })).toThrow(/options\.regionTargets/);
    expect(() => align(uneven(), { regionTargets: "regional", targets: { workload: { n1: 0.25, n2: 0.25, s1: 0.25, s2: 0.25 } } })).toThrow(/options\.regionTargets/);
  });
});
