import { describe, expect, it } from "vitest";
import { align } from "../../src/align.js";
import { compileProblem } from "../../src/compile/compile.js";
import { accountHours, hopMinutes } from "../../src/compile/travel-hours.js";
import { evaluate } from "../../src/evaluate/evaluate.js";
import { haversineKm } from "../../src/geo/haversine.js";
import { parseProblem, resolveOptions } from "../../src/model/parse.js";
import type { Problem } from "../../src/model/problem-schema.js";
import { createRandom } from "../../src/util/random.js";
import { validatePlan } from "../support/validate-plan.js";

const MINUTES_PER_KM = (1.3 / 50) * 60;

/** Accounts on a square grid `spacingKm` apart (near the equator, where a degree of longitude is ~111 km). */
function grid(side: number, spacingKm: number) {
  const deg = spacingKm / 111.195;
  const lng = new Float64Array(side * side);
  const lat = new Float64Array(side * side);
  for (let i = 0; i < side; i++) {
    for (let j = 0; j < side; j++) {
      lng[i * side + j] = i * deg;
      lat[i * side + j] = j * deg;
    }
  }
  return { lng, lat };
}

/** Clustered accounts around towns, reps at some of the towns; capacities with room for travel. */
function townsProblem(seed: number, accounts: number, reps: number): Problem {
  const random = createRandom(seed);
  const towns = Array.from({ length: 12 }, () => [-103 + 3 * random(), 19 + 2 * random()] as const);
  const list = Array.from({ length: accounts }, (_, i) => {
    const [x, y] = towns[Math.floor(random() * towns.length)];
    return { id: `a${i}`, location: [x + 0.3 * (random() - 0.5), y + 0.3 * (random() - 0.5)] as [number, number], workload: 1 + Math.round(random() * 6), visits: 1 + Math.floor(random() * 3) };
  });
  const work = list.reduce((s, a) => s + a.workload, 0);
  return {
    accounts: list,
    reps: Array.from({ length: reps }, (_, r) => ({ id: `r${r}`, home: [...towns[r % towns.length]] as [number, number], capacity: (2.2 * work) / reps })),
  };
}

describe("travel in the hours: day trips", () => {
  it("costs a round trip per visit with one stop a day, and the way out and back shared by the stops with more", () => {
    const problem = townsProblem(3, 40, 3);
    const one = compileProblem(parseProblem(problem), resolveOptions({ workload: { includeTravel: true } }));
    const four = compileProblem(parseProblem(problem), resolveOptions({ workload: { includeTravel: true }, travel: { stopsPerDay: 4 } }));
    for (let a = 0; a < one.n; a++) {
      const minutes = one.travel(1, a);
      const visits = problem.accounts[a].visits!;
      expect(accountHours(one, a, minutes)).toBeCloseTo(problem.accounts[a].workload + (visits * 2 * minutes) / 60, 9);
      expect(accountHours(four, a, minutes)).toBeCloseTo(problem.accounts[a].workload + (visits * (2 * minutes + 3 * four.travelHours!.hop[a])) / (4 * 60), 9);
    }
  });

  it("puts a stop's hop at the tour length per point of the local density (BHH), zero for accounts at one place", () => {
    const { lng, lat } = grid(9, 10);
    const hop = hopMinutes(lng, lat, MINUTES_PER_KM, 5);
    // Inside the grid the 6th nearest account is a diagonal neighbour, 10√2 km away: density 6 / (π · 200) per km².
    const centre = 4 * 9 + 4;
    const d6 = haversineKm(lng[centre], lat[centre], lng[centre + 10], lat[centre + 10]);
    expect(hop[centre]).toBeCloseTo(0.7124 * d6 * Math.sqrt(Math.PI / 6) * MINUTES_PER_KM, 6);
    // Twice the spacing, twice the hop; one stop a day, no hop at all.
    const wide = grid(9, 20);
    expect(hopMinutes(wide.lng, wide.lat, MINUTES_PER_KM, 5)[centre] / hop[centre]).toBeCloseTo(2, 3);
    expect(hopMinutes(lng, lat, MINUTES_PER_KM, 1).every((x) => x === 0)).toBe(true);
    // Every other account visited twice: on its second trip only those still need a visit, at half the density.
    const visits = Float64Array.from({ length: 81 }, (_, a) => (a % 2 === 0 ? 2 : 1));
    const twice = hopMinutes(lng, lat, MINUTES_PER_KM, 5, visits);
    const sparse = hopMinutes(lng.filter((_, a) => a % 2 === 0), lat.filter((_, a) => a % 2 === 0), MINUTES_PER_KM, 5);
    expect(twice[centre]).toBeCloseTo((hop[centre] + sparse[centre / 2]) / 2, 9);
    expect(twice[centre + 1]).toBeCloseTo(hop[centre + 1], 9);
    const together = hopMinutes(new Float64Array(8).fill(-100), new Float64Array(8).fill(20), MINUTES_PER_KM, 4);
    expect(together.every((x) => x === 0)).toBe(true);
  });

  it("fewer hours per visit with more stops a day, so the same team has room for more accounts", () => {
    const problem = townsProblem(5, 60, 3);
    const hoursOf = (stopsPerDay: number) => compileProblem(parseProblem(problem), resolveOptions({ workload: { includeTravel: true }, travel: { stopsPerDay } })).travelHours!.leastTotal;
    expect(hoursOf(4)).toBeLessThan(hoursOf(2));
    expect(hoursOf(2)).toBeLessThan(hoursOf(1));
  });
});

describe("travel in the hours: targets are shares of the plan's own total", () => {
  it("measures each rep against its share of the plan's total hours, travel included", () => {
    const problem = townsProblem(7, 80, 4);
    const options = { workload: { includeTravel: true }, travel: { stopsPerDay: 3 }, balance: { workload: 0.1 }, timeLimitMs: 20_000 } as const;
    const plan = align(problem, options);
    validatePlan(problem, plan, { balance: 0.1, options });
    expect(plan.status).toMatch(/^(feasible|optimal)$/);
    const total = plan.territories.reduce((s, t) => s + t.workloadHours, 0);
    const capacity = problem.reps.reduce((s, r) => s + r.capacity, 0);
    for (const t of plan.territories) {
      const rep = problem.reps.find((r) => r.id === t.repId)!;
      expect(t.targetHours).toBeCloseTo((total * rep.capacity) / capacity, 6);
      expect(Math.abs(t.workloadHours / t.targetHours - 1)).toBeLessThanOrEqual(0.1 + 1e-9);
      expect(t.travelHours!).toBeGreaterThan(0);
    }
    // Far more hours than the work alone: a band on workload without travel would be a different rule.
    expect(total).toBeGreaterThan(problem.accounts.reduce((s, a) => s + a.workload, 0) * 1.05);
    expect(plan.bound!.lowerBound).toBeLessThanOrEqual(plan.metrics.objective);
  });

  it("evaluate finds a rep outside the band of the plan's own total, and none when every rep is inside", () => {
    const problem = townsProblem(11, 60, 3);
    const options = { workload: { includeTravel: true }, travel: { stopsPerDay: 2 }, balance: { workload: 0.1 } } as const;
    const plan = align(problem, { ...options, timeLimitMs: 20_000 });
    expect(plan.status).toMatch(/^(feasible|optimal)$/);
    const rows = new Map(plan.assignment.map((row) => [row.accountId, row.repId]));
    expect(evaluate(problem, rows, options).violations).toEqual([]);
    // Everything to one rep: it carries every hour, the others none.
    const all = new Map(problem.accounts.map((a) => [a.id, "r0"]));
    const bands = evaluate(problem, all, options).violations.filter((v) => v.rule === "band");
    expect(bands.map((v) => v.repId).sort()).toEqual(["r0", "r1", "r2"]);
  });

  it("the heuristic strategy counts travel in its loads too, and keeps the bands of the plan's total", () => {
    const problem = townsProblem(13, 90, 4);
    const options = { strategy: "heuristic", workload: { includeTravel: true }, travel: { stopsPerDay: 3 }, balance: { workload: 0.15 }, timeLimitMs: 20_000 } as const;
    const plan = align(problem, options);
    validatePlan(problem, plan, { balance: 0.15, options });
    expect(plan.strategy).toBe("heuristic");
    expect(["feasible", "optimal"]).toContain(plan.status);
    expect(plan.diagnostics.some((d) => d.code === "exact_repair")).toBe(false);
  });
});
