/**
 * Benchmark of several hard bands (run: `npm run bench:bands`; only the 3k part: `--small`).
 *
 * 1. 3,000 accounts × 30 reps (`bands-instance.ts`: potential grows tenfold from west to east, so
 *    the potential band pulls western reps east), bands workload ±5 %, potential ±10 %, accounts
 *    ±15 %, seeds 1–3: every band held (the rule checker), travel against the exact LP with all
 *    three bands (HiGHS over every account–rep pair), the reported gap, and the travel the bands
 *    cost against workload alone.
 * 2. 10,000 × 50 with the same bands, seeds 1–2, two minutes each (in process): status, rules
 *    broken, travel against HiGHS's LP and the reported gap.
 * 3. 100,000 × 200 with the same bands through the CLI (10-minute limit) against the nearest-rep
 *    floor (`nearest-rep-floor.ts`), with the gap and peak memory.
 *
 * Writes benchmarks/results/bands.md.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";
import highsLoader from "highs";
import { align } from "../src/align.js";
import { compileProblem } from "../src/compile/compile.js";
import type { AlignOptions } from "../src/model/options-schema.js";
import { parseProblem, resolveOptions } from "../src/model/parse.js";
import type { Problem } from "../src/model/problem-schema.js";
import { bandsInstance } from "./bands-instance.js";
import { highsTerritory } from "./highs-territory-model.js";
import { timedProcess } from "./timed-process.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const cli = join(root, "dist", "cli.js");
const OPTIONS: AlignOptions = { balance: { workload: 0.05, potential: 0.1, accounts: 0.15 } };
const small = process.argv.includes("--small");

interface SmallRow {
  seed: number;
  status: string;
  broken: number;
  objective: number;
  lp: number;
  workloadOnly: number;
  gap: number | undefined;
  seconds: number;
  lpSeconds: number;
}

/** One instance size, seed by seed: HiGHS's LP, the plan (within `limitMs`) and the plan with the workload band alone. */
async function againstLp(accounts: number, reps: number, seeds: readonly number[], limitMs: number): Promise<SmallRow[]> {
  const highs = await highsLoader();
  const rows: SmallRow[] = [];
  for (const seed of seeds) {
    const problem = bandsInstance({ accounts, reps, seed });
    let started = performance.now();
    const lp = highsTerritory(highs, compileProblem(parseProblem(problem), resolveOptions(OPTIONS)), false, 900);
    const lpSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    const plan = align(problem, { ...OPTIONS, timeLimitMs: limitMs });
    const seconds = (performance.now() - started) / 1000;
    const free = align(problem, { balance: { workload: 0.05 } });
    const row = { seed, status: plan.status, broken: plan.violations.length, objective: plan.metrics.objective, lp: lp.objective, workloadOnly: free.metrics.objective, gap: plan.bound?.gap, seconds, lpSeconds };
    rows.push(row);
    console.log(JSON.stringify(row));
  }
  return rows;
}

function writeCsv(dir: string, problem: Problem): void {
  const a = ["id,lng,lat,workload,potential"];
  for (const x of problem.accounts) a.push(`${x.id},${x.location[0]},${x.location[1]},${x.workload},${x.potential ?? 0}`);
  const r = ["id,lng,lat,capacity"];
  for (const x of problem.reps) r.push(`${x.id},${x.home[0]},${x.home[1]},${x.capacity}`);
  writeFileSync(join(dir, "accounts.csv"), `${a.join("\n")}\n`);
  writeFileSync(join(dir, "reps.csv"), `${r.join("\n")}\n`);
}

interface LargeRow {
  seconds: number;
  peakMb: number;
  floor: number;
  status: string;
  gap: string;
  broken: number;
}

function part2(): LargeRow {
  const dir = mkdtempSync(join(tmpdir(), "terralign-bench-bands-"));
  try {
    writeCsv(dir, bandsInstance({ accounts: 100_000, reps: 200, seed: 1 }));
    writeFileSync(join(dir, "options.json"), JSON.stringify(OPTIONS));
    buildSync({ entryPoints: [join(root, "benchmarks", "nearest-rep-floor.ts")], bundle: true, platform: "node", format: "esm", outfile: join(dir, "floor.mjs"), logLevel: "silent" });
    const floorRun = spawnSync(process.execPath, ["floor.mjs", "accounts.csv", "reps.csv", "nearest.csv"], { cwd: dir, encoding: "utf8" });
    const floor = JSON.parse(floorRun.stdout.trim().split("\n").at(-1)!).ms / 1000;
    const run = timedProcess([process.execPath, cli, "align", "--accounts", "accounts.csv", "--reps", "reps.csv", "--options", "options.json", "--time-limit", "600", "--out", "out"], dir);
    const report = JSON.parse(readFileSync(join(dir, "out", "report.json"), "utf8"));
    const broken = Object.values(report.metrics.violations as Record<string, number>).reduce((s, x) => s + x, 0);
    const row = { seconds: run.seconds, peakMb: run.peakMb, floor, status: report.status, gap: report.bound ? `${(report.bound.gap * 100).toFixed(3)} %` : "–", broken };
    console.log(JSON.stringify(row));
    return row;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const pct = (x: number) => `${x >= 0 ? "+" : ""}${(x * 100).toFixed(2)} %`;
const rows = await againstLp(3000, 30, [1, 2, 3], 600_000);
const mid = await againstLp(10_000, 50, [1, 2], 120_000);
const large = small ? undefined : part2();
const lines = [
  "# Several hard bands",
  "",
  `Generated by \`npm run bench:bands\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}; the machine is shared with other jobs, so times carry noise.`,
  "Instances from `benchmarks/bands-instance.ts`; bands workload ±5 %, potential ±10 %, accounts ±15 %.",
  "",
  "## 3,000 accounts × 30 reps",
  "",
  "`LP` is HiGHS's optimum of the LP relaxation over every account–rep pair with all three bands; `vs LP` is the plan's travel over it. `bands cost` is the plan's travel over the plan with the workload band alone.",
  "",
  "| seed | status | broken rules | objective | vs LP | reported gap | bands cost | seconds | HiGHS LP seconds |",
  "|---:|:--|---:|---:|---:|---:|---:|---:|---:|",
  ...rows.map((r) => `| ${r.seed} | ${r.status} | ${r.broken} | ${Math.round(r.objective).toLocaleString("en")} | ${pct(r.objective / r.lp - 1)} | ${r.gap === undefined ? "–" : `${(r.gap * 100).toFixed(2)} %`} | ${pct(r.objective / r.workloadOnly - 1)} | ${r.seconds.toFixed(1)} | ${r.lpSeconds.toFixed(1)} |`),
  "",
  "## 10,000 accounts × 50 reps",
  "",
  "Two minutes each, in process; `vs LP` against HiGHS's LP with all three bands over every pair, as above.",
  "",
  "| seed | status | broken rules | objective | vs LP | reported gap | seconds |",
  "|---:|:--|---:|---:|---:|---:|---:|",
  ...mid.map((r) => `| ${r.seed} | ${r.status} | ${r.broken} | ${Math.round(r.objective).toLocaleString("en")} | ${pct(r.objective / r.lp - 1)} | ${r.gap === undefined ? "–" : `${(r.gap * 100).toFixed(2)} %`} | ${r.seconds.toFixed(1)} |`),
  "",
  ...(large
    ? [
        "## 100,000 accounts × 200 reps through the CLI",
        "",
        "| `terralign align` (process, all outputs) | nearest-rep floor | × floor | peak memory | status | broken rules | gap |",
        "|---:|---:|---:|---:|:--|---:|---:|",
        `| ${large.seconds.toFixed(1)} s | ${large.floor.toFixed(2)} s | ${(large.seconds / large.floor).toFixed(1)}× | ${Math.round(large.peakMb)} MB | ${large.status} | ${large.broken} | ${large.gap} |`,
        "",
      ]
    : []),
];
writeFileSync(join(root, "benchmarks", "results", "bands.md"), `${lines.join("\n")}\n`);
console.log(lines.join("\n"));
