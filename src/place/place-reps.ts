import { alignValidated } from "../align.js";
import type { CompiledProblem } from "../compile/compiled-problem.js";
import { compileProblem } from "../compile/compile.js";
import { builtInMinutesPerKm } from "../compile/travel-model.js";
import { fail, TerralignError } from "../errors.js";
import type { Diagnostic } from "../model/plan.js";
import { parseProblem, resolveOptions } from "../model/parse.js";
import type { Problem, Rep } from "../model/problem-schema.js";
import { candidateSites, type CandidateSites, type SiteReach } from "./candidate-sites.js";
import { accountPoints, groupedPoints, splitBeyondReach, type ReachableHomes } from "./demand-points.js";
import { cpmpLowerBound } from "./cpmp/lagrangian-bound.js";
import { solveCpmp } from "./cpmp/solve-cpmp.js";
import type { PlacedHome, PlaceOptions, PlacementPlan, Site } from "./place-options.js";
import { placementModel } from "./placement-model.js";

/**
 * Demand points and candidate sites the home search works with at most: more accounts are grouped
 * by a grid (the bound allows for it), more account locations thinned to a spread.
 */
const POINT_LIMIT = 400;
/**
 * With a travel limit, more: a group counts as within a site's reach only when every account in it
 * is, so coarse groups lose homes the accounts themselves could use.
 */
const POINT_LIMIT_WITH_TRAVEL = 1_000;
const SITE_LIMIT = 300;
/**
 * Default effort of the home search: rounds of its local search (a base and a share per rep) and
 * subgradient iterations of its bound — less than for benchmark instances, as align finishes the
 * territories and accounts are many.
 */
const BASE_ROUNDS = 60;
const ROUNDS_PER_REP = 5;
const BOUND_ITERATIONS = 300;
/** With grouped accounts: subgradient iterations of the search's own bound, which only guides it. */
const GUIDE_BOUND_ITERATIONS = 60;

/**
 * Chooses homes for `count` reps among candidate sites — the capacitated p-median problem: every
 * account to one rep, each rep's workload within its band and capacity, Σ workload × travel minutes
 * minimised — then builds the territories with `align` for those homes, so every rule (bands,
 * capacities, locks, segments, regions, travel limits) holds as in any plan. Reps listed in `fixed`
 * keep their homes; the others are placed; reps are added when `count` asks for more.
 *
 * Returns the plan with `placement` (the reps with their homes, and the bound). The plan's `bound`
 * is the placement lower bound: no choice of homes among the candidate sites, with any
 * territories, has a lower objective. Throws `TerralignError` for bad input: a count below 1, below
 * the reps given or above the sites available, fixed ids that are not reps, sites outside the
 * coordinate range, capacities that cannot hold the total workload, or a travel matrix (sites need
 * the built-in travel model).
 */
export function placeReps(problem: Problem, options: PlaceOptions = {}): PlacementPlan {
  return placeRepsAmong(problem, options);
}

/** `placeReps` among the given candidate sites (those `sizeTeam` bounded the head count over), else its own. */
export function placeRepsAmong(problem: Problem, options: PlaceOptions, given?: CandidateSites): PlacementPlan {
  const { count: countOption, sites: sitesOption, fixed: fixedOption, capacity: newCapacity, iterations, ...alignOptions } = options;
  const valid = parseProblem(problem);
  const resolved = resolveOptions(alignOptions);
  if (valid.travel || resolved.travel.minutes) {
    throw new TerralignError("unsupported", "placeReps prices candidate sites with the built-in great-circle travel model; a travel matrix or options.travel.minutes only knows the reps' current homes");
  }
  if (valid.units) throw new TerralignError("unsupported", "placeReps does not place reps for territories made of units yet; leave problem.units out");
  const count = countOption ?? valid.reps.length;
  if (!Number.isInteger(count) || count < 1) fail("invalid_option", ["options", "count"], `expected an integer ≥ 1, got ${count}`);
  if (count < valid.reps.length) {
    fail("invalid_option", ["options", "count"], `${count} is fewer than the ${valid.reps.length} reps given; give count ≥ ${valid.reps.length} or leave reps out of the problem`);
  }
  const fixedIds = new Set(fixedOption ?? []);
  for (const id of fixedIds) if (!valid.reps.some((rep) => rep.id === id)) fail("invalid_option", ["options", "fixed"], `${JSON.stringify(id)} is not the id of a rep`);
  const reps = withAddedReps(valid.reps, count, newCapacity);
  const total = valid.accounts.reduce((sum, a) => sum + a.workload, 0);
  const room = reps.reduce((sum, rep) => sum + rep.capacity, 0);
  if (room < total * (1 - 1e-9)) {
    fail("invalid_input", ["reps"], `${count} reps with ${round(room)} h of capacity together cannot hold the total workload of ${round(total)} h; add reps or capacity`);
  }
  const fixed = reps.flatMap((rep, r) => (fixedIds.has(rep.id) ? [r] : []));
  const free = reps.flatMap((rep, r) => (fixedIds.has(rep.id) ? [] : [r]));
  // Thinned sites must still reach every account within the free reps' loosest travel limit.
  const reachMinutes = free.reduce((most, r) => Math.max(most, reps[r].maxTravelMinutes ?? Infinity), 0);
  const minutesPerKm = builtInMinutesPerKm(valid, resolved);
  if (minutesPerKm === undefined) throw new TerralignError("unsupported", "placeReps prices candidate sites with the built-in great-circle travel model at one speed; leave out the travel matrix, options.travel.minutes and regional speeds (options.regions.*.travel)");
  const reach = { minutes: reachMinutes, minutesPerKm, enough: free.reduce((most, r) => Math.max(most, reps[r].capacity), 0) };
  const sites = given ?? placementSites(valid, sitesOption ?? "accounts", free.length, reach);
  if (free.length > sites.ids.length) {
    fail("invalid_option", ["options", "count"], `${free.length} reps to place but only ${sites.ids.length} candidate site(s); give more sites or a smaller count`);
  }

  // Homes for the compile step: fixed reps keep theirs, the others start at the first site.
  const start = reps.map((rep) => (fixedIds.has(rep.id) ? rep : { ...rep, home: [sites.lng[0], sites.lat[0]] as [number, number] }));
  const compiled = compileProblem({ accounts: valid.accounts, reps: start }, resolved);
  // Groups no heavier than half the smallest band, so they always fit (and still pack).
  let smallestBand = Infinity;
  for (let r = 0; r < compiled.m; r++) smallestBand = Math.min(smallestBand, compiled.upper[r]);
  const demand = splitBeyondReach(compiled, groupedPoints(compiled, Number.isFinite(reachMinutes) ? POINT_LIMIT_WITH_TRAVEL : POINT_LIMIT, smallestBand / 2), reachableHomes(compiled, sites, fixed, free));
  const grouped = demand.workload.length < compiled.n;
  const model = placementModel(compiled, demand, sites, fixed, free);
  const result = solveCpmp(model.instance, {
    seed: resolved.seed,
    iterations: iterations ?? BASE_ROUNDS + ROUNDS_PER_REP * count,
    boundIterations: grouped ? GUIDE_BOUND_ITERATIONS : BOUND_ITERATIONS,
    timeLimitMs: resolved.timeLimitMs,
    signal: resolved.signal,
    selfService: false,
    proximity: model.proximity,
  });
  if (result.medians.length === 0) throw new TerralignError("invalid_input", `no placement of ${count} reps can hold the workload: ${result.infeasibleReason ?? "the capacities are too small"}`);

  const siteOf = new Map<number, number>();
  model.instance.sites.forEach((point, k) => siteOf.set(point, k));
  const load = new Map<number, number>();
  result.assignment.forEach((median, i) => load.set(median, (load.get(median) ?? 0) + model.instance.demand[i]));
  // Free reps to the free medians: the largest capacity to the heaviest territory.
  const freeSites = Array.from(result.medians)
    .map((point) => siteOf.get(point)!)
    .filter((k) => model.fixedRepAt[k] < 0)
    .sort((x, y) => (load.get(model.instance.sites[y]) ?? 0) - (load.get(model.instance.sites[x]) ?? 0) || x - y);
  const freeByCapacity = free.slice().sort((x, y) => reps[y].capacity - reps[x].capacity || x - y);
  const siteOfRep = new Map<number, number>();
  freeByCapacity.forEach((r, t) => siteOfRep.set(r, freeSites[t]));
  const placedReps: Rep[] = reps.map((rep, r) => {
    const k = siteOfRep.get(r);
    return k === undefined ? rep : { ...rep, home: [model.siteLng[k], model.siteLat[k]] };
  });
  const homes: PlacedHome[] = placedReps.map((rep, r) => {
    const k = siteOfRep.get(r);
    return { repId: rep.id, home: rep.home, siteId: k === undefined ? rep.id : model.siteIds[k], fixed: k === undefined };
  });

  const plan = alignValidated({ ...valid, reps: placedReps }, resolved);
  // With grouped accounts the search's bound is for the groups: bound the accounts themselves.
  const searchBound = result.lowerBound - model.tokenAllowance;
  const lowerBound = Math.max(
    0,
    grouped
      ? cpmpLowerBound(placementModel(compiled, accountPoints(compiled), sites, fixed, free, false).instance, { iterations: BOUND_ITERATIONS, upperBound: plan.metrics.objective, selfService: false })
      : searchBound,
  );
  const objective = plan.metrics.objective;
  const diagnostics: Diagnostic[] = [...plan.diagnostics];
  if (sites.ids.length < sites.available) {
    diagnostics.push({
      severity: "info",
      code: "sites_thinned",
      message: `homes chosen among a spread of ${sites.ids.length} of the ${sites.available} account locations; the lower bound holds over those`,
    });
  }
  if (result.status === "timeout") diagnostics.push({ severity: "warning", code: "placement_timeout", message: "the time limit stopped the home search; the homes are the best found so far" });
  return {
    ...plan,
    diagnostics,
    bound: { lowerBound, objective, gap: objective > 0 ? Math.max(0, (objective - lowerBound) / objective) : 0 },
    placement: {
      reps: placedReps,
      homes,
      lowerBound,
      searchObjective: result.feasible ? result.objective : Infinity,
      candidateSites: sites.ids.length,
      availableSites: sites.available,
      ...(plan.bound ? { alignBound: plan.bound } : {}),
    },
  };
}

/**
 * The candidate sites the home search works with: the listed ones, or the account locations —
 * every one while the accounts are the demand points themselves (at most `POINT_LIMIT`: such
 * sites add no points to the search), else a spread of `SITE_LIMIT` (or `atLeast`), covering every
 * account within `reach` when given.
 */
export function placementSites(problem: Problem, sites: "accounts" | readonly Site[], atLeast: number, reach?: SiteReach): CandidateSites {
  const limit = problem.accounts.length <= POINT_LIMIT ? POINT_LIMIT : SITE_LIMIT;
  return candidateSites(problem, sites, Math.max(atLeast, limit), reach);
}

/** The candidate sites with the free reps' loosest travel limit (as the placement model has it), then the fixed reps' homes with theirs. */
function reachableHomes(p: CompiledProblem, sites: CandidateSites, fixed: readonly number[], free: readonly number[]): ReachableHomes {
  const loosest = free.reduce((most, r) => Math.max(most, p.maxTravel[r]), 0);
  const s = sites.ids.length;
  const lng = Float64Array.from({ length: s + fixed.length }, (_, k) => (k < s ? sites.lng[k] : p.repLng[fixed[k - s]]));
  const lat = Float64Array.from({ length: s + fixed.length }, (_, k) => (k < s ? sites.lat[k] : p.repLat[fixed[k - s]]));
  const minutes = Float64Array.from({ length: s + fixed.length }, (_, k) => (k < s ? loosest : p.maxTravel[fixed[k - s]]));
  return { lng, lat, minutes };
}

/** The problem's reps, then new ones (`new-1`, …) up to `count`, with the given or the mean capacity. */
function withAddedReps(reps: readonly Rep[], count: number, capacity: number | undefined): Rep[] {
  const out = reps.slice();
  if (count === reps.length) return out;
  const size = capacity ?? (reps.length > 0 ? reps.reduce((sum, rep) => sum + rep.capacity, 0) / reps.length : undefined);
  if (size === undefined) fail("invalid_option", ["options", "capacity"], `needed for the ${count} new reps: the problem has no reps to take a capacity from`);
  if (!(Number.isFinite(size) && size > 0)) fail("invalid_option", ["options", "capacity"], `expected hours > 0, got ${size}`);
  const taken = new Set(reps.map((rep) => rep.id));
  let next = 1;
  while (out.length < count) {
    while (taken.has(`new-${next}`)) next++;
    taken.add(`new-${next}`);
    out.push({ id: `new-${next}`, home: [0, 0], capacity: size });
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}
