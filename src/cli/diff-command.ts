import { join } from "node:path";
import { planOfAssignment } from "../evaluate/plan-of-assignment.js";
import { readAssignments, restateAssignmentError, type AssignmentRecords } from "../io/read-assignments.js";
import type { AlignOptions } from "../model/options-schema.js";
import type { Problem } from "../model/problem-schema.js";
import { diffPlans } from "../realign/diff-plans.js";
import { renderSvg } from "../output/render-svg.js";
import { repChangesTable, toDiffMarkdown, toMovedCsv } from "../output/realign-tables.js";
import { toDiffHtml } from "../report/to-html.js";
import { formatNumber, formatSignedPercent } from "../util/format-number.js";
import { parseArgs, required } from "./args.js";
import type { CliIo } from "./cli-io.js";
import { diffHelp } from "./help.js";
import { encodingOf, inputFlags, loadOptions, loadProblem } from "./load-inputs.js";

const flags = { accounts: "value", reps: "value", before: "value", after: "value", options: "value", out: "value", help: "switch", ...inputFlags } as const;

/**
 * `terralign diff`: compares two assignment files of one problem and writes `moved.csv`,
 * `diff.md`, `diff.svg` (the after map with moved accounts ringed) and `report.html` (the after
 * plan's report led by the changes); prints per-rep gains and losses. Returns 0. Bad input throws (exit 2).
 */
export function runDiffCommand(argv: readonly string[], io: CliIo): number {
  const command = "terralign diff";
  const args = parseArgs(argv, flags, command);
  if (args.switches.has("help")) {
    io.stdout(diffHelp);
    return 0;
  }
  const outDir = required(args, "out", command);
  const beforePath = required(args, "before", command);
  const afterPath = required(args, "after", command);
  const options = loadOptions(io, args);
  const { problem } = loadProblem(io, args, command, options);
  const before = readAssignments({ file: beforePath, text: io.readFile(beforePath, encodingOf(args)) });
  const after = readAssignments({ file: afterPath, text: io.readFile(afterPath, encodingOf(args)) });
  checked(before, () => planOfAssignment(problem, before.rows, options));
  const afterPlan = checked(after, () => planOfAssignment(problem, after.rows, options));
  const diff = diffPlans(problem, before.rows, after.rows, options);
  const files: [string, string][] = [
    ["moved.csv", toMovedCsv(diff)],
    ["diff.md", toDiffMarkdown(diff, `Changes from ${beforePath} to ${afterPath}`)],
    ["diff.svg", renderSvg(afterPlan, { title: `${formatNumber(diff.accountsMoved)} accounts moved (ringed)`, highlight: diff.moved.map((m) => m.accountId) })],
    ["report.html", toDiffHtml(afterPlan, diff, { title: `Changes from ${beforePath} to ${afterPath}`, against: beforePath })],
  ];
  io.replaceFolder(outDir, files.map(([name]) => name), (folder) => {
    for (const [name, text] of files) io.writeFile(join(folder, name), text);
  });
  io.stdout(describeDiff(diff, problem, options));
  io.stdout(`\nWrote:\n${files.map(([name]) => `  ${join(outDir, name)}`).join("\n")}\n`);
  return 0;
}

function checked<T>(records: AssignmentRecords, run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw restateAssignmentError(error, records);
  }
}

function describeDiff(diff: ReturnType<typeof diffPlans>, problem: Problem, _options: AlignOptions): string {
  const change = diff.objectiveBefore > 0 ? formatSignedPercent(diff.objectiveAfter / diff.objectiveBefore - 1) : "–";
  return [
    `Accounts moved: ${formatNumber(diff.accountsMoved)} of ${formatNumber(problem.accounts.length)} (${formatNumber(diff.workloadMovedHours, 1)} h)`,
    `Objective (Σ workload × travel minutes): ${formatNumber(diff.objectiveBefore)} → ${formatNumber(diff.objectiveAfter)} (${change})`,
    "",
    repChangesTable(diff).trimEnd(),
    "",
  ].join("\n");
}
