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

/** Rep index per account in input order, −1 when unassigned. */
export function repIndexByAccount(plan: Plan): Int32Array {
  const { accounts, reps } = plan.problem;
  const repIndex = new Map<string, number>();
  reps.forEach((rep, r) => repIndex.set(rep.id, r));
  const owner = new Map<string, number>();
  for (const row of plan.assignment) owner.set(row.accountId, repIndex.get(row.repId) ?? -1);
  const out = new Int32Array(accounts.length);
  accounts.forEach((account, a) => (out[a] = owner.get(account.id) ?? -1));
  return out;
}

/**
 * Groups assigned accounts by rounded location. A site whose accounts belong to several reps goes
 * to the rep with the most workload there (then the most accounts, then the earliest rep).
 */
export function accountSites(plan: Plan, repOf: Int32Array): AccountSites {
  const { accounts, reps } = plan.problem;
  const siteOf = new Map<string, number>();
  const lng: number[] = [];
  const lat: number[] = [];
  const shares: Map<number, { hours: number; count: number }>[] = [];
  accounts.forEach((account, a) => {
    const r = repOf[a];
    if (r < 0) return;
    const x = roundCoordinate(account.location[0]);
    const y = roundCoordinate(account.location[1]);
    const key = `${x},${y}`;
    let s = siteOf.get(key);
    if (s === undefined) {
      s = lng.length;
      siteOf.set(key, s);
      lng.push(x);
      lat.push(y);
      shares.push(new Map());
    }
    const share = shares[s].get(r) ?? { hours: 0, count: 0 };
    share.hours += account.workload;
    share.count += 1;
    shares[s].set(r, share);
  });

  const owner = new Int32Array(lng.length);
  const accountsNotCovered = new Int32Array(reps.length);
  shares.forEach((byRep, s) => {
    let best = -1, bestHours = -1, bestCount = -1;
    for (const [r, { hours, count }] of byRep) {
      if (hours > bestHours || (hours === bestHours && (count > bestCount || (count === bestCount && r < best)))) {
        best = r;
        bestHours = hours;
        bestCount = count;
      }
    }
    owner[s] = best;
    for (const [r, { count }] of byRep) if (r !== best) accountsNotCovered[r] += count;
  });
  return { count: lng.length, lng: Float64Array.from(lng), lat: Float64Array.from(lat), owner, accountsNotCovered };
}
