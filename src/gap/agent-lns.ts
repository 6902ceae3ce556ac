import { agentArcs } from "./agent-arcs.js";
import type { AgentRelatedness } from "./agent-relatedness.js";
import { branchAndBound } from "./branch-and-bound.js";
import { priceCapacities } from "./capacity-lagrangian.js";
import type { GapArcs } from "./gap-arcs.js";
import { extractSubProblem } from "./sub-problem.js";

/** Limits of one large-neighbourhood sweep. */
export const LNS_DEFAULTS = {
  /** Agents freed together at first; grows by one after a sweep without improvement. */
  firstAgents: 3,
  /** Most agents freed together. */
  maxAgents: 8,
  /** Most jobs in one sub-problem (fewer agents are freed when their jobs exceed it). */
  maxJobs: 120,
  /** Branch-and-bound nodes per sub-problem. */
  maxNodes: 300,
} as const;

/** State of the agent-subset neighbourhood search across calls. */
export interface LnsState {
  /** Agents freed together in the current sweep. */
  size: number;
  /** Sweeps in a row without improvement at the largest size: the assignment is LNS-optimal. */
  exhausted: boolean;
  /** Sub-problems solved so far (the unit of effort). */
  solved: number;
}

export function createLnsState(): LnsState {
  return { size: LNS_DEFAULTS.firstAgents, exhausted: false, solved: 0 };
}

/**
 * One sweep of exact re-optimisation: for every agent in random order, frees it and its most
 * related agents (all their jobs, allowed only among those agents), solves that small GAP by
 * branch and bound from the current assignment, and keeps any improvement. A sweep without
 * improvement enlarges the next one; `exhausted` is set when the largest size fails too.
 * Updates `arcOfJob` in place; returns the total cost change (≤ 0).
 */
export function lnsSweep(
  arcs: GapArcs,
  arcOfJob: Int32Array,
  relatedness: AgentRelatedness,
  lns: LnsState,
  random: () => number,
  integerCosts: boolean,
  stopped: () => boolean,
  allowed?: Uint8Array,
): number {
  const { m, n } = arcs;
  const members: number[][] = Array.from({ length: m }, () => []);
  for (let j = 0; j < n; j++) members[arcs.agent[arcOfJob[j]]].push(j);
  const order = Array.from({ length: m }, (_, i) => i);
  for (let k = m - 1; k > 0; k--) {
    const r = Math.floor(random() * (k + 1));
    [order[k], order[r]] = [order[r], order[k]];
  }
  const size = Math.min(lns.size, m);
  let change = 0;
  for (const seed of order) {
    if (stopped()) return change;
    const agents = pickAgents(seed, size, relatedness, members, random);
    if (agents.length < 2) continue;
    const sub = extractSubProblem(arcs, arcOfJob, agents, members, allowed);
    let current = 0;
    for (let t = 0; t < sub.arcs.n; t++) current += sub.arcs.cost[sub.current[t]];
    const prices = priceCapacities(sub.arcs, { iterations: 100 });
    const result = branchAndBound(sub.arcs, agentArcs(sub.arcs), {
      lambda: prices.v,
      prices: prices.u,
      incumbent: { arcOfJob: sub.current, cost: current },
      integerCosts,
      rootIterations: 80,
      nodeIterations: 15,
      maxNodes: LNS_DEFAULTS.maxNodes,
      stopped,
    });
    lns.solved++;
    if (!result.arcOfJob || result.cost >= current - 1e-9 * Math.max(1, Math.abs(current))) continue;
    for (let t = 0; t < sub.arcs.n; t++) {
      const j = sub.job[t];
      const before = arcs.agent[arcOfJob[j]];
      arcOfJob[j] = sub.arc[result.arcOfJob[t]];
      const after = arcs.agent[arcOfJob[j]];
      if (before !== after) {
        members[before].splice(members[before].indexOf(j), 1);
        members[after].push(j);
      }
    }
    change += result.cost - current;
  }
  if (change < 0) {
    lns.size = LNS_DEFAULTS.firstAgents;
    lns.exhausted = false;
  } else if (lns.size < Math.min(LNS_DEFAULTS.maxAgents, m)) {
    lns.size++;
  } else {
    lns.exhausted = true;
  }
  return change;
}

/** The seed agent plus related agents drawn from the set's neighbours, within the job limit. */
function pickAgents(seed: number, size: number, relatedness: AgentRelatedness, members: readonly (readonly number[])[], random: () => number): number[] {
  const agents = [seed];
  let jobs = members[seed].length;
  const taken = new Set(agents);
  for (let tries = 0; agents.length < size && tries < 4 * size; tries++) {
    const from = agents[Math.floor(random() * agents.length)];
    const first = relatedness.start[from];
    const count = relatedness.start[from + 1] - first;
    if (count === 0) continue;
    // Prefer the most related: a geometric-like draw over the ranked list.
    const rank = Math.min(count - 1, Math.floor(count * random() * random()));
    const h = relatedness.related[first + rank];
    if (taken.has(h) || jobs + members[h].length > LNS_DEFAULTS.maxJobs) continue;
    taken.add(h);
    agents.push(h);
    jobs += members[h].length;
  }
  return agents;
}
