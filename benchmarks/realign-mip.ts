/**
 * How far the tight-budget realignment plans are from the integer optimum, not only from the LP:
 * the 5,000 × 50 instances of `bench:realign` at 1.25× the least moves, written as the exact MIP
 * (every account–rep pair, binary, bands and the move budget as rows — the model
 * `highs-territory-model.ts` gives HiGHS) in MPS and handed to CBC (Debian's `coinor-cbc`) with a
 * time limit. CBC's root bound after its cuts is a lower bound on the integer optimum above the LP;
 * its best integer plan, when it finds one, an upper bound. Writes
 * benchmarks/results/realign-mip.md. Usage: npx tsx benchmarks/realign-mip.ts [--start] [--cbc "FLAGS"]
 * [--log DIR] [SECONDS] [SEEDS…] (default 600 s, seed 2026); needs `cbc` on the PATH.
 *
 * `--start` hands CBC terralign's own plan as a MIP start (`-mipstart`, every column listed, 1 on
 * the plan's pairs), so its best integer plan can only match or improve terralign's, and its final
 * bound closes the gap from below; the results go to their own section of the file (one section per
 * `--cbc` setting; the cold-start table above is kept). `--cbc` adds CBC options before the solve
 * (e.g. "-rins on -proximity on"); `--log DIR` keeps CBC's logs there.
 */
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
const args = process.argv.slice(2);
function flag(name: string): boolean {
  const i = args.indexOf(name);
  if (i >= 0) args.splice(i, 1);
  return i >= 0;
}
function option(name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
}
const warm = flag("--start");
const extra = (option("--cbc") ?? "").split(/\s+/).filter((x) => x !== "");
const logDir = option("--log");
const seconds = Number(args[0] ?? 600);
const seeds = args.slice(1).map(Number);
if (seeds.length === 0) seeds.push(2026);
const BAND = 0.05;
const FACTOR = 1.25;

/** The budgeted territory MIP in free MPS: one binary per eligible account–rep pair, and its columns in order. */
function toMps(p: CompiledProblem, budget: number): { mps: string; columns: { a: number; r: number }[] } {
  const columns: { a: number; r: number }[] = [];
  const windows = repWindows(p, new Float64Array(p.m), p.balance);
  const out: string[] = ["NAME realign", "ROWS", " N obj"];
  for (let a = 0; a < p.n; a++) out.push(` E a${a}`);
  for (let r = 0; r < p.m; r++) out.push(` L up${r}`, ` G lo${r}`);
  out.push(" L budget", "COLUMNS", " MARKER 'MARKER' 'INTORG'");
  for (let a = 0; a < p.n; a++) {
    for (let r = 0; r < p.m; r++) {
      if (!p.compatible(r, a) || p.travel(r, a) > p.maxTravel[r]) continue;
      const x = `x${a}_${r}`;
      columns.push({ a, r });
      out.push(` ${x} obj ${p.workload[a] * p.travel(r, a)} a${a} 1`, ` ${x} up${r} ${p.workload[a]} lo${r} ${p.workload[a]}`);
      if (p.currentRep[a] >= 0 && r !== p.currentRep[a]) out.push(` ${x} budget 1`);
    }
  }
  out.push(" MARKER 'MARKER' 'INTEND'", "RHS");
  for (let a = 0; a < p.n; a++) out.push(` rhs a${a} 1`);
  for (let r = 0; r < p.m; r++) out.push(` rhs up${r} ${windows.upper[r]} lo${r} ${windows.lower[r]}`);
  // No bounds section: each account's row (= 1) keeps its integer columns at 0 or 1.
  out.push(` rhs budget ${budget}`, "ENDATA");
  return { mps: `${out.join("\n")}\n`, columns };
}

/**
 * terralign's plan as a CBC MIP start (CBC's solution format: a header line, then `index name value`
 * for every column), with its objective and any row of the MPS it breaks, checked here so a start
 * CBC rejects is not mistaken for a bad plan.
 */
function mipStart(p: CompiledProblem, budget: number, columns: readonly { a: number; r: number }[], rep: Int32Array): { text: string; objective: number; broken: string[] } {
  const windows = repWindows(p, new Float64Array(p.m), p.balance);
  const broken: string[] = [];
  const load = new Float64Array(p.m);
  let objective = 0;
  let moves = 0;
  const covered = new Uint8Array(p.n);
  const lines = ["Feasible - objective value 0"];
  columns.forEach(({ a, r }, i) => {
    const on = rep[a] === r;
    lines.push(`${i} x${a}_${r} ${on ? 1 : 0}`);
    if (!on) return;
    covered[a] = 1;
    load[r] += p.workload[a];
    objective += p.workload[a] * p.travel(r, a);
    if (p.currentRep[a] >= 0 && r !== p.currentRep[a]) moves++;
  });
  for (let a = 0; a < p.n; a++) if (!covered[a]) broken.push(`account ${a} has no column for rep ${rep[a]}`);
  for (let r = 0; r < p.m; r++) if (load[r] > windows.upper[r] || load[r] < windows.lower[r]) broken.push(`rep ${r} load ${load[r]} outside [${windows.lower[r]}, ${windows.upper[r]}]`);
  if (moves > budget) broken.push(`${moves} moves > budget ${budget}`);
  return { text: `${lines.join("\n")}\n`, objective, broken };
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
  /** Warm start only: the start's objective as computed here and as CBC read it. */
  startObjective?: number;
  startRead?: number;
  /** CBC's best bound at the end. */
  finalBound?: number;
  /** Integer plans CBC reported: objective, seconds, heuristic. */
  improvements?: { objective: number; seconds: number; by: string }[];
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
    const compiled = compileProblem(parseProblem(problem), resolveOptions(options));
    const { mps, columns } = toMps(compiled, budget);
    writeFileSync(file, mps);
    const cbcArgs = [file, "-sec", String(seconds), "-threads", "1", "-preprocess", "off", ...extra];
    let start: ReturnType<typeof mipStart> | undefined;
    if (warm) {
      const repIndex = new Map(compiled.repIds.map((id, r) => [id, r]));
      const accountIndex = new Map(compiled.accountIds.map((id, a) => [id, a]));
      const rep = new Int32Array(compiled.n).fill(-1);
      for (const row of plan.assignment) rep[accountIndex.get(row.accountId) ?? -1] = repIndex.get(row.repId) ?? -1;
      start = mipStart(compiled, budget, columns, rep);
      if (start.broken.length > 0) throw new Error(`seed ${seed}: terralign's plan breaks the MIP: ${start.broken.slice(0, 5).join("; ")}`);
      if (Math.abs(start.objective - plan.metrics.objective) > 1e-6 * plan.metrics.objective) throw new Error(`seed ${seed}: start objective ${start.objective} ≠ plan objective ${plan.metrics.objective}`);
      const startFile = join(dir, `seed-${seed}.sol`);
      writeFileSync(startFile, start.text);
      cbcArgs.push("-mipstart", startFile);
    }
    cbcArgs.push("-solve", "-quit");
    const logFile = join(logDir ?? dir, `seed-${seed}${warm ? "-start" : ""}${extra.length > 0 ? `-${extra.join("").replace(/\W+/g, "")}` : ""}.log`);
    if (logDir !== undefined) mkdirSync(logDir, { recursive: true });
    const started = performance.now();
    // Without presolve: CBC's SOS detection alone takes longer than the limit on 250,000 columns.
    // The log goes to a file, line-buffered where coreutils' stdbuf is there, so a long run can be watched.
    const fd = openSync(logFile, "w");
    try {
      if (existsSync("/usr/bin/stdbuf")) spawnSync("/usr/bin/stdbuf", ["-oL", "cbc", ...cbcArgs], { stdio: ["ignore", fd, fd] });
      else spawnSync("cbc", cbcArgs, { stdio: ["ignore", fd, fd] });
    } finally {
      closeSync(fd);
    }
    const log = readFileSync(logFile, "utf8");
    const lp = Number(/Continuous objective value is ([\d.e+-]+)/.exec(log)?.[1]);
    const cuts = /cuts changed objective from [\d.e+-]+ to ([\d.e+-]+)/.exec(log);
    const best = /Objective value:\s+([\d.e+-]+)/.exec(log) ?? /best objective ([\d.e+-]+)/.exec(log);
    const bestValue = best && Number(best[1]) < 1e49 ? Number(best[1]) : undefined;
    const bound = /Lower bound:\s+([\d.e+-]+)/.exec(log) ?? /best possible ([\d.e+-]+)/.exec(log);
    const startRead = /MIPStart provided solution with cost ([\d.e+-]+)/i.exec(log);
    const improvements = [...log.matchAll(/Integer solution of ([\d.e+-]+) found by (.*?) after \d+ iterations and \d+ nodes \(([\d.]+) seconds\)/g)].map((m) => ({ objective: Number(m[1]), by: m[2], seconds: Number(m[3]) }));
    rows.push({
      seed,
      budget,
      objective: plan.metrics.objective,
      reportedBound: plan.bound?.lowerBound ?? NaN,
      lp,
      rootBound: cuts ? Number(cuts[1]) : lp,
      cbcBest: bestValue,
      cbcSeconds: (performance.now() - started) / 1000,
      ...(warm ? { startObjective: start?.objective, startRead: startRead ? Number(startRead[1]) : undefined, finalBound: bound ? Number(bound[1]) : undefined, improvements } : {}),
    });
    console.log(JSON.stringify(rows.at(-1)));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const fmt = (x: number) => Math.round(x).toLocaleString("en-US");
const pct = (x: number) => `${(x * 100).toFixed(2)} %`;
const file = join(root, "benchmarks", "results", "realign-mip.md");
const previous = existsSync(file) ? readFileSync(file, "utf8") : "";
const machine = `${cpus().length} cores (${cpus()[0]?.model ?? "unknown"}), ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}`;
const date = new Date().toISOString().slice(0, 10);
const cut = previous.indexOf("\n## ");
let text: string;
if (!warm) {
  const lines = [
    "# Tight-budget realignment against the integer optimum",
    "",
    `Generated by \`npx tsx benchmarks/realign-mip.ts ${seconds} ${seeds.join(" ")}\` on ${date}: ${machine}; CBC single-threaded, ${seconds} s limit.`,
    `Instances of \`bench:realign\` (5,000 accounts × 50 reps, ±${BAND * 100} % band) at ${FACTOR}× the least moves. \`LP\` is CBC's LP relaxation; \`root bound\` its bound after root cuts (the integer optimum is at least that); \`CBC best\` its best integer plan within the limit.`,
    "",
    "| seed | budget | terralign objective | LP | root bound | root bound vs LP | terralign vs root bound | CBC best | CBC seconds |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map((r) => `| ${r.seed} | ${r.budget} | ${fmt(r.objective)} | ${fmt(r.lp)} | ${fmt(r.rootBound)} | +${pct(r.rootBound / r.lp - 1)} | +${pct(r.objective / r.rootBound - 1)} | ${r.cbcBest !== undefined ? fmt(r.cbcBest) : "none found"} | ${r.cbcSeconds.toFixed(0)} |`),
  ];
  // The warm-start sections below the table are kept.
  text = `${lines.join("\n")}\n${cut >= 0 ? previous.slice(cut) : ""}`;
} else {
  const heading = `## Warm start from terralign's plan${extra.length > 0 ? `, CBC ${extra.join(" ")}` : ""}`;
  const command = `npx tsx benchmarks/realign-mip.ts --start${extra.length > 0 ? ` --cbc "${extra.join(" ")}"` : ""} ${seconds} ${seeds.join(" ")}`;
  const cbcLine = `cbc seed-SEED.mps -sec ${seconds} -threads 1 -preprocess off ${extra.length > 0 ? `${extra.join(" ")} ` : ""}-mipstart seed-SEED.sol -solve -quit`;
  const lines = [
    heading,
    "",
    `Generated by \`${command}\` on ${date}: ${machine}. CBC ran as \`${cbcLine}\` (stdin from /dev/null; through \`stdbuf -oL\` where it exists, so the log can be watched), where seed-SEED.sol is terralign's plan in CBC's solution format (every column, 1 on the plan's pairs); the script checks the plan meets every row of the MPS and that its objective is terralign's before handing it over.`,
    "`CBC read start` is the cost CBC printed for the MIP start (Cbc0045I, 6 digits). `CBC best` is its best integer plan at the end (never worse than the start), `final bound` its best possible objective at the end (the integer optimum is at least that), `gap` (best − bound) / best; `wall seconds` is CBC's wall time (`-sec` limits CPU seconds; the 2 cores were shared).",
    "",
    "| seed | budget | terralign objective | CBC read start | CBC best | CBC improvement on terralign | final bound | terralign vs final bound | gap (CBC best vs final bound) | wall seconds |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map((r) => {
      const bestValue = r.cbcBest ?? NaN;
      const boundValue = r.finalBound ?? NaN;
      return `| ${r.seed} | ${r.budget} | ${fmt(r.objective)} | ${r.startRead !== undefined ? r.startRead.toLocaleString("en-US") : "not read"} | ${fmt(bestValue)} | ${pct(1 - bestValue / r.objective)} | ${fmt(boundValue)} | +${pct(r.objective / boundValue - 1)} | ${pct((bestValue - boundValue) / bestValue)} | ${r.cbcSeconds.toFixed(0)} |`;
    }),
    "",
    "Integer plans CBC reported (Cbc0012I: objective, CBC seconds, heuristic; the first is the MIP start):",
    "",
    ...rows.map((r) => `- seed ${r.seed}: ${(r.improvements ?? []).map((x) => `${fmt(x.objective)} at ${x.seconds} s by ${x.by}`).join("; ") || "none"}`),
  ];
  const sections = cut >= 0 ? previous.slice(cut + 1).split(/\n(?=## )/) : [];
  const kept = sections.filter((x) => x.split("\n")[0] !== heading).map((x) => x.trimEnd());
  text = `${(cut >= 0 ? previous.slice(0, cut) : previous).trimEnd()}\n\n${[...kept, lines.join("\n")].join("\n\n")}\n`;
}
writeFileSync(file, text);
console.log(text);
