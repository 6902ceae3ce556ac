import { artificialPointsDown } from "../transport/network-simplex.js";
import { buildTransportLp, solveTransportLp, transportValue, type TransportLp } from "../transport/transport-lp.js";
import type { ExactProblem } from "./exact-problem.js";

/** The LP relaxation of one search node. */
export type Relaxed =
  | {
      readonly feasible: false;
      /** When the LP itself had no solution: reps it could not bring up to their window's lower end, and by how many hours in all. */
      readonly shortReps?: readonly number[];
      readonly shortHours?: number;
      /** … and hours of the items it could not place under the reps' upper ends. */
      readonly excessHours?: number;
    }
  | {
      readonly feasible: true;
      /** LP value of the free items (Σ workload × minutes), a lower bound on their cost. */
      readonly value: number;
      /** Rep per free item when the LP solution is integral (−1 for fixed items), else null. */
      readonly integral: Int32Array | null;
      /** Item to branch on (−1 when integral). */
      readonly branch: number;
      /** The branch item's arcs in the order to try: those the LP uses (most flow first), then the rest by cost. */
      readonly order: readonly number[];
      /** Rep per free item with its largest LP flow (−1 for fixed items), a warm start for children. */
      readonly lead: Int32Array;
      /** Budget use of the LP solution (fractional), per budget of the problem; network relaxation only. */
      readonly use?: Float64Array;
    };

/**
 * Solves the transportation LP over the free items (`fixedRep[i] < 0`) with every rep's window less
 * the load of the fixed items: `value` is a valid lower bound on the cost of completing the node,
 * and an LP with artificial flow left at its optimum proves that no completion keeps the windows.
 * Items with no hours are placed on their cheapest arc, outside the LP. Needs `uniformHours`.
 */
export function relaxByNetwork(ep: ExactProblem, fixedRep: Int32Array, load: Float64Array, warm: Int32Array | null): Relaxed {
  const items = fixedRep.length;
  const free: number[] = [];
  const lead = new Int32Array(items).fill(-1);
  let zeroCost = 0;
  for (let i = 0; i < items; i++) {
    if (fixedRep[i] >= 0) continue;
    if (ep.start[i + 1] === ep.start[i]) return { feasible: false };
    const first = ep.start[i];
    if (ep.hours[first] <= 0) {
      lead[i] = ep.rep[first];
      zeroCost += ep.cost[first];
    } else free.push(i);
  }
  const lower = new Float64Array(ep.m);
  const upper = new Float64Array(ep.m);
  for (let r = 0; r < ep.m; r++) {
    upper[r] = ep.upper[r] - load[r];
    if (upper[r] < 0) return { feasible: false };
    lower[r] = Math.max(0, Math.min(upper[r], ep.lower[r] - load[r]));
    if (ep.lower[r] - load[r] > upper[r]) return { feasible: false };
  }
  if (free.length === 0) {
    for (let r = 0; r < ep.m; r++) if (lower[r] > 0) return { feasible: false };
    return { feasible: true, value: zeroCost, integral: lead, branch: -1, order: [], lead };
  }

  const S = free.length;
  const supply = new Float64Array(S);
  const arcStart = new Int32Array(S + 1);
  for (let k = 0; k < S; k++) {
    const i = free[k];
    supply[k] = ep.hours[ep.start[i]];
    arcStart[k + 1] = arcStart[k] + (ep.start[i + 1] - ep.start[i]);
  }
  const arcRep = new Int32Array(arcStart[S]);
  const arcCost = new Float64Array(arcStart[S]);
  const start = new Int32Array(S).fill(-1);
  for (let k = 0; k < S; k++) {
    const i = free[k];
    for (let e = ep.start[i], t = arcStart[k]; e < ep.start[i + 1]; e++, t++) {
      arcRep[t] = ep.rep[e];
      arcCost[t] = ep.minutes[e];
    }
    start[k] = warm && warm[i] >= 0 ? warm[i] : ep.rep[ep.start[i]];
  }
  const lp = buildTransportLp({ supply, lower, upper, arcStart, arcRep, arcCost, start });
  solveTransportLp(lp);
  const s = lp.simplex;
  let artificial = 0;
  for (let u = 0; u < s.nodeCount; u++) artificial += s.flow[u];
  if (artificial > 0) return infeasibility(lp, S, ep.m);

  const firstArc = s.nodeCount + ep.m;
  let branch = -1;
  let branchHours = -1;
  let integral = true;
  for (let k = 0; k < S; k++) {
    const i = free[k];
    let used = 0;
    let most = -1;
    for (let t = arcStart[k]; t < arcStart[k + 1]; t++) {
      const f = s.flow[firstArc + t];
      if (f <= 0) continue;
      used++;
      if (most < 0 || f > s.flow[firstArc + most]) most = t;
    }
    lead[i] = most >= 0 ? arcRep[most] : ep.rep[ep.start[i]];
    if (used > 1) {
      integral = false;
      if (supply[k] > branchHours) {
        branchHours = supply[k];
        branch = k;
      }
    }
  }
  const value = transportValue(lp) + zeroCost;
  const use = ep.budgets.length > 0 ? budgetUse(ep, free, arcStart, s.flow, firstArc, supply, lp.unitsPerHour, lead, fixedRep) : undefined;
  if (integral) return { feasible: true, value, integral: lead, branch: -1, order: [], lead, ...(use ? { use } : {}) };

  const i = free[branch];
  const flows: { e: number; f: number }[] = [];
  for (let e = ep.start[i], t = arcStart[branch]; e < ep.start[i + 1]; e++, t++) flows.push({ e, f: s.flow[firstArc + t] });
  flows.sort((x, y) => y.f - x.f || ep.cost[x.e] - ep.cost[y.e] || x.e - y.e);
  return { feasible: true, value, integral: null, branch: i, order: flows.map((x) => x.e), lead, ...(use ? { use } : {}) };
}

/** Σ use × flow share over the LP's arcs (and the zero-hour items' chosen arcs), per budget. */
function budgetUse(ep: ExactProblem, free: readonly number[], arcStart: Int32Array, flow: Float64Array, firstArc: number, supply: Float64Array, unitsPerHour: number, lead: Int32Array, fixedRep: Int32Array): Float64Array {
  const out = new Float64Array(ep.budgets.length);
  for (let k = 0; k < ep.budgets.length; k++) {
    const { use } = ep.budgets[k];
    for (let q = 0; q < free.length; q++) {
      const i = free[q];
      for (let e = ep.start[i], t = arcStart[q]; e < ep.start[i + 1]; e++, t++) {
        const f = flow[firstArc + t];
        if (f > 0) out[k] += (use[e] * f) / unitsPerHour / supply[q];
      }
    }
    for (let i = 0; i < fixedRep.length; i++) {
      if (fixedRep[i] >= 0 || lead[i] < 0 || ep.start[i + 1] === ep.start[i] || ep.hours[ep.start[i]] > 0) continue;
      for (let e = ep.start[i]; e < ep.start[i + 1]; e++) if (ep.rep[e] === lead[i]) out[k] += use[e];
    }
  }
  return out;
}

/**
 * What an LP left on its artificial arcs (it minimises that total first): reps whose lower end it
 * could not reach, and supply it could not place. Both are the least possible, over every split.
 */
function infeasibility(lp: TransportLp, supplyCount: number, m: number): Relaxed {
  const s = lp.simplex;
  const shortReps: number[] = [];
  let shortHours = 0;
  for (let r = 0; r < m; r++) {
    const node = supplyCount + r;
    if (s.flow[node] > 0 && artificialPointsDown(s, node)) {
      shortReps.push(r);
      shortHours += s.flow[node] / lp.unitsPerHour;
    }
  }
  let excessHours = 0;
  for (let i = 0; i < supplyCount; i++) if (s.flow[i] > 0 && !artificialPointsDown(s, i)) excessHours += s.flow[i] / lp.unitsPerHour;
  return { feasible: false, shortReps, shortHours, excessHours };
}
