import { TerralignError } from "../errors.js";
import { negateCosts, type GapInstance } from "../gap/gap-instance.js";
import type { GapResult } from "../gap/gap-result.js";
import { readGapInstances } from "../gap/read-gap-instances.js";
import { solveGap } from "../gap/solve-gap.js";
import { solveGapExact, type ExactBackend } from "../solvers/mip/solve-gap-exact.js";

/** What `runGapCommand` needs from the outside world (a subset of the CLI's io). */
export interface GapCommandIo {
  /** Reads a UTF-8 text file; throws (e.g. a `TerralignError`) when it cannot. */
  readFile(path: string): string;
  stdout(s: string): void;
  stderr(s: string): void;
}

export const gapHelp = `terralign gap — solve generalised assignment problem (GAP) instances

Usage:
  terralign gap FILE [--strategy gap|mip|heuristic] [--time-limit SECONDS] [--seed N]
                     [--sense min|max] [--instance K] [--backend NAME] [--json]

FILE is in the OR-Library / Yagiura format: "m n", the m×n cost matrix (row i = agent i), the
m×n resource matrix, the m capacities; or an OR-Library file holding several instances (a
count first). Whitespace and line breaks are free.

Options:
  --strategy S       gap (default): LP rounding, oscillation search with ejection chains and
                     path relinking, exact re-optimisation of agent subsets, knapsack
                     Lagrangian bound; stops when the bound proves the answer optimal
                     mip: the same, then branch and bound until optimality is proven
                     heuristic: the local search alone, with the LP bound
  --time-limit S     seconds per instance (default 10)
  --seed N           seed of every random choice (default 1)
  --sense min|max    minimise (default) or maximise total cost
  --instance K       solve only instance K (0-based) of a multi-instance file
  --backend NAME     exact backend of --strategy mip: branch-and-bound (default), lp-solver
                     (javascript-lp-solver, ≤ 400 assignment variables) or highs (WebAssembly)
  --json             print JSON: one object per instance (an array when a multi-instance
                     file is solved whole) with objective, lowerBound, upperBound, feasible,
                     optimal, seconds, status, method and assignment (agent index per job,
                     0-based, in file order). Bounds bound the optimum in the chosen sense: for
                     min, lowerBound is the proven bound and upperBound the objective; for max,
                     the other way round. Unknown values are null.

Exit codes: 0 every instance got a feasible assignment, 1 some did not, 2 bad file or usage.
`;

type GapStrategyName = "gap" | "mip" | "heuristic";

interface GapArgs {
  readonly file: string;
  readonly strategy: GapStrategyName;
  readonly timeLimitMs: number;
  readonly seed: number;
  readonly sense: "min" | "max";
  readonly instance?: number;
  readonly backend: ExactBackend;
  readonly json: boolean;
}

/** One solved instance as printed with `--json`. */
export interface GapReport {
  readonly instance: number;
  readonly sense: "min" | "max";
  readonly objective: number | null;
  readonly lowerBound: number | null;
  readonly upperBound: number | null;
  readonly feasible: boolean;
  readonly optimal: boolean;
  readonly seconds: number;
  readonly status: GapResult["status"];
  readonly method: string;
  readonly assignment: number[];
}

/**
 * `terralign gap FILE [options]`: reads the file with `io.readFile`, solves each instance (or the
 * one chosen with `--instance`) and prints a summary, or JSON with `--json`. Returns the exit
 * code: 0 all feasible, 1 some instance without a feasible assignment, 2 bad file or usage (one
 * `terralign: ...` line on stderr).
 */
export async function runGapCommand(args: string[], io: GapCommandIo): Promise<number> {
  let parsed: GapArgs | "help";
  let instances: GapInstance[];
  try {
    parsed = parseGapArgs(args);
    if (parsed === "help") {
      io.stdout(gapHelp);
      return 0;
    }
    let text: string;
    try {
      text = io.readFile(parsed.file);
    } catch (error) {
      if (error instanceof TerralignError) throw error;
      throw new GapUsageError(`cannot read ${parsed.file}: ${error instanceof Error ? error.message : String(error)}`);
    }
    try {
      instances = readGapInstances(text);
    } catch (error) {
      if (error instanceof TerralignError) throw new TerralignError(error.code, `${parsed.file}: ${error.message}`, error.issues);
      throw error;
    }
    if (parsed.instance !== undefined && parsed.instance >= instances.length) {
      throw new GapUsageError(`--instance ${parsed.instance}: ${parsed.file} holds ${instances.length} instance(s), numbered from 0`);
    }
  } catch (error) {
    if (error instanceof TerralignError || error instanceof GapUsageError) {
      io.stderr(`terralign: ${error.message.replace(/\r?\n/g, "\\n")}\n`);
      return 2;
    }
    throw error;
  }
  const chosen = parsed.instance !== undefined ? [parsed.instance] : instances.map((_, k) => k);
  const reports: GapReport[] = [];
  for (const k of chosen) reports.push(await solveOne(instances[k], k, parsed));
  if (parsed.json) {
    const single = parsed.instance !== undefined || instances.length === 1;
    io.stdout(`${JSON.stringify(single ? reports[0] : reports)}\n`);
  } else {
    for (const report of reports) io.stdout(describe(report, instances[report.instance], instances.length));
  }
  return reports.every((r) => r.feasible) ? 0 : 1;
}

async function solveOne(instance: GapInstance, index: number, args: GapArgs): Promise<GapReport> {
  const input = args.sense === "max" ? negateCosts(instance) : instance;
  const options = { timeLimitMs: args.timeLimitMs, seed: args.seed };
  const result =
    args.strategy === "mip"
      ? await solveGapExact(input, { ...options, backend: args.backend })
      : solveGap(input, { ...options, searchOnly: args.strategy === "heuristic" });
  const sign = args.sense === "max" ? -1 : 1;
  const objective = result.feasible ? sign * result.objective : null;
  const bound = Number.isFinite(result.lowerBound) ? sign * result.lowerBound : null;
  return {
    instance: index,
    sense: args.sense,
    objective,
    lowerBound: args.sense === "min" ? bound : objective,
    upperBound: args.sense === "min" ? objective : bound,
    feasible: result.feasible,
    optimal: result.optimal,
    seconds: Math.round(result.elapsedMs) / 1000,
    status: result.status,
    method: result.method,
    assignment: Array.from(result.assignment),
  };
}

function describe(report: GapReport, instance: GapInstance, count: number): string {
  const head = count > 1 ? `instance ${report.instance} (${instance.m} agents × ${instance.n} jobs)` : `${instance.m} agents × ${instance.n} jobs`;
  const value = (x: number | null) => (x === null ? "—" : Number.isInteger(x) ? String(x) : x.toFixed(3));
  const { objective, lowerBound, upperBound } = report;
  const gap = objective !== null && lowerBound !== null && upperBound !== null && objective !== 0 ? (Math.abs(upperBound - lowerBound) / Math.abs(objective)) * 100 : null;
  return [
    `${head}, ${report.sense}imise: ${report.status}${report.optimal ? " (proven)" : ""}, ${report.seconds.toFixed(2)} s, ${report.method}`,
    `  objective ${value(objective)}   bounds [${value(lowerBound)}, ${value(upperBound)}]${gap === null ? "" : `   gap ${gap.toFixed(3)} %`}`,
    `  assignment ${report.assignment.join(" ")}`,
    "",
  ].join("\n");
}

class GapUsageError extends Error {}

function parseGapArgs(argv: readonly string[]): GapArgs | "help" {
  let file: string | undefined;
  const values = new Map<string, string>();
  let json = false;
  const takes = new Set(["strategy", "time-limit", "seed", "sense", "instance", "backend"]);
  const see = "see 'terralign gap --help'";
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") return "help";
    if (arg === "--json") {
      json = true;
      continue;
    }
    if (arg.startsWith("--")) {
      const eq = arg.indexOf("=");
      const name = arg.slice(2, eq < 0 ? undefined : eq);
      if (!takes.has(name)) throw new GapUsageError(`unknown option --${name} for 'terralign gap'; ${see}`);
      if (values.has(name)) throw new GapUsageError(`--${name} is given twice`);
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === "" || (eq < 0 && value.startsWith("--"))) throw new GapUsageError(`--${name} needs a value; ${see}`);
      values.set(name, value);
      continue;
    }
    if (file !== undefined) throw new GapUsageError(`unexpected argument ${JSON.stringify(arg)}: 'terralign gap' takes one FILE; ${see}`);
    file = arg;
  }
  if (file === undefined) throw new GapUsageError(`missing FILE for 'terralign gap'; ${see}`);
  const strategy = values.get("strategy") ?? "gap";
  if (strategy !== "gap" && strategy !== "mip" && strategy !== "heuristic") throw new GapUsageError(`--strategy: expected gap, mip or heuristic, got ${JSON.stringify(strategy)}`);
  const sense = values.get("sense") ?? "min";
  if (sense !== "min" && sense !== "max") throw new GapUsageError(`--sense: expected min or max, got ${JSON.stringify(sense)}`);
  const backend = values.get("backend") ?? "branch-and-bound";
  if (backend !== "branch-and-bound" && backend !== "lp-solver" && backend !== "highs") {
    throw new GapUsageError(`--backend: expected branch-and-bound, lp-solver or highs, got ${JSON.stringify(backend)}`);
  }
  if (values.has("backend") && strategy !== "mip") throw new GapUsageError("--backend applies to --strategy mip only");
  const seconds = number(values.get("time-limit") ?? "10", "--time-limit", (x) => x > 0, "a number of seconds > 0");
  const seed = number(values.get("seed") ?? "1", "--seed", Number.isInteger, "an integer");
  const instance = values.has("instance") ? number(values.get("instance")!, "--instance", (x) => Number.isInteger(x) && x >= 0, "an integer ≥ 0") : undefined;
  return { file, strategy, timeLimitMs: seconds * 1000, seed, sense, instance, backend, json };
}

function number(text: string, flag: string, ok: (x: number) => boolean, expected: string): number {
  const x = Number(text);
  if (text.trim() === "" || !Number.isFinite(x) || !ok(x)) throw new GapUsageError(`${flag}: expected ${expected}, got ${JSON.stringify(text)}`);
  return x;
}
