import type { CompiledProblem } from "../compile/compiled-problem.js";
import { EARTH_RADIUS_KM, haversineKm } from "../geo/haversine.js";
import type { CpmpInstance } from "./cpmp/cpmp-instance.js";
import type { CandidateSites } from "./candidate-sites.js";
import type { DemandPoints } from "./demand-points.js";

/**
 * Rep placement as a capacitated p-median problem. Points are the demand points — accounts, or
 * groups of accounts (demand = workload, cost = workload × travel minutes from the site) — then,
 * unless the sites are the accounts themselves, one point per candidate site, then one per fixed rep's home (forced open). Such site
 * points have no demand and a token cost (`TOKEN` × minutes) that only keeps them beside the
 * nearest median; the bound takes that token back out (`tokenAllowance`). A point with any
 * account beyond the reps' travel limit from a site costs `forbidden` there. Every free site takes the loosest band of
 * the free reps (the bound stays valid); fixed reps keep their own band at their home.
 */
export interface PlacementModel {
  readonly instance: CpmpInstance;
  /** Travel minutes from site k to point i, for the search's neighbourhoods. */
  readonly proximity: (point: number, site: number) => number;
  /** The site of each free candidate, then of each fixed rep: its id and location. */
  readonly siteIds: readonly string[];
  readonly siteLng: Float64Array;
  readonly siteLat: Float64Array;
  /** Index (into the compiled reps) of the fixed rep at each site, −1 for free sites; length s. */
  readonly fixedRepAt: Int32Array;
  /** What the token costs of site points can add to any solution, at most: subtract it from a bound. */
  readonly tokenAllowance: number;
  /** Costs at or above this mean an account is beyond its rep's travel limit. */
  readonly forbidden: number;
}

/** Share of the smallest positive workload that a site point pays per minute. */
const TOKEN_SHARE = 1e-6;

/**
 * Builds the model. `p` is the compiled problem with the final reps (their bands); `fixed` the
 * indices of the reps that keep their homes, `free` the others (placed at the candidate sites).
 * Without `tokens`, site points cost nothing anywhere (a model for the bound only).
 */
export function placementModel(p: CompiledProblem, demandPoints: DemandPoints, sites: CandidateSites, fixed: readonly number[], free: readonly number[], tokens = true): PlacementModel {
  const n = demandPoints.workload.length;
  const minutesPerKm = p.minutesPerKm!;
  const grouped = n !== p.n;
  const selfSites = !grouped && sites.account.length > 0 && sites.account.every((a) => a >= 0);
  const candidateCount = sites.ids.length;
  const s = candidateCount + fixed.length;
  const extra = (selfSites ? 0 : candidateCount) + fixed.length;
  const points = n + extra;
  const siteLng = new Float64Array(s);
  const siteLat = new Float64Array(s);
  siteLng.set(sites.lng);
  siteLat.set(sites.lat);
  const fixedRepAt = new Int32Array(s).fill(-1);
  fixed.forEach((r, f) => {
    siteLng[candidateCount + f] = p.repLng[r];
    siteLat[candidateCount + f] = p.repLat[r];
    fixedRepAt[candidateCount + f] = r;
  });
  const pointLng = new Float64Array(points);
  const pointLat = new Float64Array(points);
  pointLng.set(demandPoints.lng);
  pointLat.set(demandPoints.lat);
  const siteOfPoint = new Int32Array(s);
  for (let k = 0; k < s; k++) {
    const point = selfSites && k < candidateCount ? sites.account[k] : n + k - (selfSites ? candidateCount : 0);
    siteOfPoint[k] = point;
    pointLng[point] = siteLng[k];
    pointLat[point] = siteLat[k];
  }
  // Sites must be listed by ascending point index.
  const order = Array.from({ length: s }, (_, k) => k).sort((x, y) => siteOfPoint[x] - siteOfPoint[y]);
  const ordered = (values: Float64Array) => Float64Array.from(order, (k) => values[k]);
  const orderedLng = ordered(siteLng);
  const orderedLat = ordered(siteLat);

  const loosest = { lower: Infinity, upper: 0, travel: 0 };
  for (const r of free) {
    loosest.lower = Math.min(loosest.lower, p.lower[r]);
    loosest.upper = Math.max(loosest.upper, p.upper[r]);
    loosest.travel = Math.max(loosest.travel, p.maxTravel[r]);
  }
  const demand = new Float64Array(points);
  demand.set(demandPoints.workload);
  const capacity = new Float64Array(points).fill(free.length > 0 ? loosest.upper : 0);
  const minLoad = new Float64Array(points).fill(free.length > 0 ? loosest.lower : 0);
  const travelLimit = new Float64Array(s).fill(loosest.travel);
  order.forEach((k, position) => {
    const r = fixedRepAt[k];
    if (r < 0) return;
    capacity[siteOfPoint[k]] = p.upper[r];
    minLoad[siteOfPoint[k]] = p.lower[r];
    travelLimit[position] = p.maxTravel[r];
  });

  let smallest = Infinity;
  let largest = 0;
  for (let a = 0; a < n; a++) {
    if (demand[a] > 0) smallest = Math.min(smallest, demand[a]);
    largest = Math.max(largest, demand[a]);
  }
  const token = tokens ? TOKEN_SHARE * (Number.isFinite(smallest) ? smallest : 1) : 0;
  const travel = (i: number, k: number) => haversineKm(orderedLng[k], orderedLat[k], pointLng[i], pointLat[i]) * minutesPerKm;
  // A group is within a site's reach only when every account in it is: the limit binds each account.
  const farthest = (i: number, k: number) => {
    if (!grouped) return travel(i, k);
    let most = 0;
    for (let e = demandPoints.memberStart[i]; e < demandPoints.memberStart[i + 1]; e++) {
      const a = demandPoints.members[e];
      most = Math.max(most, haversineKm(orderedLng[k], orderedLat[k], p.accountLng[a], p.accountLat[a]) * minutesPerKm);
    }
    return most;
  };
  // Above any workload × minutes on Earth (half a great circle is the longest trip).
  const forbidden = 1e6 * Math.max(largest, 1) * Math.PI * EARTH_RADIUS_KM * minutesPerKm;
  const cost = new Float64Array(points * s);
  let tokenAllowance = 0;
  for (let i = 0; i < points; i++) {
    let far = 0;
    for (let k = 0; k < s; k++) {
      const t = travel(i, k);
      if (i >= n) {
        cost[i * s + k] = token * t;
        if (t > far) far = t;
      } else cost[i * s + k] = Number.isFinite(travelLimit[k]) && farthest(i, k) > travelLimit[k] ? forbidden : demand[i] * t;
    }
    tokenAllowance += token * far;
  }
  const forcedPositions: number[] = [];
  order.forEach((k, position) => {
    if (fixedRepAt[k] >= 0) forcedPositions.push(position);
  });
  const instance: CpmpInstance = {
    n: points,
    p: fixed.length + free.length,
    demand,
    capacity,
    minLoad,
    sites: Int32Array.from(order, (k) => siteOfPoint[k]),
    cost,
    forbiddenCost: forbidden,
    forced: Int32Array.from(forcedPositions),
    integerCosts: false,
  };
  return {
    instance,
    proximity: travel,
    siteIds: order.map((k) => (k < candidateCount ? sites.ids[k] : p.repIds[fixedRepAt[k]])),
    siteLng: orderedLng,
    siteLat: orderedLat,
    fixedRepAt: Int32Array.from(order, (k) => fixedRepAt[k]),
    tokenAllowance,
    forbidden,
  };
}
