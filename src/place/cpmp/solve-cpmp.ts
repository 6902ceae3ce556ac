import { createRandom } from "../../util/random.js";
import { medianOfPoints, recount } from "./clusters.js";
import { clustersAround } from "./construct.js";
import type { CpmpOptions, CpmpResult } from "./cpmp-options.js";
import { capacityShortfall, checkCpmpInstance, type CpmpInstance } from "./cpmp-instance.js";
import { improve } from "./improve.js";
import { createImproveContext, isBetterSolution, iteratedSearch } from "./iterated-search.js";
import { closes, createLagrangianState, improveBound, sitesRuledOut, type LagrangianState } from "./lagrangian-bound.js";
import { buildNeighbourhoods } from "./neighbourhoods.js";
import { createWorkMeter } from "./work-meter.js";

/** Default rounds of the iterated local search: a base plus a share per median. */
const BASE_ITERATIONS = 300;
const ITERATIONS_PER_MEDIAN = 20;
const DEFAULT_TIME_LIMIT_MS = 60_000;
/** Units of work (moves evaluated, knapsack nodes) after which the search stops by default. */
const DEFAULT_WORK_LIMIT = 350_000_000;
/** Subgradient iterations of the bound by default; a sixteenth before the first solution, five eighths with it, the rest at the end. */
const DEFAULT_BOUND_ITERATIONS = 960;

/**
 * Solves a capacitated p-median problem: a Lagrangian lower bound (assignment constraints
 * relaxed, knapsack per site, subgradient), a first solution around the sites the relaxation
 * opens, then an iterated local search — shifts, swaps, ejection chains, median moves and exact
 * re-optimisation of pairs of neighbouring clusters, kicked by moving medians — that stops on its
 * own effort count (`iterations`) or when the bound proves the best solution optimal. Sites the
 * bound rules out are never opened. Deterministic for a seed; the time limit is a safety net only.
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
  const stamps = { value: 0 };
  const lagrangian = createLagrangianState(instance, hoods);
  const bound = (rounds: number, upperBound: number) => improveBound(instance, hoods, lagrangian, { iterations: rounds, upperBound, selfService, fractional: options.fractionalBound, meter });
  const boundIterations = options.boundIterations ?? DEFAULT_BOUND_ITERATIONS;
  bound(Math.ceil(boundIterations / 16), Infinity);

  let best = clustersAround(instance, hoods.siteOf, mediansOf(instance, lagrangian, random), stamps);
  const ctx = createImproveContext(instance, hoods, best, meter, random);
  improve(best, ctx);
  const upper = () => (best.excess <= ctx.tol.excess ? best.cost : Infinity);
  bound(Math.ceil((boundIterations * 5) / 8), upper());
  const second = clustersAround(instance, hoods.siteOf, mediansOf(instance, lagrangian, random), stamps);
  improve(second, ctx);
  if (isBetterSolution(second, best, ctx)) best = second;
  ctx.closed = sitesRuledOut(instance, lagrangian, upper());
  const proven = () => closes(lagrangian.bound, upper(), instance.integerCosts);

  const workLimit = options.workLimit ?? DEFAULT_WORK_LIMIT;
  const search = iteratedSearch(best, ctx, random, {
    rounds: iterations,
    patience: iterations / 2,
    done: () => proven() || meter.used >= workLimit,
    onBetter: (better) => {
      best = better;
      ctx.closed = sitesRuledOut(instance, lagrangian, upper());
    },
  });
  best = search.best;
  const round = search.rounds;
  if (!meter.stopped() && !closes(lagrangian.bound, upper(), instance.integerCosts)) {
    lagrangian.stepFactor = Math.max(lagrangian.stepFactor, 0.25);
    bound(Math.ceil((boundIterations * 5) / 16), upper());
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

/** Medians (point indices) of the relaxation's best solution; random sites fill up when it has none. */
function mediansOf(instance: CpmpInstance, state: LagrangianState, random: () => number): number[] {
  const chosen = new Set<number>();
  for (const k of instance.forced ?? []) chosen.add(instance.sites[k]);
  for (const k of state.chosen) if (chosen.size < instance.p) chosen.add(instance.sites[k]);
  while (chosen.size < instance.p) chosen.add(instance.sites[Math.floor(random() * instance.sites.length)]);
  return [...chosen];
}
