import type { CompiledProblem } from "../../compile/compiled-problem.js";
import type { SolveContext } from "../solve-context.js";
import { kthSmallest } from "../../util/kth-smallest.js";
import { solveByColumnGeneration, type LpResult } from "./column-generation.js";
import { chordAngle, type GreatCircle } from "./great-circle.js";
import { createNearestReps, nearestRepsOfAtoms } from "./nearest-reps.js";
import { coverRep } from "./rep-coverage.js";
import type { SphereTree } from "./sphere-tree.js";
import { addTransportArc, buildTransportLp, repPrices, supplyPrice } from "./transport-lp.js";

/** Workload each rep is first linked to, as a multiple of its lower band end. */
const COVERAGE = 2;
/**
 * Pricing stops once a round adds arcs for fewer than this share of the atoms (after re-solving
 * with them): the prices only warm up the next LP, and the last rounds, which would prove them
 * exact, barely move them.
 */
const SETTLED_SHARE = 0.01;

/** An atom-level LP: prices to start the next, finer LP from. */
export interface AtomLpResult {
  readonly result: LpResult;
  /** Rep prices λ, minutes per hour of workload. */
  readonly prices: Float64Array;
  /** Atoms carrying workload (the LP's supply nodes). */
  readonly atomCount: number;
  /** Median travel from an atom to its cheapest rep at the start prices, minutes per hour. */
  readonly travelScale: number;
}

/**
 * The transportation LP on atoms (a cut of the tree, each atom supplying its workload), with an
 * atom's travel approximated by the great-circle minutes from its (workload-weighted) centre.
 * Arcs: each atom's `k` cheapest reps at `startPrices` within `tau` minutes of its cheapest (all
 * `k` nearest when there are no start prices) and its rep in `crash`, rep coverage, then exact
 * pricing rounds over all reps. Eligibility rules are ignored: the result only warms up the
 * account-level LP, which applies them. Each atom starts on its `crash` rep (a plan handed down
 * from a coarser LP), else on its cheapest; without a crash plan every rep is first linked to
 * enough nearby supply.
 */
export function solveAtomLp(
  p: CompiledProblem,
  tree: SphereTree,
  geo: GreatCircle,
  atoms: Int32Array,
  lower: Float64Array,
  upper: Float64Array,
  startPrices: Float64Array | undefined,
  crash: Int32Array | undefined,
  k: number,
  tau: number,
  maxRounds: number,
  context: SolveContext,
): AtomLpResult {
  const count = atoms.length;
  const supplyOf = new Int32Array(tree.nodeCount).fill(-1);
  for (let i = 0; i < count; i++) supplyOf[atoms[i]] = i;
  const nearest = createNearestReps(count, k);
  nearestRepsOfAtoms(tree, geo, atoms, startPrices ?? new Float64Array(p.m), startPrices ? tau : Infinity, nearest);

  // Each atom's listed reps, plus its crash rep when that is not among them.
  const extra = new Int32Array(count).fill(-1);
  const arcStart = new Int32Array(count + 1);
  for (let i = 0; i < count; i++) {
    const c = crash ? crash[i] : -1;
    if (c >= 0) {
      extra[i] = c;
      for (let q = 0; q < nearest.count[i]; q++) if (nearest.rep[i * k + q] === c) extra[i] = -1;
    }
    arcStart[i + 1] = arcStart[i] + nearest.count[i] + (extra[i] >= 0 ? 1 : 0);
  }
  const arcRep = new Int32Array(arcStart[count]);
  const arcCost = new Float64Array(arcStart[count]);
  const start = new Int32Array(count);
  const supply = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    supply[i] = tree.workload[atoms[i]];
    start[i] = crash && crash[i] >= 0 ? crash[i] : nearest.count[i] > 0 ? nearest.rep[i * k] : -1;
    for (let q = 0; q < nearest.count[i]; q++) {
      arcRep[arcStart[i] + q] = nearest.rep[i * k + q];
      arcCost[arcStart[i] + q] = nearest.travel[i * k + q];
    }
    if (extra[i] >= 0) {
      arcRep[arcStart[i + 1] - 1] = extra[i];
      arcCost[arcStart[i + 1] - 1] = centreTravel(tree, geo, atoms[i], extra[i]);
    }
  }
  const lp = buildTransportLp({ supply, lower, upper, arcStart, arcRep, arcCost, start });

  const cost = (i: number, j: number) => centreTravel(tree, geo, atoms[i], j);
  const linked = new Int32Array(count).fill(-1);
  const factor = new Float64Array(p.m);
  const target = {
    terminal: supplyOf,
    hours: (i: number) => supply[i],
    link: (i: number, j: number) => {
      if (linked[i] === j) return 0;
      linked[i] = j;
      for (let e = arcStart[i]; e < arcStart[i + 1]; e++) if (arcRep[e] === j) return 0;
      addTransportArc(lp, i, j, cost(i, j));
      return 1;
    },
  };
  const widen = (j: number) => {
    factor[j] = factor[j] === 0 ? COVERAGE : 2 * factor[j];
    return coverRep(p, tree, geo, lower, j, factor[j], target);
  };
  // Without a crash plan the start is far from balanced: link every rep to enough supply first.
  if (!crash) for (let j = 0; j < p.m; j++) widen(j);

  const best = createNearestReps(count, 1);
  const result = solveByColumnGeneration(
    lp,
    {
      widen: (j) => (factor[j] < 1e6 ? widen(j) : 0),
      price: () => {
        const prices = repPrices(lp);
        nearestRepsOfAtoms(tree, geo, atoms, prices, 0, best);
        const tolerance = 1e-9 * (lp.simplex.maxCost + 1) * 10;
        let added = 0;
        for (let i = 0; i < count; i++) {
          if (best.count[i] === 0) continue;
          const j = best.rep[i];
          if (best.travel[i] + prices[j] < supplyPrice(lp, i) - tolerance) {
            addTransportArc(lp, i, j, best.travel[i]);
            added++;
          }
        }
        return added;
      },
    },
    context,
    maxRounds,
    SETTLED_SHARE * count,
  );
  const nearestTravel = Float64Array.from({ length: count }, (_, i) => nearest.travel[i * k]);
  return { result, prices: repPrices(lp), atomCount: count, travelScale: count > 0 ? kthSmallest(nearestTravel, count >> 1) : 0 };
}

/** Great-circle minutes from rep j to the centre of tree node `node`. */
function centreTravel(tree: SphereTree, geo: GreatCircle, node: number, j: number): number {
  const dx = tree.center[3 * node] - geo.rep[3 * j], dy = tree.center[3 * node + 1] - geo.rep[3 * j + 1], dz = tree.center[3 * node + 2] - geo.rep[3 * j + 2];
  return chordAngle(Math.sqrt(dx * dx + dy * dy + dz * dz)) * geo.minutesPerRadian;
}
