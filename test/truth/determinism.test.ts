import { describe, expect, it } from "vitest";
import { align } from "../../src/align.js";
import type { Strategy } from "../../src/model/options-schema.js";
import { FC_SEED } from "../support/arbitrary-problem.js";
import { plantedProblem } from "../support/planted-problem.js";

const strategies: Exclude<Strategy, "auto">[] = ["transport", "heuristic", "gap", "mip"];

describe.each(strategies)("strategy %s", (strategy) => {
  const sizes = strategy === "mip" ? (["small"] as const) : (["small", "medium"] as const);

  it.each(sizes)("gives the same plan for the same seed, whatever the (non-binding) time limit, on a %s instance", (size) => {
    const { problem, balance } = plantedProblem(FC_SEED + 11, size);
    const run = (timeLimitMs: number) => align(problem, { strategy, balance: { workload: balance }, seed: 5, timeLimitMs });
    const first = run(60_000);
    const second = run(45_000);
    expect(second.status).toBe(first.status);
    expect(second.assignment).toEqual(first.assignment);
    expect(second.metrics.objective).toBe(first.metrics.objective);
    expect(second.bound).toEqual(first.bound);
  });

  it("says timeout when an aborted signal stops the search, with every account still accounted for", () => {
    const { problem, balance } = plantedProblem(FC_SEED + 12, "medium");
    const controller = new AbortController();
    controller.abort();
    const plan = align(problem, { strategy, balance: { workload: balance }, signal: controller.signal });
    expect(plan.status).toBe("timeout");
    expect(plan.assignment.length + plan.unassigned.length).toBe(problem.accounts.length);
  });
});
