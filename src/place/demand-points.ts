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
  const memberStart = new Int32Array(g + 1);
  for (let a = 0; a < p.n; a++) memberStart[cellOf[a] + 1]++;
  for (let c = 0; c < g; c++) memberStart[c + 1] += memberStart[c];
  const members = new Int32Array(p.n);
  const fill = memberStart.slice(0, g);
  for (let a = 0; a < p.n; a++) members[fill[cellOf[a]]++] = a;
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
