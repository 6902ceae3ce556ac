import { join, relative } from "node:path";
import { TerralignError } from "../errors.js";
import { readJsonObject } from "../io/read-json-object.js";
import { toTerralignError } from "../model/zod-issues.js";
import { toCompareCsv, toCompareMarkdown } from "../output/realign-tables.js";
import { toRepsCsv } from "../output/to-reps-csv.js";
import { runScenarios } from "../realign/run-scenarios.js";
import { toCompareHtml } from "../report/to-compare-html.js";
import { scenariosFileSchema } from "../realign/scenario-schema.js";
import { formatNumber, formatPercent, formatSignedPercent } from "../util/format-number.js";
import { parseArgs, required } from "./args.js";
import type { CliIo } from "./cli-io.js";
import { scenariosHelp } from "./help.js";
import { inputFlags, loadOptions, loadProblem } from "./load-inputs.js";
import { writeOutputs } from "./write-outputs.js";

const flags = { accounts: "value", reps: "value", options: "value", scenarios: "value", out: "value", strategy: "value", "time-limit": "value", seed: "value", help: "switch", ...inputFlags } as const;

/**
 * `terralign scenarios`: solves every scenario of `--scenarios` from today's owners, writes each
 * one's outputs into `DIR/<name>/` (its `report.html` among them) and the comparison into
 * `DIR/compare.csv`, `compare.md` and `report.html` (linking each scenario's report).
 * Returns 0 when every scenario is solved, 1 when some is not (files still written).
 */
export function runScenariosCommand(argv: readonly string[], io: CliIo): number {
  const command = "terralign scenarios";
  const args = parseArgs(argv, flags, command);
  if (args.switches.has("help")) {
    io.stdout(scenariosHelp);
    return 0;
  }
  const outDir = required(args, "out", command);
  const file = required(args, "scenarios", command);
  const data = readJsonObject({ file, text: io.readFile(file) }, "scenarios");
  const parsed = scenariosFileSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    const error = toTerralignError(parsed.error, "invalid_input");
    throw new TerralignError("invalid_input", `${file}, ${error.message}`, error.issues);
  }
  parsed.data.scenarios.forEach((s, i) => {
    if (/[/\\]/.test(s.name) || s.name === "." || s.name === "..") {
      throw new TerralignError("invalid_input", `${file}, scenarios[${i}].name: ${JSON.stringify(s.name)} cannot be a folder name (it names the scenario's output folder); use letters, digits, '-' and '_'`);
    }
  });
  const options = loadOptions(io, args);
  const { problem } = loadProblem(io, args, command, options);
  let comparison;
  try {
    // Ctrl-C stops the search: the scenario being solved keeps its best plan so far, the rest stop at once (status timeout).
    const signal = options.signal ?? io.interrupt;
    comparison = runScenarios(problem, parsed.data.scenarios, signal ? { ...options, signal } : options);
  } catch (error) {
    if (error instanceof TerralignError) throw new TerralignError(error.code, `${file}, ${error.message}`, error.issues);
    throw error;
  }
  const written: string[] = [];
  const compare = ["compare.csv", "compare.md", "report.html"];
  // The whole set (and every scenario's folder) replaces the last run's at once; old scenarios' folders go.
  io.replaceFolder(outDir, (name, isDirectory) => isDirectory || compare.includes(name), (folder) => {
    const moved = (path: string) => join(outDir, relative(folder, path));
    for (const result of comparison.results) {
      const dir = join(folder, result.applied.scenario.name);
      // With the scenario's own reps (added, removed, edited), so its assignments can be read back.
      written.push(...writeOutputs(result.plan, dir, io, {}, [["reps.csv", () => toRepsCsv(result.plan.problem.reps)]]).map(moved));
    }
    for (const [name, text] of [
      ["compare.csv", toCompareCsv(comparison)],
      ["compare.md", toCompareMarkdown(comparison)],
      ["report.html", toCompareHtml(comparison, { links: true })],
    ] as const) {
      io.writeFile(join(folder, name), text);
      written.push(join(outDir, name));
    }
  });
  io.stdout(describeComparison(comparison));
  io.stdout(`\nWrote ${written.length} files into ${outDir}: compare.csv, compare.md, report.html and one folder per scenario\n`);
  const failed = comparison.results.filter((r) => r.plan.status !== "optimal" && r.plan.status !== "feasible");
  for (const r of failed) io.stderr(`terralign: scenario ${r.row.name}: ${r.plan.status}: ${r.plan.diagnostics.find((d) => d.severity === "error")?.message ?? r.plan.status}\n`);
  return failed.length === 0 ? 0 : 1;
}

function describeComparison(comparison: ReturnType<typeof runScenarios>): string {
  const header = ["scenario", "status", "reps", "objective", "gap", "CV", "max dev", "outside", "moves", "vs today"];
  const cells = comparison.results.map(({ row: r }) => [
    r.name,
    r.status,
    formatNumber(r.reps),
    formatNumber(r.objective),
    r.gap !== undefined ? formatPercent(r.gap, 2) : "–",
    formatPercent(r.workloadCv),
    formatPercent(r.maxDeviation),
    formatNumber(r.repsOutsideBand),
    formatNumber(r.moves),
    formatSignedPercent(r.travelChangeShare),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((row) => row[c].length)));
  const line = (row: readonly string[]) => row.map((cell, c) => (c <= 1 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ").trimEnd();
  return [`Today's objective: ${formatNumber(comparison.todayObjective)}`, "", line(header), widths.map((w) => "-".repeat(w)).join("  "), ...cells.map(line)].join("\n") + "\n";
}
