import { describe, expect, it } from "vitest";
import { generateInstance } from "../../benchmarks/generate-instance.js";
import { compileProblem } from "../../src/compile/compile.js";
import type { Problem } from "../../src/model/problem-schema.js";
import { parseProblem, resolveOptions } from "../../src/model/parse.js";
import { greatCircle, isEligible } from "../../src/solvers/transport/great-circle.js";
import { createNearestReps, nearestRepsOfAccounts } from "../../src/solvers/transport/nearest-reps.js";
import { buildSphereTree } from "../../src/solvers/transport/sphere-tree.js";
import { createRandom } from "../../src/util/random.js";

/** Every account's `want` cheapest eligible reps at the prices, within tau of its cheapest, by brute force. */
function bruteForce(p: ReturnType<typeof compileProblem>, prices: Float64Array, want: number, tau: number): number[][] {
  const out: number[][] = [];
  for (let a = 0; a < p.n; a++) {
    const values: [number, number][] = [];
    for (let j = 0; j < p.m; j++) {
      const t = p.travel(j, a);
      if (isEligible(p, j, a, t)) values.push([t + prices[j], j]);
    }
    values.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    out.push(values.filter((v, i) => i < want && v[0] <= values[0][0] + tau).map((v) => v[1]));
  }
  return out;
}

/** Checks the search against brute force, fresh and then seeded with its own lists at other prices. */
function check(problem: Problem, seed: number): void {
  const p = compileProblem(parseProblem(problem), resolveOptions({}));
  const random = createRandom(seed);
  const tree = buildSphereTree(Int32Array.from({ length: p.n }, (_, a) => a), p.accountLng, p.accountLat, p.workload, 16);
  for (const want of [1, 4]) {
    const tau = want === 1 ? 0 : 20;
    const found = createNearestReps(p.n, want);
    for (const reuse of [false, true]) {
      const prices = Float64Array.from({ length: p.m }, () => (random() - 0.5) * 120);
      nearestRepsOfAccounts(p, tree, greatCircle(p), prices, tau, found, reuse);
      const expected = bruteForce(p, prices, want, tau);
      for (let a = 0; a < p.n; a++) expect(Array.from(found.rep.subarray(a * want, a * want + found.count[a]))).toEqual(expected[a]);
    }
  }
}

describe("price-aware rep search", () => {
  it("finds each account's cheapest reps at given prices exactly, as a scan of every rep does, also when seeded with the lists of earlier prices", () => {
    check(generateInstance({ accounts: 3000, reps: 60, seed: 8 }), 1);
  });

  it("stays exact when segments and travel limits rule out the nearest reps", () => {
    const base = generateInstance({ accounts: 3000, reps: 60, seed: 9 });
    const problem: Problem = {
      accounts: base.accounts.map((a, i) => ({ ...a, segment: i % 7 === 0 ? "rare" : "common" })),
      reps: base.reps.map((r, j) => ({ ...r, ...(j % 5 === 0 ? { segments: ["rare"] } : {}), ...(j % 3 === 0 ? { maxTravelMinutes: 60 } : {}) })),
    };
    check(problem, 2);
  });
});
