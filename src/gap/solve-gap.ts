import { createRandom } from "../util/random.js";
import { agentArcs } from "./agent-arcs.js";
import { branchAndBound } from "./branch-and-bound.js";
import { priceCapacities, reducedCosts } from "./capacity-lagrangian.js";
import { buildCandidateLists } from "./candidate-lists.js";
import { narrow, type Narrowing } from "./fixing-stage.js";
import { arcsFromInstance, type GapArcs } from "./gap-arcs.js";
import { checkGapInstance, hasIntegerCosts, type GapInstance } from "./gap-instance.js";
import type { GapOptions } from "./gap-options.js";
import type { GapResult } from "./gap-result.js";
import { improve } from "./improve-stage.js";
import { boundByKnapsacks } from "./knapsack-lagrangian.js";
import { polish } from "./polish.js";
import { createSearchSession, runSearch } from "./search.js";
import { createStopwatch, type Stopwatch } from "./stopwatch.js";
import { withoutJobs } from "./without-jobs.js";

/** Candidate arcs per job in the first search phase (by LP reduced cost). */
const FIRST_CANDIDATES = 6;
/** The first search phase ends after this many descents without a new best (then bounding starts). */
const FIRST_IDLE_ROUNDS = 100;
/** The knapsack bound runs in chunks of this many subgradient iterations, at most this many chunks. */
const BOUND_CHUNK_ITERATIONS = 40;
const BOUND_CHUNKS = 8;
/** Another chunk runs only if the last one closed at least this share of the gap to the incumbent. */
const BOUND_PROGRESS = 0.02;
/** Candidate arcs per job once fixing has removed arcs that cannot improve the incumbent. */
const NARROWED_CANDIDATES = 10;
/** Without `exact`, branch and bound runs when fixing leaves at most this many usable arcs per job. */
const SMALL_REMAINDER = 1.5;
/** Instances with at most this many arcs are always finished by branch and bound (as with `exact`). */
const SMALL_INSTANCE_ARCS = 1_000;

/**
 * Solves a GAP (minimisation). Stages, each with a share of the time limit: LP prices by
 * Lagrangian relaxation of the capacities (5 %); LP rounding and strategic-oscillation search
 * (to 15 %); the knapsack Lagrangian bound (to 30 %); reduced-cost fixing against the incumbent
 * (to 40 %); then either branch and bound, when fixing left little (it proves optimality), or the
 * improvement loop of exact agent-subset re-optimisation and oscillation with path relinking
 * (with `exact`, branch and bound takes the second half). Stops as soon as the incumbent meets
 * the bound. Deterministic for a seed unless the time limit binds; never throws for an infeasible
 * instance (it returns the least-violating assignment with `feasible: false`).
 */
export function solveGap(instance: GapInstance, options: GapOptions = {}): GapResult {
  const watch = createStopwatch(options);
  checkGapInstance(instance);
  return solveWithWatch(arcsFromInstance(instance), hasIntegerCosts(instance), options, {}, watch);
}

/** Internal observers of a solve (not part of the public options). */
export interface GapHooks {
  /** Receives the capacity prices u (LP duals) once computed, e.g. to price arcs left out. */
  readonly onPrices?: (u: Float64Array) => void;
  /** Agent per job to start the search from (a warm start, e.g. the plan of a related solve); jobs whose agent has no arc start as usual. */
  readonly start?: Int32Array;
}

/** `solveGap` on arcs (the entry used by the territory strategies, whose arcs are candidate lists). */
export function solveGapArcs(arcs: GapArcs, integerCosts: boolean, options: GapOptions = {}, hooks: GapHooks = {}): GapResult {
  return solveWithWatch(arcs, integerCosts, options, hooks, createStopwatch(options));
}

function solveWithWatch(arcs: GapArcs, integerCosts: boolean, options: GapOptions, hooks: GapHooks, watch: Stopwatch): GapResult {
  const reduced = withoutJobs(arcs);
  if (reduced.missing.length === 0) return solveComplete(arcs, integerCosts, options, watch, hooks);
  // Jobs no agent may take: solve the rest, report infeasible.
  const start = hooks.start;
  const kept = start ? { ...hooks, start: Int32Array.from(reduced.kept, (j) => start[j]) } : hooks;
  const inner = reduced.arcs.n > 0 ? solveComplete(reduced.arcs, integerCosts, options, watch, kept) : null;
  const assignment = new Int32Array(arcs.n).fill(-1);
  reduced.kept.forEach((j, t) => (assignment[j] = inner ? inner.assignment[t] : -1));
  return { status: "infeasible", assignment, objective: Infinity, lowerBound: Infinity, feasible: false, optimal: false, elapsedMs: watch.elapsedMs(), method: inner?.method ?? "none" };
}

function solveComplete(arcs: GapArcs, integerCosts: boolean, given: GapOptions, watch: Stopwatch, hooks: GapHooks): GapResult {
  const { n } = arcs;
  const options = arcs.agent.length <= SMALL_INSTANCE_ARCS && !given.searchOnly ? { ...given, exact: true } : given;
  const step = integerCosts ? 1 - 1e-6 : 1e-9 * Math.max(1, n);
  const budget = options.iterations;
  const effort = { used: 0 };
  let lowerBound = -Infinity;
  let method = "search";
  let reported = { cost: Infinity, bound: -Infinity };
  const report = (phase: string) => {
    if (session.bestCost < reported.cost || lowerBound > reported.bound) watch.improved();
    reported = { cost: session.bestCost, bound: lowerBound };
    watch.progress(phase, session.bestCost < Infinity ? session.bestCost : undefined, lowerBound > -Infinity ? lowerBound : undefined);
  };

  const prices = priceCapacities(arcs, { iterations: 1000, stopped: () => watch.stopped(0.05) });
  lowerBound = prices.bound;
  hooks.onPrices?.(prices.u);
  const rc = reducedCosts(arcs, prices);
  const lists = buildCandidateLists(arcs, rc, FIRST_CANDIDATES);
  const start = new Int32Array(n);
  for (let j = 0; j < n; j++) start[j] = lists.arc[lists.start[j]];
  const warm = hooks.start;
  for (let j = 0; warm !== undefined && j < n; j++) {
    for (let e = arcs.start[j]; e < arcs.start[j + 1]; e++) if (arcs.agent[e] === warm[j]) start[j] = e;
  }
  const session = createSearchSession(arcs, lists, start, initialWeights(arcs, prices.u), createRandom(options.seed ?? 1));
  const proven = (): boolean => session.bestCost - lowerBound <= step;
  const target = (): number => (integerCosts ? Math.ceil(lowerBound - 1e-9) : lowerBound + step);
  const onImprove = () => report("search");
  const spent = () => budget !== undefined && effort.used >= budget;

  report("search");
  if (exceedsCapacity(arcs)) {
    // No assignment fits: only reduce the violation a little, then report.
    runSearch(session, { stopped: () => watch.stopped(), maxRounds: FIRST_IDLE_ROUNDS, onImprove });
    return assemble(arcs, session.best, session.bestCost, session.state.arcOfJob, Infinity, step, integerCosts, method, watch);
  }
  if (options.searchOnly) {
    runSearch(session, { stopped: () => watch.stopped(), maxRounds: budget, idleRounds: FIRST_IDLE_ROUNDS, target: target(), onImprove });
    return assemble(arcs, session.best, session.bestCost, session.state.arcOfJob, lowerBound, step, integerCosts, method, watch);
  }
  runSearch(session, {
    stopped: () => watch.stopped(0.15),
    maxRounds: budget !== undefined ? Math.ceil(budget * 0.2) : undefined,
    idleRounds: FIRST_IDLE_ROUNDS,
    target: target(),
    onImprove,
  });
  effort.used = session.rounds;

  const byAgent = agentArcs(arcs);
  let lambda = prices.v;
  // Knapsack bound in chunks, while a chunk still closes a useful part of the gap.
  for (let chunk = 0; chunk < BOUND_CHUNKS && !proven() && !watch.stopped(0.3); chunk++) {
    report("bound");
    const before = lowerBound;
    const relaxed = boundByKnapsacks(arcs, byAgent, {
      start: lambda,
      upperBound: session.bestCost < Infinity ? session.bestCost : undefined,
      stopAbove: session.bestCost - step,
      iterations: BOUND_CHUNK_ITERATIONS,
      stopped: () => watch.stopped(0.3),
    });
    if (relaxed.bound > lowerBound) {
      lowerBound = relaxed.bound;
      lambda = relaxed.lambda;
    }
    const gap = session.bestCost - before;
    if (!(lowerBound - before > BOUND_PROGRESS * gap)) break;
  }

  let narrowing: Narrowing | null = null;
  if (!proven() && session.bestCost < Infinity && !watch.stopped()) {
    report("fixing");
    narrowing = narrow(arcs, byAgent, lambda, lowerBound, session.bestCost - step, () => watch.stopped(0.4));
    if (narrowing.exhausted) lowerBound = Math.max(lowerBound, session.bestCost);
  }

  const small = narrowing !== null && narrowing.alive <= SMALL_REMAINDER * n;
  if (!proven() && !watch.stopped() && !small) {
    if (narrowing) session.lists = buildCandidateLists(arcs, rc, NARROWED_CANDIDATES, narrowing.excluded);
    // With `exact`, the proof needs time: improve for at most half the limit, and only until a
    // whole cycle of neighbourhoods and oscillation finds nothing better.
    const share = options.exact ? 0.5 : 1;
    report("improve");
    improve(arcs, session, {
      integerCosts,
      allowed: narrowing?.allowed,
      over: () => watch.stopped(share) || spent() || proven(),
      effort,
      target,
      onImprove: () => report("improve"),
      untilStuck: options.exact,
    });
    if (options.exact && !proven() && session.bestCost < Infinity && !watch.stopped()) {
      narrowing = narrow(arcs, byAgent, lambda, lowerBound, session.bestCost - step, () => watch.stopped());
      if (narrowing.exhausted) lowerBound = Math.max(lowerBound, session.bestCost);
    }
  }

  if (narrowing && !proven() && !watch.stopped() && !spent() && (options.exact || small)) {
    report("branch");
    method = "branch-and-bound";
    const result = branchAndBound(arcs, byAgent, {
      lambda,
      prices: prices.u,
      incumbent: { arcOfJob: session.best, cost: session.bestCost },
      excluded: narrowing.excluded,
      integerCosts,
      improve: (arcOfJob) => polish(session, arcOfJob),
      onIncumbent: () => report("branch"),
      maxNodes: budget !== undefined ? Math.max(1, 4 * (budget - effort.used)) : undefined,
      stopped: () => watch.stopped(),
    });
    if (result.arcOfJob && result.cost < session.bestCost) {
      session.best.set(result.arcOfJob);
      session.bestCost = result.cost;
    }
    lowerBound = Math.max(lowerBound, result.lowerBound);
  }
  return assemble(arcs, session.best, session.bestCost, session.state.arcOfJob, lowerBound, step, integerCosts, method, watch);
}

/** The result record from the best assignment (or, when none is feasible, the current one). */
function assemble(
  arcs: GapArcs,
  best: Int32Array,
  bestCost: number,
  current: Int32Array,
  lowerBound: number,
  step: number,
  integerCosts: boolean,
  method: string,
  watch: Stopwatch,
): GapResult {
  const feasible = bestCost < Infinity;
  const chosen = feasible ? best : current;
  const assignment = new Int32Array(arcs.n);
  let objective = 0;
  for (let j = 0; j < arcs.n; j++) {
    assignment[j] = arcs.agent[chosen[j]];
    objective += arcs.cost[chosen[j]];
  }
  const optimal = feasible && bestCost - lowerBound <= step;
  return {
    status: optimal ? "optimal" : feasible ? "feasible" : watch.stopped() ? "timeout" : "infeasible",
    assignment,
    objective: feasible ? bestCost : objective,
    // With integer costs a bound within one step of the incumbent rounds up to it.
    lowerBound: optimal && integerCosts ? bestCost : lowerBound,
    feasible,
    optimal,
    stoppedByClock: watch.clockStopped(),
    elapsedMs: watch.elapsedMs(),
    method,
  };
}

/** Whether the jobs' smallest resources alone exceed the total capacity (then nothing is feasible). */
function exceedsCapacity(arcs: GapArcs): boolean {
  let need = 0;
  for (let j = 0; j < arcs.n; j++) {
    let least = Infinity;
    for (let e = arcs.start[j]; e < arcs.start[j + 1]; e++) least = Math.min(least, arcs.resource[e]);
    need += least;
  }
  let room = 0;
  for (let i = 0; i < arcs.m; i++) room += arcs.capacity[i];
  return need > room * (1 + 1e-12);
}

/** Penalty weights: the LP price of each agent's capacity, floored at a tenth of the mean cost per unit of resource. */
function initialWeights(arcs: GapArcs, u: Float64Array): Float64Array {
  let costs = 0;
  let resources = 0;
  for (let e = 0; e < arcs.cost.length; e++) {
    costs += Math.abs(arcs.cost[e]);
    resources += arcs.resource[e];
  }
  const floor = resources > 0 ? (0.1 * costs) / resources : 1;
  const weight = new Float64Array(arcs.m);
  for (let i = 0; i < arcs.m; i++) weight[i] = Math.max(u[i], floor, 1e-9);
  return weight;
}
