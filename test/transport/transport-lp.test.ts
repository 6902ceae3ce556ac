import highsLoader from "highs";
import { beforeAll, describe, expect, it } from "vitest";
import { artificialHours } from "../../src/solvers/transport/column-generation.js";
import { addTransportArc, buildTransportLp, solveTransportLp, transportValue, type TransportInput } from "../../src/solvers/transport/transport-lp.js";
import { changeArcCosts } from "../../src/solvers/transport/simplex-basis.js";
import { createRandom } from "../../src/util/random.js";

type Highs = Awaited<ReturnType<typeof highsLoader>>;
let highs: Highs;
beforeAll(async () => {
  highs = await highsLoader();
});

/** A random transportation instance: S supply nodes, m reps, a band of ±`band` around equal shares. */
function randomInstance(seed: number, S: number, m: number, band: number, density: number): TransportInput {
  const random = createRandom(seed);
  const supply = Float64Array.from({ length: S }, () => Math.floor(random() * 20) + 1 + random());
  const total = supply.reduce((a, b) => a + b, 0);
  const share = Float64Array.from({ length: m }, () => 1 + random());
  const shareSum = share.reduce((a, b) => a + b, 0);
  const lower = share.map((c) => ((total * c) / shareSum) * (1 - band));
  const upper = share.map((c) => ((total * c) / shareSum) * (1 + band));
  const start = [0];
  const rep: number[] = [];
  const cost: number[] = [];
  for (let i = 0; i < S; i++) {
    for (let j = 0; j < m; j++) {
      if (random() < density || j === i % m) {
        rep.push(j);
        cost.push(Math.round(random() * 100_000) / 1000);
      }
    }
    start.push(rep.length);
  }
  return { supply, lower, upper, arcStart: Int32Array.from(start), arcRep: Int32Array.from(rep), arcCost: Float64Array.from(cost) };
}

/** The same LP through HiGHS (rows: one equality per supply node, one band row per rep). */
function solveWithHighs(t: TransportInput): { status: string; value: number } {
  const S = t.supply.length;
  const m = t.lower.length;
  const arcs = t.arcRep.length;
  const starts = new Int32Array(arcs + 1);
  const indices = new Int32Array(2 * arcs);
  const values = new Float64Array(2 * arcs).fill(1);
  for (let i = 0; i < S; i++) {
    for (let e = t.arcStart[i]; e < t.arcStart[i + 1]; e++) {
      indices[2 * e] = i;
      indices[2 * e + 1] = S + t.arcRep[e];
      starts[e + 1] = 2 * e + 2;
    }
  }
  const rowLower = Float64Array.from([...t.supply, ...t.lower]);
  const rowUpper = Float64Array.from([...t.supply, ...t.upper]);
  return highs.withModel(
    {
      numCols: arcs,
      numRows: S + m,
      colCost: t.arcCost,
      colLower: new Float64Array(arcs),
      colUpper: new Float64Array(arcs).fill(highs.infinity),
      rowLower,
      rowUpper,
      matrix: { format: "csc", numRows: S + m, numCols: arcs, starts, indices, values },
    },
    (model) => {
      model.options.set({ output_flag: false });
      model.run();
      return { status: String(model.getModelStatus()), value: model.getObjectiveValue() };
    },
  );
}

/** Supply nodes whose flow goes to more than one rep. */
function splitCount(lp: ReturnType<typeof buildTransportLp>): number {
  const s = lp.simplex;
  const positive = new Int32Array(lp.supplyCount);
  for (let e = s.nodeCount + lp.repCount; e < s.arcCount; e++) if (s.flow[e] > 0) positive[s.source[e]]++;
  return positive.filter((c) => c > 1).length;
}

describe("transportation LP (network simplex)", () => {
  it("reaches the same optimum as HiGHS on 120 random instances, cold and from a crash basis", () => {
    let compared = 0;
    for (let seed = 1; seed <= 120; seed++) {
      const S = 5 + ((seed * 7) % 50);
      const m = 2 + ((seed * 3) % 10);
      const t = randomInstance(seed, S, m, [0, 0.02, 0.1, 0.5][seed % 4], 0.3 + (seed % 5) / 10);
      const start = seed % 2 === 0 ? Int32Array.from({ length: S }, (_, i) => t.arcRep[t.arcStart[i]]) : undefined;
      const lp = buildTransportLp({ ...t, start });
      expect(solveTransportLp(lp)).toBe("optimal");
      const reference = solveWithHighs(t);
      if (artificialHours(lp) > 0) {
        expect(reference.status.toLowerCase()).not.toContain("optimal");
        continue;
      }
      compared++;
      expect(Math.abs(transportValue(lp) - reference.value)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(reference.value)));
    }
    expect(compared).toBeGreaterThan(60);
  });

  it("reaches the same optimum as HiGHS on larger instances, where split supply nodes join and leave the tree's core", () => {
    for (let seed = 1; seed <= 6; seed++) {
      const S = 1500 + 300 * seed;
      const m = 10 + 7 * seed;
      const t = randomInstance(100 + seed, S, m, [0.01, 0.05, 0.2][seed % 3], 0.05 + (seed % 3) * 0.05);
      const start = seed % 2 === 0 ? Int32Array.from({ length: S }, (_, i) => t.arcRep[t.arcStart[i]]) : undefined;
      const lp = buildTransportLp({ ...t, start });
      expect(solveTransportLp(lp)).toBe("optimal");
      if (artificialHours(lp) > 0) continue;
      const reference = solveWithHighs(t);
      expect(Math.abs(transportValue(lp) - reference.value)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(reference.value)));
    }
  });

  it("splits at most m − 1 supply nodes between reps (a vertex solution)", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const m = 3 + (seed % 12);
      const t = randomInstance(seed, 200, m, 0.05, 0.6);
      const lp = buildTransportLp(t);
      solveTransportLp(lp);
      if (artificialHours(lp) > 0) continue;
      expect(splitCount(lp)).toBeLessThanOrEqual(m - 1);
    }
  });

  it("keeps its optimum when supply nodes or reps are permuted", () => {
    const t = randomInstance(99, 80, 7, 0.05, 0.7);
    const base = buildTransportLp(t);
    solveTransportLp(base);
    const S = t.supply.length;
    const order = Array.from({ length: S }, (_, i) => S - 1 - i);
    const repOrder = [3, 6, 0, 5, 1, 4, 2];
    const inverse = repOrder.map((_, j) => repOrder.indexOf(j));
    const start = [0];
    const rep: number[] = [];
    const cost: number[] = [];
    for (const i of order) {
      for (let e = t.arcStart[i]; e < t.arcStart[i + 1]; e++) {
        rep.push(inverse[t.arcRep[e]]);
        cost.push(t.arcCost[e]);
      }
      start.push(rep.length);
    }
    const permuted = buildTransportLp({
      supply: Float64Array.from(order.map((i) => t.supply[i])),
      lower: Float64Array.from(repOrder.map((j) => t.lower[j])),
      upper: Float64Array.from(repOrder.map((j) => t.upper[j])),
      arcStart: Int32Array.from(start),
      arcRep: Int32Array.from(rep),
      arcCost: Float64Array.from(cost),
    });
    solveTransportLp(permuted);
    expect(transportValue(permuted)).toBeCloseTo(transportValue(base), 6);
  });

  it("keeps its optimum when a band that does not bind is widened", () => {
    const t = randomInstance(5, 60, 5, 0.5, 0.8);
    const lp = buildTransportLp(t);
    solveTransportLp(lp);
    const load = new Float64Array(5);
    const s = lp.simplex;
    for (let e = s.nodeCount + lp.repCount; e < s.arcCount; e++) load[s.target[e] - lp.supplyCount] += s.flow[e] / lp.unitsPerHour;
    const slack = Array.from(load, (x, j) => x > t.lower[j] + 1e-6 && x < t.upper[j] - 1e-6);
    const j = slack.indexOf(true);
    expect(j).toBeGreaterThanOrEqual(0);
    const wider = buildTransportLp({ ...t, lower: t.lower.map((x, k) => (k === j ? x * 0.5 : x)), upper: t.upper.map((x, k) => (k === j ? x * 1.5 : x)) });
    solveTransportLp(wider);
    expect(transportValue(wider)).toBeCloseTo(transportValue(lp), 6);
  });

  it("never raises its optimum when a rep is added", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const t = randomInstance(seed, 50, 6, 0.1, 0.6);
      const lp = buildTransportLp(t);
      solveTransportLp(lp);
      if (artificialHours(lp) > 0) continue;
      const random = createRandom(1000 + seed);
      const start = [0];
      const rep: number[] = [];
      const cost: number[] = [];
      for (let i = 0; i < t.supply.length; i++) {
        for (let e = t.arcStart[i]; e < t.arcStart[i + 1]; e++) {
          rep.push(t.arcRep[e]);
          cost.push(t.arcCost[e]);
        }
        rep.push(6);
        cost.push(Math.round(random() * 100_000) / 1000);
        start.push(rep.length);
      }
      const more = buildTransportLp({
        supply: t.supply,
        lower: Float64Array.from([...t.lower, 0]),
        upper: Float64Array.from([...t.upper, 50]),
        arcStart: Int32Array.from(start),
        arcRep: Int32Array.from(rep),
        arcCost: Float64Array.from(cost),
      });
      solveTransportLp(more);
      expect(transportValue(more)).toBeLessThanOrEqual(transportValue(lp) * (1 + 1e-12) + 1e-9);
    }
  });

  it("leaves flow on artificial arcs when the bands cannot be met", () => {
    const t = randomInstance(3, 20, 4, 0.05, 1);
    const lp = buildTransportLp({ ...t, lower: t.lower.map((x) => x * 1.5), upper: t.upper.map((x) => x * 1.5) });
    solveTransportLp(lp);
    expect(artificialHours(lp)).toBeGreaterThan(0);
  });

  it("prices by rep pairs exactly: a scan of every arc finds nothing the pair search missed, also after arcs are appended", () => {
    let solves = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const m = 2 + ((seed * 5) % 25);
      // Pair pricing runs with at least four supply nodes per hub (reps, sink, root).
      const S = 4 * (m + 2) + ((seed * 37) % 400);
      const t = randomInstance(500 + seed, S, m, [0.01, 0.05, 0.2][seed % 3], 0.1 + (seed % 4) / 10);
      const start = seed % 2 === 0 ? Int32Array.from({ length: S }, (_, i) => t.arcRep[t.arcStart[i]]) : undefined;
      const lp = buildTransportLp({ ...t, start });
      expect(solveTransportLp(lp)).toBe("optimal");
      const random = createRandom(seed);
      for (let k = 0; k < 30; k++) addTransportArc(lp, Math.floor(random() * S), Math.floor(random() * m), random() * 20);
      expect(solveTransportLp(lp)).toBe("optimal");
      expect(lp.simplex.pairs).toBeDefined();
      expect(lp.simplex.pairs?.misses).toBe(0);
      solves += 2;
    }
    expect(solves).toBe(120);
  });

  it("prices by rep pairs exactly after arc costs change in place (tree arcs among them), with the same optimum as HiGHS", () => {
    for (let seed = 1; seed <= 24; seed++) {
      const m = 2 + ((seed * 7) % 15);
      const S = 4 * (m + 2) + ((seed * 53) % 300);
      const t = randomInstance(900 + seed, S, m, [0.02, 0.1, 0.3][seed % 3], 0.2 + (seed % 3) / 10);
      const lp = buildTransportLp(t);
      expect(solveTransportLp(lp)).toBe("optimal");
      expect(lp.simplex.pairs).toBeDefined();
      const random = createRandom(seed);
      const cost = Float64Array.from(t.arcCost);
      // Candidate arc k is simplex arc nodeCount + m + k (after the reps' arcs to the sink).
      const first = lp.simplex.nodeCount + m;
      for (let round = 0; round < 4; round++) {
        const picked = Array.from({ length: cost.length }, (_, k) => k).filter(() => random() < 0.3);
        const costs = Float64Array.from(picked, () => Math.round(random() * 100_000) / 1000);
        picked.forEach((k, i) => (cost[k] = costs[i]));
        changeArcCosts(lp.simplex, Int32Array.from(picked, (k) => first + k), costs);
        expect(solveTransportLp(lp)).toBe("optimal");
        expect(lp.simplex.pairs?.misses).toBe(0);
        const reference = solveWithHighs({ ...t, arcCost: cost });
        expect(Math.abs(transportValue(lp) - reference.value), `seed ${seed} round ${round}`).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(reference.value)));
      }
    }
  });

  it("prices by rep pairs through a map when there are more reps than the dense pair table holds, with the same optimum as HiGHS", () => {
    // Every rep takes 0 to 3 shares, so any spread of the supply fits; three random reps per node.
    const random = createRandom(77);
    const S = 20_000, m = 4200;
    const supply = Float64Array.from({ length: S }, () => 1 + Math.floor(random() * 5));
    const share = supply.reduce((a, b) => a + b, 0) / m;
    const rep: number[] = [];
    const cost: number[] = [];
    const start = [0];
    for (let i = 0; i < S; i++) {
      for (let q = 0; q < 3; q++) {
        rep.push(Math.floor(random() * m));
        cost.push(Math.round(random() * 100_000) / 1000);
      }
      start.push(rep.length);
    }
    const t: TransportInput = { supply, lower: new Float64Array(m), upper: new Float64Array(m).fill(3 * share + 5), arcStart: Int32Array.from(start), arcRep: Int32Array.from(rep), arcCost: Float64Array.from(cost) };
    const lp = buildTransportLp(t);
    expect(solveTransportLp(lp)).toBe("optimal");
    expect(lp.simplex.pairs?.bucketOfKey).toBeDefined();
    expect(lp.simplex.pairs?.misses).toBe(0);
    expect(artificialHours(lp)).toBe(0);
    const reference = solveWithHighs(t);
    expect(Math.abs(transportValue(lp) - reference.value)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(reference.value)));
  });
});
