import type { GapOptions } from "./gap-options.js";

/** Clock, time shares, abort signal and throttled progress for one GAP solve. */
export interface Stopwatch {
  elapsedMs(): number;
  /**
   * True once the signal aborted, `share` × the time limit has passed (share defaults to 1), or
   * — when `patienceMs` is set — nothing improved for that long. With an effort limit
   * (`iterations`), stages end on their own counts and `share` is ignored: only the whole limit
   * stops them, so the result does not depend on the machine's speed.
   */
  stopped(share?: number): boolean;
  /**
   * True once the signal aborted or the whole time limit has passed: the clock, not the effort
   * limit or a proof, ended the solve.
   */
  clockStopped(): boolean;
  /** Records an improvement of the incumbent or the bound (resets the patience clock). */
  improved(): void;
  /** Reports progress at most every 100 ms per phase (phase changes always report). */
  progress(phase: string, objective?: number, lowerBound?: number): void;
}

/** Default time limit of a GAP solve, milliseconds. */
export const DEFAULT_GAP_TIME_LIMIT_MS = 10_000;

/** Milliseconds kept in hand before the time limit (at most), for the last steps and the result. */
const SAFETY_MS = 60;

export function createStopwatch(options: GapOptions): Stopwatch {
  const now = () => (typeof performance !== "undefined" ? performance.now() : Date.now());
  const started = now();
  const full = options.timeLimitMs ?? DEFAULT_GAP_TIME_LIMIT_MS;
  // Stages stop a little early so that unwinding them stays within the caller's limit.
  const limit = full - Math.min(SAFETY_MS, 0.02 * full);
  const patience = options.patienceMs ?? Infinity;
  const byEffort = options.iterations !== undefined;
  let lastImprovement = started;
  let lastPhase = "";
  let lastReport = -Infinity;
  return {
    elapsedMs: () => now() - started,
    stopped(share = 1) {
      const t = now();
      return options.signal?.aborted === true || t - started >= (byEffort ? 1 : share) * limit || t - lastImprovement >= patience;
    },
    clockStopped() {
      return options.signal?.aborted === true || now() - started >= limit;
    },
    improved() {
      lastImprovement = now();
    },
    progress(phase, objective, lowerBound) {
      if (!options.onProgress) return;
      const t = now();
      if (phase === lastPhase && t - lastReport < 100) return;
      lastPhase = phase;
      lastReport = t;
      options.onProgress({ phase, fraction: Math.min(1, (t - started) / full), objective, lowerBound, elapsedMs: t - started });
    },
  };
}
