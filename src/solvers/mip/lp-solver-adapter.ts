import solver from "javascript-lp-solver";
import type { GapArcs } from "../../gap/gap-arcs.js";

/**
 * The only file that talks to javascript-lp-solver. That solver's `timeout` does not cover its LP
 * phase (it can hang) and on a MIP timeout it may return a fractional point labelled feasible
 * (see research/backends.md), so this adapter (a) refuses models above `LP_SOLVER_MAX_ARCS`
 * binaries, (b) always sets a timeout, and (c) trusts an answer only after checking integrality,
 * one arc per job and every capacity itself.
 */

/** Largest model (binaries) handed to javascript-lp-solver; it stalls on larger GAPs. */
export const LP_SOLVER_MAX_ARCS = 400;

/** What javascript-lp-solver returned, already checked. */
export interface LpSolverOutcome {
  /** Arc per job, when the answer was integral and feasible. */
  readonly arcOfJob: Int32Array | null;
  /** Integral, feasible, returned before the timeout with `isIntegral`: the search finished. */
  readonly proven: boolean;
  /** It reported infeasibility before the timeout. */
  readonly infeasible: boolean;
  /** The model was too large to try. */
  readonly refused: boolean;
}

/** The fields of javascript-lp-solver's answer read here. */
interface LpSolverAnswer {
  readonly feasible: boolean;
  readonly isIntegral?: boolean;
  readonly [variable: string]: number | boolean | undefined;
}

export function solveWithLpSolver(arcs: GapArcs, options: { readonly timeLimitMs: number }): LpSolverOutcome {
  const count = arcs.agent.length;
  if (count > LP_SOLVER_MAX_ARCS) return { arcOfJob: null, proven: false, infeasible: false, refused: true };
  const constraints: Record<string, { equal?: number; max?: number; min?: number }> = {};
  for (let j = 0; j < arcs.n; j++) constraints[`j${j}`] = { equal: 1 };
  for (let i = 0; i < arcs.m; i++) {
    constraints[`a${i}`] = arcs.minLoad[i] > 0 ? { min: arcs.minLoad[i], max: arcs.capacity[i] } : { max: arcs.capacity[i] };
  }
  const variables: Record<string, Record<string, number>> = {};
  const binaries: Record<string, 1> = {};
  for (let j = 0; j < arcs.n; j++) {
    for (let e = arcs.start[j]; e < arcs.start[j + 1]; e++) {
      variables[`x${e}`] = { cost: arcs.cost[e], [`j${j}`]: 1, [`a${arcs.agent[e]}`]: arcs.resource[e] };
      binaries[`x${e}`] = 1;
    }
  }
  const started = Date.now();
  const timeout = Math.max(1, Math.floor(options.timeLimitMs));
  const result = solver.Solve({
    optimize: "cost",
    opType: "min",
    constraints,
    variables,
    binaries,
    options: { timeout, tolerance: 0 },
  }) as LpSolverAnswer;
  const intime = Date.now() - started < 0.95 * timeout;
  if (!result.feasible) return { arcOfJob: null, proven: false, infeasible: intime, refused: false };
  const arcOfJob = new Int32Array(arcs.n);
  const load = new Float64Array(arcs.m);
  for (let j = 0; j < arcs.n; j++) {
    let taken = -1;
    for (let e = arcs.start[j]; e < arcs.start[j + 1]; e++) {
      const raw = result[`x${e}`];
      const x = typeof raw === "number" ? raw : 0;
      if (Math.abs(x - 1) <= 1e-6) {
        if (taken >= 0) return { arcOfJob: null, proven: false, infeasible: false, refused: false };
        taken = e;
      } else if (Math.abs(x) > 1e-6) {
        return { arcOfJob: null, proven: false, infeasible: false, refused: false };
      }
    }
    if (taken < 0) return { arcOfJob: null, proven: false, infeasible: false, refused: false };
    arcOfJob[j] = taken;
    load[arcs.agent[taken]] += arcs.resource[taken];
  }
  for (let i = 0; i < arcs.m; i++) {
    const slack = 1e-9 * Math.max(1, arcs.capacity[i]);
    if (load[i] > arcs.capacity[i] + slack || load[i] < arcs.minLoad[i] - slack) {
      return { arcOfJob: null, proven: false, infeasible: false, refused: false };
    }
  }
  return { arcOfJob, proven: intime && result.isIntegral === true, infeasible: false, refused: false };
}
