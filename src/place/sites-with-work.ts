import type { CompiledProblem } from "../compile/compiled-problem.js";
import { haversineKm } from "../geo/haversine.js";
import type { CandidateSites } from "./candidate-sites.js";

/**
 * The candidate sites from which a rep can gather at least `lower` hours of work within `minutes`
 * of travel: a home short of its band's lower end with every account it may serve can be in no
 * plan, so dropping it loses nothing (and the bound over the others stays valid). Keeps every
 * site without a travel limit, or when fewer than `atLeast` would be left (the plan then says
 * why it cannot work).
 */
export function sitesWithWork(p: CompiledProblem, sites: CandidateSites, minutes: number, lower: number, atLeast: number): CandidateSites {
  if (!Number.isFinite(minutes) || !(lower > 0)) return sites;
  const minutesPerKm = p.minutesPerKm ?? 0;
  const keep: number[] = [];
  for (let k = 0; k < sites.ids.length; k++) {
    let work = 0;
    for (let a = 0; a < p.n && work < lower; a++) {
      if (haversineKm(sites.lng[k], sites.lat[k], p.accountLng[a], p.accountLat[a]) * minutesPerKm <= minutes) work += p.workload[a];
    }
    if (work >= lower) keep.push(k);
  }
  if (keep.length === sites.ids.length || keep.length < atLeast) return sites;
  return {
    ids: keep.map((k) => sites.ids[k]),
    lng: Float64Array.from(keep, (k) => sites.lng[k]),
    lat: Float64Array.from(keep, (k) => sites.lat[k]),
    account: Int32Array.from(keep, (k) => sites.account[k]),
    available: sites.available,
  };
}
