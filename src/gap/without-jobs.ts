import type { GapArcs } from "./gap-arcs.js";

/** The arcs restricted to jobs that have at least one arc, and which jobs were dropped. */
export function withoutJobs(arcs: GapArcs): { arcs: GapArcs; kept: number[]; missing: number[] } {
  const kept: number[] = [];
  const missing: number[] = [];
  for (let j = 0; j < arcs.n; j++) (arcs.start[j + 1] > arcs.start[j] ? kept : missing).push(j);
  if (missing.length === 0) return { arcs, kept, missing };
  const start = new Int32Array(kept.length + 1);
  kept.forEach((j, t) => (start[t + 1] = start[t] + arcs.start[j + 1] - arcs.start[j]));
  const count = start[kept.length];
  const agent = new Int32Array(count);
  const cost = new Float64Array(count);
  const resource = new Float64Array(count);
  kept.forEach((j, t) => {
    const from = arcs.start[j];
    const to = arcs.start[j + 1];
    agent.set(arcs.agent.subarray(from, to), start[t]);
    cost.set(arcs.cost.subarray(from, to), start[t]);
    resource.set(arcs.resource.subarray(from, to), start[t]);
  });
  return {
    arcs: { ...arcs, n: kept.length, start, agent, cost, resource, complete: count === kept.length * arcs.m },
    kept,
    missing,
  };
}
