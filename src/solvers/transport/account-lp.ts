import type { CompiledProblem } from "../../compile/compiled-problem.js";
import type { SolveContext } from "../solve-context.js";
import { solveByColumnGeneration, type LpResult } from "./column-generation.js";
import { isEligible, travelMinutes, type GreatCircle } from "./great-circle.js";
import { createNearestReps, nearestRepsOfAccounts, type NearestReps } from "./nearest-reps.js";
import { coverRep } from "./rep-coverage.js";
import type { SphereTree } from "./sphere-tree.js";
import { addTransportArc, buildTransportLp, repPrices, supplyPrice, type TransportLp } from "./transport-lp.js";

/** Workload each rep is linked to when it is left short, as a multiple of its lower band end. */
const COVERAGE = 2;

/** The account-level LP and the last exact pricing pass. */
export interface AccountLpResult {
  readonly result: LpResult;
  /** Account of each supply node. */
  readonly accounts: Int32Array;
  /** Rep prices λ of the final LP, minutes per hour of workload. */
  readonly prices: Float64Array;
  /**
   * Every tree account's cheapest eligible rep over all reps at `scanPrices` (from the last pricing
   * round; equal to `prices` when the LP is `optimal`).
   */
  readonly scan: NearestReps;
  readonly scanPrices: Float64Array;
}

/**
 * The exact transportation LP over accounts: every account of `accounts` supplies its workload;
 * its arcs start as the reps listed in `start` (its cheapest at the warm-up prices), it starts on
 * its rep in `crash` when eligible (added as an arc if not listed; default: the first listed), and column generation adds any eligible rep whose reduced cost is negative
 * (exact pricing over all reps through the tree) until none is left, so the optimum is over all
 * eligible arcs. Reps left short of their band are first linked to nearby accounts (coverage).
 */
export function solveAccountLp(
  p: CompiledProblem,
  tree: SphereTree,
  geo: GreatCircle | undefined,
  accounts: Int32Array,
  lower: Float64Array,
  upper: Float64Array,
  start: NearestReps,
  crash: Int32Array | undefined,
  maxRounds: number,
  context: SolveContext,
): AccountLpResult {
  const count = accounts.length;
  const want = start.want;
  const supplyOf = new Int32Array(p.n).fill(-1);
  const arcStart = new Int32Array(count + 1);
  const supply = new Float64Array(count);
  const first = new Int32Array(count);
  // A crash rep missing from an account's list becomes one more arc (when eligible).
  const extra = new Int32Array(count).fill(-1);
  const extraTravel = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const a = accounts[i];
    supplyOf[a] = i;
    supply[i] = p.workload[a];
    first[i] = start.count[a] > 0 ? start.rep[a * want] : -1;
    const c = crash ? crash[a] : -1;
    if (c >= 0 && c !== first[i]) {
      let listed = false;
      for (let q = 0; q < start.count[a]; q++) if (start.rep[a * want + q] === c) listed = true;
      const t = listed ? 0 : travelMinutes(p, geo, c, a);
      if (listed || isEligible(p, c, a, t)) first[i] = c;
      if (!listed && first[i] === c) {
        extra[i] = c;
        extraTravel[i] = t;
      }
    }
    arcStart[i + 1] = arcStart[i] + start.count[a] + (extra[i] >= 0 ? 1 : 0);
  }
  const arcRep = new Int32Array(arcStart[count]);
  const arcCost = new Float64Array(arcStart[count]);
  for (let i = 0; i < count; i++) {
    const a = accounts[i];
    const q0 = arcStart[i];
    for (let q = 0; q < start.count[a]; q++) {
      arcRep[q0 + q] = start.rep[a * want + q];
      arcCost[q0 + q] = start.travel[a * want + q];
    }
    if (extra[i] >= 0) {
      arcRep[arcStart[i + 1] - 1] = extra[i];
      arcCost[arcStart[i + 1] - 1] = extraTravel[i];
    }
  }
  const lp = buildTransportLp({ supply, lower, upper, arcStart, arcRep, arcCost, start: first });

  const linked = new Int32Array(count).fill(-1);
  const factor = new Float64Array(p.m);
  const target = {
    hours: (a: number) => (supplyOf[a] >= 0 ? p.workload[a] : 0),
    link: (a: number, j: number) => {
      const i = supplyOf[a];
      if (i < 0) return -1;
      if (linked[i] === j) return 0;
      for (let e = arcStart[i]; e < arcStart[i + 1]; e++) if (arcRep[e] === j) return 0;
      const t = travelMinutes(p, geo, j, a);
      if (!isEligible(p, j, a, t)) return -1;
      linked[i] = j;
      addTransportArc(lp, i, j, t);
      return 1;
    },
  };
  const widen = (j: number) => {
    if (!geo) return 0;
    factor[j] = factor[j] === 0 ? COVERAGE : 2 * factor[j];
    return factor[j] < 1e6 ? coverRep(p, tree, geo, lower, j, factor[j], target) : 0;
  };

  const scan = createNearestReps(p.n, 1);
  let scanPrices: Float64Array = new Float64Array(p.m);
  const result = solveByColumnGeneration(
    lp,
    {
      widen,
      price: () => {
        scanPrices = repPrices(lp);
        seedWithTreeArcs(lp, accounts, scan);
        nearestRepsOfAccounts(p, tree, geo, scanPrices, 0, scan, true);
        const tolerance = 1e-8 * (lp.simplex.maxCost + 1);
        let added = 0;
        for (let i = 0; i < count; i++) {
          const a = accounts[i];
          if (scan.count[a] === 0) continue;
          const j = scan.rep[a];
          if (scan.travel[a] + scanPrices[j] < supplyPrice(lp, i) - tolerance) {
            addTransportArc(lp, i, j, scan.travel[a]);
            added++;
          }
        }
        return added;
      },
    },
    context,
    maxRounds,
  );
  return { result, accounts, prices: repPrices(lp), scan, scanPrices };
}

/**
 * Lists each LP account's tree arc as its cheapest rep so far (`scan` holds one rep per account):
 * a tree arc has reduced cost 0, so its travel + price is the account's supply price, the value
 * any improving rep must beat, and pricing starts from that cut.
 */
function seedWithTreeArcs(lp: TransportLp, accounts: Int32Array, scan: NearestReps): void {
  const s = lp.simplex;
  for (let i = 0; i < accounts.length; i++) {
    const e = s.pred[i];
    if (e < s.nodeCount) continue;
    const a = accounts[i];
    scan.rep[a] = s.target[e] - lp.supplyCount;
    scan.travel[a] = s.cost[e];
    scan.count[a] = 1;
  }
}
