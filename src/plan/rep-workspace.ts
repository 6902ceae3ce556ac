import { MinHeap } from "../util/min-heap.js";

/**
 * Scratch arrays for planning one rep's calls, allocated once for the largest rep and reused.
 * Local account k is the rep's k-th account.
 */
export interface RepWorkspace {
  /** Visits of local account k in the plan being built. */
  readonly level: Int32Array;
  /** Position of local account k on its class's hull (index into the hull levels). */
  readonly hullAt: Int32Array;
  /** Value per minute of local account k's next hull step: the greedy's heap key. */
  readonly slope: Float64Array;
  /** Local accounts keyed by −`slope`: the steepest next step first (ties: lower k first). */
  readonly heap: MinHeap;
  /** Level local account k is fixed at by the reduction, −1 when it stays free. */
  readonly fixed: Int32Array;
  /** max over levels of sales − λ·minutes, per local account. */
  readonly best: Float64Array;
  /** Reduced cost of local account k's second-best level: how close it is to changing its mind. */
  readonly runnerUp: Float64Array;
  /** Scratch for ordering local accounts (keys and indices). */
  readonly key: Float64Array;
  readonly order: Int32Array;
}

/** A workspace for reps of up to `accounts` accounts. */
export function createRepWorkspace(accounts: number): RepWorkspace {
  return {
    level: new Int32Array(accounts),
    hullAt: new Int32Array(accounts),
    slope: new Float64Array(accounts),
    heap: new MinHeap(accounts),
    fixed: new Int32Array(accounts),
    best: new Float64Array(accounts),
    runnerUp: new Float64Array(accounts),
    key: new Float64Array(accounts),
    order: new Int32Array(accounts),
  };
}
