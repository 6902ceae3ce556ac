import type { GapArcs } from "./gap-arcs.js";

/** The arcs of each agent: `arc[start[i]] .. arc[start[i + 1] - 1]`, in job order. */
export interface AgentArcs {
  readonly start: Int32Array;
  readonly arc: Int32Array;
  /** Job of each arc (by arc index); length = number of arcs. */
  readonly jobOfArc: Int32Array;
}

/** Transposes the job-major arcs. */
export function agentArcs(arcs: GapArcs): AgentArcs {
  const { m, n } = arcs;
  const count = arcs.agent.length;
  const start = new Int32Array(m + 1);
  for (let e = 0; e < count; e++) start[arcs.agent[e] + 1]++;
  for (let i = 0; i < m; i++) start[i + 1] += start[i];
  const fill = start.slice(0, m);
  const arc = new Int32Array(count);
  const jobOfArc = new Int32Array(count);
  for (let j = 0; j < n; j++) {
    for (let e = arcs.start[j]; e < arcs.start[j + 1]; e++) {
      arc[fill[arcs.agent[e]]++] = e;
      jobOfArc[e] = j;
    }
  }
  return { start, arc, jobOfArc };
}
