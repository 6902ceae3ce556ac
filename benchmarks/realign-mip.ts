/**
 * How far the tight-budget realignment plans are from the integer optimum, not only from the LP:
 * the 5,000 × 50 instances of `bench:realign` at 1.25× the least moves, written as the exact MIP
 * (every account–rep pair, binary, bands and the move budget as rows — the model
 * `highs-territory-model.ts` gives HiGHS) in MPS and handed to CBC (Debian's `coinor-cbc`) with a
 * time limit. CBC's root bound after its cuts is a lower bound on the integer optimum above the LP;
 * its best integer plan, when it finds one, an upper bound. Writes
 * benchmarks/results/realign-mip.md. Usage: npx tsx benchmarks/realign-mip.ts [SECONDS] [SEEDS…]
 * (default 600 s, seed 2026); needs `cbc` on the PATH.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { align } from "../src/align.js";
import { compileProblem } from "../src/compile/compile.js";
import type { CompiledProblem } from "../src/compile/compiled-problem.js";
import { parseProblem, resolveOptions } from "../src/model/parse.js";
import { repWindows } from "../src/solvers/exact/exact-problem.js";
import { realignInstance } from "./realign-instance.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const seconds = Number(process.argv[2] ?? 600);
const seeds = process.argv.slice(3).map(Number);
if (seeds.length === 0) seeds.push(2026);
const BAND = 0.05;
const FACTOR = 1.25;

/** The budgeted territory MIP in free MPS: one binary per eligible account–rep pair. */
function toMps(p: CompiledProblem, budget: number): string {
  const windows = repWindows(p, new Float64Array(p.m), p.balance);
  const out: string[] = ["NAME realign", "ROWS", " N obj"];
  for (let a = 0; a < p.n; a++) out.push(` E a${a}`);
  for (let r = 0; r < p.m; r++) out.push(` L up${r}`, ` G lo${r}`);
  out.push(" L budget", "COLUMNS", " MARKER 'MARKER' 'INTORG'");
  for (let a = 0; a < p.n; a++) {
    for (let r = 0; r < p.m; r++) {
      if (!p.compatible(r, a) || p.travel(r, a) > p.maxTravel[r]) continue;
      const x = `x${a}_${r}`;
      out.push(` ${x} obj ${p.workload[a] * p.travel(r, a)} a${a} 1`, ` ${x} up${r} ${p.workload[a]} lo${r} ${p.workload[a]}`);
      if (p.currentRep[a] >= 0 && r !== p.currentRep[a]) out.push(` ${x} budget 1`);
    }
  }
  out.push(" MARKER 'MARKER' 'INTEND'", "RHS");
  for (let a = 0; a < p.n; a++) out.push(` rhs a${a} 1`);
  for (let r = 0; r < p.m; r++) out.push(` rhs up${r} ${windows.upper[r]} lo${r} ${windows.lower[r]}`);
  // No bounds section: each account's row (= 1) keeps its integer columns at 0 or 1.
  out.push(` rhs budget ${budget}`, "ENDATA");
  return `${out.join("\n")}\n`;
}

interface Row {
  seed: number;
  budget: number;
  objective: number;
  reportedBound: number;
  lp: number;
  rootBound: number;
  cbcBest: number | undefined;
  cbcSeconds: number;
}

const rows: Row[] = [];
const dir = mkdtempSync(join(tmpdir(), "terralign-bench-mip-"));
try {
  for (const seed of seeds) {
    const problem = realignInstance({ accounts: 5000, reps: 50, hires: 3, seed });
    const probe = align(problem, { balance: { workload: BAND }, disruption: { maxMoves: 0 } });
    const least = Number(/the bands need at least ([\d,]+) moves/.exec(probe.diagnostics.map((d) => d.message).join(" "))?.[1].replace(/,/g, ""));
    const budget = Math.round(FACTOR * least);
    const options = { balance: { workload: BAND }, disruption: { maxMoves: budget } };
    const plan = align(problem, options);
    const file = join(dir, `seed-${seed}.mps`);
    writeFileSync(file, toMps(compileProblem(parseProblem(problem), resolveOptions(options)), budget));
    const started = performance.now();
    // Without presolve: CBC's SOS detection alone takes longer than the limit on 250,000 columns.
    const run = spawnSync("cbc", [file, "-sec", String(seconds), "-threads", "1", "-preprocess", "off", "-solve", "-quit"], { encoding: "utf8", maxBuffer: 1 << 28, stdio: ["ignore", "pipe", "pipe"] });
    const log = run.stdout ?? "";
    const lp = Number(/Continuous objective value is ([\d.e+-]+)/.exec(log)?.[1]);
    const cuts = /cuts changed objective from [\d.e+-]+ to ([\d.e+-]+)/.exec(log);
    const best = /Objective value:\s+([\d.e+-]+)/.exec(log) ?? /best objective ([\d.e+-]+)/.exec(log);
    const bestValue = best && Number(best[1]) < 1e49 ? Number(best[1]) : undefined;
    rows.push({
      seed,
      budget,
      objective: plan.metrics.objective,
      reportedBound: plan.bound?.lowerBound ?? NaN,
      lp,
      rootBound: cuts ? Number(cuts[1]) : lp,
      cbcBest: bestValue,
      cbcSeconds: (performance.now() - started) / 1000,
    });
    console.log(JSON.stringify(rows.at(-1)));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const fmt = (x: number) => Math.round(x).toLocaleString("en-US");
const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
const lines = [
  "# Tight-budget realignment against the integer optimum",
  "",
  `Generated by \`npx tsx benchmarks/realign-mip.ts ${seconds} ${seeds.join(" ")}\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores (${cpus()[0]?.model ?? "unknown"}), ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}; CBC single-threaded, ${seconds} s limit.`,
  `Instances of \`bench:realign\` (5,000 accounts × 50 reps, ±${BAND * 100} % band) at ${FACTOR}× the least moves. \`LP\` is CBC's LP relaxation; \`root bound\` its bound after root cuts (the integer optimum is at least that); \`CBC best\` its best integer plan within the limit.`,
  "",
  "| seed | budget | terralign objective | LP | root bound | root bound vs LP | terralign vs root bound | CBC best | CBC seconds |",
  "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ...rows.map((r) => `| ${r.seed} | ${r.budget} | ${fmt(r.objective)} | ${fmt(r.lp)} | ${fmt(r.rootBound)} | +${pct(r.rootBound / r.lp - 1)} | +${pct(r.objective / r.rootBound - 1)} | ${r.cbcBest !== undefined ? fmt(r.cbcBest) : "none found"} | ${r.cbcSeconds.toFixed(0)} |`),
];
writeFileSync(join(root, "benchmarks", "results", "realign-mip.md"), `${lines.join("\n")}\n`);
console.log(lines.join("\n"));
