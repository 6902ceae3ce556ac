import type { CompiledProblem } from "../../compile/compiled-problem.js";
import { travelMinutes, type GreatCircle } from "./great-circle.js";
import type { TransportLp } from "./transport-lp.js";

/**
 * The reps each account may move to during repair: its arcs in the final LP (its cheapest reps at
 * the warm-up prices, coverage and priced-in arcs), in CSR layout over all accounts; accounts
 * outside the LP have none.
 */
export interface AccountArcs {
  /** Offsets into `rep` / `travel`; length n + 1. */
  readonly start: Int32Array;
  readonly rep: Int32Array;
  /** Travel minutes per hour of workload. */
  readonly travel: Float64Array;
}

/** The arcs of the LP's supply nodes (`accounts[i]` is supply node i's account). */
export function accountArcs(n: number, lp: TransportLp, accounts: Int32Array): AccountArcs {
  const s = lp.simplex;
  const first = s.nodeCount + lp.repCount;
  const start = new Int32Array(n + 1);
  for (let e = first; e < s.arcCount; e++) start[accounts[s.source[e]] + 1]++;
  for (let a = 0; a < n; a++) start[a + 1] += start[a];
  const fill = start.slice(0, n);
  const rep = new Int32Array(start[n]);
  const travel = new Float64Array(start[n]);
  for (let e = first; e < s.arcCount; e++) {
    const a = accounts[s.source[e]];
    rep[fill[a]] = s.target[e] - lp.supplyCount;
    travel[fill[a]++] = s.cost[e];
  }
  return { start, rep, travel };
}

/** Travel of account a to rep r from its arcs, or −1 when r is not among them. */
export function arcTravel(arcs: AccountArcs, a: number, r: number): number {
  for (let k = arcs.start[a]; k < arcs.start[a + 1]; k++) if (arcs.rep[k] === r) return arcs.travel[k];
  return -1;
}

/** Travel of account a to rep r: from its arcs when r is among them, else computed. */
export function accountTravel(p: CompiledProblem, geo: GreatCircle | undefined, arcs: AccountArcs, a: number, r: number): number {
  const t = arcTravel(arcs, a, r);
  return t >= 0 ? t : travelMinutes(p, geo, r, a);
}
