import type { CandidateLists } from "./candidate-lists.js";
import { createElitePool, offerElite, type ElitePool } from "./elite-pool.js";
import type { GapArcs } from "./gap-arcs.js";
import { createCycleWork, type CycleWork } from "./cyclic-exchange.js";
import { createJobQueue, createOutCache, descend, enqueue, type JobQueue, type OutCache } from "./local-search.js";
import { createSearchState, moveJob, resetTo, totalViolation, violationAt, type SearchState } from "./search-state.js";

/** Tuning of the metaheuristic (defaults chosen on the public instances' sizes, not per instance). */
export const SEARCH_DEFAULTS = {
  /** Descents per oscillation phase. */
  rounds: 25,
  /** Weight growth of a violated agent after a descent. */
  increase: 0.3,
  /** Weight decay of every agent after a descent that ends feasible. */
  decrease: 0.1,
  /** Distinct feasible assignments kept for path relinking. */
  eliteSize: 10,
  /** Longest cyclic exchange tried (jobs on the cycle); 0 turns them off. */
  cycleLength: 5,
  /** Edge evaluations per cyclic-exchange search from one job. */
  cycleBudget: 2000,
  /** Intermediate points of a relinking path where an oscillation phase starts. */
  checkpoints: 4,
  /** Share of jobs moved at random when restarting from an elite assignment. */
  kick: 0.05,
} as const;

/**
 * A running search: the current assignment and penalty weights, the best feasible assignment,
 * and the elite pool. It lives across calls to `runSearch`, so a caller can interleave bounding
 * and fixing with search and then narrow the candidate lists.
 */
export interface SearchSession {
  readonly arcs: GapArcs;
  lists: CandidateLists;
  readonly state: SearchState;
  readonly queue: JobQueue;
  readonly cache: OutCache;
  readonly cycles: CycleWork;
  readonly elite: ElitePool;
  readonly random: () => number;
  readonly best: Int32Array;
  bestCost: number;
  /** Descents done so far (the unit of `maxRounds`). */
  rounds: number;
}

export function createSearchSession(arcs: GapArcs, lists: CandidateLists, start: Int32Array, weight: Float64Array, random: () => number): SearchSession {
  return {
    arcs,
    lists,
    state: createSearchState(arcs, start, weight),
    queue: createJobQueue(arcs.n),
    cache: createOutCache(arcs.n),
    cycles: createCycleWork(arcs.m, SEARCH_DEFAULTS.cycleLength + 1),
    elite: createElitePool(SEARCH_DEFAULTS.eliteSize),
    random,
    best: new Int32Array(arcs.n),
    bestCost: Infinity,
  rounds: 0,
  };
}

/** Options of `runSearch`. */
export interface RunOptions {
  readonly stopped: () => boolean;
  /** Stop after this many descents in total (for reproducible runs). */
  readonly maxRounds?: number;
  /** Double shifts in the descent. Default true. */
  readonly chains?: boolean;
  /** Called with each new best feasible assignment. */
  readonly onImprove?: (arcOfJob: Int32Array, cost: number) => void;
  /** Stop once the best cost is at most this (e.g. a proven bound). */
  readonly target?: number;
  /** Stop after this many descents in a row without a new best. Default unlimited. */
  readonly idleRounds?: number;
}

/**
 * Strategic oscillation with path relinking (after Yagiura, Ibaraki & Glover's TS-EC and PREC):
 * descents on the penalised cost alternate with weight updates that push violated agents back to
 * feasibility and let feasible ones drift, so the search crosses the feasibility boundary; once
 * the elite pool holds two assignments, paths between elite pairs are walked (each step moves the
 * job whose move toward the guide costs least) and oscillation restarts from points on the path.
 */
export function runSearch(session: SearchSession, options: RunOptions): void {
  const { arcs, state, elite, random } = session;
  const chains = options.chains ?? true;
  let lastGain = session.rounds;
  const done = (): boolean =>
    options.stopped() ||
    (options.maxRounds !== undefined && session.rounds >= options.maxRounds) ||
    (options.target !== undefined && session.bestCost <= options.target) ||
    (options.idleRounds !== undefined && session.rounds - lastGain >= options.idleRounds);
  let phaseBest = Infinity;
  const phaseArcs = new Int32Array(arcs.n);
  const record = (): void => {
    if (state.cost >= phaseBest - 1e-9 * Math.max(1, Math.abs(state.cost))) return;
    if (totalViolation(state) > 0) return;
    phaseBest = state.cost;
    phaseArcs.set(state.arcOfJob);
    if (state.cost < session.bestCost - 1e-9 * Math.max(1, Math.abs(state.cost))) {
      session.bestCost = state.cost;
      session.best.set(state.arcOfJob);
      lastGain = session.rounds;
      options.onImprove?.(session.best, state.cost);
    }
  };
  const oscillate = (rounds: number): void => {
    phaseBest = Infinity;
    for (let r = 0; r < rounds && !done(); r++) {
      for (let j = 0; j < arcs.n; j++) enqueue(session.queue, j);
      session.cache.current++;
      descend(state, session.lists, session.queue, session.cache, {
        chains,
        stopped: options.stopped,
        afterMove: record,
        cycles: SEARCH_DEFAULTS.cycleLength > 2 ? { maxLength: SEARCH_DEFAULTS.cycleLength, budget: SEARCH_DEFAULTS.cycleBudget, work: session.cycles } : undefined,
      });
      record();
      session.rounds++;
      adaptWeights(state);
    }
    if (phaseBest < Infinity) offerElite(elite, phaseArcs, phaseBest);
  };

  oscillate(SEARCH_DEFAULTS.rounds);
  while (!done()) {
    if (elite.members.length >= 2 && random() < 0.7) relink(session, oscillate, done);
    else restart(session, oscillate);
  }
}

/** Largest penalty weight. */
const MAX_WEIGHT = 1e12;

/** Violated agents grow their weight; after a feasible descent every weight decays. */
function adaptWeights(state: SearchState): void {
  const { arcs, weight, load } = state;
  let feasible = true;
  for (let i = 0; i < arcs.m; i++) {
    if (violationAt(arcs, i, load[i]) > 1e-9 * Math.max(1, arcs.capacity[i])) {
      feasible = false;
      // Capped: on an instance with no feasible assignment the weights would overflow to Infinity,
      // and Infinity − Infinity move values would stall the descent.
      weight[i] = Math.min(MAX_WEIGHT, weight[i] * (1 + SEARCH_DEFAULTS.increase));
    }
  }
  if (feasible) for (let i = 0; i < arcs.m; i++) weight[i] *= 1 - SEARCH_DEFAULTS.decrease;
}

/** Walks from one elite assignment toward another, oscillating from a few points on the way. */
function relink(session: SearchSession, oscillate: (rounds: number) => void, done: () => boolean): void {
  const { arcs, state, elite, random } = session;
  const { agent, cost, resource } = arcs;
  const a = Math.floor(random() * elite.members.length);
  let b = Math.floor(random() * (elite.members.length - 1));
  if (b >= a) b++;
  const from = elite.members[a];
  const guide = elite.members[b].arcOfJob;
  const differ: number[] = [];
  for (let j = 0; j < arcs.n; j++) if (agent[from.arcOfJob[j]] !== agent[guide[j]]) differ.push(j);
  if (differ.length < 2) {
    elite.members.splice(b, 1);
    return;
  }
  resetTo(state, from.arcOfJob);
  const every = Math.max(1, Math.floor(differ.length / (SEARCH_DEFAULTS.checkpoints + 1)));
  const saved = new Int32Array(arcs.n);
  let steps = 0;
  while (differ.length > 1 && !done()) {
    let pick = 0;
    let pickDelta = Infinity;
    for (let t = 0; t < differ.length; t++) {
      const j = differ[t];
      const e = guide[j];
      const old = state.arcOfJob[j];
      const i = agent[old];
      const h = agent[e];
      const delta =
        cost[e] - cost[old] +
        state.weight[i] * (violationAt(arcs, i, state.load[i] - resource[old]) - violationAt(arcs, i, state.load[i])) +
        state.weight[h] * (violationAt(arcs, h, state.load[h] + resource[e]) - violationAt(arcs, h, state.load[h]));
      if (delta < pickDelta) {
        pickDelta = delta;
        pick = t;
      }
    }
    const j = differ[pick];
    moveJob(state, j, guide[j]);
    differ[pick] = differ[differ.length - 1];
    differ.pop();
    if (++steps % every === 0 && differ.length > 1) {
      saved.set(state.arcOfJob);
      oscillate(SEARCH_DEFAULTS.rounds);
      resetTo(state, saved);
    }
  }
}

/** Restarts from a random elite assignment (or the current one) with a few random moves. */
function restart(session: SearchSession, oscillate: (rounds: number) => void): void {
  const { arcs, state, elite, random, lists } = session;
  const base = elite.members.length > 0 ? elite.members[Math.floor(random() * elite.members.length)].arcOfJob : state.arcOfJob;
  const next = Int32Array.from(base);
  const kicks = Math.max(2, Math.round(SEARCH_DEFAULTS.kick * arcs.n));
  for (let r = 0; r < kicks; r++) {
    const j = Math.floor(random() * arcs.n);
    const width = lists.start[j + 1] - lists.start[j];
    if (width > 0) next[j] = lists.arc[lists.start[j] + Math.floor(random() * width)];
  }
  resetTo(state, next);
  oscillate(SEARCH_DEFAULTS.rounds);
}
