import type { SolveContext } from "../solve-context.js";
import { artificialPointsDown } from "./network-simplex.js";
import { solveTransportLp, type TransportLp } from "./transport-lp.js";

/** The restricted LP after column generation. */
export interface LpResult {
  readonly lp: TransportLp;
  /** `optimal`: pricing found no improving arc outside the LP; `stopped`: time limit, abort or round limit. */
  readonly status: "optimal" | "stopped";
  /** Pricing rounds run and arcs they (and coverage) added. */
  readonly rounds: number;
  readonly arcsAdded: number;
  /** Artificial flow left, hours: > 0 means the bands cannot be met (see `bandDiagnostics`). */
  readonly artificialHours: number;
}

/** Where new arcs come from. */
export interface ArcSource {
  /** Links rep j, left short of its lower band end, to more supply; returns arcs added (0: nothing left to link). */
  widen(j: number): number;
  /** Adds arcs with negative reduced cost at the LP's current prices (exact pricing); returns how many. */
  price(): number;
}

/**
 * Solves the LP over every arc `source` can produce while holding only a few: solve, widen the
 * reps still short of their band (coverage), then price and re-solve warm from the current basis,
 * until pricing finds nothing (`optimal`), `maxRounds` pricing rounds have run, or (when the LP
 * only warms up another) a round added fewer than `settleBelow` arcs and the LP was re-solved with
 * them.
 */
export function solveByColumnGeneration(lp: TransportLp, source: ArcSource, context: SolveContext, maxRounds: number, settleBelow = 0): LpResult {
  const stop = () => context.stopped();
  let rounds = 0;
  let arcsAdded = 0;
  let lastAdded = Infinity;
  const result = (status: "optimal" | "stopped"): LpResult => ({ lp, status, rounds, arcsAdded, artificialHours: artificialHours(lp) });
  for (;;) {
    context.progress("solve", 0);
    const outcome = solveTransportLp(lp, stop);
    context.progress("solve", 1);
    if (outcome !== "optimal") return result("stopped");
    let widened = 0;
    for (let j = 0; j < lp.repCount; j++) {
      const node = lp.supplyCount + j;
      if (lp.simplex.flow[node] > 0 && artificialPointsDown(lp.simplex, node)) widened += source.widen(j);
    }
    arcsAdded += widened;
    if (widened > 0) continue;
    if (rounds === maxRounds || lastAdded < settleBelow) return result("stopped");
    rounds++;
    context.progress("pricing", Math.min(1, rounds / maxRounds));
    const added = source.price();
    arcsAdded += added;
    lastAdded = added;
    if (added === 0) return result("optimal");
    if (context.stopped()) return result("stopped");
  }
}

/** Σ flow on artificial arcs, hours. */
export function artificialHours(lp: TransportLp): number {
  let total = 0;
  for (let u = 0; u < lp.simplex.nodeCount; u++) if (artificialPointsDown(lp.simplex, u)) total += lp.simplex.flow[u];
  return total / lp.unitsPerHour;
}
