import type { CompiledProblem } from "../compile/compiled-problem.js";
import { hoursLoads, hoursOutsideBands, planHours, retarget } from "../compile/travel-hours.js";
import type { SolverResult } from "../solvers/solver.js";

/** Solves at most this many times in all (the first at the least total, then at each plan's own). */
const MAX_SOLVES = 4;
/** The working band is narrowed by the last drift of the total, at most by this share of the band. */
const MAX_MARGIN = 0.25;

/**
 * With travel in the hours every rep's target is its share of the plan's own total hours, which a
 * strategy's fixed windows cannot state. This solves with the windows at the least total first,
 * then again with them moved to the last plan's total (and narrowed by how far the total moved, so
 * that the next drift stays inside) and started from the last plan, until a plan keeps the bands of its own
 * total (or `MAX_SOLVES` solves): the total moves little between plans, so one or two re-solves
 * settle it. Returns the plan that keeps the bands best (least hours outside them, then fewest
 * unassigned, then the lowest objective), with the best lower bound of any solve: each strategy
 * bounds over windows valid for every total (see `hoursRelaxation`), so all of them hold.
 */
export function solveOnOwnTotal(p: CompiledProblem, solveWith: (working: CompiledProblem, start?: Int32Array) => SolverResult, stopped: () => boolean): SolverResult {
  let result = solveWith(p);
  let best = result;
  let bestScore = score(p, result.assign);
  let lowerBound = result.lowerBound;
  let windowsTotal = p.travelHours!.leastTotal;
  for (let solves = 1; solves < MAX_SOLVES && bestScore.outside > 0 && !stopped(); solves++) {
    const total = planHours(p, result.assign, hoursLoads(p, result.assign));
    // The next plan's total will drift again by about as much: keep that much inside the band.
    const drift = Math.min(MAX_MARGIN * p.balance, Math.abs(total - windowsTotal) / total);
    windowsTotal = total;
    result = solveWith(retarget(p, total, drift), result.assign);
    if (result.lowerBound !== undefined && (lowerBound === undefined || result.lowerBound > lowerBound)) lowerBound = result.lowerBound;
    const s = score(p, result.assign);
    if (better(s, bestScore)) {
      best = result;
      bestScore = s;
    }
  }
  const { lowerBound: _, ...rest } = best;
  return { ...rest, ...(lowerBound !== undefined ? { lowerBound } : {}) };
}

interface Score {
  /** Hours outside the bands of the plan's own total (and above capacity), plus unassigned accounts' workload. */
  readonly outside: number;
  readonly unassigned: number;
  readonly objective: number;
}

function score(p: CompiledProblem, assign: Int32Array): Score {
  let outside = hoursOutsideBands(p, assign);
  let unassigned = 0;
  let objective = 0;
  for (let a = 0; a < p.n; a++) {
    if (assign[a] < 0) {
      unassigned++;
      outside += p.workload[a];
    } else objective += p.workload[a] * p.travel(assign[a], a);
  }
  return { outside, unassigned, objective };
}

function better(x: Score, y: Score): boolean {
  if (x.outside !== y.outside) return x.outside < y.outside;
  if (x.unassigned !== y.unassigned) return x.unassigned < y.unassigned;
  return x.objective < y.objective;
}
