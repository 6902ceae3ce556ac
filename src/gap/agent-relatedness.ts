import type { CandidateLists } from "./candidate-lists.js";
import type { GapArcs } from "./gap-arcs.js";

/**
 * For each agent, the agents it competes with most, best first: h is related to i by the number
 * of jobs that list both among their candidate arcs. Agents `related[start[i]] .. related[start[i
 * + 1] − 1]`, at most `limit` per agent.
 */
export interface AgentRelatedness {
  readonly start: Int32Array;
  readonly related: Int32Array;
}

/** Candidates per job that count toward relatedness. */
const TOP = 4;

export function relateAgents(arcs: GapArcs, lists: CandidateLists, limit: number): AgentRelatedness {
  const { m, n } = arcs;
  const counts: Map<number, number>[] = Array.from({ length: m }, () => new Map());
  for (let j = 0; j < n; j++) {
    // Only each job's few best candidates count: they are where competition happens.
    const end = Math.min(lists.start[j + 1], lists.start[j] + TOP);
    for (let s = lists.start[j]; s < end; s++) {
      const i = arcs.agent[lists.arc[s]];
      for (let t = lists.start[j]; t < end; t++) {
        const h = arcs.agent[lists.arc[t]];
        if (h !== i) counts[i].set(h, (counts[i].get(h) ?? 0) + 1);
      }
    }
  }
  const start = new Int32Array(m + 1);
  const out: number[] = [];
  for (let i = 0; i < m; i++) {
    const ranked = [...counts[i].entries()].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, limit);
    for (const [h] of ranked) out.push(h);
    start[i + 1] = out.length;
  }
  return { start, related: Int32Array.from(out) };
}
