import type { GapArcs } from "./gap-arcs.js";

/**
 * The arcs the local search may use: for each job its `k` arcs of lowest LP reduced cost (all of
 * them when it has fewer), plus, per agent, the jobs that list it, so a change at an agent can
 * wake exactly the jobs it affects.
 */
export interface CandidateLists {
  /** Candidate arcs of job j are `arc[start[j]] .. arc[start[j + 1] - 1]`, by reduced cost. */
  readonly start: Int32Array;
  readonly arc: Int32Array;
  /** 1 when the arc is a candidate; length = number of arcs. */
  readonly isCandidate: Uint8Array;
  /** Jobs listing agent i are `job[agentStart[i]] .. job[agentStart[i + 1] - 1]`. */
  readonly agentStart: Int32Array;
  readonly job: Int32Array;
}

/**
 * Keeps the `k` arcs of lowest `rank` (e.g. reduced cost) per job, ties by arc index; arcs marked
 * in `excluded` are left out.
 */
export function buildCandidateLists(arcs: GapArcs, rank: Float64Array, k: number, excluded?: Uint8Array): CandidateLists {
  const { n, m } = arcs;
  const start = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) {
    let usable = 0;
    for (let e = arcs.start[j]; e < arcs.start[j + 1]; e++) if (!excluded || !excluded[e]) usable++;
    start[j + 1] = start[j] + Math.min(k, usable);
  }
  const arc = new Int32Array(start[n]);
  const isCandidate = new Uint8Array(arcs.agent.length);
  const perAgent = new Int32Array(m + 1);
  const order: number[] = [];
  for (let j = 0; j < n; j++) {
    order.length = 0;
    for (let e = arcs.start[j]; e < arcs.start[j + 1]; e++) if (!excluded || !excluded[e]) order.push(e);
    order.sort((x, y) => rank[x] - rank[y] || x - y);
    for (let t = 0; t < start[j + 1] - start[j]; t++) {
      arc[start[j] + t] = order[t];
      isCandidate[order[t]] = 1;
      perAgent[arcs.agent[order[t]] + 1]++;
    }
  }
  for (let i = 0; i < m; i++) perAgent[i + 1] += perAgent[i];
  const agentStart = Int32Array.from(perAgent);
  const fill = Int32Array.from(perAgent.subarray(0, m));
  const job = new Int32Array(start[n]);
  for (let j = 0; j < n; j++) {
    for (let t = start[j]; t < start[j + 1]; t++) job[fill[arcs.agent[arc[t]]]++] = j;
  }
  return { start, arc, isCandidate, agentStart, job };
}
