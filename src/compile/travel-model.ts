import { haversineKmCos, latitudeCosines } from "../geo/haversine.js";
import type { ResolvedOptions } from "../model/defaults.js";
import type { Problem } from "../model/problem-schema.js";
import { TerralignError } from "../errors.js";

/** Travel minutes from rep `r`'s home to account `a` (indices in input order). */
export type TravelMinutes = (r: number, a: number) => number;

/**
 * Builds the travel model. Precedence: the problem's matrix, then the user's function, then
 * great-circle distance × circuity at the average speed:
 * `minutes = haversineKm × circuity / speedKmh × 60`.
 */
export function travelModel(problem: Problem, options: ResolvedOptions, points: TravelPoints): TravelMinutes {
  const perAccount = regionalMinutesPerKm(problem, options);
  if (problem.travel) {
    const rows = problem.travel.minutes;
    return (r, a) => rows[r][a];
  }
  const user = options.travel.minutes;
  if (user) {
    return (r, a) => {
      const value = user(r, a);
      if (!(Number.isFinite(value) && value >= 0)) {
        throw new TerralignError(
          "invalid_option",
          `options.travel.minutes: returned ${String(value)} for rep ${r} and account ${a}; it must return a finite number of minutes ≥ 0`,
        );
      }
      return value;
    };
  }
  // Coordinates and latitude cosines in typed arrays: a trip is then a few loads and one haversine.
  const { accountLng, accountLat, repLng, repLat } = points;
  const accountCos = latitudeCosines(accountLat);
  const repCos = latitudeCosines(repLat);
  if (perAccount) return (r, a) => haversineKmCos(repLng[r], repLat[r], repCos[r], accountLng[a], accountLat[a], accountCos[a]) * perAccount[a];
  const minutesPerKm = builtInMinutesPerKm(problem, options)!;
  return (r, a) => haversineKmCos(repLng[r], repLat[r], repCos[r], accountLng[a], accountLat[a], accountCos[a]) * minutesPerKm;
}

/** Account and rep coordinates (degrees, input order), as compile holds them. */
export interface TravelPoints {
  readonly accountLng: Float64Array;
  readonly accountLat: Float64Array;
  readonly repLng: Float64Array;
  readonly repLat: Float64Array;
}

/**
 * Minutes per km to each account when `options.regions` sets a speed or circuity for some region
 * (the account's region's, else the global ones); undefined when none does. A travel matrix or
 * function replaces the built-in model, so regional speeds with one are an error.
 */
export function regionalMinutesPerKm(problem: Problem, options: ResolvedOptions): Float64Array | undefined {
  const regional = Object.entries(options.regions).filter(([, r]) => r.travel?.speedKmh !== undefined || r.travel?.circuity !== undefined);
  if (regional.length === 0) return undefined;
  if (problem.travel || options.travel.minutes) {
    throw new TerralignError("invalid_option", `options.regions.${regional[0][0]}.travel: regional speeds apply to the built-in travel model, but ${problem.travel ? "problem.travel (a matrix)" : "options.travel.minutes (a function)"} replaces it; give the minutes there instead`);
  }
  const base = (options.travel.circuity / options.travel.speedKmh) * 60;
  const byRegion = new Map(regional.map(([name, r]) => [name, ((r.travel?.circuity ?? options.travel.circuity) / (r.travel?.speedKmh ?? options.travel.speedKmh)) * 60]));
  return Float64Array.from(problem.accounts, (account) => (account.region !== undefined ? byRegion.get(account.region) ?? base : base));
}

/** Minutes per km of the built-in great-circle model, or undefined when a matrix or function replaces it, or regions set their own speeds. */
export function builtInMinutesPerKm(problem: Problem, options: ResolvedOptions): number | undefined {
  if (problem.travel || options.travel.minutes) return undefined;
  // Regional speeds: no one rate per km (solvers then price every trip through the travel model).
  if (Object.values(options.regions).some((r) => r.travel?.speedKmh !== undefined || r.travel?.circuity !== undefined)) return undefined;
  return (options.travel.circuity / options.travel.speedKmh) * 60;
}
