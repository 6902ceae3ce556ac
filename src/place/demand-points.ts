import type { CompiledProblem } from "../compile/compiled-problem.js";
import { haversineKm } from "../geo/haversine.js";

/**
 * The demand the home search places reps for: the accounts themselves, or — with many accounts —
 * groups of nearby accounts, each at its workload-weighted centre.
 */
export interface DemandPoints {
  readonly lng: Float64Array;
  readonly lat: Float64Array;
  /** Workload of each point, hours. */
  readonly workload: Float64Array;
  /** Accounts of point g: `members[memberStart[g]] .. members[memberStart[g + 1] − 1]`. */
  readonly memberStart: Int32Array;
  readonly members: Int32Array;
  /**
   * Σ over accounts of workload × minutes from the account's point to the account: by the
   * triangle inequality, any plan costs at least its grouped cost minus this (0 without groups).
   */
  readonly spread: number;
}

/** One point per account. */
export function accountPoints(p: CompiledProblem): DemandPoints {
  const members = Int32Array.from({ length: p.n }, (_, a) => a);
  return { lng: p.accountLng, lat: p.accountLat, workload: p.workload, memberStart: Int32Array.from({ length: p.n + 1 }, (_, a) => a), members, spread: 0 };
}

/**
 * Groups the accounts by the cells of a grid of about `limit` cells over their bounding box, a
 * cell's accounts (west to east) cut into groups of at most `heaviest` hours (an account heavier
 * than that stays alone); each group sits at its workload-weighted centre (the plain centre when
 * it has no workload).
 */
export function groupedPoints(p: CompiledProblem, limit: number, heaviest: number): DemandPoints {
  if (p.n <= limit) return accountPoints(p);
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (let a = 0; a < p.n; a++) {
    minX = Math.min(minX, p.accountLng[a]);
    maxX = Math.max(maxX, p.accountLng[a]);
    minY = Math.min(minY, p.accountLat[a]);
    maxY = Math.max(maxY, p.accountLat[a]);
  }
  const side = Math.max(1, Math.floor(Math.sqrt(limit)));
  const cellOf = new Int32Array(p.n);
  const cells = new Map<number, number[]>();
  for (let a = 0; a < p.n; a++) {
    const cx = Math.min(side - 1, Math.floor(((p.accountLng[a] - minX) / (maxX - minX || 1)) * side));
    const cy = Math.min(side - 1, Math.floor(((p.accountLat[a] - minY) / (maxY - minY || 1)) * side));
    const key = cy * side + cx;
    const list = cells.get(key) ?? [];
    list.push(a);
    cells.set(key, list);
  }
  let g = 0;
  for (const list of cells.values()) {
    list.sort((x, y) => p.accountLng[x] - p.accountLng[y] || x - y);
    let load = Infinity;
    for (const a of list) {
      if (load + p.workload[a] > heaviest) {
        g++;
        load = 0;
      }
      load += p.workload[a];
      cellOf[a] = g - 1;
    }
  }
  return pointsOfGroups(p, cellOf, g);
}

/** Homes a group's accounts may be served from, each with its travel limit (minutes). */
export interface ReachableHomes {
  readonly lng: Float64Array;
  readonly lat: Float64Array;
  readonly minutes: Float64Array;
}

/**
 * The points with every group that no home reaches whole (each member within that home's limit)
 * broken into one point per account: the home search then judges travel limits account by
 * account, and a group it sends to a home never strands a member beyond the limit.
 */
export function splitBeyondReach(p: CompiledProblem, points: DemandPoints, homes: ReachableHomes): DemandPoints {
  const count = points.workload.length;
  if (count === p.n) return points;
  const minutesPerKm = p.minutesPerKm ?? 0;
  const groupOf = new Int32Array(p.n);
  let next = 0;
  let split = false;
  for (let g = 0; g < count; g++) {
    const first = points.memberStart[g];
    const last = points.memberStart[g + 1];
    let whole = last - first === 1;
    for (let k = 0; k < homes.lng.length && !whole; k++) {
      let e = first;
      while (e < last && haversineKm(homes.lng[k], homes.lat[k], p.accountLng[points.members[e]], p.accountLat[points.members[e]]) * minutesPerKm <= homes.minutes[k]) e++;
      whole = e === last;
    }
    if (whole) {
      for (let e = first; e < last; e++) groupOf[points.members[e]] = next;
      next++;
    } else {
      split = true;
      for (let e = first; e < last; e++) groupOf[points.members[e]] = next++;
    }
  }
  return split ? pointsOfGroups(p, groupOf, next) : points;
}

/** Demand points from the group of each account (0 … count − 1): members, workload-weighted centres, spread. */
function pointsOfGroups(p: CompiledProblem, groupOf: Int32Array, g: number): DemandPoints {
  const memberStart = new Int32Array(g + 1);
  for (let a = 0; a < p.n; a++) memberStart[groupOf[a] + 1]++;
  for (let c = 0; c < g; c++) memberStart[c + 1] += memberStart[c];
  const members = new Int32Array(p.n);
  const fill = memberStart.slice(0, g);
  for (let a = 0; a < p.n; a++) members[fill[groupOf[a]]++] = a;
  const lng = new Float64Array(g);
  const lat = new Float64Array(g);
  const workload = new Float64Array(g);
  let spread = 0;
  const minutesPerKm = p.minutesPerKm ?? 0;
  for (let c = 0; c < g; c++) {
    let [w, x, y] = [0, 0, 0];
    const count = memberStart[c + 1] - memberStart[c];
    for (let e = memberStart[c]; e < memberStart[c + 1]; e++) {
      const a = members[e];
      w += p.workload[a];
      x += (p.workload[a] || 0) * p.accountLng[a];
      y += (p.workload[a] || 0) * p.accountLat[a];
    }
    if (w > 0) [lng[c], lat[c]] = [x / w, y / w];
    else {
      for (let e = memberStart[c]; e < memberStart[c + 1]; e++) [lng[c], lat[c]] = [lng[c] + p.accountLng[members[e]] / count, lat[c] + p.accountLat[members[e]] / count];
    }
    workload[c] = w;
    for (let e = memberStart[c]; e < memberStart[c + 1]; e++) {
      const a = members[e];
      spread += p.workload[a] * haversineKm(lng[c], lat[c], p.accountLng[a], p.accountLat[a]) * minutesPerKm;
    }
  }
  return { lng, lat, workload, memberStart, members, spread };
}
