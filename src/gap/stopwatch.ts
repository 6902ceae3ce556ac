import type { GapOptions } from "./gap-options.js";

/** Clock, time shares, abort signal and throttled progress for one GAP solve. */
export interface Stopwatch {
  elapsedMs(): number;
  /** True once the signal aborted or `share` × the time limit has passed (share defaults to 1). */
  stopped(share?: number): boolean;
  /** Reports progress at most every 100 ms per phase (phase changes always report). */
  progress(phase: string, objective?: number, lowerBound?: number): void;
}

/** Default time limit of a GAP solve, milliseconds. */
export const DEFAULT_GAP_TIME_LIMIT_MS = 10_000;

export function createStopwatch(options: GapOptions): Stopwatch {
  const now = () => (typeof performance !== "undefined" ? performance.now() : Date.now());
  const started = now();
  const limit = options.timeLimitMs ?? DEFAULT_GAP_TIME_LIMIT_MS;
  let lastPhase = "";
  let lastReport = -Infinity;
  return {
    elapsedMs: () => now() - started,
    stopped: (share = 1) => options.signal?.aborted === true || now() - started >= share * limit,
    progress(phase, objective, lowerBound) {
      if (!options.onProgress) return;
      const t = now();
      if (phase === lastPhase && t - lastReport < 100) return;
      lastPhase = phase;
      lastReport = t;
      options.onProgress({ phase, fraction: Math.min(1, (t - started) / limit), objective, lowerBound, elapsedMs: t - started });
    },
  };
}
