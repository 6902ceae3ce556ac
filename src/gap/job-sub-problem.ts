import type { CandidateLists } from "./candidate-lists.js";
import type { GapArcs } from "./gap-arcs.js";
import type { SubProblem } from "./sub-problem.js";

/**
 * The GAP over the chosen `jobs` only, each allowed on its candidate arcs (plus its current arc),
 * with every agent's capacity reduced by the load of the jobs that stay put. Any feasible
 * sub-assignment combines with the fixed jobs into a feasible full one. Agents keep their indices.
 */
export function extractJobSubProblem(arcs: GapArcs, arcOfJob: Int32Array, jobs: readonly number[], lists: CandidateLists): SubProblem {
  const { m, n, agent, cost, resource } = arcs;
  const free = new Uint8Array(n);
  for (const j of jobs) free[j] = 1;
  const capacity = Float64Array.from(arcs.capacity);
  const minLoad = Float64Array.from(arcs.minLoad);
  for (let j = 0; j < n; j++) {
    if (free[j]) continue;
    capacity[agent[arcOfJob[j]]] -= resource[arcOfJob[j]];
    minLoad[agent[arcOfJob[j]]] -= resource[arcOfJob[j]];
  }
  const sorted = [...jobs].sort((x, y) => x - y);
  const start = new Int32Array(sorted.length + 1);
  const arcList: number[] = [];
  const current = new Int32Array(sorted.length);
  sorted.forEach((j, t) => {
    const chosen = new Set<number>();
    for (let s = lists.start[j]; s < lists.start[j + 1]; s++) chosen.add(lists.arc[s]);
    chosen.add(arcOfJob[j]);
    const ordered = [...chosen].sort((x, y) => agent[x] - agent[y]);
    for (const e of ordered) {
      if (e === arcOfJob[j]) current[t] = arcList.length;
      arcList.push(e);
    }
    start[t + 1] = arcList.length;
  });
  const arc = Int32Array.from(arcList);
  for (let i = 0; i < m; i++) {
    capacity[i] = Math.max(0, capacity[i]);
    minLoad[i] = Math.max(0, minLoad[i]);
  }
  return {
    arcs: {
      m,
      n: sorted.length,
      start,
      agent: Int32Array.from(arc, (e) => agent[e]),
      cost: Float64Array.from(arc, (e) => cost[e]),
      resource: Float64Array.from(arc, (e) => resource[e]),
      capacity,
      minLoad,
      complete: arc.length === m * sorted.length,
    },
    job: Int32Array.from(sorted),
    arc,
    current,
  };
}
