import { join } from "node:path";
import { evaluate, type Evaluation } from "../evaluate/evaluate.js";
import { readAssignments, restateAssignmentError } from "../io/read-assignments.js";
import type { AssignmentRow } from "../model/plan.js";
import { csvField } from "../output/csv-writer.js";
import { parseArgs, required } from "./args.js";
import type { CliIo } from "./cli-io.js";
import { evaluateHelp } from "./help.js";
import { loadOptions, loadProblem } from "./load-inputs.js";
import { describeDiagnostics } from "./print-plan.js";
import { territoryTable } from "./territory-table.js";
import { UsageError } from "./usage-error.js";

const flags = { accounts: "value", reps: "value", assignments: "value", options: "value", units: "value", "units-object": "value", out: "value", help: "switch" } as const;

/**
 * `terralign evaluate`: scores an assignment read from `--assignments` (or the accounts'
 * `current_rep`) and prints its territories and metrics; with `--out`, also writes
 * `evaluation.json` and `assignments.csv`. Returns 0 once scored. Bad input throws.
 */
export function runEvaluateCommand(argv: readonly string[], io: CliIo): number {
  const command = "terralign evaluate";
  const args = parseArgs(argv, flags, command);
  if (args.switches.has("help")) {
    io.stdout(evaluateHelp);
    return 0;
  }
  const accountsPath = required(args, "accounts", command);
  const options = loadOptions(io, args);
  const { problem } = loadProblem(io, args, command);
  const assignmentsPath = args.values.get("assignments");
  let rows: AssignmentRow[];
  let evaluation: Evaluation;
  if (assignmentsPath !== undefined) {
    const records = readAssignments({ file: assignmentsPath, text: io.readFile(assignmentsPath) });
    rows = records.rows;
    try {
      evaluation = evaluate(problem, rows, options);
    } catch (error) {
      throw restateAssignmentError(error, records);
    }
  } else {
    rows = problem.accounts.filter((a) => a.currentRep !== undefined).map((a) => ({ accountId: a.id, repId: a.currentRep! }));
    if (rows.length === 0) throw new UsageError(`no --assignments given and no account in ${accountsPath} has a current_rep; give one of the two`);
    evaluation = evaluate(problem, rows, options);
  }
  io.stdout(describeEvaluation(evaluation, assignmentsPath ?? `the current_rep column of ${accountsPath}`));
  const outDir = args.values.get("out");
  if (outDir !== undefined) {
    io.makeDir(outDir);
    const report = join(outDir, "evaluation.json");
    const assignments = join(outDir, "assignments.csv");
    io.writeFile(report, `${JSON.stringify(evaluation, null, 2)}\n`);
    io.writeFile(assignments, `account_id,rep_id\n${rows.map((r) => `${csvField(r.accountId)},${csvField(r.repId)}`).join("\n")}\n`);
    io.stdout(`\nWrote:\n  ${assignments}\n  ${report}\n`);
  }
  return 0;
}

function describeEvaluation(evaluation: Evaluation, source: string): string {
  const { metrics } = evaluation;
  const lines = [`Assignment from ${source}`, "", territoryTable(evaluation.territories).trimEnd(), ""];
  lines.push(`objective (workload x travel minutes) ${Math.round(metrics.objective).toLocaleString("en-US")}`);
  lines.push(`workload max deviation from target ${(metrics.workload.maxDeviation * 100).toFixed(1)} %, coefficient of variation ${metrics.workload.coefficientOfVariation.toFixed(3)}, Gini ${metrics.workload.gini.toFixed(3)}`);
  lines.push(`accounts assigned ${metrics.accountsAssigned}, unassigned ${metrics.accountsUnassigned}; reps outside the band ${metrics.repsOutsideBand}`);
  if (evaluation.diagnostics.length > 0) lines.push("", ...describeDiagnostics(evaluation.diagnostics));
  return `${lines.join("\n")}\n`;
}
