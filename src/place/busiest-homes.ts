import { haversineKm } from "../geo/haversine.js";
import type { Problem } from "../model/problem-schema.js";

/** Kilometres per degree of latitude (the quick filter before the great circle). */
const KM_PER_DEGREE = 111.19;

/**
 * Adds to `kept` (account indices of sites, left sorted) the homes a thinned spread misses when
 * travel is limited: for each account, among the `candidates` (account indices of distinct
 * locations) within `minutes` of it, the one whose accounts within `minutes` add up to the most
 * workload (its busiest home), when the kept sites within reach of the account add up to less
 * (both counted up to `enough` hours — a home with that much work is as good as any for the band).
 * A lone account far from the spread's site for its cell then keeps a home from which a rep can
 * gather a full load, so the head count bound and the home search see the homes that matter.
 */
export function addBusiestHomes(problem: Problem, kept: number[], candidates: readonly number[], minutes: number, minutesPerKm: number, enough: number): void {
  const { accounts } = problem;
  const n = accounts.length;
  const degrees = minutes / minutesPerKm / KM_PER_DEGREE;
  const within = (c: number, a: number) => {
    const [x, y] = accounts[c].location;
    const [u, v] = accounts[a].location;
    return Math.abs(y - v) <= degrees && haversineKm(x, y, u, v) * minutesPerKm <= minutes;
  };
  const workWithin = (c: number) => {
    let w = 0;
    for (let a = 0; a < n && w < enough; a++) if (within(c, a)) w += accounts[a].workload;
    return Math.min(w, enough);
  };
  const candidateWork = candidates.map(workWithin);
  const keptWork = kept.map(workWithin);
  const added = new Set<number>();
  for (let a = 0; a < n; a++) {
    let have = 0;
    for (let q = 0; q < kept.length && have < enough; q++) if (keptWork[q] > have && within(kept[q], a)) have = keptWork[q];
    if (have >= enough) continue;
    let best = -1;
    for (let q = 0; q < candidates.length; q++) {
      if (candidateWork[q] > have && (best < 0 || candidateWork[q] > candidateWork[best]) && within(candidates[q], a)) best = q;
    }
    if (best >= 0 && !added.has(candidates[best])) {
      added.add(candidates[best]);
      kept.push(candidates[best]);
      keptWork.push(candidateWork[best]);
    }
  }
  if (added.size > 0) kept.sort((x, y) => x - y);
}
