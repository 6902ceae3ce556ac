import { describe, expect, it } from "vitest";
import { haversineKm } from "../../src/geo/haversine.js";
import { resolveOptions } from "../../src/model/parse.js";
import type { Problem } from "../../src/model/problem-schema.js";
import { prepareUnits } from "../../src/solvers/contiguity/align-on-units.js";
import { anneal } from "../../src/solvers/contiguity/anneal.js";
import { createTarjanScratch } from "../../src/solvers/contiguity/articulation.js";
import { repairBandsByChains } from "../../src/solvers/contiguity/band-chains.js";
import { graphTravelCost } from "../../src/solvers/contiguity/graph-travel.js";
import { improveBoundary, type SearchStats } from "../../src/solvers/contiguity/local-search.js";
import { createPartition, totalViolation } from "../../src/solvers/contiguity/partition.js";
import { createRecombineScratch } from "../../src/solvers/contiguity/recombine.js";
import type { SearchTools } from "../../src/solvers/contiguity/search.js";
import type { UnitProblem } from "../../src/solvers/contiguity/unit-problem.js";
import type { SolveContext } from "../../src/solvers/solve-context.js";
import { createRandom } from "../../src/util/random.js";
import { cellCentre, gridUnits } from "../units/grid.js";
import { planCost, stripProblem, territoriesConnected } from "./strip-problem.js";

const never: SolveContext = { elapsedMs: () => 0, stopped: () => false, progress: () => {} };
const stats = (): SearchStats => ({ evaluations: 0, cutsEvaluated: 0, moves: 0, recombinations: 0, searchMs: 0, annealSteps: 0 });
const tools = (up: UnitProblem, seed = 1): SearchTools => ({
  tarjan: createTarjanScratch(up.U),
  recombine: createRecombineScratch(up.U, up.graph.neighbor.length / 2),
  random: createRandom(seed),
  stats: stats(),
});

describe("band-repair chains", () => {
  // One row of nine units, weight 1: A owns 0–3, B 4–5, C 6–8. A is one hour over its band, B sits
  // at its upper end, C has an hour of room: only A → B → C closes the gap.
  const up = stripProblem({ cols: 9, rows: 1, anchors: [0, 4, 8], bands: [[2, 3], [1, 2], [3, 4]] });
  const start = Int32Array.from([0, 0, 0, 0, 1, 1, 2, 2, 2]);

  it("pass an overload through a rep at its band's edge to one with room, every territory staying connected", () => {
    const part = createPartition(up, start);
    expect(totalViolation(part, up)).toBe(1);
    expect(repairBandsByChains(up, part, createTarjanScratch(up.U))).toBe(1);
    expect(totalViolation(part, up)).toBe(0);
    expect(Array.from(part.load)).toEqual([3, 2, 4]);
    expect(territoriesConnected(up, part.owner)).toBe(true);
  });

  it("pull a missing hour through a full rep from the one with a surplus", () => {
    // Mirror image: C is an hour short, B full, A has an hour to spare.
    const short = stripProblem({ cols: 9, rows: 1, anchors: [0, 4, 8], bands: [[3, 4], [2, 2], [3, 4]] });
    const part = createPartition(short, Int32Array.from([0, 0, 0, 0, 1, 1, 1, 2, 2]));
    expect(Array.from(part.load)).toEqual([4, 3, 2]);
    repairBandsByChains(short, part, createTarjanScratch(short.U));
    expect(totalViolation(part, short)).toBe(0);
    expect(territoriesConnected(short, part.owner)).toBe(true);
  });

  it("leave a plan alone when every rep is inside its band", () => {
    const inside = stripProblem({ cols: 9, rows: 1, anchors: [0, 4, 8], bands: [[3, 4], [1, 2], [2, 3]] });
    const part = createPartition(inside, start);
    expect(repairBandsByChains(inside, part, createTarjanScratch(inside.U))).toBe(0);
    expect(Array.from(part.owner)).toEqual(Array.from(start));
  });

  it("never move a pinned unit", () => {
    // Unit 3 (A's only unit next to B) pinned to A: no chain can start there, so nothing moves.
    const pinned = { ...up, pin: Int32Array.from(up.pin, (p, u) => (u === 3 ? 0 : p)) };
    const part = createPartition(pinned, start);
    expect(repairBandsByChains(pinned, part, createTarjanScratch(pinned.U))).toBe(0);
    expect(part.owner[3]).toBe(0);
  });
});

describe("annealed ReCom", () => {
  // 2 × 6 strip, anchors in opposite corners, bands of exactly six units each. The start splits
  // the strip into its two rows: every single boundary move breaks a band, so the boundary search
  // is stuck there, while the split into left and right halves is much cheaper.
  const up = stripProblem({ cols: 6, rows: 2, anchors: [0, 11], bands: [[6, 6], [6, 6]] });
  const rows = Int32Array.from({ length: 12 }, (_, u) => (u < 6 ? 0 : 1));
  const mu0 = 4;

  it("leaves the local optimum of single boundary moves for a cheaper plan inside the bands", () => {
    const stuck = createPartition(up, rows);
    improveBoundary(up, stuck, { mu: 1000 * mu0, pull: 0 }, createRandom(1), never, createTarjanScratch(up.U), stats());
    expect(Array.from(stuck.owner)).toEqual(Array.from(rows));
    const result = anneal(up, rows, mu0, 400, never, tools(up));
    expect(result.violation).toBe(0);
    expect(result.cost).toBeLessThan(planCost(up, rows));
    expect(result.cost).toBe(planCost(up, result.owner));
    expect(territoriesConnected(up, result.owner)).toBe(true);
  });

  it("never returns a plan worse than its start, and keeps pins", () => {
    const random = createRandom(5);
    const bands: [number, number][] = [[5, 9], [5, 9], [5, 9]];
    const grid = stripProblem({ cols: 7, rows: 3, anchors: [0, 10, 20], bands, weight: Array.from({ length: 21 }, () => 1 + Math.floor(random() * 2)) });
    const start = Int32Array.from({ length: 21 }, (_, u) => (u % 7 < 2 ? 0 : u % 7 < 5 ? 1 : 2));
    const before = createPartition(grid, start);
    for (let seed = 1; seed <= 5; seed++) {
      const result = anneal(grid, start, mu0, 300, never, tools(grid, seed));
      expect(result.violation).toBeLessThanOrEqual(totalViolation(before, grid));
      if (totalViolation(before, grid) === 0) expect(result.cost).toBeLessThanOrEqual(before.cost);
      expect(territoriesConnected(grid, result.owner)).toBe(true);
      for (let r = 0; r < grid.m; r++) expect(result.owner[grid.anchor[r]]).toBe(r);
    }
  });

  it("is deterministic for a seed", () => {
    const a = anneal(up, rows, mu0, 200, never, tools(up, 3));
    const b = anneal(up, rows, mu0, 200, never, tools(up, 3));
    expect(Array.from(a.owner)).toEqual(Array.from(b.owner));
  });
});

describe("travel along the unit graph", () => {
  // 5 × 3 grid with a lake in column 2, rows 0–1: the only way across is row 2.
  const lake = (c: number, r: number) => c === 2 && r < 2;
  const units = gridUnits(5, 3, { skip: lake });
  const accounts = units.features.map((f, i) => {
    const [, c, r] = /^c(\d+)r(\d+)$/.exec(String(f.id))!.map(Number);
    return { id: `a${i}`, location: cellCentre(c, r), workload: 2 };
  });
  const problem: Problem = { accounts, reps: [{ id: "west", home: cellCentre(0, 0), capacity: 100 }], units };
  const options = resolveOptions({ contiguity: true });
  const prepared = prepareUnits(problem, options);
  const { up, p } = prepared;
  const minutesPerKm = (options.travel.circuity / options.travel.speedKmh) * 60;
  const graphCost = graphTravelCost(up, p.repLng, p.repLat, minutesPerKm);
  const unit = (id: string) => prepared.units.map.ids.indexOf(id);
  const km = (a: [number, number], b: [number, number]) => haversineKm(a[0], a[1], b[0], b[1]);

  it("goes around the lake where the straight line crosses it", () => {
    const across = unit("c3r0");
    // Around the lake: down two cells, right three, up two (centre to centre).
    const path: [number, number][] = [[0, 0], [0, 1], [0, 2], [1, 2], [2, 2], [3, 2], [3, 1], [3, 0]];
    let around = 0;
    for (let i = 1; i < path.length; i++) around += km(cellCentre(...path[i - 1]), cellCentre(...path[i]));
    const straight = km(cellCentre(0, 0), cellCentre(3, 0));
    expect(graphCost[across] / up.cost[across]).toBeCloseTo(around / straight, 6);
    expect(around / straight).toBeGreaterThan(2);
  });

  it("matches straight-line travel where nothing is in the way", () => {
    const near = unit("c1r0");
    expect(graphCost[near]).toBeCloseTo(up.cost[near], 6);
  });

  it("costs nothing extra in the rep's own home unit (the home is at its centre)", () => {
    expect(graphCost[unit("c0r0")]).toBeCloseTo(0, 9);
  });
});
