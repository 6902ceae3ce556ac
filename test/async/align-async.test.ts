import { describe, expect, it } from "vitest";
import type * as Core from "../../src/index.js";
import type { Plan, Problem, Progress } from "../../src/index.js";

// The built package (vitest's global setup builds it): alignAsync starts dist/align-worker.js
// beside it, as an installed copy does. Imported by URL so that typechecking needs no build.
const { align, alignAsync, tradeoff, tradeoffAsync, runScenarios, runScenariosAsync, TerralignError } = (await import(new URL("../../dist/index.js", import.meta.url).href)) as typeof Core;
type TerralignError = Core.TerralignError;

function problem(n: number, m: number, seed: number): Problem {
  let s = seed;
  const random = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const accounts = Array.from({ length: n }, (_, i) => ({ id: `a${i}`, location: [-100 + 3 * random(), 19 + 2 * random()] as [number, number], workload: 1 + random() }));
  const total = accounts.reduce((sum, a) => sum + a.workload, 0);
  const reps = Array.from({ length: m }, (_, r) => ({ id: `r${r}`, home: [-100 + 3 * random(), 19 + 2 * random()] as [number, number], capacity: (1.3 * total) / m }));
  return { accounts, reps };
}

const withoutClock = (plan: Plan) => ({ ...plan, elapsedMs: 0 });

describe("alignAsync", () => {
  it("gives the plan align gives for the same seed, for each strategy", async () => {
    const p = problem(200, 6, 5);
    for (const strategy of ["transport", "heuristic", "gap"] as const) {
      const options = { strategy, seed: 7, balance: { workload: 0.1 } };
      expect(withoutClock(await alignAsync(p, options)), strategy).toEqual(withoutClock(align(p, options)));
    }
  });

  it("leaves the caller's event loop free while it solves, and reports progress across the thread", async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const reports: Progress[] = [];
    const started = performance.now();
    const plan = await alignAsync(problem(20_000, 40, 9), { onProgress: (progress) => reports.push(progress) });
    const elapsed = performance.now() - started;
    clearInterval(timer);
    expect(["optimal", "feasible"]).toContain(plan.status);
    // A blocked loop would not tick at all until the solve ended.
    expect(ticks).toBeGreaterThan(Math.min(20, elapsed / 50));
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.every((r) => typeof r.phase === "string" && r.fraction >= 0 && r.fraction <= 1)).toBe(true);
  });

  it("an AbortSignal returns the best plan so far, with every account in it, long before the time limit", async () => {
    const p = problem(6000, 60, 11);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 500);
    const started = performance.now();
    const plan = await alignAsync(p, { strategy: "heuristic", timeLimitMs: 120_000, signal: controller.signal });
    expect(plan.status).toBe("timeout");
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(plan.assignment.length + plan.unassigned.length).toBe(6000);
  });

  it("a signal aborted before the call still returns a plan, as align does", async () => {
    const p = problem(300, 6, 3);
    const plan = await alignAsync(p, { signal: AbortSignal.abort() });
    expect(plan.status).toBe("timeout");
    expect(plan.assignment.length + plan.unassigned.length).toBe(300);
  });

  it("rejects bad input with the TerralignError align throws, and a travel function it cannot send", async () => {
    const p = problem(10, 2, 1);
    const bad = { ...p, accounts: p.accounts.map((a, i) => (i === 3 ? { ...a, workload: -1 } : a)) };
    const error = await alignAsync(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TerralignError);
    expect((error as TerralignError).message).toBe((() => { try { align(bad); } catch (e) { return (e as Error).message; } })());
    const unsent = await alignAsync(p, { travel: { minutes: () => 1 } }).catch((e: unknown) => e);
    expect(unsent).toBeInstanceOf(TerralignError);
    expect((unsent as TerralignError).code).toBe("unsupported");
  });

  it("its plan keeps the options it was made under, as align's does: the report's diff against today's owners uses their travel model", async () => {
    const { toHtml } = (await import(new URL("../../dist/output.js", import.meta.url).href)) as typeof import("../../src/entries/output.js");
    const base = problem(120, 4, 9);
    const today = { ...base, accounts: base.accounts.map((a, i) => ({ ...a, currentRep: `r${i % 4}` })) };
    const options = { strategy: "transport" as const, seed: 7, balance: { workload: 0.1 }, travel: { speedKmh: 23, circuity: 1.7 } };
    const sync = { ...align(today, options), elapsedMs: 0 };
    const async = { ...(await alignAsync(today, options)), elapsedMs: 0 };
    expect(toHtml(async)).toBe(toHtml(sync));
  });

  it("does not change its input", async () => {
    const p = problem(200, 4, 2);
    const copy = structuredClone(p);
    await alignAsync(p, { seed: 3 });
    expect(p).toEqual(copy);
  });
});

/** The problem with today's owners: each account with the rep of its index modulo m. */
function owned(n: number, m: number, seed: number): Problem {
  const p = problem(n, m, seed);
  return { ...p, accounts: p.accounts.map((a, i) => ({ ...a, currentRep: `r${i % m}` })) };
}

const plansWithoutClock = (x: object) => JSON.parse(JSON.stringify(x, (key, value) => (key === "elapsedMs" ? 0 : value)));

describe("tradeoffAsync and runScenariosAsync", () => {
  it("give what tradeoff and runScenarios give, on a worker thread, with progress across it", async () => {
    const p = owned(120, 4, 9);
    const options = { seed: 3, balance: { workload: 0.1 } };
    const points = [{ maxMoves: 40 }, { maxMovedShare: 0.6 }];
    let heard = 0;
    const curve = await tradeoffAsync(p, { ...options, onProgress: () => heard++ }, points);
    expect(plansWithoutClock(curve)).toEqual(plansWithoutClock(tradeoff(p, options, points)));
    expect(curve.rows.map((r) => r.label)).toEqual(["40", "60%"]);
    expect(heard).toBeGreaterThan(0);
    const scenarios = [{ name: "base" }, { name: "r3-leaves", removeReps: ["r3"] }];
    const comparison = await runScenariosAsync(p, scenarios, options);
    expect(plansWithoutClock(comparison)).toEqual(plansWithoutClock(runScenarios(p, scenarios, options)));
    expect(comparison.results.map((r) => r.row.name)).toEqual(["base", "r3-leaves"]);
  });

  it("reject bad points and scenarios with the TerralignError the synchronous calls throw", async () => {
    const p = owned(30, 3, 2);
    const point = await tradeoffAsync(p, {}, [{ maxMoves: 1.5 }]).catch((e: unknown) => e);
    expect(point).toBeInstanceOf(TerralignError);
    expect((point as TerralignError).message).toContain("points[0].maxMoves");
    const scenario = await runScenariosAsync(p, [{ name: "x", removeReps: ["nobody"] }]).catch((e: unknown) => e);
    expect(scenario).toBeInstanceOf(TerralignError);
    expect((scenario as TerralignError).message).toContain("nobody");
  });
});
