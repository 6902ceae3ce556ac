import type { CpmpResult } from "../place/cpmp/cpmp-options.js";
import { readCpmpFile, type CpmpFile } from "../place/cpmp/read-cpmp-instance.js";
import { solveCpmp } from "../place/cpmp/solve-cpmp.js";
import { parseArgs, type FlagSpecs } from "./args.js";
import type { CliIo } from "./cli-io.js";
import { cpmpHelp } from "./help.js";
import { parseCount, parseSeconds, parseSeed } from "./number-flags.js";
import { UsageError } from "./usage-error.js";

const flags: FlagSpecs = { "time-limit": "value", seed: "value", iterations: "value", json: "switch", help: "switch" };

/**
 * `terralign cpmp FILE`: solves one capacitated p-median instance (OR-Library pmedcap or
 * Lorena–Senne format, detected) and prints a summary, or with `--json` exactly
 * `{"objective", "medians", "assignment", "lowerBound"}` (medians as 1-based point numbers, the
 * assignment as the 1-based position in `medians` of each point's median). Returns 0 when a
 * feasible solution is found, 1 when none is (the instance is infeasible or the search found
 * none), 2 for a malformed file or bad usage (thrown).
 */
export function runCpmpCommand(argv: readonly string[], io: CliIo): number {
  const command = "terralign cpmp";
  const { file, rest } = splitFile(argv, flags);
  const args = parseArgs(rest, flags, command);
  if (args.switches.has("help")) {
    io.stdout(cpmpHelp);
    return 0;
  }
  if (file === undefined) throw new UsageError(`missing FILE for '${command}'; see '${command} --help'`);
  const timeLimit = args.values.get("time-limit");
  const seed = args.values.get("seed");
  const iterations = args.values.get("iterations");
  const parsed: CpmpFile = readCpmpFile(io.readFile(file), file);
  const result = solveCpmp(parsed.instance, {
    ...(timeLimit !== undefined ? { timeLimitMs: parseSeconds(timeLimit, "--time-limit") * 1000 } : {}),
    ...(seed !== undefined ? { seed: parseSeed(seed) } : {}),
    ...(iterations !== undefined ? { iterations: parseCount(iterations, "--iterations") } : {}),
  });
  if (args.switches.has("json")) io.stdout(`${JSON.stringify(cpmpJson(result))}\n`);
  else io.stdout(describeCpmp(file, parsed, result));
  if (result.feasible) return 0;
  io.stderr(`terralign: ${file}: no feasible solution: ${result.infeasibleReason ?? "the search found none"}\n`);
  return 1;
}

/** The `--json` object: exactly objective, medians, assignment and lowerBound. */
export function cpmpJson(result: CpmpResult): { objective: number | null; medians: number[]; assignment: number[]; lowerBound: number | null } {
  const position = new Map<number, number>();
  result.medians.forEach((j, t) => position.set(j, t + 1));
  return {
    objective: result.feasible ? result.objective : null,
    medians: Array.from(result.medians, (j) => j + 1),
    assignment: result.feasible ? Array.from(result.assignment, (j) => position.get(j)!) : [],
    lowerBound: Number.isFinite(result.lowerBound) ? result.lowerBound : null,
  };
}

function describeCpmp(file: string, parsed: CpmpFile, result: CpmpResult): string {
  const format = parsed.format === "orlib" ? "OR-Library pmedcap (floored distances)" : "Lorena–Senne (Euclidean distances)";
  const value = (x: number) => (parsed.instance.integerCosts ? String(x) : x.toFixed(2));
  const lines = [`${file}: ${format}, ${parsed.n} points, ${parsed.p} medians`];
  if (result.feasible) {
    const gap = result.objective > 0 ? (100 * (result.objective - result.lowerBound)) / result.objective : 0;
    const proof = result.status === "optimal" ? " (optimal: the lower bound meets it)" : result.status === "timeout" ? " (the time limit stopped the search)" : "";
    lines.push(`  objective    ${value(result.objective)}${proof}`);
    lines.push(`  lower bound  ${value(result.lowerBound)}   gap ${gap.toFixed(2)} %`);
    if (parsed.declaredBest !== undefined && parsed.declaredBest > 0) lines.push(`  file header  ${parsed.declaredBest} (best known)`);
    lines.push(`  medians      ${Array.from(result.medians, (j) => j + 1).join(" ")}`);
  } else {
    lines.push(`  no feasible solution: ${result.infeasibleReason ?? "the search found none"}`);
  }
  lines.push(`  ${(result.elapsedMs / 1000).toFixed(2)} s, ${result.iterations} search rounds, ${result.boundIterations} bound iterations`);
  return `${lines.join("\n")}\n`;
}

/** Separates the one positional FILE from the flags (a value flag's value stays with it). */
function splitFile(argv: readonly string[], specs: FlagSpecs): { file?: string; rest: string[] } {
  const rest: string[] = [];
  let file: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith("-")) {
      rest.push(arg);
      const name = arg.replace(/^--?/, "");
      if (!arg.includes("=") && specs[name] === "value" && i + 1 < argv.length) rest.push(argv[++i]);
      continue;
    }
    if (file !== undefined) throw new UsageError(`unexpected argument ${JSON.stringify(arg)}: 'terralign cpmp' takes one FILE; see 'terralign cpmp --help'`);
    file = arg;
  }
  return { file, rest };
}
