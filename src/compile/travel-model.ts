import { haversineKm } from "../geo/haversine.js";
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
export function travelModel(problem: Problem, options: ResolvedOptions): TravelMinutes {
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
  const minutesPerKm = builtInMinutesPerKm(problem, options)!;
  const { accounts, reps } = problem;
  return (r, a) => {
    const [lng1, lat1] = reps[r].home;
    const [lng2, lat2] = accounts[a].location;
    return haversineKm(lng1, lat1, lng2, lat2) * minutesPerKm;
  };
}

/** Minutes per km of the built-in great-circle model, or undefined when a matrix or function replaces it. */
export function builtInMinutesPerKm(problem: Problem, options: ResolvedOptions): number | undefined {
  if (problem.travel || options.travel.minutes) return undefined;
  return (options.travel.circuity / options.travel.speedKmh) * 60;
}
