import type { ResolvedOptions } from "../model/defaults.js";

/** Clock, abort signal and throttled progress, shared by every solver. */
export interface SolveContext {
  /** Milliseconds since the solve started. */
  elapsedMs(): number;
  /** True once the time limit has passed or the signal has aborted. */
  stopped(): boolean;
  /** Reports progress, at most every 100 ms per phase change. */
  progress(phase: string, fraction: number, objective?: number): void;
}

const PROGRESS_INTERVAL_MS = 100;

export function createSolveContext(options: ResolvedOptions, now: () => number = defaultNow): SolveContext {
  const started = now();
  const deadline = started + options.timeLimitMs;
  let lastPhase = "";
  let lastReport = -Infinity;
  return {
    elapsedMs: () => now() - started,
    stopped: () => options.signal?.aborted === true || now() >= deadline,
    progress(phase, fraction, objective) {
      const onProgress = options.onProgress;
      if (!onProgress) return;
      const t = now();
      if (phase === lastPhase && fraction < 1 && t - lastReport < PROGRESS_INTERVAL_MS) return;
      lastPhase = phase;
      lastReport = t;
      onProgress({ phase, fraction: Math.max(0, Math.min(1, fraction)), objective, elapsedMs: t - started });
    },
  };
}

function defaultNow(): number {
  return typeof performance !== "undefined" ? performance.now() : Date.now();
}
