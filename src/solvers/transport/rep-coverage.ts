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
  return { index, x, y, cos, covered: new Float64Array(p.m), stamp: new Int32Array(count).fill(-1) };
}

/** Links rep j to its nearest units holding `factor` × target; returns the number of arcs added. */
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
  const need = factor * p.target[j];
  const rx = p.repLng[j] * cover.cos;
  const ry = p.repLat[j];
  let found: number[] = [];
  for (let radius = 0.05; ; radius *= 2) {
    found = cover.index.within(rx, ry, radius).filter((u) => u < count);
    let w = 0;
    for (const u of found) w += units.workload[u];
    if (w >= need || found.length >= count || radius > 720) break;
  }
  const d2 = (u: number) => (cover.x[u] - rx) ** 2 + (cover.y[u] - ry) ** 2;
  found.sort((u, v) => d2(u) - d2(v) || u - v);
  let covered = 0;
  let added = 0;
  for (const u of found) {
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
