import type { CompiledProblem } from "../../compile/compiled-problem.js";
import { ANGLE_SLACK, minutes, type GreatCircle } from "./great-circle.js";
import type { PointGroups } from "./point-groups.js";

/**
 * Candidate arcs in CSR layout with a completeness radius: `reach[i]` is a lower bound on the
 * cost of every eligible rep *not* listed for node i, so pricing can skip nodes whose cheapest
 * listed rep (plus price) beats `reach + min price`.
 */
export interface ArcLists {
  /** Offsets into `rep` / `cost`; length nodes + 1. */
  readonly start: Int32Array;
  readonly rep: Int32Array;
  /** Cost per hour of workload: travel minutes (an atom's: workload-weighted mean over its accounts). */
  readonly cost: Float64Array;
  /** Lower bound on the cost of any eligible rep not listed; Infinity when all are listed. */
  readonly reach: Float64Array;
}

/** Whether rep r may serve account a at t minutes (segments, regions, travel limit). */
export function isEligible(p: CompiledProblem, r: number, a: number, t: number): boolean {
  return t <= p.maxTravel[r] && p.compatible(r, a);
}

/**
 * For each group, the reps that can be among the `k` nearest of any member: with the k-th
 * nearest rep of the centre at angle θk and group radius ρ, every member's k nearest lie within
 * θk + 2ρ of the centre, and every rep outside that set is farther than θk + ρ from each member.
 * Then per account the `kAccount` nearest eligible reps, and per group (as an atom) the `kAtom`
 * cheapest reps eligible for all its members. `groups` must hold every account that is not locked;
 * locked accounts get their locked rep only.
 */
export function buildArcLists(
  p: CompiledProblem,
  geo: GreatCircle | undefined,
  groups: PointGroups,
  kAccount: number,
  kAtom: number,
): { accounts: ArcLists; atoms: ArcLists } {
  const m = p.m;
  const groupCount = groups.radius.length;
  const kNear = Math.min(m, Math.max(kAccount, kAtom));
  const accStart = new Int32Array(p.n + 1);
  const accRep = new Int32Array(p.n * Math.min(kAccount, m) + 16);
  const accCost = new Float64Array(accRep.length);
  const accReach = new Float64Array(p.n);
  const atomStart = new Int32Array(groupCount + 1);
  const atomRep = new Int32Array(groupCount * Math.min(kAtom, m) + 16);
  const atomCost = new Float64Array(atomRep.length);
  const atomReach = new Float64Array(groupCount);

  const dots = new Float64Array(m);
  const sorted = new Float64Array(m);
  const near = new Int32Array(m);
  const sum = new Float64Array(m);
  const count = new Int32Array(m);
  const t = new Float64Array(m);
  const order = new Int32Array(m);
  const count0 = new Int32Array(p.n);
  let accAt = 0;
  let atomAt = 0;

  for (let g = 0; g < groupCount; g++) {
    // Reps that may matter for this group, and the bound beyond them.
    let nearCount = 0;
    let outside = Infinity;
    const rho = groups.radius[g];
    if (geo && kNear < m) {
      const c = groups.center;
      for (let j = 0; j < m; j++) {
        dots[j] = c[3 * g] * geo.rep[3 * j] + c[3 * g + 1] * geo.rep[3 * j + 1] + c[3 * g + 2] * geo.rep[3 * j + 2];
        sorted[j] = -dots[j];
      }
      sorted.sort();
      const thetaK = Math.acos(Math.max(-1, Math.min(1, -sorted[kNear - 1])));
      const limit = thetaK + 2 * rho + ANGLE_SLACK;
      const cosLimit = limit >= Math.PI ? -2 : Math.cos(limit);
      for (let j = 0; j < m; j++) if (dots[j] >= cosLimit) near[nearCount++] = j;
      if (limit < Math.PI) outside = Math.max(0, limit - rho - 2 * ANGLE_SLACK) * geo.minutesPerRadian;
    } else {
      for (let j = 0; j < m; j++) near[nearCount++] = j;
    }
    for (let q = 0; q < nearCount; q++) {
      sum[q] = 0;
      count[q] = 0;
    }

    let groupWork = 0;
    const lo = groups.start[g], hi = groups.start[g + 1];
    for (let k = lo; k < hi; k++) {
      const a = groups.member[k];
      const w = p.workload[a];
      groupWork += w;
      accStart[a] = accAt;
      let eligible = 0;
      for (let q = 0; q < nearCount; q++) {
        const j = near[q];
        const time = geo ? minutes(p, geo.minutesPerKm, j, a) : p.travel(j, a);
        if (!isEligible(p, j, a, time)) continue;
        sum[q] += w * time;
        count[q]++;
        t[eligible] = time;
        order[eligible++] = j;
      }
      const keep = sortPrefix(t, order, eligible, kAccount);
      if (accAt + keep > accRep.length) throw new Error("candidate arcs: buffer overflow");
      for (let q = 0; q < keep; q++) {
        accRep[accAt] = order[q];
        accCost[accAt++] = t[q];
      }
      count0[a] = keep;
      accReach[a] = keep < eligible ? Math.min(t[keep], outside) : outside;
    }

    // Atom arcs: reps eligible for every member, at the workload-weighted mean cost.
    atomStart[g] = atomAt;
    const size = hi - lo;
    let eligible = 0;
    for (let q = 0; q < nearCount; q++) {
      if (count[q] !== size) continue;
      t[eligible] = groupWork > 0 ? sum[q] / groupWork : 0;
      order[eligible++] = near[q];
    }
    const keep = sortPrefix(t, order, eligible, kAtom);
    for (let q = 0; q < keep; q++) {
      atomRep[atomAt] = order[q];
      atomCost[atomAt++] = t[q];
    }
    atomReach[g] = keep < eligible ? Math.min(t[keep], outside) : outside;
    atomStart[g + 1] = atomAt;
  }
  // Accounts outside the groups are the locked ones: their locked rep only.
  for (let a = 0; a < p.n; a++) {
    const locked = p.lockedRep[a];
    if (locked < 0) continue;
    accStart[a] = accAt;
    accRep[accAt] = locked;
    accCost[accAt++] = p.travel(locked, a);
    count0[a] = 1;
    accReach[a] = Infinity;
  }
  // Accounts were visited group by group; rebuild the CSR in account order.
  const accounts = reorder(p.n, accStart, count0, accRep, accCost, accReach);
  return {
    accounts,
    atoms: { start: atomStart, rep: atomRep.slice(0, atomAt), cost: atomCost.slice(0, atomAt), reach: atomReach },
  };
}

/** Sorts the `keep` (+1, for the reach) smallest of t[0..len) to the front, carrying `order`; returns min(keep, len). */
function sortPrefix(t: Float64Array, order: Int32Array, len: number, keep: number): number {
  const want = Math.min(len, keep + 1);
  for (let i = 0; i < want; i++) {
    let best = i;
    for (let j = i + 1; j < len; j++) if (t[j] < t[best] || (t[j] === t[best] && order[j] < order[best])) best = j;
    if (best !== i) {
      const tt = t[i]; t[i] = t[best]; t[best] = tt;
      const oo = order[i]; order[i] = order[best]; order[best] = oo;
    }
  }
  return Math.min(len, keep);
}

function reorder(n: number, at: Int32Array, count: Int32Array, rep: Int32Array, cost: Float64Array, reach: Float64Array): ArcLists {
  const start = new Int32Array(n + 1);
  for (let a = 0; a < n; a++) start[a + 1] = start[a] + count[a];
  const outRep = new Int32Array(start[n]);
  const outCost = new Float64Array(start[n]);
  for (let a = 0; a < n; a++) {
    outRep.set(rep.subarray(at[a], at[a] + count[a]), start[a]);
    outCost.set(cost.subarray(at[a], at[a] + count[a]), start[a]);
  }
  return { start, rep: outRep, cost: outCost, reach };
}
