import { fail } from "../errors.js";
import type { Problem } from "../model/problem-schema.js";
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
 * The candidate sites: the given list (checked: finite coordinates, lng in [−180, 180], lat in
 * [−90, 90]), or every distinct account location. When there are more than `limit`, keeps a spread
 * of them: the account locations are put on a grid of about `limit` cells, and each cell keeps the
 * location nearest its workload-weighted centre (the heaviest cells first when still too many).
 */
export function candidateSites(problem: Problem, sites: "accounts" | readonly Site[], limit: number): CandidateSites {
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
  for (const a of accounts) {
    const key = cellOf(a);
    const cell = cells.get(key) ?? { weight: 0, x: 0, y: 0, members: [] };
    const w = Math.max(problem.accounts[a].workload, 1e-9);
    cell.weight += w;
    cell.x += w * problem.accounts[a].location[0];
    cell.y += w * problem.accounts[a].location[1];
    cell.members.push(a);
    cells.set(key, cell);
  }
  const ranked = [...cells.entries()].sort((p, q) => q[1].weight - p[1].weight || p[0] - q[0]).slice(0, limit);
  const kept = ranked.map(([, cell]) => {
    const [cx, cy] = [cell.x / cell.weight, cell.y / cell.weight];
    let best = cell.members[0];
    let bestD = Infinity;
    for (const a of cell.members) {
      const [x, y] = problem.accounts[a].location;
      const d = (x - cx) ** 2 + (y - cy) ** 2;
      if (d < bestD) [best, bestD] = [a, d];
    }
    return best;
  });
  return kept.sort((a, b) => a - b);
}
