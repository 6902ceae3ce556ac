import type { CompiledProblem } from "../compile/compiled-problem.js";

/** Workload per rep of the plan in `assign` (rep index per account, −1: unassigned), hours. */
export function repLoads(p: CompiledProblem, assign: Int32Array): Float64Array {
  const load = new Float64Array(p.m);
  for (let a = 0; a < p.n; a++) if (assign[a] >= 0) load[assign[a]] += p.workload[a];
  return load;
}
