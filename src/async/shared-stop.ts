/**
 * A stop flag in shared memory: one thread sets it, a solve on another thread reads it. The solve's
 * thread is busy with synchronous work, so it cannot receive an abort event; every solver only reads
 * `signal.aborted` between steps, and here that reads the flag.
 */
export interface SharedStop {
  /** One Int32 in a SharedArrayBuffer: 0 = run, 1 = stop. */
  readonly flag: Int32Array;
  /** Sets the flag. */
  stop(): void;
}

/** A new flag, clear. */
export function createSharedStop(): SharedStop {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  return { flag, stop: () => void Atomics.store(flag, 0, 1) };
}

/**
 * An `AbortSignal` whose `aborted` reads `flag` (set by another thread). Only `aborted` follows the
 * flag: no `abort` event is fired, which is all the solvers need.
 */
export function signalOfFlag(flag: Int32Array): AbortSignal {
  const signal = new AbortController().signal;
  Object.defineProperty(signal, "aborted", { get: () => Atomics.load(flag, 0) !== 0 });
  return signal;
}
