import { describe, expect, it } from "vitest";
import { align, createRouter, type Problem } from "../../src/index.js";
import { createRandom } from "../../src/util/random.js";

function towns(seed: number): Problem {
  const random = createRandom(seed);
  const accounts = Array.from({ length: 120 }, (_, i) => ({
    id: `a${i}`,
    location: [-100 + 2 * random(), 19 + 2 * random()] as [number, number],
    workload: 1 + Math.round(4 * random()),
    visits: 1 + Math.floor(3 * random()),
    region: i % 2 === 0 ? "east" : "west",
  }));
  return { accounts, reps: Array.from({ length: 4 }, (_, r) => ({ id: `r${r}`, home: [-99.5 + 0.4 * r, 20] as [number, number], capacity: 200 })) };
}

describe("routing counts hours as align does", () => {
  it("scales a new account's workload by its region's factor and counts its travel as the plan does", () => {
    const problem = towns(3);
    const options = { balance: { workload: 0.2 }, workload: { includeTravel: true }, regions: { east: { workload: { factor: 2 } } } } as const;
    const plan = align(problem, { ...options, timeLimitMs: 20_000 });
    const router = createRouter(problem, plan, { ...options, policy: "balanced" });
    const fresh = { id: "new", location: [-99.2, 20.3] as [number, number], workload: 3, visits: 2, region: "east" };
    const result = router.route(fresh);
    expect(result.repId).not.toBeNull();
    // Work × 2 (east), plus two round trips (one stop a day) at the rep's distance.
    expect(result.hours).toBeCloseTo(3 * 2 + (2 * 2 * result.travelMinutes!) / 60, 9);
    const after = router.loads().find((l) => l.repId === result.repId)!;
    const before = plan.territories.find((t) => t.repId === result.repId)!;
    expect(after.after - before.workloadHours).toBeCloseTo(result.hours, 9);
    // The plan's own targets are shares of its total hours; the router starts from the same.
    const targets = router.loads().map((l) => l.target);
    const total = plan.territories.reduce((s, t) => s + t.workloadHours, 0) + result.hours;
    targets.forEach((t) => expect(t).toBeCloseTo(total / 4, 6));
  });
});
