/**
 * Runs every benchmark in turn (`npm run bench`), each writing its table to benchmarks/results/.
 * Arguments after `--` go to each one (e.g. `--small` where a benchmark has it). Stops at the first
 * that fails.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const benchmarks = ["transport", "gap", "contiguity", "plan", "realign", "bands", "cpmp", "intel", "report"];
const extra = process.argv.slice(2);
for (const name of benchmarks) {
  console.log(`\n=== bench:${name}`);
  const run = spawnSync(process.execPath, ["--import", "tsx", join(root, "benchmarks", `${name}.ts`), ...extra], { cwd: root, stdio: "inherit" });
  if (run.status !== 0) {
    console.error(`bench:${name} exited ${run.status}`);
    process.exit(run.status ?? 1);
  }
}
