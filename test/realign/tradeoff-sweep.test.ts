import highsLoader from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import { highsTerritory } from "../../benchmarks/highs-territory-model.js";
import { realignInstance } from "../../benchmarks/realign-instance.js";
import { align } from "../../src/align.js";
import { compileProblem } from "../../src/compile/compile.js";
import type { AlignOptions } from "../../src/model/options-schema.js";
import { parseProblem, resolveOptions } from "../../src/model/parse.js";
import type { Problem } from "../../src/model/problem-schema.js";
import { tradeoff } from "../../src/realign/tradeoff.js";
import { validatePlan } from "../support/validate-plan.js";

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

const BAND = 0.08;

/** The least number of moves the bands need, as the library reports it for a zero budget. */
function leastMoves(problem: Problem): number {
  const probe = align(problem, { balance: { workload: BAND }, disruption: { maxMoves: 0 } });
  const text = probe.diagnostics.map((d) => d.message).join(" ");
  const least = Number(/the bands need at least ([\d,]+) moves/.exec(text)?.[1].replace(/,/g, ""));
  expect(least, text).toBeGreaterThan(0);
  return least;
}

/** The least share of the workload whose move the bands need, as the library reports it for a zero budget. */
function leastShare(problem: Problem): number {
  const probe = align(problem, { balance: { workload: BAND }, disruption: { maxMovedShare: 0 } });
  const text = probe.diagnostics.map((d) => d.message).join(" ");
  const least = Number(/the bands need at least ([\d.]+) % of the workload/.exec(text)?.[1]) / 100;
  expect(least, text).toBeGreaterThan(0);
  return least;
}

function exact(problem: Problem, options: AlignOptions, integer: boolean): number {
  const outcome = highsTerritory(highs, compileProblem(parseProblem(problem), resolveOptions(options)), integer, 20);
  expect(outcome.status).toBe("optimal");
  return outcome.objective;
}

describe("a trade-off sweep of growing budgets on random realignments", () => {
  // Fewer than 50 accounts per rep: the LP keeps the whole bands, so its bound is the LP's.
  it("solves every point from the first it solves on, keeps each budget and band, and bounds each between the LP without budgets and the exact optimum", () => {
    for (const seed of [11, 12, 13]) {
      const problem = realignInstance({ accounts: 140, reps: 6, hires: 1, seed });
      const least = leastMoves(problem);
      const budgets = [1, 1.2, 1.5, 2, 3, 5].map((f) => Math.ceil(f * least) + 1);
      const curve = tradeoff(problem, { balance: { workload: BAND } }, budgets.map((maxMoves) => ({ maxMoves })));
      const unbudgeted = exact(problem, { balance: { workload: BAND } }, false);
      let solved = false;
      let previous = Infinity;
      curve.rows.forEach((row, i) => {
        const options: AlignOptions = { balance: { workload: BAND }, disruption: { maxMoves: budgets[i] } };
        const where = `seed ${seed}, budget ${budgets[i]} (least ${least}): ${row.status}, objective ${row.objective}, bound ${row.lowerBound}`;
        validatePlan(problem, curve.plans[i], { balance: BAND, options });
        expect(row.moves, where).toBeLessThanOrEqual(budgets[i]);
        if (solved) expect(["feasible", "optimal"], where).toContain(row.status);
        if (row.status !== "feasible" && row.status !== "optimal") return;
        solved = true;
        // A looser budget never travels more: an earlier point's plan keeps it.
        expect(row.objective, where).toBeLessThanOrEqual(previous * (1 + 1e-9));
        previous = row.objective;
        expect(row.repsOutsideBand, where).toBe(0);
        expect(row.lowerBound, where).toBeDefined();
        expect(row.lowerBound!, where).toBeLessThanOrEqual(row.objective * (1 + 1e-9) + 1e-9);
        expect(row.lowerBound!, where).toBeGreaterThanOrEqual(unbudgeted * (1 - 1e-6));
        expect(row.lowerBound!, where).toBeLessThanOrEqual(exact(problem, options, true) * (1 + 1e-6) + 1e-6);
      });
      expect(solved, `seed ${seed}`).toBe(true);
    }
  }, 240_000);

  // Past the size where the exact search proves optimality: the bound is the budgeted LP's own.
  it("keeps each bound at or above the LP bound without budgets at a larger size, the tightest budget included", () => {
    for (const seed of [21, 22]) {
      const problem = realignInstance({ accounts: 3000, reps: 30, hires: 3, seed });
      const least = leastShare(problem);
      const budgets = [1.02, 1.1, 1.5, 3].map((f) => Math.min(1, f * least + 1e-4));
      const curve = tradeoff(problem, { balance: { workload: BAND } }, budgets.map((maxMovedShare) => ({ maxMovedShare })));
      const unbudgeted = exact(problem, { balance: { workload: BAND } }, false);
      let solved = false;
      curve.rows.forEach((row, i) => {
        const where = `seed ${seed}, budget ${budgets[i]} (least ${least}): ${row.status}, objective ${row.objective}, bound ${row.lowerBound}, LP without budgets ${unbudgeted}`;
        expect(row.movedShare, where).toBeLessThanOrEqual(budgets[i] * (1 + 1e-9));
        // The tightest budget, a hair above the LP's least, may have no whole plan; every larger one after a solved one has.
        if (solved || i > 1) expect(["feasible", "optimal"], where).toContain(row.status);
        if (row.status !== "feasible" && row.status !== "optimal") return;
        solved = true;
        expect(row.lowerBound, where).toBeDefined();
        expect(row.lowerBound!, where).toBeLessThanOrEqual(row.objective * (1 + 1e-9));
        // The LP keeps a little room at each end of a band, so its prices bound a hair below the exact LP.
        expect(row.lowerBound!, where).toBeGreaterThanOrEqual(unbudgeted * (1 - 1e-3));
      });
    }
  }, 240_000);
});
