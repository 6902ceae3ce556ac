/** Progress of a GAP solve, as passed to `onProgress`. */
export interface GapProgress {
  /** `"prices"`, `"search"`, `"bound"`, `"fixing"` or `"branch"`. */
  readonly phase: string;
  /** Fraction of the time limit used, in [0, 1]. */
  readonly fraction: number;
  /** Best feasible objective so far (minimisation sense), when there is one. */
  readonly objective?: number;
  /** Best lower bound so far. */
  readonly lowerBound?: number;
  readonly elapsedMs: number;
}

/** Options of `solveGap`; every field is optional. */
export interface GapOptions {
  /** Wall-clock limit in milliseconds. Default 10,000. The search stops earlier once optimality is proven. */
  readonly timeLimitMs?: number;
  /**
   * Effort limit in descents of the local search (bounding and exact search get a share in
   * proportion). With it, the result depends only on the instance and the seed — as long as the
   * time limit does not bind first. Default: unlimited (the time limit decides).
   */
  readonly iterations?: number;
  /** Seed of every random choice. Default 1. */
  readonly seed?: number;
  /**
   * Spend the time after the search on proving optimality (branch and bound on the knapsack
   * bound) even when the reduced problem is large. Default false: branch and bound runs only
   * when reduced-cost fixing has left a small problem.
   */
  readonly exact?: boolean;
  /**
   * Stop once neither the incumbent nor the bound has improved for this many milliseconds.
   * Default: no such stop (the time limit, the effort limit or a proof ends the solve).
   */
  readonly patienceMs?: number;
  /**
   * Run only the local search (LP rounding, strategic oscillation, path relinking) and stop after
   * it has gone `100` descents without improving: a fast heuristic answer with the LP bound, no
   * exact neighbourhoods and no branch and bound. Default false.
   */
  readonly searchOnly?: boolean;
  /** Stops the solve; the best assignment so far is returned. */
  readonly signal?: AbortSignal;
  /** Called now and then (at most every ~100 ms per phase). */
  readonly onProgress?: (progress: GapProgress) => void;
}
