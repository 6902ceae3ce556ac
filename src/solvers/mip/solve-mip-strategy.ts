import type { Solver } from "../../solve/solver.js";
import { solveTerritoryGap } from "../gap/solve-gap-strategy.js";

/**
 * Strategy `mip`: the territory problem as a 0-1 model (the GAP of `territoryGap`; with
 * rep-independent workload it is the same model with constant hours) solved by terralign's exact
 * branch and bound on the knapsack Lagrangian bound, after a heuristic incumbent and
 * reduced-cost fixing. `optimal` only when the search finished and the candidate arcs were every
 * eligible pair; otherwise the best plan with its bound. Meant for small problems (a few hundred
 * accounts); larger ones get the heuristic's answer within the time limit.
 */
export const solveMip: Solver = (input) => solveTerritoryGap(input, true);
