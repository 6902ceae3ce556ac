import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const treePeak = fileURLToPath(new URL("./process-tree-peak.mjs", import.meta.url));

/** Wall time and peak memory of one command (its process and any it starts). */
export interface ProcessTiming {
  readonly seconds: number;
  /**
   * Peak resident memory, MB: on Linux the peak of the summed memory of the command's processes
   * (sampled every 20 ms, and never below /usr/bin/time's peak of the largest one); elsewhere
   * /usr/bin/time's, or NaN where there is none.
   */
  readonly peakMb: number;
  readonly code: number | null;
  readonly stdout: string;
}

/**
 * Runs a command (process start included) under /usr/bin/time for its peak memory when there is
 * one (on Linux through `process-tree-peak.mjs`, which times the command alone and adds up the
 * memory of the processes it starts), else times it alone. An exit code outside `okCodes` throws
 * with the end of stderr; by default 0 and 1 pass (exit 1 — infeasible, timeout — still writes its
 * report).
 */
export function timedProcess(args: readonly string[], cwd: string, okCodes: readonly number[] = [0, 1]): ProcessTiming {
  const useTime = existsSync("/usr/bin/time");
  if (useTime && existsSync("/proc/self/status")) {
    const run = spawnSync(process.execPath, [treePeak, ...args], { cwd, encoding: "utf8", maxBuffer: 1 << 28 });
    if (!okCodes.includes(run.status ?? -1)) throw new Error(`${args.join(" ")} exited ${run.status}: ${run.stderr.slice(-2000)}`);
    const { seconds, treeKb, maxKb } = JSON.parse(run.stderr.trim().split("\n").at(-1)!) as { seconds: number; treeKb: number; maxKb: number };
    // A run too short to sample says nothing of its processes; a long one that gave nothing is a broken sampler.
    if (treeKb === 0 && seconds > 1) throw new Error(`process-tree-peak.mjs sampled no memory for ${args.join(" ")}`);
    return { seconds, peakMb: Math.max(treeKb, maxKb) / 1024, code: run.status, stdout: run.stdout };
  }
  const started = performance.now();
  const options = { cwd, encoding: "utf8" as const, maxBuffer: 1 << 28 };
  const run = useTime ? spawnSync("/usr/bin/time", ["-f", "%M", ...args], options) : spawnSync(args[0], args.slice(1), options);
  const seconds = (performance.now() - started) / 1000;
  if (!okCodes.includes(run.status ?? -1)) throw new Error(`${args.join(" ")} exited ${run.status}: ${run.stderr.slice(-2000)}`);
  const kb = useTime ? Number(run.stderr.trim().split("\n").at(-1)) : NaN;
  return { seconds, peakMb: kb / 1024, code: run.status, stdout: run.stdout };
}
