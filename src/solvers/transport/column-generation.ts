import type { CompiledProblem } from "../../compile/compiled-problem.js";
import type { SolveContext } from "../../solve/solve-context.js";
import type { GreatCircle } from "./great-circle.js";
import { artificialPointsDown } from "./network-simplex.js";
import { priceArcs } from "./price-arcs.js";
import { coverRep, createCoverage } from "./rep-coverage.js";
import type { SupplyUnits } from "./supply-units.js";
import { buildTransportLp, solveTransportLp, type TransportLp } from "./transport-lp.js";

/** Workload each rep is first linked to, as a multiple of its target. */
const COVERAGE = 2;

/** The restricted LP after column generation. */
export interface LpResult {
  readonly lp: TransportLp;
  /** `optimal`: no eligible arc outside the LP can improve it; `stopped`: time limit or abort. */
  readonly status: "optimal" | "stopped";
  /** Pricing rounds run and arcs they added. */
  readonly rounds: number;
  readonly arcsAdded: number;
  /** Artificial flow left, hours: > 0 means the bands cannot be met (see `artificialReport`). */
  readonly artificialHours: number;
}

/**
 * Solves the transportation LP over all eligible arcs while holding only a few: candidate arcs,
 * rep coverage, then rounds of exact pricing that add violating arcs and re-solve warm from the
 * current basis. A rep left short of its lower bound gets its coverage doubled before pricing.
 * Each unit starts on its cheapest arc, at `startPrices` (travel + λ) when given.
 */
export function solveByColumnGeneration(
  p: CompiledProblem,
  geo: GreatCircle | undefined,
  units: SupplyUnits,
  lower: Float64Array,
  upper: Float64Array,
  context: SolveContext,
  startPrices?: Float64Array,
): LpResult {
  const count = units.workload.length;
  const start = new Int32Array(count);
  for (let u = 0; u < count; u++) {
    let best = -1, cost = Infinity;
    for (let e = units.arcs.start[u]; e < units.arcs.start[u + 1]; e++) {
      const c = units.arcs.cost[e] + (startPrices ? startPrices[units.arcs.rep[e]] : 0);
      if (c < cost) {
        cost = c;
        best = units.arcs.rep[e];
      }
    }
    start[u] = best;
  }
  const lp = buildTransportLp({ supply: units.workload, lower, upper, arcStart: units.arcs.start, arcRep: units.arcs.rep, arcCost: units.arcs.cost, start });
  const cover = createCoverage(p, units);
  for (let j = 0; j < p.m; j++) coverRep(p, geo, units, lp, cover, j, COVERAGE);

  const stop = () => context.stopped();
  let rounds = 0;
  let arcsAdded = 0;
  for (;;) {
    context.progress("solve", 0);
    const outcome = solveTransportLp(lp, stop);
    context.progress("solve", 1);
    if (outcome !== "optimal") return { lp, status: "stopped", rounds, arcsAdded, artificialHours: artificialHours(lp) };
    let widened = 0;
    for (let j = 0; j < p.m; j++) {
      const node = lp.supplyCount + j;
      if (lp.simplex.flow[node] > 0 && artificialPointsDown(lp.simplex, node)) {
        widened += coverRep(p, geo, units, lp, cover, j, Math.max(COVERAGE, cover.covered[j]) * 2);
      }
    }
    if (widened > 0) {
      arcsAdded += widened;
      continue;
    }
    rounds++;
    context.progress("pricing", Math.min(1, rounds / 10));
    const tolerance = 1e-8 * (lp.simplex.maxCost + 1);
    const added = priceArcs(p, geo, units, lp, tolerance);
    arcsAdded += added;
    if (added === 0) return { lp, status: "optimal", rounds, arcsAdded, artificialHours: artificialHours(lp) };
    if (context.stopped()) return { lp, status: "stopped", rounds, arcsAdded, artificialHours: artificialHours(lp) };
  }
}

/** Σ flow on artificial arcs, hours. */
export function artificialHours(lp: TransportLp): number {
  let total = 0;
  for (let u = 0; u < lp.simplex.nodeCount; u++) if (artificialPointsDown(lp.simplex, u)) total += lp.simplex.flow[u];
  return total / lp.unitsPerHour;
}
