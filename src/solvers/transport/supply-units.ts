import type { CompiledProblem } from "../../compile/compiled-problem.js";
import { isEligible, type ArcLists } from "./candidate-arcs.js";
import { minutes, type GreatCircle } from "./great-circle.js";
import type { PointGroups } from "./point-groups.js";

/**
 * The LP's supply nodes: single accounts, or atoms (groups of nearby accounts that move
 * together in the LP). A unit's cost to a rep is the workload-weighted mean travel of its
 * accounts, and a rep is eligible for a unit only when it is eligible for every account in it.
 */
export interface SupplyUnits {
  /** Offsets into `member`; length units + 1. */
  readonly start: Int32Array;
  /** Account indices, unit by unit. */
  readonly member: Int32Array;
  /** Σ workload of the unit's accounts, hours. */
  readonly workload: Float64Array;
  /** Unit centre (unit vector, xyz interleaved) and radius (radians), for pricing bounds. */
  readonly center: Float64Array;
  readonly radius: Float64Array;
  /** Candidate arcs of each unit. */
  readonly arcs: ArcLists;
}

/** One unit per account in `accounts` (each must have positive workload). */
export function accountUnits(p: CompiledProblem, geo: GreatCircle | undefined, accounts: Int32Array, lists: ArcLists): SupplyUnits {
  const count = accounts.length;
  const start = new Int32Array(count + 1);
  const workload = new Float64Array(count);
  const center = new Float64Array(3 * count);
  const arcStart = new Int32Array(count + 1);
  const reach = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const a = accounts[i];
    start[i + 1] = i + 1;
    workload[i] = p.workload[a];
    if (geo) center.set(geo.account.subarray(3 * a, 3 * a + 3), 3 * i);
    arcStart[i + 1] = arcStart[i] + lists.start[a + 1] - lists.start[a];
    reach[i] = lists.reach[a];
  }
  const rep = new Int32Array(arcStart[count]);
  const cost = new Float64Array(arcStart[count]);
  for (let i = 0; i < count; i++) {
    const a = accounts[i];
    rep.set(lists.rep.subarray(lists.start[a], lists.start[a + 1]), arcStart[i]);
    cost.set(lists.cost.subarray(lists.start[a], lists.start[a + 1]), arcStart[i]);
  }
  return { start, member: accounts, workload, center, radius: new Float64Array(count), arcs: { start: arcStart, rep, cost, reach } };
}

/** One unit per group, with the groups' atom arcs. */
export function atomUnits(p: CompiledProblem, groups: PointGroups, lists: ArcLists): SupplyUnits {
  const count = groups.radius.length;
  const workload = new Float64Array(count);
  for (let g = 0; g < count; g++) {
    for (let k = groups.start[g]; k < groups.start[g + 1]; k++) workload[g] += p.workload[groups.member[k]];
  }
  return { start: groups.start, member: groups.member, workload, center: groups.center, radius: groups.radius, arcs: lists };
}

/** Cost per hour of unit u served by rep r, or −1 when r is not eligible for every account in it. */
export function unitCost(p: CompiledProblem, geo: GreatCircle | undefined, units: SupplyUnits, u: number, r: number): number {
  let weighted = 0;
  let plain = 0;
  const lo = units.start[u], hi = units.start[u + 1];
  for (let k = lo; k < hi; k++) {
    const a = units.member[k];
    const t = geo ? minutes(p, geo.minutesPerKm, r, a) : p.travel(r, a);
    if (!isEligible(p, r, a, t)) return -1;
    weighted += p.workload[a] * t;
    plain += t;
  }
  return units.workload[u] > 0 ? weighted / units.workload[u] : plain / (hi - lo);
}
