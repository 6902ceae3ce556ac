import type { AgentArcs } from "./agent-arcs.js";
import type { GapArcs } from "./gap-arcs.js";
import { fixByReducedCosts } from "./reduced-cost-fixing.js";

/** Arcs still usable after fixing against an incumbent. */
export interface Narrowing {
  /** 1 = the arc cannot be in a solution cheaper than the incumbent. */
  readonly excluded: Uint8Array;
  /** 1 − excluded. */
  readonly allowed: Uint8Array;
  /** Usable arcs in total. */
  readonly alive: number;
  /** No solution cheaper than the incumbent exists: the incumbent is optimal. */
  readonly exhausted: boolean;
}

/**
 * Runs reduced-cost fixing with the knapsack multipliers against `threshold` (the incumbent minus
 * one step) and summarises what is left. Exact knapsack re-solves are used on small instances
 * only (they cost one knapsack per arc).
 */
export function narrow(
  arcs: GapArcs,
  byAgent: AgentArcs,
  lambda: Float64Array,
  bound: number,
  threshold: number,
  stopped: () => boolean,
): Narrowing {
  const excluded = new Uint8Array(arcs.agent.length);
  const outcome = fixByReducedCosts(arcs, byAgent, lambda, bound, threshold, excluded, arcs.agent.length <= 20_000, stopped);
  const allowed = new Uint8Array(excluded.length);
  let alive = 0;
  for (let e = 0; e < excluded.length; e++) {
    allowed[e] = 1 - excluded[e];
    alive += allowed[e];
  }
  return { excluded, allowed, alive, exhausted: outcome.exhausted };
}
