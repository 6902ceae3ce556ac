import { describe, expect, it } from "vitest";
import { align } from "../../src/align.js";
import type { Problem } from "../../src/model/problem-schema.js";
import { createRandom } from "../../src/util/random.js";
import { validatePlan } from "../support/validate-plan.js";

function grid(n: number, m: number, capacityFactor: number, seed = 3): Problem {
  const random = createRandom(seed);
  const accounts = Array.from({ length: n }, (_, i) => ({ id: `A${i}`, location: [-103 + random() * 2, 20 + random() * 2] as [number, number], workload: 1 + random() * 4 }));
  const total = accounts.reduce((s, a) => s + a.workload, 0);
  const reps = Array.from({ length: m }, (_, j) => ({ id: `R${j}`, home: [-103 + random() * 2, 20 + random() * 2] as [number, number], capacity: (total * capacityFactor) / m }));
  return { accounts, reps };
}

describe("optimisation outcomes", () => {
  it("reports total workload above total capacity as infeasible with both numbers", () => {
    const problem: Problem = {
      accounts: Array.from({ length: 4 }, (_, i) => ({ id: `A${i}`, location: [-99 + i * 0.01, 19] as [number, number], workload: 310 })),
      reps: [
        { id: "R1", home: [-99, 19], capacity: 550 },
        { id: "R2", home: [-99.02, 19], capacity: 550 },
      ],
    };
    const plan = align(problem, { strategy: "heuristic" });
    expect(plan.status).toBe("infeasible");
    expect(plan.diagnostics.map((d) => d.message)).toContain("total workload 1,240 h exceeds total capacity 1,100 h");
    expect(plan.assignment.length + plan.unassigned.length).toBe(4);
    expect(plan.unassigned.length).toBeGreaterThan(0);
    expect(plan.unassigned[0].reason).toMatch(/capacity/);
    validatePlan(problem, plan, { balance: 0.1 });
  });

  it("names an account whose segment no rep serves and leaves it unassigned", () => {
    const problem: Problem = {
      accounts: [
        { id: "A1", location: [-99, 19], workload: 5, segment: "retail" },
        { id: "A17", location: [-99.01, 19], workload: 5, segment: "hospital" },
      ],
      reps: [{ id: "R1", home: [-99, 19], capacity: 20, segments: ["retail"] }],
    };
    const plan = align(problem, { strategy: "heuristic", balance: { workload: 0.9 } });
    expect(plan.status).toBe("infeasible");
    expect(plan.unassigned).toEqual([{ accountId: "A17", reason: "segment 'hospital' is served by no rep" }]);
    expect(plan.diagnostics.find((d) => d.code === "no_eligible_rep")?.message).toContain("account A17: segment 'hospital' is served by no rep");
  });

  it("explains an account beyond every rep's travel limit", () => {
    const problem: Problem = {
      accounts: [{ id: "far", location: [-90, 19], workload: 1 }],
      reps: [{ id: "R1", home: [-99, 19], capacity: 5, maxTravelMinutes: 60 }],
    };
    const plan = align(problem, { strategy: "heuristic", balance: { workload: 0.9 } });
    expect(plan.unassigned[0].reason).toMatch(/beyond its maxTravelMinutes \(nearest is \d+ min away\)/);
  });

  it("keeps locked accounts with their rep even when another rep is nearer", () => {
    const problem: Problem = {
      accounts: [
        { id: "A1", location: [-99, 19], workload: 1, lockedRep: "far" },
        { id: "A2", location: [-99, 19.01], workload: 1 },
      ],
      reps: [
        { id: "near", home: [-99, 19], capacity: 10 },
        { id: "far", home: [-98, 19], capacity: 10 },
      ],
    };
    const plan = align(problem, { strategy: "heuristic", balance: { workload: 0.9 } });
    expect(plan.assignment.find((r) => r.accountId === "A1")?.repId).toBe("far");
  });

  it("meets a ±5 % band on a few hundred small accounts", () => {
    const problem = grid(400, 8, 1.3);
    const plan = align(problem, { strategy: "heuristic", balance: { workload: 0.05 } });
    expect(plan.status).toBe("feasible");
    expect(plan.metrics.workload.maxDeviation).toBeLessThanOrEqual(0.05 + 1e-9);
    validatePlan(problem, plan, { balance: 0.05 });
  });

  it("stops at an aborted signal and returns the best plan so far as a timeout", () => {
    const problem = grid(300, 6, 1.3);
    const controller = new AbortController();
    controller.abort();
    const plan = align(problem, { strategy: "heuristic", signal: controller.signal });
    expect(plan.status).toBe("timeout");
    expect(plan.assignment.length).toBe(300);
    validatePlan(problem, plan, { balance: 0.1 });
  });

  it("reports progress through the construct and improve phases", () => {
    const phases = new Set<string>();
    align(grid(200, 5, 1.3), { strategy: "heuristic", onProgress: (p) => phases.add(p.phase) });
    expect([...phases]).toEqual(expect.arrayContaining(["candidates", "construct", "improve"]));
  });

  it("uses a travel matrix when the problem has one", () => {
    const problem: Problem = {
      accounts: [
        { id: "A1", location: [-99, 19], workload: 1 },
        { id: "A2", location: [-99, 19], workload: 1 },
      ],
      reps: [
        { id: "R1", home: [-99, 19], capacity: 5 },
        { id: "R2", home: [-99, 19], capacity: 5 },
      ],
      travel: { minutes: [[1, 100], [100, 1]] },
    };
    const plan = align(problem, { strategy: "heuristic", balance: { workload: 0.5 } });
    expect(plan.assignment).toEqual([
      { accountId: "A1", repId: "R1" },
      { accountId: "A2", repId: "R2" },
    ]);
    expect(plan.metrics.objective).toBe(2);
  });
});
