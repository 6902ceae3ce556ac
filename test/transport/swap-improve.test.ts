import { describe, expect, it } from "vitest";
import { compileProblem } from "../../src/compile/compile.js";
import type { Problem } from "../../src/model/problem-schema.js";
import { parseProblem, resolveOptions } from "../../src/model/parse.js";
import { repPairs } from "../../src/solvers/transport/rep-pairs.js";
import { improveSwaps } from "../../src/solvers/transport/swap-improve.js";

/** Two reps a degree apart; each account may go to either, with the problem's own travel. */
function setUp(workloads: number[]) {
  const problem: Problem = {
    reps: [
      { id: "R0", home: [-99, 19], capacity: 100 },
      { id: "R1", home: [-98, 19], capacity: 100 },
    ],
    // A0 and A3 lie by R1, A1 and A2 by R0.
    accounts: [-98.1, -98.9, -98.95, -98.05].map((lng, i) => ({ id: `A${i}`, location: [lng, 19] as [number, number], workload: workloads[i] })),
  };
  const p = compileProblem(parseProblem(problem), resolveOptions({ balance: { workload: 0.05 } }));
  const arcs = {
    start: Int32Array.from([0, 2, 4, 6, 8]),
    rep: Int32Array.from([0, 1, 0, 1, 0, 1, 0, 1]),
    travel: Float64Array.from([0, 1, 2, 3].flatMap((a) => [p.travel(0, a), p.travel(1, a)])),
  };
  return { p, arcs };
}

describe("band-preserving exchanges", () => {
  it("trades two accounts between reps at their band ends when no single move keeps both bands", () => {
    const { p, arcs } = setUp([1, 1, 1, 1]);
    const assign = Int32Array.from([0, 1, 0, 1]);
    const before = [0, 1, 2, 3].reduce((sum, a) => sum + p.travel(assign[a], a), 0);
    const saved = improveSwaps(p, repPairs(p, arcs, assign), assign, () => false);
    expect(Array.from(assign)).toEqual([1, 0, 0, 1]);
    const after = [0, 1, 2, 3].reduce((sum, a) => sum + p.travel(assign[a], a), 0);
    expect(saved).toBeCloseTo(before - after, 9);
    expect(saved).toBeGreaterThan(0);
  });

  it("leaves the plan alone when the exchange would push a rep out of its band", () => {
    // Loads 2.2 and 2.2 (band 2.09–2.31); trading A0 for A1 would make them 2.4 and 2.0.
    const { p, arcs } = setUp([1, 1.2, 1.2, 1]);
    const assign = Int32Array.from([0, 1, 0, 1]);
    expect(improveSwaps(p, repPairs(p, arcs, assign), assign, () => false)).toBe(0);
    expect(Array.from(assign)).toEqual([0, 1, 0, 1]);
  });
});
