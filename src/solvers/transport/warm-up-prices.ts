import type { CompiledProblem } from "../../compile/compiled-problem.js";
import type { SolveContext } from "../solve-context.js";
import { solveAtomLp } from "./atom-lp.js";
import type { GreatCircle } from "./great-circle.js";
import { refinePlan } from "./refine-plan.js";
import { cutByWorkload, type SphereTree } from "./sphere-tree.js";
import type { TransportLp } from "./transport-lp.js";

/**
 * Atom levels, coarse to fine: an atom holds at most this share of the mean rep target. Each
 * level's LP starts from the prices of the one before, so the account-level LP starts close to
 * its optimum and needs few pivots.
 */
const LEVELS = [1, 1 / 8, 1 / 64];
/** A level is skipped when its atoms are not this many times fewer than the accounts. */
const MIN_AGGREGATION = 4;
/** Arcs per atom on the finer levels (reps within `tau` of the cheapest at the coarser prices). */
const FINE_ARCS = 8;
/** Pricing rounds per atom level (its prices only warm up the next level). */
const ATOM_ROUNDS = 4;

/** What the warm-up did, per level solved. */
export interface WarmUp {
  /** Rep prices λ to start the account-level LP from, minutes per hour (zeros when no level ran). */
  readonly prices: Float64Array;
  /** Typical travel to the cheapest rep at the first level (minutes per hour), or 0: the scale of price tolerances. */
  readonly travelScale: number;
  readonly levels: readonly { readonly atoms: number; readonly pivots: number; readonly rounds: number }[];
  /**
   * Rep per account from the finest level's LP (all of an atom's accounts on the rep taking most of
   * its flow), −1 where none: a plan whose loads are close to the LP's, which are inside the bands.
   */
  readonly plan?: Int32Array;
}

/**
 * Prices from the transportation LP on atoms (cuts of the tree by workload), coarse to fine.
 * Needs the great-circle model; returns zero prices when the problem is too small to aggregate.
 */
export function warmUpPrices(
  p: CompiledProblem,
  tree: SphereTree,
  geo: GreatCircle | undefined,
  lower: Float64Array,
  upper: Float64Array,
  k: number,
  context: SolveContext,
): WarmUp {
  let prices: Float64Array = new Float64Array(p.m);
  const levels: { atoms: number; pivots: number; rounds: number }[] = [];
  if (!geo || p.m < 2) return { prices, travelScale: 0, levels };
  const accounts = tree.hi[0] - tree.lo[0];
  let meanTarget = 0;
  for (let j = 0; j < p.m; j++) meanTarget += p.target[j] / p.m;
  let travelScale = 0;
  let last: { lp: TransportLp; atoms: Int32Array } | undefined;
  for (const share of LEVELS) {
    if (context.stopped()) break;
    const atoms = Int32Array.from(Array.from(cutByWorkload(tree, share * meanTarget)).filter((node) => tree.workload[node] > 0));
    if (atoms.length * MIN_AGGREGATION > accounts) break;
    // A finer cap can give the same cut when the tree's leaves are reached: nothing to refine.
    if (last && atoms.length === last.atoms.length) continue;
    const crash = last ? refinePlan(tree, geo, last.lp, last.atoms, atoms, false, p.workload) : undefined;
    const first = levels.length === 0;
    const result = solveAtomLp(p, tree, geo, atoms, lower, upper, first ? undefined : prices, crash, first ? k : FINE_ARCS, travelScale, ATOM_ROUNDS, context);
    if (first) travelScale = result.travelScale;
    prices = result.prices;
    last = { lp: result.result.lp, atoms };
    levels.push({ atoms: result.atomCount, pivots: result.result.lp.simplex.pivots, rounds: result.result.rounds });
  }
  const plan = last && !context.stopped() ? refinePlan(tree, geo, last.lp, last.atoms, tree.order, true, p.workload) : undefined;
  // refinePlan returns a rep per entry of tree.order; the caller indexes by account.
  let byAccount: Int32Array | undefined;
  if (plan) {
    byAccount = new Int32Array(p.n).fill(-1);
    for (let i = 0; i < plan.length; i++) byAccount[tree.order[i]] = plan[i];
  }
  return { prices, travelScale, levels, ...(byAccount ? { plan: byAccount } : {}) };
}
