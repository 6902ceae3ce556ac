import type { GapArcs } from "./gap-arcs.js";

/** A GAP restricted to some agents and the jobs they hold, with maps back to the full arcs. */
export interface SubProblem {
  readonly arcs: GapArcs;
  /** Full job index of each sub job. */
  readonly job: Int32Array;
  /** Full arc index of each sub arc. */
  readonly arc: Int32Array;
  /** Current arc (sub index) of each sub job: the incumbent restricted to the sub-problem. */
  readonly current: Int32Array;
}

/**
 * The jobs currently at `agents`, allowed only on arcs to those agents (and, when given, only on
 * arcs with `allowed[e] = 1`), with those agents' full capacities. Every other job stays put, so
 * any feasible sub-assignment combines with them into a feasible full one. Agents are re-indexed
 * 0..k−1 in the order given.
 */
export function extractSubProblem(arcs: GapArcs, arcOfJob: Int32Array, agents: readonly number[], members: readonly (readonly number[])[], allowed?: Uint8Array): SubProblem {
  const local = new Map<number, number>();
  agents.forEach((i, k) => local.set(i, k));
  const jobs: number[] = [];
  for (const i of agents) for (const j of members[i]) jobs.push(j);
  jobs.sort((x, y) => x - y);
  const start = new Int32Array(jobs.length + 1);
  const agentList: number[] = [];
  const costList: number[] = [];
  const resourceList: number[] = [];
  const arcList: number[] = [];
  const current = new Int32Array(jobs.length);
  jobs.forEach((j, t) => {
    const items: { k: number; e: number }[] = [];
    for (let e = arcs.start[j]; e < arcs.start[j + 1]; e++) {
      const k = local.get(arcs.agent[e]);
      if (k === undefined) continue;
      if (allowed && !allowed[e] && e !== arcOfJob[j]) continue;
      items.push({ k, e });
    }
    items.sort((x, y) => x.k - y.k);
    for (const { k, e } of items) {
      if (e === arcOfJob[j]) current[t] = agentList.length;
      agentList.push(k);
      costList.push(arcs.cost[e]);
      resourceList.push(arcs.resource[e]);
      arcList.push(e);
    }
    start[t + 1] = agentList.length;
  });
  const m = agents.length;
  return {
    arcs: {
      m,
      n: jobs.length,
      start,
      agent: Int32Array.from(agentList),
      cost: Float64Array.from(costList),
      resource: Float64Array.from(resourceList),
      capacity: Float64Array.from(agents, (i) => arcs.capacity[i]),
      minLoad: Float64Array.from(agents, (i) => arcs.minLoad[i]),
      complete: agentList.length === m * jobs.length,
    },
    job: Int32Array.from(jobs),
    arc: Int32Array.from(arcList),
    current,
  };
}
