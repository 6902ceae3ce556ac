import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/** Wall time and peak memory of one process. */
export interface ProcessTiming {
  readonly seconds: number;
  /** Peak resident memory from /usr/bin/time, MB; NaN where there is no /usr/bin/time. */
  readonly peakMb: number;
  readonly code: number | null;
  readonly stdout: string;
}

/**
 * Runs a command (process start included) under /usr/bin/time for its peak memory when there is
 * one, else times it alone. An exit code outside `okCodes` throws with the end of stderr; by
 * default 0 and 1 pass (exit 1 — infeasible, timeout — still writes its report).
 */
export function timedProcess(args: readonly string[], cwd: string, okCodes: readonly number[] = [0, 1]): ProcessTiming {
  const useTime = existsSync("/usr/bin/time");
  const started = performance.now();
  const options = { cwd, encoding: "utf8" as const, maxBuffer: 1 << 28 };
  const run = useTime ? spawnSync("/usr/bin/time", ["-f", "%M", ...args], options) : spawnSync(args[0], args.slice(1), options);
  const seconds = (performance.now() - started) / 1000;
  if (!okCodes.includes(run.status ?? -1)) throw new Error(`${args.join(" ")} exited ${run.status}: ${run.stderr.slice(-2000)}`);
  const kb = useTime ? Number(run.stderr.trim().split("\n").at(-1)) : NaN;
  return { seconds, peakMb: kb / 1024, code: run.status, stdout: run.stdout };
}
