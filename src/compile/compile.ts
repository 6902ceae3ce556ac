import { TerralignError } from "../errors.js";
import type { ResolvedOptions } from "../model/defaults.js";
import type { Problem } from "../model/problem-schema.js";
import { compileBudgets } from "./budgets.js";
import { compileMetricBands, targetShares } from "./metric-bands.js";
import type { CompiledProblem } from "./compiled-problem.js";
import { builtInMinutesPerKm, regionalMinutesPerKm, travelModel } from "./travel-model.js";
import { hopMinutes, hoursRange, retarget } from "./travel-hours.js";

/** Turns a validated problem into typed arrays (see `CompiledProblem`). Does not touch the input. */
export function compileProblem(problem: Problem, options: ResolvedOptions): CompiledProblem {
  const { accounts, reps } = problem;
  const n = accounts.length;
  const m = reps.length;
  const repIndex = new Map<string, number>();
  reps.forEach((rep, r) => repIndex.set(rep.id, r));

  const workload = new Float64Array(n);
  const potential = new Float64Array(n);
  const visits = new Float64Array(n);
  const accountLng = new Float64Array(n);
  const accountLat = new Float64Array(n);
  const lockedRep = new Int32Array(n).fill(-1);
  const currentRep = new Int32Array(n).fill(-1);
  const moveCost = new Float64Array(n);
  let totalWorkload = 0;
  const factor = regionalFactors(options);
  for (let a = 0; a < n; a++) {
    const account = accounts[a];
    workload[a] = account.region !== undefined && factor.has(account.region) ? account.workload * factor.get(account.region)! : account.workload;
    potential[a] = account.potential ?? 0;
    visits[a] = account.visits ?? 1;
    accountLng[a] = account.location[0];
    accountLat[a] = account.location[1];
    if (account.lockedRep !== undefined) lockedRep[a] = repIndex.get(account.lockedRep) ?? -1;
    if (account.currentRep !== undefined) currentRep[a] = repIndex.get(account.currentRep) ?? -1;
    moveCost[a] = account.moveCost ?? 1;
    totalWorkload += workload[a];
  }

  const capacity = new Float64Array(m);
  const repLng = new Float64Array(m);
  const repLat = new Float64Array(m);
  const maxTravel = new Float64Array(m);
  let totalCapacity = 0;
  for (let r = 0; r < m; r++) {
    const rep = reps[r];
    capacity[r] = rep.capacity;
    repLng[r] = rep.home[0];
    repLat[r] = rep.home[1];
    maxTravel[r] = rep.maxTravelMinutes ?? Infinity;
    totalCapacity += rep.capacity;
  }

  const balance = options.balance.workload;
  if (options.targets.workload && options.regionTargets === "regional") {
    throw new TerralignError("invalid_option", 'options.regionTargets: "regional" sets the workload targets from the regions, and options.targets.workload sets them too; give one of them');
  }
  if (options.regionTargets === "regional" && !(accounts.some((a) => a.region !== undefined) && reps.some((r) => r.region !== undefined))) {
    throw new TerralignError("invalid_option", 'options.regionTargets: "regional" splits the work by region, but no account or no rep has a region');
  }
  const shares = options.targets.workload ? targetShares(problem, options, "workload") : options.regionTargets === "regional" ? regionalShares(problem, workload) : undefined;
  const repBalance = regionalBalance(problem, options);
  const { target, lower, upper } = repBands(totalWorkload, capacity, totalCapacity, repBalance ?? balance, shares);
  const bands = compileMetricBands(problem, options);

  const compiled: CompiledProblem = {
    n,
    m,
    accountIds: accounts.map((account) => account.id),
    repIds: reps.map((rep) => rep.id),
    workload,
    potential,
    visits,
    accountLng,
    accountLat,
    repLng,
    repLat,
    capacity,
    target,
    lower,
    upper,
    lockedRep,
    currentRep,
    moveCost,
    budgets: compileBudgets(options, currentRep, workload, moveCost),
    bands,
    totalWorkload,
    totalCapacity,
    balance,
    ...(repBalance ? { repBalance } : {}),
    travel: travelModel(problem, options, { accountLng, accountLat, repLng, repLat }),
    minutesPerKm: builtInMinutesPerKm(problem, options),
    compatible: compatibility(problem),
    maxTravel,
    includeTravel: options.workload.includeTravel,
  };
  if (!options.workload.includeTravel) return compiled;
  // Travel in the hours: targets are shares of the total hours, first of the least total there is.
  const stops = options.travel.stopsPerDay;
  const hop = hopMinutes(accountLng, accountLat, regionalMinutesPerKm(problem, options) ?? compiled.minutesPerKm ?? (options.travel.circuity / options.travel.speedKmh) * 60, stops, visits);
  const share = Float64Array.from(target, (t) => (totalWorkload > 0 ? t / totalWorkload : 0));
  if (!(totalWorkload > 0)) for (let r = 0; r < m; r++) share[r] = shares ? shares[r] : capacity[r] / totalCapacity;
  const travelHours = hoursRange(compiled, stops, hop, share);
  return retarget({ ...compiled, travelHours }, travelHours.leastTotal);
}

/** Segment and region rule: a rep with `segments` serves only those; regions must match when both are set. */
function compatibility(problem: Problem): (r: number, a: number) => boolean {
  const { accounts } = problem;
  const rule = segmentRegionRule(problem.reps);
  return rule ? (r, a) => rule(r, accounts[a]) : () => true;
}

/**
 * The segment and region rule for any account, in or out of the problem (the router uses it for
 * new accounts): whether rep r may serve an account of this segment and region. Undefined when no
 * rep has segments or a region (every rep may serve every account).
 */
export function segmentRegionRule(reps: Problem["reps"]): ((r: number, account: { readonly segment?: string; readonly region?: string }) => boolean) | undefined {
  const repSegments = reps.map((rep) => (rep.segments ? new Set(rep.segments) : undefined));
  if (!reps.some((rep) => rep.segments !== undefined || rep.region !== undefined)) return undefined;
  return (r, account) => {
    const segments = repSegments[r];
    if (segments && account.segment !== undefined && !segments.has(account.segment)) return false;
    const region = reps[r].region;
    return !(region !== undefined && account.region !== undefined && region !== account.region);
  };
}

/**
 * Every rep's target and band: target = total workload × share (capacity / total capacity unless
 * `share` is given); band [target × (1 − balance), min(capacity, target × (1 + balance))], with
 * `balance` one width for all or one per rep.
 */
export function repBands(totalWorkload: number, capacity: Float64Array, totalCapacity: number, balance: number | Float64Array, share?: Float64Array): { target: Float64Array; lower: Float64Array; upper: Float64Array } {
  const m = capacity.length;
  const target = new Float64Array(m);
  const lower = new Float64Array(m);
  const upper = new Float64Array(m);
  for (let r = 0; r < m; r++) {
    const width = typeof balance === "number" ? balance : balance[r];
    target[r] = share ? totalWorkload * share[r] : (totalWorkload * capacity[r]) / totalCapacity;
    lower[r] = target[r] * (1 - width);
    upper[r] = Math.min(capacity[r], target[r] * (1 + width));
  }
  return { target, lower, upper };
}

/** `options.regions` workload factors by region (those that set one). */
export function regionalFactors(options: ResolvedOptions): Map<string, number> {
  const out = new Map<string, number>();
  for (const [name, region] of Object.entries(options.regions)) if (region.workload?.factor !== undefined) out.set(name, region.workload.factor);
  return out;
}

/** Each rep's band width when `options.regions` gives some region its own (`balance.workload`), else undefined. */
function regionalBalance(problem: Problem, options: ResolvedOptions): Float64Array | undefined {
  const widths = new Map<string, number>();
  for (const [name, region] of Object.entries(options.regions)) if (region.balance?.workload !== undefined) widths.set(name, region.balance.workload);
  if (widths.size === 0) return undefined;
  return Float64Array.from(problem.reps, (rep) => (rep.region !== undefined ? widths.get(rep.region) ?? options.balance.workload : options.balance.workload));
}

/**
 * Top-down targets (`regionTargets: "regional"`): each rep's share of the total workload is its
 * region's share of the work (the accounts' own regions) × its capacity share within its region.
 * Work of a region without reps has no share (no plan can keep every band then, and the checker
 * says so); accounts and reps without a region form a group of their own.
 */
function regionalShares(problem: Problem, workload: Float64Array): Float64Array {
  if (problem.reps.length === 0) return new Float64Array(0);
  const work = new Map<string, number>();
  let total = 0;
  problem.accounts.forEach((account, a) => {
    const key = account.region ?? "";
    work.set(key, (work.get(key) ?? 0) + workload[a]);
    total += workload[a];
  });
  const capacity = new Map<string, number>();
  for (const rep of problem.reps) capacity.set(rep.region ?? "", (capacity.get(rep.region ?? "") ?? 0) + rep.capacity);
  return Float64Array.from(problem.reps, (rep) => {
    const key = rep.region ?? "";
    return total > 0 ? ((work.get(key) ?? 0) / total) * (rep.capacity / capacity.get(key)!) : rep.capacity / [...capacity.values()].reduce((x, y) => x + y, 0);
  });
}
