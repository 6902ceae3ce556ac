/**
 * Benchmark of the GAP solvers on public instances (run: `npm run bench:gap [DIR...]`).
 *
 * Every instance file under the folders given (default `../shared/benchmarks/instances/gap`,
 * beside the clone) is read — single-instance files are named after the file, OR-Library
 * multi-instance files `name-K` — and duplicates (same numbers) are solved once, under the name
 * that `bks.csv` knows. Instances with a known maximisation optimum (gap1–12) are solved in both
 * senses by strategy `mip` (proof wanted); the others by strategy `gap` with a time limit per
 * instance (default 5 s). Every answer is re-checked here (feasibility, objective recomputed).
 *
 * Options: `--time-limit S` (per instance, strategy gap), `--seed N`, `--only REGEX` (instance
 * names), `--backends` (adds the comparison of exact backends on small instances), `--out FILE`.
 * With the default folder the table is written to benchmarks/results/gap.md; with folders given,
 * only when `--out` says where.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gapObjective, isGapFeasible, negateCosts, type GapInstance } from "../src/gap/gap-instance.js";
import type { GapResult } from "../src/gap/gap-result.js";
import { readGapInstances } from "../src/gap/read-gap-instances.js";
import { solveGap } from "../src/gap/solve-gap.js";
import { solveGapExact, type ExactBackend } from "../src/solvers/mip/solve-gap-exact.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DEFAULT_DIR = resolve(root, "../shared/benchmarks/instances/gap");

interface Known {
  readonly min?: number;
  readonly minProven: boolean;
  readonly max?: number;
}

interface Entry {
  readonly name: string;
  readonly instance: GapInstance;
  readonly known?: Known;
}

interface Row {
  readonly name: string;
  readonly group: string;
  readonly size: string;
  readonly sense: "min" | "max";
  readonly strategy: string;
  readonly known: number | null;
  readonly ours: number | null;
  readonly bound: number | null;
  readonly gapPercent: number | null;
  readonly proven: boolean;
  readonly seconds: number;
  readonly feasible: boolean;
  readonly method: string;
}

function parseCli(argv: readonly string[]) {
  const dirs: string[] = [];
  let timeLimitMs = 5_000;
  let seed = 1;
  let only: RegExp | undefined;
  let backends = false;
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--time-limit") timeLimitMs = Number(argv[++i]) * 1000;
    else if (arg === "--seed") seed = Number(argv[++i]);
    else if (arg === "--only") only = new RegExp(argv[++i]);
    else if (arg === "--backends") backends = true;
    else if (arg === "--out") out = resolve(argv[++i]);
    else if (arg.startsWith("--")) throw new Error(`unknown option ${arg}`);
    else dirs.push(resolve(arg));
  }
  if (!(timeLimitMs > 0) || !Number.isInteger(seed)) throw new Error("--time-limit needs seconds > 0 and --seed an integer");
  const defaulted = dirs.length === 0;
  return {
    dirs: defaulted ? [DEFAULT_DIR] : dirs,
    timeLimitMs,
    seed,
    only,
    backends,
    out: out ?? (defaulted ? join(root, "benchmarks/results/gap.md") : undefined),
  };
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else if (name.endsWith(".txt")) out.push(path);
  }
  return out;
}

function readKnown(dirs: readonly string[]): Map<string, Known> {
  const known = new Map<string, Known>();
  for (const dir of dirs) {
    const path = join(dir, "bks.csv");
    if (!existsSync(path)) continue;
    const [header, ...lines] = readFileSync(path, "utf8").trim().split(/\r?\n/);
    const col = (name: string) => header.split(",").indexOf(name);
    const [iName, iMin, iStatus, iMax] = [col("instance"), col("best_known_min"), col("status_min"), col("optimum_max")];
    for (const line of lines) {
      const f = line.split(",");
      const number = (i: number) => (i >= 0 && f[i] !== undefined && f[i] !== "" ? Number(f[i]) : undefined);
      known.set(f[iName], { min: number(iMin), minProven: f[iStatus] === "optimal", max: number(iMax) });
    }
  }
  return known;
}

function collect(dirs: readonly string[], only: RegExp | undefined): Entry[] {
  const known = readKnown(dirs);
  const byContent = new Map<string, Entry>();
  for (const dir of dirs) {
    for (const file of filesUnder(dir)) {
      const instances = readGapInstances(readFileSync(file, "utf8"));
      const stem = basename(file, ".txt");
      instances.forEach((instance, k) => {
        const name = instances.length === 1 ? stem : `${stem}-${k}`;
        const key = fingerprint(instance);
        const previous = byContent.get(key);
        // Same numbers under two names: keep the name the best-known table uses.
        if (previous && (previous.known || !known.has(name))) return;
        byContent.set(key, { name, instance, known: known.get(name) });
      });
    }
  }
  return [...byContent.values()].filter((e) => !only || only.test(e.name)).sort((x, y) => order(x.name) - order(y.name) || x.name.localeCompare(y.name, "en", { numeric: true }));
}

function fingerprint(instance: GapInstance): string {
  const hash = createHash("sha1");
  hash.update(`${instance.m} ${instance.n}`);
  hash.update(new Uint8Array(instance.cost.buffer));
  hash.update(new Uint8Array(instance.resource.buffer));
  hash.update(new Uint8Array(instance.capacity.buffer));
  return hash.digest("hex");
}

function order(name: string): number {
  return /^gap\d/.test(name) ? 0 : 1;
}

/** Instance group for the summary: gap1–12, types A/B/C/D/E, small (n ≤ 200) or large. */
function groupOf(entry: Entry, sense: "min" | "max"): string {
  if (/^gap\d/.test(entry.name)) return `gap1–12 (${sense})`;
  const type = /^[a-e]/i.test(entry.name) ? entry.name[0].toUpperCase() : "other";
  return `${type} ${entry.instance.n <= 200 ? "n ≤ 200" : "n > 200"}`;
}

async function run(entry: Entry, sense: "min" | "max", strategy: "gap" | "mip", timeLimitMs: number, seed: number, backend?: ExactBackend): Promise<Row> {
  const input = sense === "max" ? negateCosts(entry.instance) : entry.instance;
  const started = performance.now();
  const result: GapResult =
    strategy === "mip" ? await solveGapExact(input, { timeLimitMs, seed, backend }) : solveGap(input, { timeLimitMs, seed });
  const seconds = (performance.now() - started) / 1000;
  const sign = sense === "max" ? -1 : 1;
  // Re-check independently of the solver's own bookkeeping.
  const feasible = result.feasible && isGapFeasible(input, result.assignment) && gapObjective(input, result.assignment) === result.objective;
  const ours = feasible ? sign * result.objective : null;
  const known = (sense === "max" ? entry.known?.max : entry.known?.min) ?? null;
  return {
    name: entry.name,
    group: groupOf(entry, sense),
    size: `${entry.instance.m}×${entry.instance.n}`,
    sense,
    strategy: backend ? `${strategy}/${backend}` : strategy,
    known,
    ours,
    bound: Number.isFinite(result.lowerBound) ? sign * result.lowerBound : null,
    gapPercent: ours !== null && known !== null ? (sign * (ours - known) * 100) / Math.abs(known) : null,
    proven: feasible && result.optimal,
    seconds,
    feasible,
    method: result.method,
  };
}

const fmt = (x: number | null, digits = 0) => (x === null ? "—" : x.toFixed(digits));

function instanceTable(rows: readonly Row[]): string {
  const lines = [
    "| instance | m×n | sense | strategy | best known | ours | gap % | bound | proven | time s | feasible |",
    "|---|---|---|---|---:|---:|---:|---:|---|---:|---|",
  ];
  for (const r of rows) {
    lines.push(`| ${r.name} | ${r.size} | ${r.sense} | ${r.strategy} | ${fmt(r.known)} | ${fmt(r.ours)} | ${fmt(r.gapPercent, 3)} | ${fmt(r.bound, 1)} | ${r.proven ? "yes" : "no"} | ${r.seconds.toFixed(2)} | ${r.feasible ? "yes" : "**no**"} |`);
  }
  return lines.join("\n");
}

function summaryTable(rows: readonly Row[]): string {
  const groups = [...new Set(rows.map((r) => r.group))];
  const lines = ["| group | instances | mean gap % | max gap % | proven optimal | at best known | max time s | all feasible |", "|---|---:|---:|---:|---:|---:|---:|---|"];
  for (const group of groups) {
    const members = rows.filter((r) => r.group === group);
    const gaps = members.map((r) => r.gapPercent).filter((g): g is number => g !== null);
    const mean = gaps.length ? gaps.reduce((s, g) => s + g, 0) / gaps.length : null;
    const max = gaps.length ? Math.max(...gaps) : null;
    const atBest = members.filter((r) => r.gapPercent !== null && Math.abs(r.gapPercent) < 1e-9).length;
    lines.push(
      `| ${group} | ${members.length} | ${fmt(mean, 3)} | ${fmt(max, 3)} | ${members.filter((r) => r.proven).length} | ${atBest} | ${Math.max(...members.map((r) => r.seconds)).toFixed(2)} | ${members.every((r) => r.feasible) ? "yes" : "**no**"} |`,
    );
  }
  return lines.join("\n");
}

/** Exact backends side by side: which proves what within the limit. */
async function backendSection(entries: readonly Entry[], seed: number): Promise<string> {
  const picks = entries.filter((e) => /^gap\d+-0$/.test(e.name) || /^[abce](05|10)100$/.test(e.name));
  const limitMs = 30_000;
  const lines = [
    `Time limit ${limitMs / 1000} s per run, minimisation. "proven" = optimality proven; time = until the proof or the limit.`,
    "javascript-lp-solver is only given models with at most 400 assignment variables (it stalls beyond).",
    "",
    "| instance | m×n | best known | branch-and-bound | lp-solver | highs |",
    "|---|---|---:|---|---|---|",
  ];
  const summary = new Map<string, { proven: number; tried: number }>();
  for (const entry of picks) {
    const cells: string[] = [];
    for (const backend of ["branch-and-bound", "lp-solver", "highs"] as const) {
      const stats = summary.get(backend) ?? { proven: 0, tried: 0 };
      summary.set(backend, stats);
      if (backend === "lp-solver" && entry.instance.m * entry.instance.n > 400) {
        cells.push("too large");
        continue;
      }
      const row = await run(entry, "min", "mip", limitMs, seed, backend);
      stats.tried++;
      if (row.proven) stats.proven++;
      cells.push(row.proven ? `proven ${fmt(row.ours)} in ${row.seconds.toFixed(2)} s` : `${row.ours === null ? "no solution" : fmt(row.ours)}, not proven (${row.seconds.toFixed(1)} s)`);
    }
    lines.push(`| ${entry.name} | ${entry.instance.m}×${entry.instance.n} | ${fmt(entry.known?.min ?? null)} | ${cells.join(" | ")} |`);
    process.stderr.write(`backends ${entry.name}: ${cells.join("; ")}\n`);
  }
  lines.push("", [...summary].map(([b, s]) => `${b}: ${s.proven} of ${s.tried} proven`).join("; ") + ".");
  return lines.join("\n");
}

async function main(): Promise<void> {
  const cli = parseCli(process.argv.slice(2));
  const missing = cli.dirs.filter((dir) => !existsSync(dir) || !statSync(dir).isDirectory());
  if (missing.length > 0) {
    console.error(
      `bench:gap needs GAP instance files (OR-Library format, with a bks.csv of best-known values beside them): ` +
        `${missing.map((d) => relative(process.cwd(), d)).join(", ")} is not a folder. The default is ../shared/benchmarks/instances/gap ` +
        `next to this repository; give other folders as arguments: npm run bench:gap -- path/to/instances`,
    );
    process.exit(2);
  }
  const entries = collect(cli.dirs, cli.only);
  const rows: Row[] = [];
  for (const entry of entries) {
    const senses: ("min" | "max")[] = entry.known?.max !== undefined ? ["min", "max"] : ["min"];
    for (const sense of senses) {
      // gap1–12: a proof is the target, so the exact strategy; the rest: the heuristic strategy.
      const strategy = entry.known?.max !== undefined ? "mip" : "gap";
      const row = await run(entry, sense, strategy, strategy === "mip" ? Math.max(cli.timeLimitMs, 10_000) : cli.timeLimitMs, cli.seed);
      rows.push(row);
      process.stderr.write(`${row.name} ${row.sense} ${row.strategy}: ${fmt(row.ours)} (best known ${fmt(row.known)}, gap ${fmt(row.gapPercent, 3)} %, ${row.proven ? "proven, " : ""}${row.seconds.toFixed(2)} s)\n`);
    }
  }
  const cpu = cpus();
  const where = cli.dirs.map((d) => relative(root, d) || ".").join(", ");
  const text = [
    "# GAP benchmark",
    "",
    `Generated by \`npm run bench:gap\` on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${cpu[0]?.model ?? "unknown CPU"} (${cpu.length} cores, shared with other jobs, so times carry noise), seed ${cli.seed}.`,
    `Instances: ${where} (${entries.length} distinct). Best-known values from bks.csv there; gap1–12 are solved in both senses with strategy \`mip\` (proof wanted, limit ${Math.max(cli.timeLimitMs, 10_000) / 1000} s), all others with strategy \`gap\` and a ${cli.timeLimitMs / 1000} s limit. gap % = (ours − best known) / best known in the sense of the problem (positive = worse). Every assignment was re-checked for feasibility and its objective recomputed.`,
    "",
    "## Summary",
    "",
    summaryTable(rows),
    "",
    ...(cli.backends ? ["## Exact backends", "", await backendSection(entries, cli.seed), ""] : []),
    "## Instances",
    "",
    instanceTable(rows),
    "",
  ].join("\n");
  if (cli.out) {
    mkdirSync(dirname(cli.out), { recursive: true });
    writeFileSync(cli.out, text);
    process.stderr.write(`wrote ${relative(process.cwd(), cli.out)}\n`);
  } else {
    process.stdout.write(text);
  }
}

await main();
