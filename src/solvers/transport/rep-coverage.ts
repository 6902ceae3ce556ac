import KDBush from "kdbush";
import type { CompiledProblem } from "../../compile/compiled-problem.js";
import type { GreatCircle } from "./great-circle.js";
import { unitCost, type SupplyUnits } from "./supply-units.js";
import { addTransportArc, type TransportLp } from "./transport-lp.js";

/**
 * Rep-centric coverage (a local Hall condition): each rep gets arcs from its nearest units until
 * they hold `factor` × its target workload, so candidate lists built around accounts cannot
 * starve a rep whose neighbours all have closer reps. Nearness here is planar (index only); the
 * arcs' costs are exact.
 */
export interface Coverage {
  readonly index: KDBush;
  /** Planar x (lng · cos of the mean latitude) and y (lat) of each unit. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly cos: number;
  /** Per rep, the workload factor already covered (0 = none yet). */
  readonly covered: Float64Array;
  /** Per unit, the last rep it was linked to by coverage (avoids duplicate arcs). */
  readonly stamp: Int32Array;
  /** Rep homes in the same plane. */
  readonly repIndex: KDBush;
}

export function createCoverage(p: CompiledProblem, units: SupplyUnits): Coverage {
  const count = units.workload.length;
  let latSum = 0;
  for (let j = 0; j < p.m; j++) latSum += p.repLat[j];
  const cos = Math.max(0.05, Math.cos(((latSum / Math.max(1, p.m)) * Math.PI) / 180));
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  const index = new KDBush(Math.max(1, count));
  for (let u = 0; u < count; u++) {
    let lng = 0, lat = 0;
    const lo = units.start[u], hi = units.start[u + 1];
    for (let k = lo; k < hi; k++) {
      lng += p.accountLng[units.member[k]];
      lat += p.accountLat[units.member[k]];
    }
    x[u] = (lng / (hi - lo)) * cos;
    y[u] = lat / (hi - lo);
    index.add(x[u], y[u]);
  }
  if (count === 0) index.add(0, 0);
  index.finish();
  const repIndex = new KDBush(Math.max(1, p.m));
  for (let j = 0; j < p.m; j++) repIndex.add(p.repLng[j] * cos, p.repLat[j]);
  repIndex.finish();
  return { index, x, y, cos, covered: new Float64Array(p.m), stamp: new Int32Array(count).fill(-1), repIndex };
}

/**
 * Links rep j to its nearest units until they hold `factor` × its target and the lower band ends
 * of all reps within the same radius (co-located reps share their neighbourhood, so one rep's
 * target is not enough).
 * Returns the number of arcs added.
 */
export function coverRep(
  p: CompiledProblem,
  geo: GreatCircle | undefined,
  units: SupplyUnits,
  lp: TransportLp,
  cover: Coverage,
  j: number,
  factor: number,
): number {
  if (cover.covered[j] >= factor) return 0;
  cover.covered[j] = factor;
  const count = units.workload.length;
  const rx = p.repLng[j] * cover.cos;
  const ry = p.repLat[j];
  const d2 = (x: number, y: number) => (x - rx) ** 2 + (y - ry) ** 2;
  let found: number[] = [];
  let reps: number[] = [];
  for (let radius = 0.05; ; radius *= 2) {
    found = cover.index.within(rx, ry, radius).filter((u) => u < count);
    reps = cover.repIndex.within(rx, ry, radius);
    let w = 0;
    for (const u of found) w += units.workload[u];
    let need = 0;
    for (const r of reps) need += p.lower[r];
    if (w >= Math.max(need, factor * p.target[j]) || found.length >= count || radius > 720) break;
  }
  found.sort((u, v) => d2(cover.x[u], cover.y[u]) - d2(cover.x[v], cover.y[v]) || u - v);
  const repTarget = reps.map((r) => [d2(p.repLng[r] * cover.cos, p.repLat[r]), p.lower[r]] as const).sort((x, y) => x[0] - y[0]);
  // Walk outwards; stop once the units passed hold `factor` × j's target and the lower band ends
  // of all reps passed.
  let covered = 0;
  let lowerSum = 0;
  let need = factor * p.target[j];
  let nextRep = 0;
  let added = 0;
  for (const u of found) {
    const du = d2(cover.x[u], cover.y[u]);
    while (nextRep < repTarget.length && repTarget[nextRep][0] <= du) {
      lowerSum += repTarget[nextRep][1];
      need = Math.max(need, lowerSum);
      nextRep++;
    }
    if (covered >= need) break;
    if (cover.stamp[u] === j || hasArc(units, u, j)) {
      covered += units.workload[u];
      continue;
    }
    const cost = unitCost(p, geo, units, u, j);
    if (cost < 0) continue;
    cover.stamp[u] = j;
    covered += units.workload[u];
    if (units.workload[u] > 0) {
      addTransportArc(lp, u, j, cost);
      added++;
    }
  }
  return added;
}

function hasArc(units: SupplyUnits, u: number, j: number): boolean {
  for (let e = units.arcs.start[u]; e < units.arcs.start[u + 1]; e++) if (units.arcs.rep[e] === j) return true;
  return false;
}
