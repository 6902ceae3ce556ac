import type { Plan } from "../model/plan.js";
import { roundCoordinate } from "./round-coordinates.js";

/**
 * The distinct locations of assigned accounts (rounded to the output precision), each owned by
 * one rep: the Voronoi sites territory polygons are built from.
 */
export interface AccountSites {
  /** Number of sites. */
  readonly count: number;
  /** Site longitude / latitude, degrees, rounded to 6 decimals; length count each. */
  readonly lng: Float64Array;
  readonly lat: Float64Array;
  /** Rep index owning the site's cell; length count. */
  readonly owner: Int32Array;
  /**
   * Per rep index: its assigned accounts that share a location with more workload of another rep,
   * so their cell went to that rep; length m.
   */
  readonly accountsNotCovered: Int32Array;
}

/** Rep index per account, per plan already looked up (plans are never modified, so it stays valid). */
const looked = new WeakMap<Plan, Int32Array>();

/** Rep index per account in input order, −1 when unassigned; each call returns its own copy. */
export function repIndexByAccount(plan: Plan): Int32Array {
  let repOf = looked.get(plan);
  if (!repOf) looked.set(plan, (repOf = lookUpReps(plan)));
  return repOf.slice();
}

function lookUpReps(plan: Plan): Int32Array {
  const { accounts, reps } = plan.problem;
  const repIndex = new Map<string, number>();
  reps.forEach((rep, r) => repIndex.set(rep.id, r));
  const out = new Int32Array(accounts.length).fill(-1);
  // Plans list assignments in account order: walk both lists together, and fall back to a lookup
  // by id only if they disagree.
  let k = 0;
  for (let a = 0; a < accounts.length && k < plan.assignment.length; a++) {
    const row = plan.assignment[k];
    if (row.accountId !== accounts[a].id) continue;
    out[a] = repIndex.get(row.repId) ?? -1;
    k++;
  }
  if (k === plan.assignment.length) return out;
  const owner = new Map<string, number>();
  for (const row of plan.assignment) owner.set(row.accountId, repIndex.get(row.repId) ?? -1);
  accounts.forEach((account, a) => (out[a] = owner.get(account.id) ?? -1));
  return out;
}

/**
 * Groups assigned accounts by rounded location. A site whose accounts belong to several reps goes
 * to the rep with the most workload there (then the most accounts, then the earliest rep).
 */
export function accountSites(plan: Plan, repOf: Int32Array): AccountSites {
  const { accounts, reps } = plan.problem;
  // Assigned accounts sorted by rounded location; runs of equal locations are sites.
  const x = new Float64Array(accounts.length);
  const y = new Float64Array(accounts.length);
  const assigned: number[] = [];
  for (let a = 0; a < accounts.length; a++) {
    if (repOf[a] < 0) continue;
    x[a] = roundCoordinate(accounts[a].location[0]);
    y[a] = roundCoordinate(accounts[a].location[1]);
    assigned.push(a);
  }
  const order = Int32Array.from(assigned).sort((a, b) => x[a] - x[b] || y[a] - y[b] || a - b);
  // Runs by first account (sites keep first-appearance order).
  const runStart: number[] = [];
  for (let i = 0; i < order.length; i++) if (i === 0 || x[order[i]] !== x[order[i - 1]] || y[order[i]] !== y[order[i - 1]]) runStart.push(i);
  runStart.push(order.length);
  const runs = Int32Array.from({ length: runStart.length - 1 }, (_, r) => r).sort((p, q) => order[runStart[p]] - order[runStart[q]]);
  const count = runs.length;
  const lng = new Float64Array(count);
  const lat = new Float64Array(count);
  const owner = new Int32Array(count);
  const accountsNotCovered = new Int32Array(reps.length);
  const hours = new Map<number, number>();
  const counts = new Map<number, number>();
  for (let s = 0; s < count; s++) {
    const lo = runStart[runs[s]], hi = runStart[runs[s] + 1];
    const first = order[lo];
    lng[s] = x[first];
    lat[s] = y[first];
    if (hi - lo === 1) {
      owner[s] = repOf[first];
      continue;
    }
    // Shared location: the rep with the most workload there (then most accounts, then earliest).
    hours.clear();
    counts.clear();
    for (let i = lo; i < hi; i++) {
      const a = order[i];
      const r = repOf[a];
      hours.set(r, (hours.get(r) ?? 0) + accounts[a].workload);
      counts.set(r, (counts.get(r) ?? 0) + 1);
    }
    let best = -1, bestHours = -1, bestCount = -1;
    for (const [r, h] of hours) {
      const c = counts.get(r)!;
      if (h > bestHours || (h === bestHours && (c > bestCount || (c === bestCount && r < best)))) {
        best = r;
        bestHours = h;
        bestCount = c;
      }
    }
    owner[s] = best;
    for (const [r, c] of counts) if (r !== best) accountsNotCovered[r] += c;
  }
  return { count, lng, lat, owner, accountsNotCovered };
}
