import type { AgentArcs } from "./agent-arcs.js";
import type { GapArcs } from "./gap-arcs.js";
import { boundByKnapsacks } from "./knapsack-lagrangian.js";
import { repairChoice } from "./lagrangian-repair.js";

/** Deepest recursion allowed; deeper nodes stay open (keeps the call stack safe). */
const MAX_DEPTH = 4000;

/** Options of `branchAndBound`. */
export interface BranchAndBoundOptions {
  /** Starting multipliers λ (e.g. from the root bound); length n. */
  readonly lambda: Float64Array;
  /** Capacity prices u (LP duals) used to rank arcs when branching; length m. */
  readonly prices: Float64Array;
  /** Best known assignment (arc per job) and its cost, if any. */
  readonly incumbent?: { readonly arcOfJob: Int32Array; readonly cost: number };
  /** Arcs excluded before the search (e.g. by reduced-cost fixing); never modified. */
  readonly excluded?: Uint8Array;
  /** Costs are integers, so a node is pruned when its bound exceeds incumbent − 1. */
  readonly integerCosts: boolean;
  /** Subgradient iterations at the root and at other nodes. Defaults 200 and 25. */
  readonly rootIterations?: number;
  readonly nodeIterations?: number;
  /** Polishes a complete assignment found at a node (e.g. local search); returns the better one. */
  readonly improve?: (arcOfJob: Int32Array) => Int32Array;
  /** Called on each new incumbent. */
  readonly onIncumbent?: (arcOfJob: Int32Array, cost: number) => void;
  /** Nodes at most (an effort limit independent of the clock). Default unlimited. */
  readonly maxNodes?: number;
  readonly stopped: () => boolean;
}

/** Outcome of `branchAndBound`. */
export interface BranchAndBoundResult {
  /** Best assignment known at the end (the incumbent passed in when nothing better was found). */
  readonly arcOfJob: Int32Array | null;
  readonly cost: number;
  /** Valid lower bound: the optimum when `complete`, else the least bound of the unexplored nodes. */
  readonly lowerBound: number;
  /** The tree was exhausted: `arcOfJob` is optimal (or, when null, no feasible assignment exists). */
  readonly complete: boolean;
  readonly nodes: number;
}

/**
 * Depth-first branch and bound on the knapsack Lagrangian bound (Fisher, Jaikumar & Van
 * Wassenhove; Posta, Ferland & Michelon): each node re-optimises λ by subgradient, warm-started
 * from its parent; repairs the knapsacks' choice into an incumbent; and branches on a job the
 * knapsacks do not cover exactly once — first "job j on arc e", then "never arc e". Exhausting the
 * tree proves optimality.
 */
export function branchAndBound(arcs: GapArcs, byAgent: AgentArcs, options: BranchAndBoundOptions): BranchAndBoundResult {
  const { n, start, agent, cost, resource, capacity } = arcs;
  const fixedArc = new Int32Array(n).fill(-1);
  const excluded = options.excluded ? Uint8Array.from(options.excluded) : new Uint8Array(agent.length);
  const room = Float64Array.from(capacity);
  const step = options.integerCosts ? 1 - 1e-6 : 1e-9;
  let best = options.incumbent ? Int32Array.from(options.incumbent.arcOfJob) : null;
  let bestCost = options.incumbent ? options.incumbent.cost : Infinity;
  let openBound = Infinity;
  let aborted = false;
  let incomplete = false;
  let nodes = 0;

  const offer = (arcOfJob: Int32Array): void => {
    const polished = options.improve ? options.improve(arcOfJob) : arcOfJob;
    const load = new Float64Array(arcs.m);
    let total = 0;
    for (let j = 0; j < n; j++) {
      load[agent[polished[j]]] += resource[polished[j]];
      total += cost[polished[j]];
    }
    for (let i = 0; i < arcs.m; i++) {
      if (load[i] > capacity[i] + 1e-9 * Math.max(1, capacity[i]) || load[i] < arcs.minLoad[i] - 1e-9 * Math.max(1, capacity[i])) return;
    }
    if (total < bestCost - 1e-9 * Math.max(1, Math.abs(total))) {
      best = Int32Array.from(polished);
      bestCost = total;
      options.onIncumbent?.(best, total);
    }
  };

  const hasMinLoad = arcs.minLoad.some((x) => x > 0);
  const missesMinLoad = (arcOfJob: Int32Array): boolean => {
    const load = new Float64Array(arcs.m);
    for (let j = 0; j < n; j++) load[agent[arcOfJob[j]]] += resource[arcOfJob[j]];
    for (let i = 0; i < arcs.m; i++) if (load[i] < arcs.minLoad[i] - 1e-9 * Math.max(1, capacity[i])) return true;
    return false;
  };

  const usable = (j: number): number => {
    let count = 0;
    for (let e = start[j]; e < start[j + 1]; e++) if (!excluded[e]) count++;
    return count;
  };

  const explore = (lambda: Float64Array, depth: number, parentBound: number): void => {
    if (aborted || options.stopped() || (options.maxNodes !== undefined && nodes >= options.maxNodes)) {
      aborted = true;
      openBound = Math.min(openBound, parentBound);
      return;
    }
    nodes++;
    const relaxed = boundByKnapsacks(arcs, byAgent, {
      start: lambda,
      fixedArc,
      excluded,
      upperBound: bestCost < Infinity ? bestCost : undefined,
      stopAbove: bestCost - step,
      iterations: depth === 0 ? (options.rootIterations ?? 200) : (options.nodeIterations ?? 25),
      stopped: options.stopped,
    });
    const nodeBound = Math.max(parentBound, relaxed.bound);
    if (nodeBound > bestCost - step) return;
    const repaired = repairChoice(arcs, relaxed.chosen, fixedArc, excluded);
    if (repaired) offer(repaired);
    if (nodeBound > bestCost - step) return;

    let branch = chooseBranch(arcs, relaxed.chosen, fixedArc, excluded, options.prices);
    // Covered once but some minimum load missed: the relaxation ignored it, so keep branching.
    if (branch < 0 && hasMinLoad && (!repaired || missesMinLoad(repaired))) branch = anyBranch(arcs, relaxed.chosen, fixedArc, excluded);
    if (branch < 0) {
      // Every free job covered once: with exact knapsacks the relaxed choice is this node's
      // optimum (offered above); with inexact ones the node stays open.
      if (!relaxed.exact) {
        incomplete = true;
        openBound = Math.min(openBound, nodeBound);
      }
      return;
    }
    if (depth >= MAX_DEPTH) {
      incomplete = true;
      openBound = Math.min(openBound, nodeBound);
      return;
    }
    const j = branch % n;
    const e = Math.floor(branch / n);
    const i = agent[e];
    if (room[i] - resource[e] >= -1e-9 * Math.max(1, capacity[i])) {
      fixedArc[j] = e;
      room[i] -= resource[e];
      explore(relaxed.lambda, depth + 1, nodeBound);
      room[i] += resource[e];
      fixedArc[j] = -1;
    }
    if (aborted) {
      openBound = Math.min(openBound, nodeBound);
      return;
    }
    excluded[e] = 1;
    if (usable(j) > 0) explore(relaxed.lambda, depth + 1, nodeBound);
    excluded[e] = options.excluded ? options.excluded[e] : 0;
  };

  for (let j = 0; j < n; j++) {
    if (usable(j) === 0) return { arcOfJob: best, cost: bestCost, lowerBound: bestCost, complete: true, nodes };
  }
  explore(options.lambda, 0, -Infinity);
  const complete = !aborted && !incomplete;
  const lowerBound = complete ? bestCost : Math.min(openBound, bestCost);
  return { arcOfJob: best, cost: bestCost, lowerBound, complete, nodes };
}

/**
 * Picks the branching decision as `arc × n + job`, or −1 when every free job is covered exactly
 * once. Among jobs covered zero or several times, the one whose smallest usable resource is
 * largest (the hardest to fit); its arc is the cheapest chosen one, or when none is chosen the one
 * of least priced cost c + u·a.
 */
function chooseBranch(arcs: GapArcs, chosen: Uint8Array, fixedArc: Int32Array, excluded: Uint8Array, prices: Float64Array): number {
  const { n, start, agent, cost, resource } = arcs;
  let bestJob = -1;
  let bestSize = -Infinity;
  for (let j = 0; j < n; j++) {
    if (fixedArc[j] >= 0) continue;
    let covered = 0;
    let smallest = Infinity;
    for (let e = start[j]; e < start[j + 1]; e++) {
      if (excluded[e]) continue;
      if (chosen[e]) covered++;
      smallest = Math.min(smallest, resource[e]);
    }
    if (covered === 1) continue;
    if (smallest > bestSize) {
      bestSize = smallest;
      bestJob = j;
    }
  }
  if (bestJob < 0) return -1;
  let pick = -1;
  let pickValue = Infinity;
  let anyChosen = false;
  for (let e = start[bestJob]; e < start[bestJob + 1]; e++) {
    if (excluded[e]) continue;
    if (chosen[e] && !anyChosen) {
      anyChosen = true;
      pick = -1;
      pickValue = Infinity;
    }
    if (anyChosen && !chosen[e]) continue;
    const value = anyChosen ? cost[e] : cost[e] + prices[agent[e]] * resource[e];
    if (value < pickValue) {
      pickValue = value;
      pick = e;
    }
  }
  return pick * n + bestJob;
}

/** A branching decision on any free job with two or more usable arcs (its chosen arc first), or −1. */
function anyBranch(arcs: GapArcs, chosen: Uint8Array, fixedArc: Int32Array, excluded: Uint8Array): number {
  const { n, start, resource } = arcs;
  let bestJob = -1;
  let bestArc = -1;
  let bestSize = -Infinity;
  for (let j = 0; j < n; j++) {
    if (fixedArc[j] >= 0) continue;
    let count = 0;
    let pick = -1;
    for (let e = start[j]; e < start[j + 1]; e++) {
      if (excluded[e]) continue;
      count++;
      if (pick < 0 || chosen[e]) pick = e;
    }
    if (count >= 2 && resource[pick] > bestSize) {
      bestSize = resource[pick];
      bestJob = j;
      bestArc = pick;
    }
  }
  return bestJob < 0 ? -1 : bestArc * n + bestJob;
}
