import type { UnitGraph } from "../../src/units/adjacency.js";
import type { Partition } from "../../src/solvers/contiguity/partition.js";
import type { UnitProblem } from "../../src/solvers/contiguity/unit-problem.js";

export interface StripOptions {
  cols: number;
  rows: number;
  /** Anchor unit (index `row * cols + col`) of each rep. */
  anchors: number[];
  /** Band per rep, hours: [lower, upper]. */
  bands: [number, number][];
  /** Workload per unit, hours (default 1 each). */
  weight?: number[];
}

/**
 * A hand-made unit-level problem on a cols × rows grid (rook neighbours), unit u at column
 * u % cols, row ⌊u / cols⌋. Cost of unit u with rep r: its workload × the Manhattan distance from
 * r's anchor, so a rep prefers units near its anchor. Anchors are pinned.
 */
export function stripProblem(o: StripOptions): UnitProblem {
  const U = o.cols * o.rows, m = o.anchors.length;
  const start = new Int32Array(U + 1);
  const neighbor: number[] = [];
  for (let u = 0; u < U; u++) {
    const c = u % o.cols, r = Math.floor(u / o.cols);
    if (r > 0) neighbor.push(u - o.cols);
    if (c > 0) neighbor.push(u - 1);
    if (c < o.cols - 1) neighbor.push(u + 1);
    if (r < o.rows - 1) neighbor.push(u + o.cols);
    start[u + 1] = neighbor.length;
  }
  const graph: UnitGraph = { count: U, start, neighbor: Int32Array.from(neighbor), sharedKm: new Float64Array(neighbor.length).fill(1), links: new Int32Array(0) };
  const weight = Float64Array.from(o.weight ?? new Array<number>(U).fill(1));
  const cost = new Float64Array(U * m);
  for (let u = 0; u < U; u++) {
    for (let r = 0; r < m; r++) {
      const a = o.anchors[r];
      cost[u * m + r] = weight[u] * (Math.abs((u % o.cols) - (a % o.cols)) + Math.abs(Math.floor(u / o.cols) - Math.floor(a / o.cols)));
    }
  }
  const pin = new Int32Array(U).fill(-1);
  o.anchors.forEach((a, r) => (pin[a] = r));
  return {
    U,
    m,
    graph,
    weight,
    cost,
    costWeight: Float64Array.from(weight),
    allowed: new Uint8Array(U * m).fill(1),
    pin,
    anchor: Int32Array.from(o.anchors),
    lower: Float64Array.from(o.bands, (b) => b[0]),
    upper: Float64Array.from(o.bands, (b) => b[1]),
    target: Float64Array.from(o.bands, (b) => (b[0] + b[1]) / 2),
    centroidLng: Float64Array.from({ length: U }, (_, u) => u % o.cols),
    centroidLat: Float64Array.from({ length: U }, (_, u) => Math.floor(u / o.cols)),
  };
}

/** Whether every rep's units form one connected piece holding its anchor (breadth-first search of its own). */
export function territoriesConnected(up: UnitProblem, owner: ArrayLike<number>): boolean {
  for (let r = 0; r < up.m; r++) {
    const size = Array.from(owner).filter((o) => o === r).length;
    const seen = new Set([up.anchor[r]]);
    const queue = [up.anchor[r]];
    if (owner[up.anchor[r]] !== r) return false;
    while (queue.length > 0) {
      const u = queue.pop()!;
      for (let e = up.graph.start[u]; e < up.graph.start[u + 1]; e++) {
        const v = up.graph.neighbor[e];
        if (owner[v] === r && !seen.has(v)) {
          seen.add(v);
          queue.push(v);
        }
      }
    }
    if (seen.size !== size) return false;
  }
  return true;
}

/** Σ cost of the assignment. */
export function planCost(up: UnitProblem, owner: ArrayLike<number>): number {
  let total = 0;
  for (let u = 0; u < up.U; u++) total += up.cost[u * up.m + owner[u]];
  return total;
}

/** Loads per rep of a partition, as a plain array. */
export function loadsOf(part: Partition): number[] {
  return Array.from(part.load);
}
