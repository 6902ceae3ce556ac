import { indexPoints, nearestPoints } from "../geo/nearest-points.js";
import { bandWidth, type CompiledProblem } from "./compiled-problem.js";
import { eligibleMinutes } from "./eligible-minutes.js";

/**
 * Beardwood–Halton–Hammersley constant: a shortest tour through many random points at density ρ
 * is about 0.7124 / √ρ per point (Applegate et al. 2006 measure 0.7124).
 */
const BHH = 0.7124;
/** The rule checker's relative tolerance (`RULE_TOLERANCE`), kept here so that compile needs nothing from the rules. */
const TOLERANCE = 1e-9;
/** Neighbours that estimate the density of accounts around each account (k-nearest-neighbour estimate). */
const DENSITY_NEIGHBOURS = 6;

/** What travel counted in the hours needs beyond the plain problem (`options.workload.includeTravel`). */
export interface TravelHours {
  /** Visits chained on one day trip (`travel.stopsPerDay`). */
  readonly stopsPerDay: number;
  /**
   * Minutes from each account to the next stop of its day trip: the tour length per point at the
   * local density of accounts (BHH constant / √density, density from the distance to the
   * `DENSITY_NEIGHBOURS`-th nearest account). All zero with one stop a day.
   */
  readonly hop: Float64Array;
  /** Each rep's share of the team's total hours (`targets.workload`, or capacity / total capacity). */
  readonly share: Float64Array;
  /** Each account's least hours at any rep that may serve it (its workload when none may). */
  readonly least: Float64Array;
  /** Σ `least`: no plan that assigns every account has fewer hours in all. */
  readonly leastTotal: number;
  /** Σ over accounts of the most hours at any rep that may serve them: no plan has more. */
  readonly mostTotal: number;
}

/**
 * Hours account a costs a rep whose home is `minutes` away: its workload, plus, when travel counts in
 * workload, the travel of its visits. A visit is one stop of a day trip of `stopsPerDay` stops that
 * leaves home, goes from stop to stop and comes back: its share of the trip is the way out and back
 * spread over the stops, `2 × minutes / stopsPerDay`, plus its share of the hops between stops,
 * `(stopsPerDay − 1) × hop[a] / stopsPerDay`. With one stop a day that is a round trip per visit.
 */
export function accountHours(p: CompiledProblem, a: number, minutes: number): number {
  const t = p.travelHours;
  return t ? visitHours(p.workload[a], p.visits[a], minutes, t.stopsPerDay, t.hop[a]) : p.workload[a];
}

/** `accountHours` for any account (one not in the problem too): work plus its visits' share of their day trips. */
export function visitHours(workload: number, visits: number, minutes: number, stopsPerDay: number, hop: number): number {
  return workload + (visits * (2 * minutes + (stopsPerDay - 1) * hop)) / (stopsPerDay * 60);
}

/**
 * The hop minutes of every account (see `TravelHours.hop`), from great-circle km × `minutesPerKm`.
 * An account with `v` visits a period is a stop on `v` day trips, and on its k-th only accounts
 * with at least k visits still need one: the k-th trip's stops are as dense as those accounts are.
 * Its hop is the mean over its visits of the tour length per point at that density (a fractional
 * last visit weighs its fraction). Accounts at one place (several in one town) hop about zero.
 */
export function hopMinutes(lng: Float64Array, lat: Float64Array, minutesPerKm: number | Float64Array, stopsPerDay: number, visits?: Float64Array): Float64Array {
  const n = lng.length;
  const hop = new Float64Array(n);
  if (stopsPerDay <= 1 || n <= 1) return hop;
  const rounds = Float64Array.from({ length: n }, (_, a) => Math.max(1, Math.ceil(visits ? visits[a] : 1)));
  const levels = [...new Set(rounds)].sort((x, y) => x - y);
  const weight = new Float64Array(n);
  let below = 0;
  for (const level of levels) {
    // Rounds below+1 … level have the same stops: the accounts with at least `level` rounds.
    const members = Int32Array.from({ length: n }, (_, a) => a).filter((a) => rounds[a] >= level);
    const perRound = hopsAtDensity(members, lng, lat, minutesPerKm);
    members.forEach((a, i) => {
      const v = visits ? Math.max(visits[a], 1e-12) : 1;
      // Weight of rounds below+1 … level in this account's visits (its last round counts its fraction).
      const w = Math.max(0, Math.min(v, level) - below);
      hop[a] += w * perRound[i];
      weight[a] += w;
    });
    below = level;
  }
  for (let a = 0; a < n; a++) hop[a] = weight[a] > 0 ? hop[a] / weight[a] : 0;
  return hop;
}

/** BHH tour length per point at the local density of `members`, for each of them (0 when alone). */
function hopsAtDensity(members: Int32Array, lng: Float64Array, lat: Float64Array, minutesPerKm: number | Float64Array): Float64Array {
  const out = new Float64Array(members.length);
  const k = Math.min(DENSITY_NEIGHBOURS, members.length - 1);
  if (k <= 0) return out;
  const index = indexPoints(members, lng, lat);
  const rows = new Int32Array(k);
  const km = new Float64Array(k);
  // Density ρ ≈ k / (π d_k²), so 1 / √ρ = d_k √(π / k).
  const perKm = BHH * Math.sqrt(Math.PI / k);
  members.forEach((a, i) => {
    const found = nearestPoints(index, lng[a], lat[a], k, a, rows, km);
    out[i] = found > 0 ? km[found - 1] * perKm * (typeof minutesPerKm === "number" ? minutesPerKm : minutesPerKm[a]) : 0;
  });
  return out;
}

/**
 * Completes `TravelHours` for a compiled problem whose `travelHours` carries the stops, hops and
 * shares: each account's least and most hours over the reps that may serve it.
 */
export function hoursRange(p: CompiledProblem, stopsPerDay: number, hop: Float64Array, share: Float64Array): TravelHours {
  const least = new Float64Array(p.n);
  let leastTotal = 0;
  let mostTotal = 0;
  const partial = { ...p, travelHours: { stopsPerDay, hop, share, least, leastTotal: 0, mostTotal: 0 } };
  for (let a = 0; a < p.n; a++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let r = 0; r < p.m; r++) {
      const t = eligibleMinutes(partial, r, a);
      if (Number.isNaN(t)) continue;
      const h = accountHours(partial, a, t);
      if (h < lo) lo = h;
      if (h > hi) hi = h;
    }
    least[a] = lo === Infinity ? p.workload[a] : lo;
    leastTotal += least[a];
    mostTotal += hi === -Infinity ? p.workload[a] : hi;
  }
  return { stopsPerDay, hop, share, least, leastTotal, mostTotal };
}

/**
 * The total hours of a plan: its reps' loads (travel included) plus, for accounts it leaves
 * unassigned, their least hours. With travel in the hours, each rep's target is its share of this.
 */
export function planHours(p: CompiledProblem, assign: Int32Array, load: Float64Array): number {
  const t = p.travelHours!;
  let total = 0;
  for (let r = 0; r < p.m; r++) total += load[r];
  for (let a = 0; a < p.n; a++) if (assign[a] < 0) total += t.least[a];
  return total;
}

/**
 * Each rep's band target for a plan: `p.target`, or, with travel in the hours, the rep's share of
 * the plan's own total hours (`planHours`).
 */
export function bandTargets(p: CompiledProblem, assign: Int32Array, load: Float64Array): Float64Array {
  const t = p.travelHours;
  if (!t) return p.target;
  const total = planHours(p, assign, load);
  return Float64Array.from(t.share, (s) => s * total);
}

/**
 * The problem with every rep's target its share of `totalHours` and the band around it (travel in
 * the hours), each band `narrow` narrower than the rep's own (never below 0).
 */
export function retarget(p: CompiledProblem, totalHours: number, narrow = 0): CompiledProblem {
  const share = p.travelHours!.share;
  const target = new Float64Array(p.m);
  const lower = new Float64Array(p.m);
  const upper = new Float64Array(p.m);
  const width = new Float64Array(p.m);
  for (let r = 0; r < p.m; r++) {
    width[r] = Math.max(0, bandWidth(p, r) - narrow);
    target[r] = share[r] * totalHours;
    lower[r] = target[r] * (1 - width[r]);
    upper[r] = Math.min(p.capacity[r], target[r] * (1 + width[r]));
  }
  return { ...p, target, lower, upper, ...(p.repBalance || narrow > 0 ? { repBalance: width } : {}) };
}

/**
 * With travel in the hours, a problem whose fixed band windows hold every plan the rule checker
 * accepts: a plan's total lies between the least total and the most (capped by total capacity), so
 * each rep's window runs from its share of the least × (1 − its band) to its share of the most ×
 * (1 + its band). Searches and bounds over it are valid for the self-referential bands; a plan it
 * yields still has to pass the checker. Without travel in the hours, `p` itself.
 */
export function hoursRelaxation(p: CompiledProblem): CompiledProblem {
  const t = p.travelHours;
  if (!t) return p;
  const most = Math.max(t.leastTotal, Math.min(t.mostTotal, p.totalCapacity));
  const target = new Float64Array(p.m);
  const lower = new Float64Array(p.m);
  const upper = new Float64Array(p.m);
  const width = new Float64Array(p.m);
  for (let r = 0; r < p.m; r++) {
    const w = bandWidth(p, r);
    const lo = t.share[r] * t.leastTotal * (1 - w);
    const hi = t.share[r] * most * (1 + w);
    target[r] = (lo + hi) / 2;
    width[r] = target[r] > 0 ? (hi - lo) / (2 * target[r]) : w;
    lower[r] = lo;
    upper[r] = Math.min(p.capacity[r], hi);
  }
  return { ...p, target, lower, upper, repBalance: width };
}

/** Each rep's hours (work + travel) under `assign` (−1: unassigned). */
export function hoursLoads(p: CompiledProblem, assign: Int32Array): Float64Array {
  const load = new Float64Array(p.m);
  for (let a = 0; a < p.n; a++) if (assign[a] >= 0) load[assign[a]] += accountHours(p, a, p.travel(assign[a], a));
  return load;
}

/**
 * Hours outside the bands of the plan's own total (and above capacity), summed over reps, beyond the
 * rule checker's tolerance (`RULE_TOLERANCE`): 0 when every rep keeps its band and capacity.
 */
export function hoursOutsideBands(p: CompiledProblem, assign: Int32Array): number {
  const load = hoursLoads(p, assign);
  const targets = bandTargets(p, assign, load);
  let outside = 0;
  for (let r = 0; r < p.m; r++) {
    const upper = Math.min(p.capacity[r], targets[r] * (1 + bandWidth(p, r)));
    const lower = targets[r] * (1 - bandWidth(p, r));
    outside += Math.max(0, load[r] - upper - TOLERANCE * Math.max(1, upper)) + Math.max(0, lower - load[r] - TOLERANCE * Math.max(1, lower));
  }
  return outside;
}

/** Whether every rep's hours lie inside its band around its share of the plan's own total and under its capacity. */
export function keepsHoursBands(p: CompiledProblem, assign: Int32Array): boolean {
  return hoursOutsideBands(p, assign) === 0;
}
