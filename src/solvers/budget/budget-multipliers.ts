import type { CompiledProblem } from "../../compile/compiled-problem.js";
import { budgetUsage, setBudgetPrices, solveBudgetLp, type BudgetLp } from "./budget-lp.js";

/** Bisection stops when the bracket on a multiplier is this narrow (relative). */
const RELATIVE_WIDTH = 5e-3;
/** … or when the use at the upper end is this close below the limit (what is left is spent after rounding). */
const CLOSE_ENOUGH = 2e-3;
/** Bisection steps at most per multiplier and round; rounds of coordinate ascent at most. */
const MAX_STEPS = 30;
const MAX_ROUNDS = 6;
/** A multiplier this many times the cost scale that still leaves a budget broken: the LP cannot meet it. */
const MAX_SCALE = 1e9;

/** Where the multiplier search ended. */
export interface MultiplierSearch {
  /** δ per budget (objective units per unit of the budget's coefficient). */
  readonly delta: Float64Array;
  /** The LP kept every band (without that, no budget matters). */
  readonly bandsHeld: boolean;
  /** The LP at `delta` keeps every budget. */
  readonly met: boolean;
  /** LP solves done. */
  readonly solves: number;
}

/**
 * Finds Lagrangian multipliers δ ≥ 0 for the budgets (Σ coef over accounts off their preferred arc
 * ≤ limit) by coordinate bisection: for each broken budget, the smallest δ (to `RELATIVE_WIDTH`)
 * at which the LP keeps it, each LP warm-started from the last basis; rounds repeat while raising
 * one multiplier lets another budget break again. Usage only falls as a δ rises, so the LP is
 * left at a point that keeps every budget (`met`) unless none exists up to `MAX_SCALE`.
 */
export function searchMultipliers(
  blp: BudgetLp,
  p: CompiledProblem,
  limits: Float64Array,
  scale: Float64Array,
  stop: () => boolean,
  bracket?: { readonly lo?: Float64Array; readonly hi?: Float64Array },
): MultiplierSearch {
  const K = limits.length;
  // A known bracket (from a search for other limits or fewer arcs) starts the search: δ from its lower end.
  const delta = Float64Array.from(bracket?.lo ?? new Float64Array(K));
  let solves = 0;
  const solveAt = (): Float64Array | null => {
    setBudgetPrices(blp, p, delta);
    solves++;
    return solveBudgetLp(blp, stop) ? budgetUsage(blp, p) : null;
  };
  const keeps = (used: Float64Array, k: number) => used[k] <= limits[k] + 1e-9 * Math.max(1, limits[k]);
  let used = solveAt();
  if (!used) return { delta, bandsHeld: false, met: false, solves };
  /** Upper ends found while stepping down (0: none). */
  const bracketOf = new Float64Array(K);
  for (let round = 0; round < MAX_ROUNDS && !stop(); round++) {
    let broken = false;
    for (let k = 0; k < K; k++) {
      if (keeps(used!, k)) {
        // Kept already: the least δ that keeps it may be lower (the LP has more arcs, or the
        // bracket started high). Step down until it breaks, then close in from both ends.
        if (delta[k] <= 0 || round > 0) continue;
        let hi = delta[k];
        for (let down = 0; down < MAX_STEPS && delta[k] > 1e-9 * scale[k] && !stop(); down++) {
          delta[k] = hi / 4;
          used = solveAt()!;
          if (!keeps(used, k)) break;
          hi = delta[k];
        }
        if (keeps(used!, k)) continue;
        bracketOf[k] = hi;
      }
      broken = true;
      let lo = delta[k];
      let usedLo = used![k];
      let hi = bracketOf[k] > lo ? bracketOf[k] : bracket?.hi && bracket.hi[k] > lo ? bracket.hi[k] : Math.max(2 * lo, scale[k]);
      let stalled = 0;
      for (let last = usedLo; ; ) {
        delta[k] = hi;
        used = solveAt()!;
        if (keeps(used, k) || stop()) break;
        // Once raising δ no longer lowers the use, the LP has reached its least use: the budget is out of its reach.
        stalled = used[k] >= last - 1e-9 * Math.max(1, last) ? stalled + 1 : 0;
        last = used[k];
        lo = hi;
        usedLo = used[k];
        hi *= 4;
        if (stalled >= 3 || hi > MAX_SCALE * scale[k]) return { delta, bandsHeld: true, met: false, solves };
      }
      // Regula falsi (Illinois) on use(δ) = limit between lo (over) and hi (within), until the
      // bracket is narrow or the use at hi is within `CLOSE_ENOUGH` of the limit.
      let usedHi = used![k];
      let side = 0;
      for (let step = 0; step < MAX_STEPS && hi - lo > RELATIVE_WIDTH * hi && usedHi < limits[k] * (1 - CLOSE_ENOUGH) && !stop(); step++) {
        let weightLo = usedLo - limits[k];
        let weightHi = limits[k] - usedHi;
        if (side === 1) weightLo /= 2;
        if (side === -1) weightHi /= 2;
        const t = weightLo + weightHi > 0 ? weightLo / (weightLo + weightHi) : 0.5;
        // Keep the step inside the bracket's middle 90 %, so that a flat stretch cannot stall it.
        delta[k] = lo + Math.min(0.95, Math.max(0.05, t)) * (hi - lo);
        used = solveAt()!;
        if (keeps(used, k)) {
          hi = delta[k];
          usedHi = used[k];
          side = 1;
        } else {
          lo = delta[k];
          usedLo = used[k];
          side = -1;
        }
      }
      if (delta[k] !== hi) {
        delta[k] = hi;
        used = solveAt()!;
      }
    }
    if (!broken) break;
  }
  let met = true;
  for (let k = 0; k < K; k++) if (!keeps(used!, k)) met = false;
  return { delta, bandsHeld: true, met, solves };
}
