/**
 * Benchmark of realignment with a disruption budget (run: `npm run bench:realign`; only the 5k
 * part: `--small`).
 *
 * 1. 5,000 accounts × 50 reps, 3 of them new hires with no accounts, ±5 % band, seeds 2026–2028:
 *    the least number of moves the bands need (the LP bound the library reports for a zero
 *    budget), then budgets of 1.25× and 2.5× that: moves within the budget, every rep in its band,
 *    travel against the exact LP optimum under the same budget (HiGHS, every account–rep pair),
 *    and the reported gap.
 * 2. 100,000 × 200 (3 hires) with a 10 % budget (of the workload with a current rep), through the
 *    CLI end to end against the nearest-rep floor (`nearest-rep-floor.ts`: read the CSVs, give each
 *    account its nearest rep, write a CSV), and the gap.
 * 3. A trade-off of 6 budgets at 100,000 × 200 through the CLI, against one solve.
 *
 * Writes benchmarks/results/realign.md.
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
import { parseProblem, resolveOptions } from "../src/model/parse.js";
import type { Problem } from "../src/model/problem-schema.js";
import { highsTerritory } from "./highs-territory-model.js";
import { realignInstance } from "./realign-instance.js";
import { timedProcess } from "./timed-process.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const cli = join(root, "dist", "cli.js");
const BAND = 0.05;
const small = process.argv.includes("--small");

interface SmallRow {
  seed: number;
  leastMoves: number;
  factor: number;
  budget: number;
  status: string;
  moves: number;
  outside: number;
  objective: number;
  lp: number;
  gap: number | undefined;
  seconds: number;
}

async function part1(): Promise<SmallRow[]> {
  const highs = await highsLoader();
  const rows: SmallRow[] = [];
  for (const seed of [2026, 2027, 2028]) {
    const problem = realignInstance({ accounts: 5000, reps: 50, hires: 3, seed });
    const probe = align(problem, { balance: { workload: BAND }, disruption: { maxMoves: 0 } });
    const text = probe.diagnostics.map((d) => d.message).join(" ");
    const leastMoves = Number(/the bands need at least ([\d,]+) moves/.exec(text)?.[1].replace(/,/g, "") ?? NaN);
    if (!Number.isFinite(leastMoves)) throw new Error(`seed ${seed}: no least budget in ${probe.status}: ${text}`);
    for (const factor of [1.25, 2.5]) {
      const budget = Math.round(factor * leastMoves);
      const options = { balance: { workload: BAND }, disruption: { maxMoves: budget } };
      const started = performance.now();
      const plan = align(problem, options);
      const seconds = (performance.now() - started) / 1000;
      const lp = highsTerritory(highs, compileProblem(parseProblem(problem), resolveOptions(options)), false, 300);
      rows.push({
        seed,
        leastMoves,
        factor,
        budget,
        status: plan.status,
        moves: plan.metrics.disruption.accountsMoved,
        outside: plan.metrics.repsOutsideBand,
        objective: plan.metrics.objective,
        lp: lp.objective,
        gap: plan.bound?.gap,
        seconds,
      });
      console.log(JSON.stringify(rows.at(-1)));
    }
  }
  return rows;
}

interface Timing {
  seconds: number;
  peakMb: number;
}


function writeCsv(dir: string, problem: Problem): void {
  const a = ["id,lng,lat,workload,potential,current_rep"];
  for (const x of problem.accounts) a.push(`${x.id},${x.location[0]},${x.location[1]},${x.workload},${x.potential ?? 0},${x.currentRep}`);
  const r = ["id,lng,lat,capacity"];
  for (const x of problem.reps) r.push(`${x.id},${x.home[0]},${x.home[1]},${x.capacity}`);
  writeFileSync(join(dir, "accounts.csv"), `${a.join("\n")}\n`);
  writeFileSync(join(dir, "reps.csv"), `${r.join("\n")}\n`);
}

interface LargeResult {
  floor: number[];
  align: (Timing & { gap: string; moved: string; status: string })[];
  tradeoff: Timing[];
  tradeoffRows: string;
}

function part2and3(): LargeResult {
  const dir = mkdtempSync(join(tmpdir(), "terralign-bench-realign-"));
  try {
    writeCsv(dir, realignInstance({ accounts: 100_000, reps: 200, hires: 3, seed: 2026 }));
    writeFileSync(join(dir, "options.json"), JSON.stringify({ balance: { workload: BAND }, disruption: { maxMovedShare: 0.1 } }));
    writeFileSync(join(dir, "band.json"), JSON.stringify({ balance: { workload: BAND } }));
    buildSync({ entryPoints: [join(root, "benchmarks", "nearest-rep-floor.ts")], bundle: true, platform: "node", format: "esm", outfile: join(dir, "floor.mjs"), logLevel: "silent" });
    const result: LargeResult = { floor: [], align: [], tradeoff: [], tradeoffRows: "" };
    for (let run = 0; run < 3; run++) {
      const floor = spawnSync(process.execPath, ["floor.mjs", "accounts.csv", "reps.csv", "nearest.csv"], { cwd: dir, encoding: "utf8" });
      result.floor.push(JSON.parse(floor.stdout.trim().split("\n").at(-1)!).ms / 1000);
      const one = timedProcess([process.execPath, cli, "align", "--accounts", "accounts.csv", "--reps", "reps.csv", "--options", "options.json", "--out", "out"], dir);
      const report = JSON.parse(readFileSync(join(dir, "out", "report.json"), "utf8"));
      result.align.push({ ...one, status: report.status, gap: report.bound ? `${(report.bound.gap * 100).toFixed(3)} %` : "–", moved: `${(report.metrics.disruption.fractionMoved * 100).toFixed(2)} %` });
      console.log(JSON.stringify(result.align.at(-1)), result.floor.at(-1));
    }
    for (let run = 0; run < 2; run++) {
      const curve = timedProcess([process.execPath, cli, "tradeoff", "--accounts", "accounts.csv", "--reps", "reps.csv", "--options", "band.json", "--budgets", "5%,7.5%,10%,15%,20%,30%", "--out", "curve"], dir);
      result.tradeoff.push(curve);
      result.tradeoffRows = readFileSync(join(dir, "curve", "tradeoff.csv"), "utf8");
      console.log(JSON.stringify({ seconds: curve.seconds, peakMb: curve.peakMb }));
    }
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const pct = (x: number) => `${(x * 100).toFixed(2)} %`;

const rows = await part1();
const large = small ? undefined : part2and3();
const lines = [
  "# Realignment benchmark",
  "",
  `Generated by \`npm run bench:realign\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores (${cpus()[0]?.model ?? "unknown"}), ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}; the machine is shared with other jobs, so times carry noise.`,
  "Instances from `benchmarks/realign-instance.ts`: a past alignment (±10 %) of the reps there before, 10 % of the accounts drifted to a nearby rep, 3 new hires with no accounts; ±5 % band now.",
  "",
  "## 5,000 accounts × 50 reps, budgets in moves",
  "",
  "`least moves` is the lower bound on the moves the bands need that the library reports for a zero budget. `LP` is HiGHS's optimum of the LP relaxation over every account–rep pair with the same budget row; `travel vs LP` is the plan's objective over it.",
  "",
  "| seed | least moves | budget | status | moves | reps outside band | objective | travel vs LP | reported gap | time |",
  "|---:|---:|---:|:--|---:|---:|---:|---:|---:|---:|",
  ...rows.map((r) => `| ${r.seed} | ${r.leastMoves} | ${r.budget} (${r.factor}×) | ${r.status} | ${r.moves} | ${r.outside} | ${Math.round(r.objective).toLocaleString("en-US")} | +${pct(r.objective / r.lp - 1)} | ${r.gap !== undefined ? pct(r.gap) : "–"} | ${r.seconds.toFixed(2)} s |`),
];
if (large) {
  const floor = median(large.floor);
  const one = median(large.align.map((t) => t.seconds));
  const curve = median(large.tradeoff.map((t) => t.seconds));
  lines.push(
    "",
    "## 100,000 accounts × 200 reps, 10 % budget, through the CLI",
    "",
    `Nearest-rep floor (its own work, process start excluded): ${large.floor.map((x) => x.toFixed(2)).join(", ")} s, median ${floor.toFixed(2)} s.`,
    "",
    "| run | `terralign align` (process, all outputs) | × floor | peak memory | status | moved | gap |",
    "|---:|---:|---:|---:|:--|---:|---:|",
    ...large.align.map((t, i) => `| ${i + 1} | ${t.seconds.toFixed(2)} s | ${(t.seconds / floor).toFixed(1)}× | ${Math.round(t.peakMb)} MB | ${t.status} | ${t.moved} | ${t.gap} |`),
    "",
    "## A 6-budget trade-off at 100,000 × 200 (5 %, 7.5 %, 10 %, 15 %, 20 %, 30 %)",
    "",
    `\`terralign tradeoff\`: ${large.tradeoff.map((t) => `${t.seconds.toFixed(2)} s`).join(", ")} (peak ${Math.round(Math.max(...large.tradeoff.map((t) => t.peakMb)))} MB); one \`align\` solve with all outputs: ${one.toFixed(2)} s (median); ratio ${(curve / one).toFixed(2)}×.`,
    "",
    "```csv",
    large.tradeoffRows.trimEnd(),
    "```",
  );
}
writeFileSync(join(root, "benchmarks", "results", "realign.md"), `${lines.join("\n")}\n`);
console.log(lines.join("\n"));
