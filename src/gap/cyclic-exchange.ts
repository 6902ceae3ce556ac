import type { CandidateLists } from "./candidate-lists.js";
import { arcOf } from "./gap-arcs.js";
import type { SearchState } from "./search-state.js";

/** Scratch space of `findCycle`, reused across calls. */
export interface CycleWork {
  /** Jobs on the current path and the arcs they move onto. */
  readonly jobs: Int32Array;
  readonly arcs: Int32Array;
  /** Stamp per agent: equal to `stamp` when the agent is on the current path. */
  readonly onPath: Int32Array;
  stamp: number;
}

export function createCycleWork(m: number, maxLength: number): CycleWork {
  return { jobs: new Int32Array(maxLength), arcs: new Int32Array(maxLength), onPath: new Int32Array(m), stamp: 0 };
}

/**
 * Looks for an improving cyclic exchange that starts with job `start`: jobs k1 … kL on distinct
 * agents, each k_t moving to the agent of k_{t+1} and kL to the agent of k1, so every agent on the
 * cycle gives one job and receives one (a swap is the case L = 2). The cost of "k enters agent h
 * while l leaves it" depends on that agent alone, so a cycle's penalised change is the sum of its
 * edges; depth-first search keeps only paths whose partial sum is negative, which loses no
 * improving cycle (some rotation of any negative cycle has all prefix sums negative — here the
 * search is tried from every job in turn). Writes the cycle into `work` and returns its length,
 * or 0 when none is found within `budget` edge evaluations. Only candidate arcs are used.
 */
export function findCycle(state: SearchState, lists: CandidateLists, start: number, maxLength: number, budget: number, work: CycleWork): number {
  const { arcs, load, weight, members, arcOfJob } = state;
  const { agent, cost, resource, capacity, minLoad } = arcs;
  const pen = (i: number, l: number): number => {
    const over = l - capacity[i];
    if (over > 0) return weight[i] * over;
    const under = minLoad[i] - l;
    return under > 0 ? weight[i] * under : 0;
  };
  const eps = 1e-9 * (1 + Math.abs(state.cost) / Math.max(1, arcs.n));
  const home = agent[arcOfJob[start]];
  const homeArc = arcOfJob[start];
  const homeLoad = load[home];
  const homePen = pen(home, homeLoad);
  work.stamp++;
  work.onPath[home] = work.stamp;
  work.jobs[0] = start;
  let evaluations = 0;
  let found = 0;

  // k is at depth `depth` (already on the path); try its edges into other agents.
  const extend = (k: number, depth: number, partial: number): boolean => {
    for (let t = lists.start[k]; t < lists.start[k + 1]; t++) {
      const e = lists.arc[t];
      const h = agent[e];
      if (work.onPath[h] === work.stamp) continue;
      const lh = load[h];
      const ph = pen(h, lh);
      const list = members[h];
      for (let q = 0; q < list.length; q++) {
        if (++evaluations > budget) return false;
        const l = list[q];
        const al = arcOfJob[l];
        const sum = partial + cost[e] - cost[al] + pen(h, lh + resource[e] - resource[al]) - ph;
        if (sum >= -eps) continue;
        // Close: l goes to the start's agent, replacing the start job.
        const f = arcOf(arcs, l, home);
        if (f >= 0 && lists.isCandidate[f]) {
          const total = sum + cost[f] - cost[homeArc] + pen(home, homeLoad + resource[f] - resource[homeArc]) - homePen;
          if (total < -eps) {
            work.arcs[depth] = e;
            work.jobs[depth + 1] = l;
            work.arcs[depth + 1] = f;
            found = depth + 2;
            return true;
          }
        }
        if (depth + 2 < maxLength) {
          work.onPath[h] = work.stamp;
          work.arcs[depth] = e;
          work.jobs[depth + 1] = l;
          const done = extend(l, depth + 1, sum);
          work.onPath[h] = 0;
          if (done || evaluations > budget) return done;
        }
      }
    }
    return false;
  };
  extend(start, 0, 0);
  return found;
}
