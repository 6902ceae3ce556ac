import { describe, expect, it } from "vitest";
import { bandsInstance } from "../../benchmarks/bands-instance.js";
import { align } from "../../src/align.js";
import { buildCandidates } from "../../src/compile/candidates.js";
import { compileProblem } from "../../src/compile/compile.js";
import { evaluate } from "../../src/evaluate/evaluate.js";
import { parseProblem, resolveOptions } from "../../src/model/parse.js";
import { bandRows, rowLoads, totalOutside } from "../../src/solvers/bands/band-rows.js";
import { BandSearch } from "../../src/solvers/bands/band-search.js";
import { PairTable } from "../../src/solvers/bands/pair-table.js";

const BANDS = { workload: 0.05, potential: 0.1, accounts: 0.15 };

describe("band repair", () => {
  it("mends a plan far outside the potential and count bands by chains of moves (2,500 × 50)", () => {
    // The plan with the workload band alone lies ~23 rep-targets outside the other bands; a repair
    // that only takes moves and swaps that cut the plain violation stalls around half of that
    // within the same number of rounds (measured: 11.4 left).
    const problem = bandsInstance({ accounts: 2500, reps: 50, seed: 1 });
    const p = compileProblem(parseProblem(problem), resolveOptions({ balance: BANDS }));
    const free = align(problem, { balance: { workload: 0.05 } });
    const repOf = new Map(problem.reps.map((rep, r) => [rep.id, r]));
    const start = Int32Array.from(free.assignment, (row) => repOf.get(row.repId!)!);
    const rows = bandRows(p);
    const search = new BandSearch(p, buildCandidates(p, 16), rows, new PairTable(p), start);
    const before = search.violation();
    expect(before).toBeGreaterThan(10);
    const left = search.repair(() => false, 2500);
    expect(left).toBeLessThanOrEqual(1e-9);
    // The search's own loads agree with a recount, and the checker finds no rule broken.
    expect(totalOutside(rows, rowLoads(rows, p.m, search.assign))).toBeLessThanOrEqual(1e-9);
    const assignment = Array.from(search.assign, (r, a) => ({ accountId: problem.accounts[a].id, repId: problem.reps[r].id }));
    expect(evaluate(problem, assignment, { balance: BANDS }).violations).toEqual([]);
  }, 60_000);
});
