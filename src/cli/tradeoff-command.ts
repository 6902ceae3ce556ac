import { join } from "node:path";
import { labelOf, tradeoff, type TradeoffPoint } from "../realign/tradeoff.js";
import { toTradeoffCsv } from "../output/realign-tables.js";
import { renderTradeoffSvg } from "../output/tradeoff-svg.js";
import { toAssignmentsCsv, toReport } from "../output/index.js";
import { formatNumber, formatPercent } from "../util/format-number.js";
import { parseArgs, required } from "./args.js";
import type { CliIo } from "./cli-io.js";
import { tradeoffHelp } from "./help.js";
import { inputFlags, loadOptions, loadProblem } from "./load-inputs.js";
import { UsageError } from "./usage-error.js";

const flags = { accounts: "value", reps: "value", options: "value", budgets: "value", bands: "value", out: "value", strategy: "value", "time-limit": "value", seed: "value", help: "switch", ...inputFlags } as const;

/**
 * `terralign tradeoff`: solves the problem under each budget of `--budgets` (or band of
 * `--bands`), warm-starting each from the last, and writes `tradeoff.csv`, `tradeoff.svg` and each
 * point's `assignments.csv` and `report.json` in `DIR/<point>/`. Returns 0 when every point is
 * solved, 1 when some is not (infeasible, unsolved, timed out; files still written).
 */
export function runTradeoffCommand(argv: readonly string[], io: CliIo): number {
  const command = "terralign tradeoff";
  const args = parseArgs(argv, flags, command);
  if (args.switches.has("help")) {
    io.stdout(tradeoffHelp);
    return 0;
  }
  const outDir = required(args, "out", command);
  const budgets = args.values.get("budgets");
  const bands = args.values.get("bands");
  if ((budgets === undefined) === (bands === undefined)) throw new UsageError(`give exactly one of --budgets and --bands for '${command}'; see '${command} --help'`);
  const points = budgets !== undefined ? parseList(budgets, "--budgets", parseBudget) : parseList(bands!, "--bands", parseBand);
  const options = loadOptions(io, args);
  const { problem } = loadProblem(io, args, command, options);
  // Ctrl-C stops the search: the point being solved keeps its best plan so far, the rest stop at once (status timeout).
  const signal = options.signal ?? io.interrupt;
  const result = tradeoff(problem, signal ? { ...options, signal } : options, points);
  const written: string[] = [];
  // The whole set (and every point's folder) replaces the last run's at once; old points' folders go.
  io.replaceFolder(outDir, (name, isDirectory) => isDirectory || name === "tradeoff.csv" || name === "tradeoff.svg", (folder) => {
    const write = (path: string, text: string) => {
      io.writeFile(join(folder, path), text);
      written.push(join(outDir, path));
    };
    write("tradeoff.csv", toTradeoffCsv(result));
    write("tradeoff.svg", renderTradeoffSvg(result, budgets !== undefined ? "Travel against disruption" : "Travel against balance"));
    result.plans.forEach((plan, i) => {
      const dir = folderOf(result.rows[i].label);
      io.makeDir(join(folder, dir));
      write(join(dir, "assignments.csv"), toAssignmentsCsv(plan));
      write(join(dir, "report.json"), `${JSON.stringify(toReport(plan), null, 2)}\n`);
    });
  });
  io.stdout(describeTradeoff(result.rows));
  io.stdout(`\nWrote:\n${written.map((p) => `  ${p}`).join("\n")}\n`);
  const failed = result.rows.filter((r) => r.status !== "optimal" && r.status !== "feasible");
  if (failed.length === 0) return 0;
  for (const r of failed) {
    const plan = result.plans[result.rows.indexOf(r)];
    const why = plan.diagnostics.find((d) => d.severity === "error")?.message ?? r.status;
    io.stderr(`terralign: ${r.label}: ${r.status}: ${why}\n`);
  }
  return 1;
}

function describeTradeoff(rows: ReturnType<typeof tradeoff>["rows"]): string {
  const header = ["budget", "status", "moves", "moved h", "objective", "lower bound", "gap", "max dev", "outside", "ms"];
  const cells = rows.map((r) => [
    r.label,
    r.status,
    formatNumber(r.moves),
    formatNumber(r.movedWorkloadHours, 1),
    formatNumber(r.objective),
    r.lowerBound !== undefined ? formatNumber(r.lowerBound) : "–",
    r.gap !== undefined ? formatPercent(r.gap, 2) : "–",
    formatPercent(r.maxDeviation),
    formatNumber(r.repsOutsideBand),
    formatNumber(r.elapsedMs),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((row) => row[c].length)));
  const line = (row: readonly string[]) => row.map((cell, c) => (c <= 1 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...cells.map(line)].join("\n") + "\n";
}

function parseList(text: string, flag: string, parse: (item: string, flag: string) => TradeoffPoint): TradeoffPoint[] {
  const items = text.split(",").map((s) => s.trim());
  if (items.some((s) => s === "")) throw new UsageError(`${flag}: ${JSON.stringify(text)} has an empty item; give a comma-separated list, e.g. ${flag === "--bands" ? "0.05,0.1,0.2" : "100,500,2%"}`);
  const points = items.map((item) => parse(item, flag));
  const labels = points.map(labelOf);
  const twice = labels.find((l, i) => labels.indexOf(l) !== i);
  if (twice !== undefined) throw new UsageError(`${flag}: ${JSON.stringify(twice)} is given twice`);
  return points;
}

/** `100` moves, `2%` of the workload, `cost:30` Σ move cost. */
export function parseBudget(item: string, flag: string): TradeoffPoint {
  if (/^\d+$/.test(item)) return { maxMoves: Number(item) };
  const share = /^(\d*\.?\d+)%$/.exec(item);
  if (share) {
    const value = Number(share[1]) / 100;
    if (value > 1) throw new UsageError(`${flag}: ${JSON.stringify(item)} is more than 100 % of the workload`);
    return { maxMovedShare: value };
  }
  const cost = /^cost:(\d*\.?\d+)$/.exec(item);
  if (cost) return { maxMoveCost: Number(cost[1]) };
  throw new UsageError(`${flag}: ${JSON.stringify(item)} is not a budget; expected a whole number of moves (100), a share of the workload (2%) or a move cost (cost:30)`);
}

function parseBand(item: string, flag: string): TradeoffPoint {
  const value = Number(item);
  if (!/^\d*\.?\d+$/.test(item) || !(value >= 0 && value <= 0.99)) throw new UsageError(`${flag}: ${JSON.stringify(item)} is not a band; expected a fraction from 0 to 0.99, e.g. 0.05 for ±5 %`);
  return { band: value };
}

/** A point's label as a folder name: `100`, `2%`, `cost-30`, `band-5%`. */
export function folderOf(label: string): string {
  return label.replace(/[:\s/\\]+/g, "-");
}
