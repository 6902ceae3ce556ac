import { describe, expect, it } from "vitest";
import { realignInstance } from "../../benchmarks/realign-instance.js";
import { align } from "../../src/align.js";
import { evaluate } from "../../src/evaluate/evaluate.js";
import type { Plan } from "../../src/model/plan.js";
import type { Problem } from "../../src/model/problem-schema.js";
import { applyScenario } from "../../src/realign/apply-scenario.js";
import { diffPlans } from "../../src/realign/diff-plans.js";
import { diffFromToday } from "../../src/realign/today-of.js";
import { runScenarios } from "../../src/realign/run-scenarios.js";
import { tradeoff } from "../../src/realign/tradeoff.js";
import { errorOf } from "../support/error-of.js";

const problem: Problem = realignInstance({ accounts: 600, reps: 8, hires: 1, seed: 9 });
const today = problem.accounts.map((a) => ({ accountId: a.id, repId: a.currentRep! }));

describe("diffPlans", () => {
  it("lists exactly the accounts whose rep changed, and per rep what it gains and loses", () => {
    const plan = align(problem, { balance: { workload: 0.1 } });
    const diff = diffPlans(problem, today, plan);
    const after = new Map(plan.assignment.map((r) => [r.accountId, r.repId]));
    const direct = problem.accounts.filter((a) => a.currentRep !== after.get(a.id));
    expect(diff.moved.map((m) => m.accountId)).toEqual(direct.map((a) => a.id));
    expect(diff.accountsMoved).toBe(plan.metrics.disruption.accountsMoved);
    for (const rep of diff.reps) {
      const into = direct.filter((a) => after.get(a.id) === rep.repId);
      const out = direct.filter((a) => a.currentRep === rep.repId);
      expect(rep.accountsIn).toBe(into.length);
      expect(rep.accountsOut).toBe(out.length);
      expect(rep.workloadIn).toBeCloseTo(into.reduce((s, a) => s + a.workload, 0), 9);
      expect(rep.workloadAfter - rep.workloadBefore).toBeCloseTo(rep.workloadIn - rep.workloadOut, 9);
    }
    expect(diff.objectiveAfter).toBeCloseTo(plan.metrics.objective, 6);
    expect(diff.objectiveBefore).toBeCloseTo(evaluate(problem, today, { balance: { workload: 0.1 } }).metrics.objective, 6);
  });

  it("diffFromToday (moved.csv, the printed table, the report) scores both sides with the plan's own travel model", () => {
    const options = { balance: { workload: 0.1 }, travel: { speedKmh: 22, circuity: 1.6 } };
    const plan = align(problem, options);
    const diff = diffFromToday(plan)!;
    const before = evaluate(problem, today, options);
    const after = evaluate(problem, plan.assignment, options);
    diff.reps.forEach((rep, r) => {
      expect(rep.travelMinutesAfter).toBeCloseTo(after.territories[r].travelMinutes, 6);
      expect(rep.workloadAfter).toBeCloseTo(after.territories[r].workloadHours, 9);
      expect(rep.travelMinutesBefore).toBeCloseTo(before.territories[r].travelMinutes, 6);
    });
    expect(diff.objectiveAfter).toBeCloseTo(after.metrics.objective, 6);
    // A copy of the plan (as the CLI and the unit solver make) keeps its options, and so does a plan read back from JSON.
    expect(diffFromToday({ ...plan, method: "copy" })!.objectiveBefore).toBeCloseTo(before.metrics.objective, 6);
    const read: Plan = JSON.parse(JSON.stringify(plan));
    expect(read.options!.travel).toEqual({ speedKmh: 22, circuity: 1.6, stopsPerDay: plan.options!.travel.stopsPerDay });
    expect(diffFromToday(read)!.objectiveBefore).toBeCloseTo(before.metrics.objective, 6);
    expect(diffFromToday(read)!.objectiveAfter).toBeCloseTo(after.metrics.objective, 6);
    // Travel from a function does not survive JSON: no diff rather than one measured another way.
    const fn = { balance: { workload: 0.1 }, travel: { minutes: (r: number, a: number) => 10 + ((r + a) % 7) } };
    const byFunction = align(problem, fn);
    expect(diffFromToday(byFunction)!.objectiveBefore).toBeCloseTo(evaluate(problem, today, fn).metrics.objective, 6);
    expect(byFunction.options!.travelFunction).toBe(true);
    expect(diffFromToday(JSON.parse(JSON.stringify(byFunction)))).toBeUndefined();
  });

  it("finds nothing when both sides agree", () => {
    const diff = diffPlans(problem, today, new Map(today.map((r) => [r.accountId, r.repId])));
    expect(diff.moved).toEqual([]);
    expect(diff.reps.every((r) => r.accountsIn === 0 && r.accountsOut === 0)).toBe(true);
  });
});

describe("applyScenario", () => {
  it("applies each edit as a pure function", () => {
    const before = JSON.stringify(problem);
    const [r1, r2, r3, r4] = problem.reps.map((r) => r.id);
    const applied = applyScenario(problem, {
      name: "all",
      capacity: { [r1]: 77 },
      mergeReps: { into: r2, reps: [r3] },
      splitRep: { rep: r4, id: "r4-b" },
      addReps: [{ id: "new", lng: 5, lat: 47, capacity: 100 }],
      freezeReps: [r1],
    });
    expect(JSON.stringify(problem)).toBe(before);
    const reps = new Map(applied.problem.reps.map((r) => [r.id, r]));
    expect(reps.has(r1)).toBe(false);
    expect(applied.frozen.reps.map((r) => r.id)).toEqual([r1]);
    expect(applied.frozen.reps[0].capacity).toBe(77);
    expect(applied.frozen.accounts.every((a) => a.currentRep === r1)).toBe(true);
    expect(reps.has(r3)).toBe(false);
    expect(reps.get(r2)!.capacity).toBeCloseTo(problem.reps[1].capacity + problem.reps[2].capacity, 9);
    expect(applied.problem.accounts.some((a) => a.currentRep === r3)).toBe(false);
    expect(reps.get(r4)!.capacity).toBeCloseTo(problem.reps[3].capacity / 2, 9);
    expect(reps.get("r4-b")).toMatchObject({ home: problem.reps[3].home, capacity: problem.reps[3].capacity / 2 });
    expect(reps.get("new")).toMatchObject({ home: [5, 47], capacity: 100 });
  });

  it("turns a removed rep's accounts into orphans and drops locks to it", () => {
    const gone = problem.reps[0].id;
    const locked: Problem = { ...problem, accounts: problem.accounts.map((a, i) => (i === 0 ? { ...a, lockedRep: gone } : a)) };
    const applied = applyScenario(locked, { name: "leave", removeReps: [gone] });
    expect(applied.orphans).toBe(problem.accounts.filter((a) => a.currentRep === gone).length);
    expect(applied.droppedLocks).toBe(1);
    expect(applied.problem.accounts[0].lockedRep).toBeUndefined();
  });

  it.each([
    ["an unknown rep", { name: "x", removeReps: ["nobody"] }, /scenarios\[0\] \("x"\)\.removeReps\[0\]: "nobody" is not the id of any rep/],
    ["a near miss", { name: "x", capacity: { [problem.reps[0].id.toLowerCase()]: 5 } }, /did you mean/],
    ["every rep removed", { name: "x", removeReps: problem.reps.map((r) => r.id) }, /leaves no rep to balance/],
    ["an added id that exists", { name: "x", addReps: [{ id: problem.reps[0].id, lng: 0, lat: 0, capacity: 1 }] }, /addReps\[0\]\.id: ".*" is already the id of a rep/],
    ["a negative capacity", { name: "x", capacity: { [problem.reps[0].id]: -5 } }, /scenarios\[0\]\.capacity/],
  ])("refuses %s, naming the scenario, field and value", (_what, scenario, message) => {
    expect(errorOf(() => applyScenario(problem, scenario)).message).toMatch(message);
  });
});

describe("runScenarios and tradeoff", () => {
  it("refuses two scenarios with one name", () => {
    expect(errorOf(() => runScenarios(problem, [{ name: "a" }, { name: "a" }])).message).toBe('scenarios[1].name: "a" is also the name of scenarios[0]; give each scenario its own name');
  });

  it("solves each scenario from today's owners and compares them with today", () => {
    const hire = { id: "hire", lng: problem.reps[0].home[0] + 0.2, lat: problem.reps[0].home[1], capacity: problem.reps[0].capacity };
    const result = runScenarios(problem, [{ name: "base" }, { name: "hire", addReps: [hire] }, { name: "frozen", freezeReps: [problem.reps[1].id] }], { balance: { workload: 0.1 }, disruption: { maxMovedShare: 0.3 } });
    const [base, hired, frozen] = result.results;
    expect(base.row.reps).toBe(problem.reps.length);
    expect(hired.row.reps).toBe(problem.reps.length + 1);
    expect(hired.plan.territories.find((t) => t.repId === "hire")!.accountCount).toBeGreaterThan(0);
    // The frozen territory is exactly today's.
    const kept = frozen.plan.territories.find((t) => t.repId === problem.reps[1].id)!;
    expect(kept.accountIds).toEqual(problem.accounts.filter((a) => a.currentRep === problem.reps[1].id).map((a) => a.id));
    for (const r of result.results) {
      expect(r.row.travelChange).toBeCloseTo(r.plan.metrics.objective - result.todayObjective, 6);
      expect(r.plan.metrics.disruption.fractionMoved).toBeLessThanOrEqual(0.3 + 1e-9);
    }
  });

  it("measures a frozen territory with the scenario's travel model, and its plan remembers the scenario's options", () => {
    const options = { balance: { workload: 0.1 }, travel: { speedKmh: 21, circuity: 1.7 } };
    const frozenRep = problem.reps[1].id;
    const [frozen] = runScenarios(problem, [{ name: "frozen", freezeReps: [frozenRep] }], options).results;
    const todayRows = problem.accounts.filter((a) => a.currentRep === frozenRep).map((a) => ({ accountId: a.id, repId: frozenRep }));
    const alone = evaluate({ accounts: problem.accounts.filter((a) => a.currentRep === frozenRep), reps: [problem.reps[1]] }, todayRows, { travel: options.travel });
    const kept = frozen.plan.territories.find((t) => t.repId === frozenRep)!;
    expect(kept.travelMinutes).toBeCloseTo(alone.territories[0].travelMinutes, 6);
    expect(frozen.plan.metrics.objective).toBeCloseTo(frozen.plan.territories.reduce((sum, t) => sum + t.weightedTravel, 0), 3);
    // The report's diff of the scenario plan scores today's owners with the same model.
    const diff = diffFromToday(frozen.plan)!;
    expect(diff.objectiveBefore).toBeCloseTo(evaluate(problem, today, options).metrics.objective, 3);
    expect(diff.objectiveAfter).toBeCloseTo(frozen.plan.metrics.objective, 3);
  });

  it("prices edited problems with today's travel matrix or travel function, re-indexed to the reps and accounts that remain", () => {
    const small = realignInstance({ accounts: 160, reps: 5, hires: 0, seed: 3 });
    // Irregular minutes, so that a rep or account read at the wrong index shows in the totals.
    const minutes = small.reps.map((_, r) => small.accounts.map((_, a) => 5 + ((r * 37 + a * 11) % 53)));
    const withMatrix: Problem = { ...small, travel: { minutes } };
    const options = { balance: { workload: 0.25 }, disruption: { maxMovedShare: 0.5 } };
    const scenario = { name: "edits", removeReps: [small.reps[1].id], freezeReps: [small.reps[3].id], capacity: { [small.reps[0].id]: small.reps[0].capacity * 1.2 } };
    const check = (plan: ReturnType<typeof runScenarios>["results"][number]["plan"], measured: ReturnType<typeof evaluate>) => {
      for (const t of plan.territories) expect(t.travelMinutes, t.repId).toBeCloseTo(measured.territories.find((u) => u.repId === t.repId)!.travelMinutes, 6);
      expect(plan.metrics.totalTravelMinutes).toBeCloseTo(measured.metrics.totalTravelMinutes, 6);
    };
    const [byMatrix] = runScenarios(withMatrix, [scenario], options).results;
    check(byMatrix.plan, evaluate(withMatrix, byMatrix.plan.assignment, options));
    expect(byMatrix.plan.problem.travel!.minutes.length).toBe(small.reps.length - 1);
    const fn = { ...options, travel: { minutes: (r: number, a: number) => minutes[r][a] } };
    const [byFunction] = runScenarios(small, [scenario], fn).results;
    check(byFunction.plan, evaluate(small, byFunction.plan.assignment, fn));
    // A rep split off at its rep's home takes that rep's trips; a rep with a home of its own cannot be priced.
    const [split] = runScenarios(withMatrix, [{ name: "split", splitRep: { rep: small.reps[2].id, id: "half" } }], options).results;
    const half = split.plan.territories.find((t) => t.repId === "half")!;
    const index = new Map(small.accounts.map((a, i) => [a.id, i]));
    expect(half.travelMinutes).toBeCloseTo(half.accountIds.reduce((sum, id) => sum + minutes[2][index.get(id)!], 0), 6);
    const hire = { name: "hire", addReps: [{ id: "new-1", lng: 0, lat: 45, capacity: 100 }] };
    expect(errorOf(() => runScenarios(withMatrix, [hire], options)).message).toMatch(/^scenarios\[0\] \("hire"\)\.addReps\[0\]\.id: rep "new-1" has a home of its own, and the travel matrix \(problem\.travel\) has no row for it/);
    expect(errorOf(() => runScenarios(small, [hire], fn)).message).toMatch(/addReps\[0\]\.id: rep "new-1" has a home of its own, and the travel function \(options\.travel\.minutes\) knows today's reps only/);
    // A scenario's own travel function prices the whole edited problem (solved reps and accounts first, the frozen ones last), as it is.
    const own = (r: number, a: number) => 3 + ((r * 17 + a * 5) % 41);
    const [priced] = runScenarios(small, [{ ...hire, freezeReps: [small.reps[4].id], options: { travel: { minutes: own } } }], fn).results;
    const whole = priced.plan.problem;
    const repAt = new Map(whole.reps.map((rep, r) => [rep.id, r]));
    const accountAt = new Map(whole.accounts.map((a, i) => [a.id, i]));
    for (const t of priced.plan.territories) expect(t.travelMinutes, t.repId).toBeCloseTo(t.accountIds.reduce((sum, id) => sum + own(repAt.get(t.repId)!, accountAt.get(id)!), 0), 6);
  });

  it("gives one row per budget in the order given, each keeping its budget", () => {
    const curve = tradeoff(problem, { balance: { workload: 0.1 } }, [{ maxMovedShare: 0.4 }, { maxMoves: 60 }, { maxMovedShare: 0.2 }, { band: 0.2 }]);
    expect(curve.rows.map((r) => r.label)).toEqual(["40%", "60", "20%", "band 20%"]);
    expect(curve.rows[0].movedShare).toBeLessThanOrEqual(0.4 + 1e-9);
    expect(curve.rows[1].moves).toBeLessThanOrEqual(60);
    expect(curve.rows[2].movedShare).toBeLessThanOrEqual(0.2 + 1e-9);
    for (const [i, row] of curve.rows.entries()) {
      if (row.status === "feasible" || row.status === "optimal") expect(curve.plans[i].violations).toEqual([]);
      if (row.lowerBound !== undefined) expect(row.lowerBound).toBeLessThanOrEqual(row.objective * (1 + 1e-9));
    }
    // A looser budget never costs more travel than a tighter one (same solver, warm).
    expect(curve.rows[0].objective).toBeLessThanOrEqual(curve.rows[2].objective * (1 + 0.01));
  });

  it("refuses points that are not budgets", () => {
    expect(errorOf(() => tradeoff(problem, {}, [{ maxMoves: -1 }])).message).toMatch(/points\[0\]\.maxMoves: -1 must be a finite number ≥ 0/);
    expect(errorOf(() => tradeoff(problem, {}, [{ maxMoves: 2.5 }])).message).toMatch(/whole number/);
    expect(errorOf(() => tradeoff(problem, {}, [{ maxMovedShare: 1.5 }])).message).toMatch(/at most 1/);
  });
});
