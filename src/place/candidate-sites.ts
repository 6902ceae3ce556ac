import { fail } from "../errors.js";
import { haversineKm } from "../geo/haversine.js";
import type { Problem } from "../model/problem-schema.js";
import { addBusiestHomes } from "./busiest-homes.js";
import type { Site } from "./place-options.js";

/** Candidate home sites, in a fixed order. */
export interface CandidateSites {
  readonly ids: readonly string[];
  readonly lng: Float64Array;
  readonly lat: Float64Array;
  /** Account index of each site when sites are account locations, else −1. */
  readonly account: Int32Array;
  /** Distinct sites there were to choose from (more than `ids.length` when a spread was kept). */
  readonly available: number;
}

/**
 * A travel limit the kept sites must cover: every account within `minutes` of one of them, and of
 * one from which a rep can gather as much work as from any account location (up to `enough` hours).
 */
export interface SiteReach {
  readonly minutes: number;
  readonly minutesPerKm: number;
  /** Hours of work within reach that make a home as good as any (one rep's capacity). */
  readonly enough: number;
}

/** Account locations a spread's busiest homes are chosen among, at most (a spread of them beyond). */
const HOME_CANDIDATE_LIMIT = 4_000;

/**
 * The candidate sites: the given list (checked: finite coordinates, lng in [−180, 180], lat in
 * [−90, 90]), or every distinct account location. When there are more than `limit`, keeps a spread
 * of them: the account locations are put on a grid of about `limit` cells; each cell keeps sites in
 * proportion to its workload (at least one, heaviest cells first): the location nearest its
 * workload-weighted centre, then each time the one farthest from those kept. With a `reach`, the
 * spread then gains account locations until every account is within the travel limit of a kept
 * site (an account out of reach adds its own location), so thinning never strands an account, and
 * each account's busiest home within the limit (`addBusiestHomes`), so thinning never leaves an
 * account only homes from which a rep cannot gather a full load.
 */
export function candidateSites(problem: Problem, sites: "accounts" | readonly Site[], limit: number, reach?: SiteReach): CandidateSites {
  if (sites !== "accounts") return listedSites(sites);
  const seen = new Map<string, number>();
  const chosen: number[] = [];
  problem.accounts.forEach((account, a) => {
    const key = `${account.location[0]},${account.location[1]}`;
    if (!seen.has(key)) {
      seen.set(key, a);
      chosen.push(a);
    }
  });
  const kept = chosen.length > limit ? spread(problem, chosen, limit) : chosen;
  if (kept !== chosen && reach && Number.isFinite(reach.minutes)) {
    coverReach(problem, kept, reach);
    const candidates = chosen.length > HOME_CANDIDATE_LIMIT ? spread(problem, chosen, HOME_CANDIDATE_LIMIT) : chosen;
    addBusiestHomes(problem, kept, candidates, reach.minutes, reach.minutesPerKm, reach.enough);
  }
  return {
    ids: kept.map((a) => problem.accounts[a].id),
    lng: Float64Array.from(kept, (a) => problem.accounts[a].location[0]),
    lat: Float64Array.from(kept, (a) => problem.accounts[a].location[1]),
    account: Int32Array.from(kept),
    available: chosen.length,
  };
}

function listedSites(sites: readonly Site[]): CandidateSites {
  if (!Array.isArray(sites)) fail("invalid_option", ["options", "sites"], `expected "accounts" or a list of sites, got ${typeof sites}`);
  const ids: string[] = [];
  const lng = new Float64Array(sites.length);
  const lat = new Float64Array(sites.length);
  sites.forEach((site, k) => {
    const [x, y] = Array.isArray(site?.location) ? site.location : [NaN, NaN];
    if (!Number.isFinite(x) || x < -180 || x > 180) fail("invalid_option", ["options", "sites", k, "location", 0], `longitude ${x} is outside [-180, 180]`);
    if (!Number.isFinite(y) || y < -90 || y > 90) fail("invalid_option", ["options", "sites", k, "location", 1], `latitude ${y} is outside [-90, 90]`);
    ids.push(site.id ?? `site-${k + 1}`);
    lng[k] = x;
    lat[k] = y;
  });
  return { ids, lng, lat, account: new Int32Array(sites.length).fill(-1), available: sites.length };
}

/**
 * Adds to `kept` (account indices, left sorted) the locations of accounts that no kept site
 * reaches, heaviest first, each marking what it now reaches.
 */
function coverReach(problem: Problem, kept: number[], reach: SiteReach): void {
  const n = problem.accounts.length;
  const covered = new Uint8Array(n);
  const cover = (site: number) => {
    const [x, y] = problem.accounts[site].location;
    for (let a = 0; a < n; a++) {
      if (!covered[a] && haversineKm(x, y, problem.accounts[a].location[0], problem.accounts[a].location[1]) * reach.minutesPerKm <= reach.minutes) covered[a] = 1;
    }
  };
  for (const site of kept) cover(site);
  const order = Array.from({ length: n }, (_, a) => a).sort((x, y) => problem.accounts[y].workload - problem.accounts[x].workload || x - y);
  let added = false;
  for (const a of order) {
    if (covered[a]) continue;
    kept.push(a);
    cover(a);
    added = true;
  }
  if (added) kept.sort((x, y) => x - y);
}

function spread(problem: Problem, accounts: readonly number[], limit: number): number[] {
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const a of accounts) {
    const [x, y] = problem.accounts[a].location;
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  const side = Math.max(1, Math.floor(Math.sqrt(limit)));
  const cellOf = (a: number) => {
    const [x, y] = problem.accounts[a].location;
    const cx = Math.min(side - 1, Math.floor(((x - minX) / (maxX - minX || 1)) * side));
    const cy = Math.min(side - 1, Math.floor(((y - minY) / (maxY - minY || 1)) * side));
    return cy * side + cx;
  };
  const cells = new Map<number, { weight: number; x: number; y: number; members: number[] }>();
  let total = 0;
  for (const a of accounts) {
    const key = cellOf(a);
    const cell = cells.get(key) ?? { weight: 0, x: 0, y: 0, members: [] };
    const w = Math.max(problem.accounts[a].workload, 1e-9);
    cell.weight += w;
    cell.x += w * problem.accounts[a].location[0];
    cell.y += w * problem.accounts[a].location[1];
    cell.members.push(a);
    cells.set(key, cell);
    total += w;
  }
  // Each cell gets sites in proportion to its workload (at least one; heaviest cells first), so
  // that a busy town can hold several reps.
  const ranked = [...cells.entries()].sort((p, q) => q[1].weight - p[1].weight || p[0] - q[0]);
  const kept: number[] = [];
  let left = limit;
  for (const [, cell] of ranked) {
    if (left <= 0) break;
    const share = Math.min(left, cell.members.length, Math.max(1, Math.floor((limit * cell.weight) / total)));
    kept.push(...spreadWithin(problem, cell.members, share, cell.x / cell.weight, cell.y / cell.weight));
    left -= share;
  }
  return kept.sort((a, b) => a - b);
}

/** `count` accounts of a cell: the one nearest its centre, then each time the farthest from those taken. */
function spreadWithin(problem: Problem, members: readonly number[], count: number, cx: number, cy: number): number[] {
  const at = (a: number) => problem.accounts[a].location;
  const gap = members.map((a) => (at(a)[0] - cx) ** 2 + (at(a)[1] - cy) ** 2);
  const taken: number[] = [];
  let next = gap.indexOf(Math.min(...gap));
  gap.fill(Infinity);
  while (taken.length < count) {
    const a = members[next];
    taken.push(a);
    let far = -1;
    for (let q = 0; q < members.length; q++) {
      const [x, y] = at(members[q]);
      gap[q] = Math.min(gap[q], (x - at(a)[0]) ** 2 + (y - at(a)[1]) ** 2);
      if (far < 0 || gap[q] > gap[far]) far = q;
    }
    next = far;
  }
  return taken;
}
