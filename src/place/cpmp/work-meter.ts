/**
 * Counts work (moves evaluated, knapsack nodes) and watches the safety nets: the wall-clock
 * limit and the abort signal. The search stops on its own work counts, so its result depends only
 * on the instance and the seed; the clock is read only every few thousand units and, when it
 * binds, the result is marked as timed out.
 */
export interface WorkMeter {
  /** Units of work done so far. */
  readonly used: number;
  add(units: number): void;
  /** True once the time limit has passed or the signal aborted (sticky). */
  stopped(): boolean;
  /** Whether the time limit or the signal stopped the work. */
  readonly timedOut: boolean;
  elapsedMs(): number;
}

/** Work units between two looks at the clock. */
const CLOCK_EVERY = 1 << 16;

export function createWorkMeter(timeLimitMs: number, signal?: AbortSignal): WorkMeter {
  const now = () => (typeof performance !== "undefined" ? performance.now() : Date.now());
  const started = now();
  let used = 0;
  let nextLook = CLOCK_EVERY;
  let timedOut = false;
  return {
    get used() {
      return used;
    },
    add(units) {
      used += units;
    },
    stopped() {
      if (timedOut) return true;
      if (used >= nextLook) {
        nextLook = used + CLOCK_EVERY;
        if (now() - started >= timeLimitMs || signal?.aborted === true) timedOut = true;
      }
      return timedOut;
    },
    get timedOut() {
      return timedOut;
    },
    elapsedMs: () => now() - started,
  };
}
