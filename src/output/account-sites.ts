import type { Plan } from "../model/plan.js";
import { COORDINATE_SCALE } from "./round-coordinates.js";

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
  const { count, lng, lat, start, members } = groupByLocation(accounts, repOf);
  const owner = new Int32Array(count);
  const accountsNotCovered = new Int32Array(reps.length);
  const hours = new Map<number, number>();
  const counts = new Map<number, number>();
  for (let s = 0; s < count; s++) {
    const lo = start[s], hi = start[s + 1];
    if (hi - lo === 1) {
      owner[s] = repOf[members[lo]];
      continue;
    }
    // Shared location: the rep with the most workload there (then most accounts, then earliest).
    hours.clear();
    counts.clear();
    for (let i = lo; i < hi; i++) {
      const a = members[i];
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

/**
 * Assigned accounts grouped by location rounded to 6 decimals, sites in order of their first
 * account: the accounts at site s are `members[start[s]]` … `members[start[s + 1] − 1]`, in input
 * order. Locations are matched through a hash table on the rounded coordinates as integers
 * (millionths of a degree: equal integers, equal rounded coordinates).
 */
function groupByLocation(accounts: Plan["problem"]["accounts"], repOf: Int32Array) {
  const n = accounts.length;
  let size = 1;
  while (size < 2 * n) size *= 2;
  // Slot → site + 1 (0: empty).
  const table = new Int32Array(size);
  const keyX = new Float64Array(n);
  const keyY = new Float64Array(n);
  const siteOf = new Int32Array(n).fill(-1);
  const sizes = new Int32Array(n + 1);
  let count = 0;
  for (let a = 0; a < n; a++) {
    if (repOf[a] < 0) continue;
    const ix = Math.round(accounts[a].location[0] * COORDINATE_SCALE);
    const iy = Math.round(accounts[a].location[1] * COORDINATE_SCALE);
    let slot = (Math.imul(ix | 0, 0x9e3779b1) ^ Math.imul(iy | 0, 0x85ebca77)) & (size - 1);
    while (table[slot] !== 0 && (keyX[table[slot] - 1] !== ix || keyY[table[slot] - 1] !== iy)) slot = (slot + 1) & (size - 1);
    if (table[slot] === 0) {
      keyX[count] = ix;
      keyY[count] = iy;
      table[slot] = ++count;
    }
    siteOf[a] = table[slot] - 1;
    sizes[table[slot]]++;
  }
  const start = new Int32Array(count + 1);
  for (let s = 0; s < count; s++) start[s + 1] = start[s] + sizes[s + 1];
  const fill = start.slice(0, count);
  const members = new Int32Array(start[count]);
  for (let a = 0; a < n; a++) if (siteOf[a] >= 0) members[fill[siteOf[a]]++] = a;
  const lng = new Float64Array(count);
  const lat = new Float64Array(count);
  for (let s = 0; s < count; s++) {
    lng[s] = keyX[s] / COORDINATE_SCALE + 0;
    lat[s] = keyY[s] / COORDINATE_SCALE + 0;
  }
  return { count, lng, lat, start, members };
}
