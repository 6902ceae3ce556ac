import { builtInMinutesPerKm } from "../compile/travel-model.js";
import { fail, TerralignError } from "../errors.js";
import { haversineKm } from "../geo/haversine.js";
import type { AlignOptions } from "../model/options-schema.js";
import type { PlanStatus } from "../model/plan.js";
import { parseProblem, resolveOptions } from "../model/parse.js";
import type { Problem, Rep } from "../model/problem-schema.js";
import { headCountBounds, type HeadCountBounds } from "./head-count-bound.js";
import type { PlacementPlan, Site } from "./place-options.js";
import { placementSites, placeRepsAmong } from "./place-reps.js";

/** Options of `sizeTeam`: the rep profile, where reps may live, and `align` options for the plans. */
export interface SizeOptions extends Omit<AlignOptions, "balance"> {
  /** Hours one rep can work per period (> 0). Default: the mean capacity of the problem's reps. */
  readonly capacity?: number;
  /** Allowed deviation of each rep's workload from the mean, as a fraction (0.1 = ±10 %). Default 0.1. */
  readonly balance?: number;
  /** Longest one-way trip (minutes) from a rep's home to one of its accounts. Default: no limit. */
  readonly maxTravelMinutes?: number;
  /** Candidate homes, as for `placeReps`. Default `"accounts"`. */
  readonly sites?: "accounts" | readonly Site[];
  /** Head counts tried above the lower bound before giving up. Default 10. */
  readonly extraTries?: number;
  /** Effort of each home search (see `PlaceOptions.iterations`). */
  readonly iterations?: number;
}

/** The outcome of one head count tried. */
export interface SizeTry {
  readonly count: number;
  readonly status: PlanStatus;
  /** The first error diagnostic of a plan that does not meet every rule. */
  readonly reason?: string;
}

/** The result of `sizeTeam`. */
export interface TeamSize {
  /** Smallest head count found whose plan meets every rule; null when none was found. */
  readonly count: number | null;
  /** Proven lower bound on the head count (the largest of `bounds`). */
  readonly lowerBound: number;
  /** How `count` compares with the bound. */
  readonly versusBound: "equal" | "one above" | "more than one above" | "none found";
  readonly bounds: HeadCountBounds;
  /** The plan for `count` reps with their homes (from `placeReps`), or null. */
  readonly plan: PlacementPlan | null;
  /** Every home search tried, in order (two per head count at most, with different seeds). */
  readonly tried: readonly SizeTry[];
  /** Why no head count can work, when that is known before trying (e.g. an account no site reaches). */
  readonly reason?: string;
}

/** Home searches (seeds) tried at each head count before the next. */
const SEARCHES_PER_COUNT = 2;

/**
 * The smallest team that can cover the accounts: identical reps of `capacity` hours, each with
 * its workload within ±`balance` of the mean and every account within `maxTravelMinutes` of its
 * rep's home. Starts from a proven lower bound on the head count (⌈workload / capacity⌉, a packing
 * of accounts no two of which one site can reach, a Lagrangian covering bound with the travel
 * limit, then the band: sites that cannot gather its lower end within the limit closed, count by
 * count, and the band checked group by group over the accounts no rep can straddle), then tries
 * head counts upward with `placeReps` until a plan meets every rule. Says
 * whether the count found equals the bound or lies above it. The team is new: accounts' current and
 * locked reps are ignored. Throws `TerralignError` for bad input (no capacity, capacity ≤ 0, an
 * account heavier than one rep's capacity, a band ≥ 1).
 */
export function sizeTeam(problem: Problem, options: SizeOptions = {}): TeamSize {
  const { capacity: capacityOption, balance: balanceOption, maxTravelMinutes, sites: sitesOption, extraTries, iterations, ...alignOptions } = options;
  const reps = (problem as { reps?: readonly Rep[] }).reps ?? [];
  // The team is new: today's reps and locks name reps it does not have.
  const accounts = problem.accounts.map(({ currentRep: _current, lockedRep: _locked, ...account }) => account);
  const valid = parseProblem({ ...problem, accounts, reps: reps.length > 0 ? reps : [{ id: "rep", home: [0, 0], capacity: capacityOption ?? 1 }] });
  const capacity = capacityOption ?? valid.reps.reduce((sum, rep) => sum + rep.capacity, 0) / valid.reps.length;
  if (!(Number.isFinite(capacity) && capacity > 0)) fail("invalid_option", ["options", "capacity"], `expected hours > 0, got ${capacity}`);
  const balance = balanceOption ?? 0.1;
  if (!(balance >= 0 && balance < 1)) fail("invalid_option", ["options", "balance"], `expected a fraction in [0, 1), got ${balance}`);
  if (maxTravelMinutes !== undefined && !(maxTravelMinutes > 0)) fail("invalid_option", ["options", "maxTravelMinutes"], `expected minutes > 0, got ${maxTravelMinutes}`);
  const resolved = resolveOptions({ ...alignOptions, balance: { workload: balance } });
  const minutesPerKm = builtInMinutesPerKm(valid, resolved);
  if (minutesPerKm === undefined) throw new TerralignError("unsupported", "sizeTeam prices candidate sites with the built-in great-circle travel model at one speed; leave out the travel matrix, options.travel.minutes and regional speeds (options.regions.*.travel)");
  valid.accounts.forEach((account, a) => {
    if (account.workload > capacity * (1 + 1e-9)) fail("invalid_input", ["accounts", a, "workload"], `${account.workload} h is more than one rep's capacity of ${capacity} h`);
  });

  // The bound and every home search look at the same sites.
  const sites = placementSites(valid, sitesOption ?? "accounts", 0, { minutes: maxTravelMinutes ?? Infinity, minutesPerKm, enough: capacity });
  const limit = maxTravelMinutes ?? Infinity;
  const reachStart = new Int32Array(sites.ids.length + 1);
  const reach: number[] = [];
  for (let k = 0; k < sites.ids.length; k++) {
    valid.accounts.forEach((account, a) => {
      if (haversineKm(sites.lng[k], sites.lat[k], account.location[0], account.location[1]) * minutesPerKm <= limit) reach.push(a);
    });
    reachStart[k + 1] = reach.length;
  }
  const workload = Float64Array.from(valid.accounts, (a) => a.workload);
  let total = 0;
  for (const w of workload) total += w;
  const guess = Math.max(1, Math.ceil(total / capacity - 1e-9));
  const bounds = headCountBounds({ workload, capacity, reachStart, reach: Int32Array.from(reach) }, guess + 1, balance);
  if (!Number.isFinite(bounds.travel)) {
    const lost = valid.accounts.find((_, a) => !reach.includes(a));
    const reason = `account ${lost?.id} is more than ${maxTravelMinutes} minutes from every candidate site`;
    return { count: null, lowerBound: Infinity, versusBound: "none found", bounds, plan: null, tried: [], reason };
  }
  if (!Number.isFinite(bounds.balanced)) {
    const [thinnest, gathered] = thinnestReach(workload, reachStart, reach);
    const why = gathered < ((1 - balance) * total) / sites.ids.length ? `: a rep within ${maxTravelMinutes} minutes of account ${valid.accounts[thinnest].id} gathers at most ${Math.round(gathered * 10) / 10} h` : "";
    const reason = `no head count up to the ${sites.ids.length} candidate sites can keep every rep within ±${Math.round(balance * 100)} % of the mean within the travel limit${why}`;
    return { count: null, lowerBound: Infinity, versusBound: "none found", bounds, plan: null, tried: [], reason };
  }
  const lowerBound = bounds.balanced;
  const tried: SizeTry[] = [];
  const last = Math.min(lowerBound + (extraTries ?? 10), sites.ids.length);
  for (let count = lowerBound; count <= last; count++) {
    const team: Rep[] = Array.from({ length: count }, (_, r) => ({
      id: `rep-${r + 1}`,
      home: [sites.lng[0], sites.lat[0]],
      capacity,
      ...(maxTravelMinutes !== undefined ? { maxTravelMinutes } : {}),
    }));
    // Two home searches per count (the second with another seed) before trying one more rep.
    let plan: PlacementPlan | undefined;
    let stop = false;
    for (let attempt = 0; attempt < SEARCHES_PER_COUNT && !plan; attempt++) {
      let found: PlacementPlan;
      try {
        found = placeRepsAmong({ ...valid, reps: team }, { ...alignOptions, balance: { workload: balance }, count, iterations, seed: resolved.seed + attempt }, sites);
      } catch (error) {
        // More reps only narrow the band further: an account too heavy for it now stays too heavy.
        if (!(error instanceof TerralignError)) throw error;
        tried.push({ count, status: "infeasible", reason: error.message });
        stop = true;
        break;
      }
      const first = found.diagnostics.find((d) => d.severity === "error");
      tried.push({ count, status: found.status, ...(first ? { reason: first.message } : {}) });
      if (found.status === "optimal" || found.status === "feasible") plan = found;
    }
    if (plan) {
      const versusBound = count === lowerBound ? "equal" : count === lowerBound + 1 ? "one above" : "more than one above";
      return { count, lowerBound, versusBound, bounds, plan, tried };
    }
    if (stop) break;
  }
  return { count: null, lowerBound, versusBound: "none found", bounds, plan: null, tried };
}

/** The account whose busiest reaching site gathers the least work, and that work (hours). */
function thinnestReach(workload: Float64Array, reachStart: Int32Array, reach: readonly number[]): [number, number] {
  const most = new Float64Array(workload.length);
  for (let k = 0; k + 1 < reachStart.length; k++) {
    let work = 0;
    for (let e = reachStart[k]; e < reachStart[k + 1]; e++) work += workload[reach[e]];
    for (let e = reachStart[k]; e < reachStart[k + 1]; e++) most[reach[e]] = Math.max(most[reach[e]], work);
  }
  let thinnest = 0;
  for (let a = 1; a < most.length; a++) if (most[a] < most[thinnest]) thinnest = a;
  return [thinnest, most[thinnest]];
}
