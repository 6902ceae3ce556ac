import { describe, expect, it } from "vitest";
import { align } from "../../src/align.js";
import type { Problem } from "../../src/model/problem-schema.js";
import { placeReps } from "../../src/place/place-reps.js";
import { createRandom } from "../../src/util/random.js";
import { errorOf } from "../plan/error-of.js";
import { validatePlan } from "../support/validate-plan.js";

/** Three towns of accounts around central Mexico; reps all start in the first town. */
function townsProblem(seed = 1, reps = 3): Problem {
  const random = createRandom(seed);
  const towns: [number, number][] = [
    [-103.35, 20.67],
    [-101.68, 21.12],
    [-100.39, 20.59],
  ];
  const accounts = Array.from({ length: 36 }, (_, a) => {
    const [lng, lat] = towns[a % 3];
    return { id: `A${a + 1}`, location: [lng + (random() - 0.5) * 0.3, lat + (random() - 0.5) * 0.3] as [number, number], workload: 1 + Math.floor(random() * 4) };
  });
  const total = accounts.reduce((s, a) => s + a.workload, 0);
  return {
    accounts,
    reps: Array.from({ length: reps }, (_, r) => ({ id: `R${r + 1}`, home: [-103.35, 20.67] as [number, number], capacity: Math.ceil((1.3 * total) / 3) })),
  };
}

describe("placeReps", () => {
  it("bases one rep in each town and builds a valid plan whose bound lies below its objective", () => {
    const problem = townsProblem();
    const before = align(problem);
    const plan = placeReps(problem, { count: 3 });
    expect(plan.status === "feasible" || plan.status === "optimal").toBe(true);
    validatePlan(plan.problem, plan, { balance: 0.1 });
    expect(plan.metrics.objective).toBeLessThan(before.metrics.objective / 3);
    const lngs = plan.placement.homes.map((h) => Math.round(h.home[0])).sort((a, b) => a - b);
    expect(lngs).toEqual([-103, -102, -100]);
    expect(plan.bound!.lowerBound).toBeLessThanOrEqual(plan.metrics.objective + 1e-6);
    expect(plan.placement.lowerBound).toBeGreaterThan(0);
    for (const home of plan.placement.homes) expect(problem.accounts.some((a) => a.id === home.siteId && a.location[0] === home.home[0])).toBe(true);
  });

  it("keeps fixed reps at home, adds reps to reach the count, and chooses listed sites only", () => {
    const problem = townsProblem(2, 2);
    const sites = [
      { id: "S1", location: [-103.3, 20.7] as const },
      { id: "S2", location: [-101.7, 21.1] as const },
      { id: "S3", location: [-100.4, 20.6] as const },
      { id: "S4", location: [-99.1, 19.4] as const },
    ];
    const plan = placeReps(problem, { count: 3, fixed: ["R1"], sites });
    expect(plan.placement.reps.map((r) => r.id)).toEqual(["R1", "R2", "new-1"]);
    expect(plan.placement.homes[0]).toMatchObject({ repId: "R1", fixed: true, home: [-103.35, 20.67] });
    expect(plan.placement.homes.slice(1).map((h) => h.siteId).sort()).toEqual(["S2", "S3"]);
    expect(plan.placement.reps[2].capacity).toBe(problem.reps[0].capacity);
    validatePlan(plan.problem, plan, { balance: 0.1 });
  });

  it("gives the same homes for the same seed and leaves the problem untouched", () => {
    const problem = townsProblem(3);
    const copy = JSON.parse(JSON.stringify(problem));
    const a = placeReps(problem, { seed: 5 });
    const b = placeReps(problem, { seed: 5 });
    expect(a.placement.homes).toEqual(b.placement.homes);
    expect(a.placement.lowerBound).toBe(b.placement.lowerBound);
    expect(problem).toEqual(copy);
  });

  it("rejects a count below one or above the sites, capacities that cannot hold the work, and sites off the globe", () => {
    const problem = townsProblem();
    expect(errorOf(() => placeReps(problem, { count: 0 })).message).toBe("options.count: expected an integer ≥ 1, got 0");
    expect(errorOf(() => placeReps(problem, { count: 5, sites: [{ location: [-100, 20] }, { location: [-101, 20] }] })).message).toMatch(/5 reps to place but only 2 candidate site/);
    const small = { ...problem, reps: problem.reps.map((r) => ({ ...r, capacity: 10 })) };
    expect(errorOf(() => placeReps(small)).message).toMatch(/cannot hold the total workload/);
    expect(errorOf(() => placeReps(problem, { sites: [{ location: [-100, 95] }] })).message).toBe("options.sites[0].location[1]: latitude 95 is outside [-90, 90]");
    expect(errorOf(() => placeReps(problem, { fixed: ["nobody"] })).message).toMatch(/"nobody" is not the id of a rep/);
    expect(errorOf(() => placeReps(problem, { count: 2 })).message).toMatch(/2 is fewer than the 3 reps given/);
  });
});
