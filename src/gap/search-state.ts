import type { GapArcs } from "./gap-arcs.js";

/**
 * A complete assignment (every job on one of its arcs) with agent loads, total cost and the
 * penalty weights of the strategic oscillation. Capacity and minimum-load violations are allowed
 * and priced: penalised cost = cost + Σ_i weight_i × violation_i.
 */
export interface SearchState {
  readonly arcs: GapArcs;
  /** Arc index chosen for each job; length n. */
  readonly arcOfJob: Int32Array;
  /** Σ resource at each agent; length m. */
  readonly load: Float64Array;
  /** Penalty per unit of violation at each agent; length m. */
  readonly weight: Float64Array;
  /** Jobs at each agent (unordered); `slot[j]` is j's position in its agent's list. */
  readonly members: number[][];
  readonly slot: Int32Array;
  /** Σ cost of the chosen arcs. */
  cost: number;
}

/** Builds a state from one arc per job. */
export function createSearchState(arcs: GapArcs, arcOfJob: Int32Array, weight: Float64Array): SearchState {
  const members: number[][] = Array.from({ length: arcs.m }, () => []);
  const state: SearchState = {
    arcs,
    arcOfJob: Int32Array.from(arcOfJob),
    load: new Float64Array(arcs.m),
    weight,
    members,
    slot: new Int32Array(arcs.n),
    cost: 0,
  };
  resetTo(state, arcOfJob);
  return state;
}

/** Replaces the assignment (loads, members and cost recomputed). */
export function resetTo(state: SearchState, arcOfJob: Int32Array): void {
  const { arcs } = state;
  state.arcOfJob.set(arcOfJob);
  state.load.fill(0);
  for (const list of state.members) list.length = 0;
  let cost = 0;
  for (let j = 0; j < arcs.n; j++) {
    const e = arcOfJob[j];
    const i = arcs.agent[e];
    state.load[i] += arcs.resource[e];
    state.slot[j] = state.members[i].length;
    state.members[i].push(j);
    cost += arcs.cost[e];
  }
  state.cost = cost;
}

/** Violation of agent i's constraints at load L: excess over capacity plus shortfall under minimum. */
export function violationAt(arcs: GapArcs, i: number, load: number): number {
  const over = load - arcs.capacity[i];
  if (over > 0) return over;
  const under = arcs.minLoad[i] - load;
  return under > 0 ? under : 0;
}

/** Σ_i violation_i (0 means feasible), with a relative tolerance against float noise. */
export function totalViolation(state: SearchState): number {
  const { arcs } = state;
  let total = 0;
  for (let i = 0; i < arcs.m; i++) {
    const v = violationAt(arcs, i, state.load[i]);
    if (v > 1e-9 * Math.max(1, arcs.capacity[i])) total += v;
  }
  return total;
}

/** Moves job j onto arc e (of the same job). */
export function moveJob(state: SearchState, j: number, e: number): void {
  const { arcs, members, slot } = state;
  const old = state.arcOfJob[j];
  const from = arcs.agent[old];
  const to = arcs.agent[e];
  state.load[from] -= arcs.resource[old];
  state.load[to] += arcs.resource[e];
  state.cost += arcs.cost[e] - arcs.cost[old];
  state.arcOfJob[j] = e;
  if (from === to) return;
  const list = members[from];
  const last = list.pop()!;
  if (last !== j) {
    list[slot[j]] = last;
    slot[last] = slot[j];
  }
  slot[j] = members[to].length;
  members[to].push(j);
}
