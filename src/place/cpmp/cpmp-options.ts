/** Options of `solveCpmp`; every field is optional. */
export interface CpmpOptions {
  /** Seed of every random choice. Default 1. */
  readonly seed?: number;
  /**
   * Search effort: rounds of the iterated local search (perturb, improve, keep the best). The
   * search also stops after `iterations / 2` rounds without a better solution, once it has done
   * `workLimit` units of work, or as soon as the bound proves the best solution optimal. Default
   * 300 + 20 p. The result depends only on the instance, the seed and the effort limits — unless
   * the time limit binds first.
   */
  readonly iterations?: number;
  /**
   * Search effort in units of work (moves evaluated, knapsack nodes, bound included): the search
   * stops once it has done this much, whatever `iterations` says. Default 350 million (about 10–20
   * s on one core of the development machine). Deterministic, unlike the time limit.
   */
  readonly workLimit?: number;
  /**
   * Effort of the lower bound: subgradient iterations at most (it stops earlier once its step has
   * shrunk or it proves the best solution optimal). Default 960.
   */
  readonly boundIterations?: number;
  /**
   * Safety net in milliseconds: past it the search stops with the best solution so far and the
   * result says `timeout`. Default 60,000.
   */
  readonly timeLimitMs?: number;
  /** Stops the search like the time limit. */
  readonly signal?: AbortSignal;
  /**
   * Whether an open median must serve its own point (the benchmark convention). With false, the
   * lower bound does not assume it (the search still builds such solutions). Default true.
   */
  readonly selfService?: boolean;
  /**
   * Bound by the LP relaxation only (knapsacks solved fractionally), valid when a point stands for
   * several that may split between medians. Default false (integral knapsacks: a stronger bound).
   */
  readonly fractionalBound?: boolean;
  /** Ranks the sites of a point for the neighbourhoods (default: the cost); see `buildNeighbourhoods`. */
  readonly proximity?: (point: number, site: number) => number;
}

/**
 * Outcome of a CPMP solve.
 * - `optimal`: the lower bound meets the objective.
 * - `feasible`: a solution meeting every capacity (and minimum load) was found.
 * - `infeasible`: none was found; `infeasibleReason` says whether none can exist.
 * - `timeout`: the time limit or the signal stopped the search; the best solution so far is returned.
 */
export type CpmpStatus = "optimal" | "feasible" | "infeasible" | "timeout";

export interface CpmpResult {
  readonly status: CpmpStatus;
  /** Σ cost of the solution; `Infinity` when none was found. */
  readonly objective: number;
  /** Open medians (point indices, ascending); length p. */
  readonly medians: Int32Array;
  /** Median (point index) serving each point; length n. */
  readonly assignment: Int32Array;
  /** A valid lower bound on the optimum (rounded up for integer costs); −Infinity when none. */
  readonly lowerBound: number;
  /** Whether the solution meets every capacity and minimum load. */
  readonly feasible: boolean;
  /** Why the instance has no feasible solution, when that is proven. */
  readonly infeasibleReason?: string;
  /** Rounds of the iterated local search run, and the subgradient iterations of the bound. */
  readonly iterations: number;
  readonly boundIterations: number;
  /** Units of work done (moves evaluated, knapsack nodes). */
  readonly work: number;
  readonly elapsedMs: number;
}
