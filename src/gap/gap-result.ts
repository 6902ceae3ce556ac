/**
 * Outcome of a GAP solve.
 * - `optimal`: proven optimal (the bound meets the objective, or an exact search finished).
 * - `feasible`: every job assigned, every capacity (and minimum load) respected.
 * - `infeasible`: no feasible assignment was found; `assignment` is the least-violating one seen.
 * - `timeout`: stopped by the time limit or the abort signal before any feasible assignment.
 */
export type GapStatus = "optimal" | "feasible" | "infeasible" | "timeout";

/** What every GAP solver returns (minimisation sense). */
export interface GapResult {
  readonly status: GapStatus;
  /** Agent of each job (0-based), or −1 for a job that no agent may take; length n. */
  readonly assignment: Int32Array;
  /** Σ cost of `assignment`; `Infinity` when a job is unassigned. */
  readonly objective: number;
  /** A valid lower bound on the optimum (`-Infinity` when none was computed). */
  readonly lowerBound: number;
  /** Whether `assignment` respects every constraint. */
  readonly feasible: boolean;
  /** Whether `objective` is proven optimal. */
  readonly optimal: boolean;
  /** The time limit or the abort signal ended the solve (not the effort limit or a proof). */
  readonly stoppedByClock?: boolean;
  /** Wall-clock time, milliseconds. */
  readonly elapsedMs: number;
  /** Which method produced the assignment or proved it, e.g. `"search"`, `"branch-and-bound"`, `"highs"`. */
  readonly method: string;
}
