import { haversineKm } from "../../geo/haversine.js";
import type { UnitGraph } from "../../units/adjacency.js";
import type { UnitMeasures } from "../../units/unit-measures.js";
import type { CompiledWithUnits } from "../../units/unit-work.js";

/**
 * A unit without accounts costs as if it held this share of the mean unit workload at its centroid,
 * so that it leans towards the nearest rep instead of going anywhere at no cost.
 */
const EMPTY_UNIT_SHARE = 1e-3;

/**
 * The alignment problem at unit level: units are the atoms, each owned whole by one rep.
 * Dense U × m arrays, row-major by unit (`u * m + r`).
 */
export interface UnitProblem {
  /** Number of units. */
  readonly U: number;
  /** Number of reps. */
  readonly m: number;
  readonly graph: UnitGraph;
  /** Σ workload of the unit's assignable accounts plus the unit's own workload (`UnitWork`), hours; length U. */
  readonly weight: Float64Array;
  /**
   * Cost of giving unit u to rep r, at `u * m + r`: Σ workload × travel minutes over its accounts
   * plus its own workload × minutes to its centroid (the plan's objective); for a unit without
   * workload, `EMPTY_UNIT_SHARE` × mean unit workload × minutes from the rep's home to the unit's
   * centroid. Length U·m.
   */
  readonly cost: Float64Array;
  /** Workload the unit's cost is per: its weight, or the nominal weight given to units without accounts; length U. */
  readonly costWeight: Float64Array;
  /** 1 when rep r may serve every account of unit u (segment, region, travel limit; locked accounts exempt), at `u * m + r`. */
  readonly allowed: Uint8Array;
  /** Rep that unit u must belong to (a lock or a rep's home), or −1; length U. */
  readonly pin: Int32Array;
  /** Anchor unit of each rep (its home unit or a substitute; pinned to it), or −1 when the rep has none; length m. */
  readonly anchor: Int32Array;
  /** Band ends and target per rep, hours (the account-level ones); length m. */
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly target: Float64Array;
  /** Unit centroids, degrees; length U. */
  readonly centroidLng: Float64Array;
  readonly centroidLat: Float64Array;
}

/** Unit weights, costs and rules from the account-level problem and the units' own work; pins and anchors are filled in later. */
export function buildUnitProblem(
  p: CompiledWithUnits,
  graph: UnitGraph,
  measures: UnitMeasures,
  unitOf: Int32Array,
  assignable: (a: number) => boolean,
  minutesPerKm: number,
): Omit<UnitProblem, "pin" | "anchor"> {
  const U = graph.count;
  const m = p.m;
  const weight = new Float64Array(U);
  const cost = new Float64Array(U * m);
  const allowed = new Uint8Array(U * m).fill(1);
  const own = p.unitWork;
  for (let u = 0; u < U; u++) {
    const w = own.workload[u];
    if (w <= 0) continue;
    weight[u] = w;
    for (let r = 0; r < m; r++) cost[u * m + r] = w * own.travel(r, u);
  }
  for (let a = 0; a < p.n; a++) {
    const u = unitOf[a];
    if (u < 0 || !assignable(a)) continue;
    const w = p.workload[a];
    weight[u] += w;
    const row = u * m;
    for (let r = 0; r < m; r++) {
      const t = p.travel(r, a);
      cost[row + r] += w * t;
      if (p.lockedRep[a] < 0 && !(t <= p.maxTravel[r] && p.compatible(r, a))) allowed[row + r] = 0;
    }
  }
  let total = 0;
  for (let u = 0; u < U; u++) total += weight[u];
  const emptyWeight = EMPTY_UNIT_SHARE * Math.max(total / Math.max(1, U), 1e-9);
  const costWeight = Float64Array.from(weight);
  for (let u = 0; u < U; u++) {
    if (weight[u] > 0) continue;
    costWeight[u] = emptyWeight;
    for (let r = 0; r < m; r++) {
      const km = haversineKm(p.repLng[r], p.repLat[r], measures.centroidLng[u], measures.centroidLat[u]);
      cost[u * m + r] = emptyWeight * km * minutesPerKm;
    }
  }
  return {
    U,
    m,
    graph,
    weight,
    cost,
    costWeight,
    allowed,
    lower: p.lower,
    upper: p.upper,
    target: p.target,
    centroidLng: measures.centroidLng,
    centroidLat: measures.centroidLat,
  };
}

/** Hours outside rep r's band at the given load. */
export function violation(up: Pick<UnitProblem, "lower" | "upper">, r: number, load: number): number {
  return Math.max(0, load - up.upper[r]) + Math.max(0, up.lower[r] - load);
}

/** Weights of the band terms in the search objective (see `penalty`). */
export interface Weights {
  /** Price of an hour outside a band, minutes (the objective is hours × minutes). */
  readonly mu: number;
  /** Weight of the pull towards the target, minutes; 0 once every rep is inside its band. */
  readonly pull: number;
}

/**
 * Band penalty of rep r at the given load, in the objective's unit (hours × minutes):
 * μ × (v + v² / target) + pull × (load − target)² / target, v = hours outside the band. The
 * quadratic part makes spreading a shortfall over several reps cheaper than leaving it on one; the
 * pull (used only while some rep is outside its band) draws every rep towards its target, so
 * surplus diffuses through chains of territories that all sit at their band's edge.
 */
export function penalty(up: Pick<UnitProblem, "lower" | "upper" | "target">, r: number, load: number, w: Weights): number {
  const v = Math.max(0, load - up.upper[r]) + Math.max(0, up.lower[r] - load);
  const t = Math.max(up.target[r], 1e-9);
  const d = load - up.target[r];
  return w.mu * (v + (v * v) / t) + (w.pull * d * d) / t;
}
