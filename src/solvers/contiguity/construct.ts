import { buildCandidates } from "../../compile/candidates.js";
import type { CompiledProblem } from "../../compile/compiled-problem.js";
import type { ResolvedOptions } from "../../model/defaults.js";
import type { Strategy } from "../../model/options-schema.js";
import { createSolveContext, type SolveContext } from "../solve-context.js";
import { pickSolver } from "../strategies.js";
import type { UnitProblem } from "./unit-problem.js";

/** Share of the remaining time the unit-level solve may use. */
const CONSTRUCT_SHARE = 0.4;

/** A first assignment of units, ignoring contiguity. */
export interface Construction {
  /** Rep per unit, or −1 for units left to the repair step (units without workload); length U. */
  readonly owner: Int32Array;
  /** The strategy that solved the unit-level problem. */
  readonly strategy: Exclude<Strategy, "auto">;
  /** Lower bound on the unit-level objective, when the strategy proves one (also a bound for any contiguous plan). */
  readonly lowerBound?: number;
}

/**
 * Solves the unit-level problem without contiguity with the configured strategy (units with
 * workload are the "accounts", each at its centroid; a unit's travel to rep r is its cost / its
 * workload, so the objective is exactly the account-level one; pinned units are locked; a unit may
 * go only to reps allowed to serve all its accounts). Such a solution is usually close to
 * contiguous already; `repairContiguity` makes it so.
 */
export function constructOnUnits(up: UnitProblem, p: CompiledProblem, options: ResolvedOptions, context: SolveContext): Construction {
  const included: number[] = [];
  for (let u = 0; u < up.U; u++) if (up.weight[u] > 0) included.push(u);
  const owner = new Int32Array(up.U).fill(-1);
  const unitP = unitLevelProblem(up, p, included);
  const { name, solve } = pickSolver(options.strategy, unitP, options);
  if (included.length === 0) return { owner, strategy: name };
  const remaining = Math.max(1, options.timeLimitMs - context.elapsedMs());
  const subOptions: ResolvedOptions = { ...options, timeLimitMs: remaining * CONSTRUCT_SHARE, onProgress: undefined };
  const subContext = createSolveContext(subOptions);
  const candidates = buildCandidates(unitP, options.candidates.k);
  const result = solve({ problem: unitP, candidates, options: subOptions, context: subContext });
  included.forEach((u, i) => (owner[u] = result.assign[i]));
  return { owner, strategy: name, ...(result.lowerBound !== undefined ? { lowerBound: result.lowerBound } : {}) };
}

function unitLevelProblem(up: UnitProblem, p: CompiledProblem, included: number[]): CompiledProblem {
  const n = included.length;
  const m = up.m;
  const at = (list: ArrayLike<number>) => Float64Array.from(included, (u) => list[u]);
  const workload = at(up.weight);
  let totalWorkload = 0;
  for (let i = 0; i < n; i++) totalWorkload += workload[i];
  return {
    n,
    m,
    accountIds: included.map((u) => `unit #${u + 1}`),
    repIds: p.repIds,
    workload,
    potential: new Float64Array(n),
    visits: new Float64Array(n).fill(1),
    accountLng: at(up.centroidLng),
    accountLat: at(up.centroidLat),
    repLng: p.repLng,
    repLat: p.repLat,
    capacity: p.capacity,
    target: p.target,
    lower: p.lower,
    upper: p.upper,
    lockedRep: Int32Array.from(included, (u) => up.pin[u]),
    currentRep: new Int32Array(n).fill(-1),
    moveCost: new Float64Array(n).fill(1),
    budgets: [],
    bands: [],
    totalWorkload,
    totalCapacity: p.totalCapacity,
    balance: p.balance,
    travel: (r, i) => up.cost[included[i] * m + r] / workload[i],
    compatible: (r, i) => up.allowed[included[i] * m + r] === 1,
    maxTravel: new Float64Array(m).fill(Infinity),
    includeTravel: false,
  };
}
