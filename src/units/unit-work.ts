import { repBands } from "../compile/compile.js";
import type { CompiledProblem } from "../compile/compiled-problem.js";
import { haversineKm } from "../geo/haversine.js";
import { unitRecords } from "./unit-map.js";
import type { UnitMeasures } from "./unit-measures.js";
import type { Units } from "./units-schema.js";

/** The unit properties that hold a unit's own work. */
export const UNIT_WORK_PROPERTIES = ["workload", "potential"] as const;

/**
 * Work that belongs to geographic units themselves rather than to accounts: the `workload`
 * (hours per period) and `potential` (currency per period) properties of a unit, e.g. time to
 * prospect a ZIP area or the market potential of a county. A unit's own work is in addition to
 * its accounts' work (do not repeat the accounts' sum in it), so nothing is counted twice.
 *
 * It counts like an account at the unit's centroid, held by whichever rep holds the unit: in the
 * territory's workload, potential and travel (one trip to the centroid, weighted by the unit's
 * workload, in the objective), in the total workload that sets every rep's target and band, and in
 * the balance metrics. Travel to a unit is great-circle distance from the rep's home to the
 * centroid at `options.travel` speed and circuity, also when a travel matrix or function replaces
 * that model for accounts. It has no segment, region or travel limit, and no current rep
 * (disruption counts accounts only).
 */
export interface UnitWork {
  /** Number of units U (input order, as in `UnitMap`). */
  readonly count: number;
  /** Each unit's own workload, hours (0 when it has none); length U. */
  readonly workload: Float64Array;
  /** Each unit's own potential (0 when it has none); length U. */
  readonly potential: Float64Array;
  /** Σ workload, hours. */
  readonly totalWorkload: number;
  /** Travel minutes from rep r's home to unit u's centroid. */
  readonly travel: (r: number, u: number) => number;
}

/** A compiled problem of a problem with units, with the units' own work added in. */
export type CompiledWithUnits = CompiledProblem & { readonly unitWork: UnitWork };

/**
 * Reads each unit's own `workload` and `potential` (validated by `checkUnits`; absent or null
 * means 0) and prices travel to its centroid at `minutesPerKm`.
 */
export function readUnitWork(units: Units, measures: UnitMeasures, p: CompiledProblem, minutesPerKm: number): UnitWork {
  const records = unitRecords(units);
  const count = records.length;
  const workload = new Float64Array(count);
  const potential = new Float64Array(count);
  let totalWorkload = 0;
  records.forEach((record, u) => {
    workload[u] = amount(record.properties?.workload);
    potential[u] = amount(record.properties?.potential);
    totalWorkload += workload[u];
  });
  const { centroidLng, centroidLat } = measures;
  const travel = (r: number, u: number) => haversineKm(p.repLng[r], p.repLat[r], centroidLng[u], centroidLat[u]) * minutesPerKm;
  return { count, workload, potential, totalWorkload, travel };
}

function amount(value: unknown): number {
  return typeof value === "number" ? value : 0;
}

/**
 * The compiled problem with the units' own work: total workload and every rep's target and band
 * recomputed from it (`repBands`), and the work itself on `unitWork`, where `measure` finds it.
 */
export function withUnitWork(p: CompiledProblem, work: UnitWork): CompiledWithUnits {
  const totalWorkload = p.totalWorkload + work.totalWorkload;
  return { ...p, totalWorkload, ...repBands(totalWorkload, p.capacity, p.totalCapacity, p.balance), unitWork: work };
}
