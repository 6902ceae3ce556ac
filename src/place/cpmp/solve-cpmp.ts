import { createRandom, shuffle } from "../../util/random.js";
import { tolerances } from "./assignment-descent.js";
import { copyClusters, medianOfPoints, recount, type Clusters } from "./clusters.js";
import { clustersAround } from "./construct.js";
import type { CpmpOptions, CpmpResult } from "./cpmp-options.js";
import { capacityShortfall, checkCpmpInstance, type CpmpInstance } from "./cpmp-instance.js";
import { improve, type ImproveContext } from "./improve.js";
import { closes, createLagrangianState, improveBound, sitesRuledOut, type LagrangianState } from "./lagrangian-bound.js";
import { buildNeighbourhoods } from "./neighbourhoods.js";
import { createPairScratch } from "./pair-reoptimise.js";
import { perturb } from "./perturb.js";
import { createWorkMeter } from "./work-meter.js";

/** Default rounds of the iterated local search: a base plus a share per median. */
const BASE_ITERATIONS = 300;
const ITERATIONS_PER_MEDIAN = 20;
const DEFAULT_TIME_LIMIT_MS = 60_000;
/** Subgradient iterations before the first solution, and with it. */
const FIRST_BOUND_ITERATIONS = 60;
const BOUND_ITERATIONS = 600;
/** Subgradient iterations spent again at the end, with the best solution as the target. */
const FINAL_BOUND_ITERATIONS = 300;

/**
 * Solves a capacitated p-median problem: a Lagrangian lower bound (assignment constraints
 * relaxed, knapsack per site, subgradient), a first solution around the sites the relaxation
 * opens, then an iterated local search — shifts, swaps, median moves and exact re-optimisation of
 * pairs of neighbouring clusters, kicked by moving random medians — that stops on its own effort
 * count (`iterations`) or when the bound proves the best solution optimal. Sites the bound rules
 * out are never opened. Deterministic for a seed; the time limit is a safety net only.
 */
export function solveCpmp(instance: CpmpInstance, options: CpmpOptions = {}): CpmpResult {
  checkCpmpInstance(instance);
  const meter = createWorkMeter(options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS, options.signal);
  const iterations = options.iterations ?? BASE_ITERATIONS + ITERATIONS_PER_MEDIAN * instance.p;
  const selfService = options.selfService ?? true;
  const { n, p } = instance;
  const s = instance.sites.length;
  const shortfall = capacityShortfall(instance);
  if (shortfall !== undefined) {
    return { status: "infeasible", objective: Infinity, medians: new Int32Array(0), assignment: new Int32Array(n).fill(-1), lowerBound: Infinity, feasible: false, infeasibleReason: shortfall, iterations: 0, boundIterations: 0, work: 0, elapsedMs: meter.elapsedMs() };
  }
  const random = createRandom(options.seed ?? 1);
  const hoods = buildNeighbourhoods(instance, options.proximity);
  const pinned = new Uint8Array(s);
  for (const k of instance.forced ?? []) pinned[k] = 1;
  const stamps = { value: 0 };
  const lagrangian = createLagrangianState(instance, hoods);
  const bound = (rounds: number, upperBound: number) => improveBound(instance, hoods, lagrangian, { iterations: rounds, upperBound, selfService, meter });
  bound(FIRST_BOUND_ITERATIONS, Infinity);

  let best = clustersAround(instance, hoods.siteOf, mediansOf(instance, lagrangian, random), stamps);
  const ctx: ImproveContext = {
    hoods,
    closed: new Uint8Array(s),
    pinned,
    tol: tolerances(best),
    pairScratch: createPairScratch(n),
    meter,
    order: shuffle(Int32Array.from({ length: n }, (_, i) => i), random),
    triedPairs: new Map(),
  };
  improve(best, ctx);
  const upper = () => (best.excess <= ctx.tol.excess ? best.cost : Infinity);
  bound(BOUND_ITERATIONS, upper());
  const second = clustersAround(instance, hoods.siteOf, mediansOf(instance, lagrangian, random), stamps);
  improve(second, ctx);
  if (isBetter(second, best, ctx)) best = second;
  ctx.closed = sitesRuledOut(instance, lagrangian, upper());

  let round = 0;
  let sinceBetter = 0;
  let strength = 1;
  while (round < iterations && sinceBetter < iterations / 2 && !meter.stopped() && !closes(lagrangian.bound, upper(), instance.integerCosts)) {
    round++;
    const trial = copyClusters(best);
    meter.add(n);
    perturb(trial, ctx, random, 1 + Math.floor(random() * strength));
    improve(trial, ctx);
    if (isBetter(trial, best, ctx)) {
      recount(trial);
      best = trial;
      sinceBetter = 0;
      strength = 1;
      ctx.closed = sitesRuledOut(instance, lagrangian, upper());
    } else {
      sinceBetter++;
      if (sinceBetter % 50 === 0) strength = Math.min(strength + 1, Math.max(1, Math.ceil(p / 4)), 4);
    }
  }
  if (!meter.stopped() && !closes(lagrangian.bound, upper(), instance.integerCosts)) {
    lagrangian.stepFactor = Math.max(lagrangian.stepFactor, 0.25);
    bound(FINAL_BOUND_ITERATIONS, upper());
  }
  recount(best);
  const feasible = best.excess <= ctx.tol.excess;
  const lowerBound = instance.integerCosts ? Math.ceil(lagrangian.bound - 1e-6) : lagrangian.bound;
  const objective = feasible ? best.cost : Infinity;
  const status = meter.timedOut ? "timeout" : !feasible ? "infeasible" : closes(lagrangian.bound, objective, instance.integerCosts) ? "optimal" : "feasible";
  const medians = Int32Array.from(best.median).sort();
  return {
    status,
    objective,
    medians,
    assignment: medianOfPoints(best),
    lowerBound,
    feasible,
    iterations: round,
    boundIterations: lagrangian.iterations,
    work: meter.used,
    elapsedMs: meter.elapsedMs(),
  };
}

/** Less excess, or as little and cheaper. */
function isBetter(x: Clusters, y: Clusters, ctx: ImproveContext): boolean {
  if (x.excess < y.excess - ctx.tol.excess) return true;
  return x.excess <= y.excess + ctx.tol.excess && x.cost < y.cost - ctx.tol.cost;
}

/** Medians (point indices) of the relaxation's best solution; random sites fill up when it has none. */
function mediansOf(instance: CpmpInstance, state: LagrangianState, random: () => number): number[] {
  const chosen = new Set<number>();
  for (const k of instance.forced ?? []) chosen.add(instance.sites[k]);
  for (const k of state.chosen) if (chosen.size < instance.p) chosen.add(instance.sites[k]);
  while (chosen.size < instance.p) chosen.add(instance.sites[Math.floor(random() * instance.sites.length)]);
  return [...chosen];
}
