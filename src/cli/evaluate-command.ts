import { join } from "node:path";
import { evaluate, type Evaluation } from "../evaluate/evaluate.js";
import { readAssignments, restateAssignmentError } from "../io/read-assignments.js";
import type { AssignmentRow } from "../model/plan.js";
import { csvField } from "../output/csv-writer.js";
import { toViolationsCsv } from "../output/to-violations-csv.js";
import { balanceLine } from "../output/plan-lines.js";
import { territoryRows } from "../output/summary-table.js";
import { ruleNames } from "../rules/violation.js";
import { resolveOptions } from "../model/parse.js";
import { formatNumber } from "../util/format-number.js";
import { parseArgs, required } from "./args.js";
import type { CliIo } from "./cli-io.js";
import { evaluateHelp } from "./help.js";
import { encodingOf, inputFlags, loadOptions, loadProblem } from "./load-inputs.js";
import { describeDiagnostics } from "./print-plan.js";
import { UsageError } from "./usage-error.js";

const flags = { accounts: "value", reps: "value", assignments: "value", options: "value", units: "value", "units-object": "value", out: "value", strict: "switch", help: "switch", ...inputFlags } as const;

/**
 * `terralign evaluate`: scores an assignment read from `--assignments` (or the accounts'
 * `current_rep`), prints its territories, metrics and a count of every rule it breaks; with `--out`,
 * also writes `evaluation.json`, `assignments.csv` and `violations.csv`. Returns 0 once scored, or
 * with `--strict` 1 when any rule is broken. Bad input throws.
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
  const { problem } = loadProblem(io, args, command, options);
  const assignmentsPath = args.values.get("assignments");
  let rows: AssignmentRow[];
  let evaluation: Evaluation;
  if (assignmentsPath !== undefined) {
    const records = readAssignments({ file: assignmentsPath, text: io.readFile(assignmentsPath, encodingOf(args)) });
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
  const balance = resolveOptions(options).balance.workload;
  io.stdout(describeEvaluation(evaluation, assignmentsPath ?? `the current_rep column of ${accountsPath}`, balance, problem.units !== undefined));
  const outDir = args.values.get("out");
  if (outDir !== undefined) {
    io.makeDir(outDir);
    const written = {
      "assignments.csv": `account_id,rep_id\n${rows.map((r) => `${csvField(r.accountId)},${csvField(r.repId)}`).join("\n")}${rows.length > 0 ? "\n" : ""}`,
      "violations.csv": toViolationsCsv(evaluation.violations),
      "evaluation.json": `${JSON.stringify(evaluation, null, 2)}\n`,
    };
    const paths = Object.entries(written).map(([name, text]) => {
      const path = join(outDir, name);
      io.writeFile(path, text);
      return path;
    });
    io.stdout(`\nWrote:\n${paths.map((p) => `  ${p}`).join("\n")}\n`);
  }
  return args.switches.has("strict") && evaluation.violations.length > 0 ? 1 : 0;
}

function describeEvaluation(evaluation: Evaluation, source: string, balance: number, unitBased: boolean): string {
  const { metrics } = evaluation;
  const lines = [`Assignment from ${source}`, "", ...territoryRows(evaluation.territories, unitBased), ""];
  lines.push(`Balance: ${balanceLine(metrics, balance)}`);
  lines.push(`Objective: ${formatNumber(metrics.objective)} (Σ workload h × one-way travel minutes)`);
  lines.push(`Accounts: ${formatNumber(metrics.accountsAssigned)} assigned, ${formatNumber(metrics.accountsUnassigned)} unassigned`);
  const broken = ruleNames.filter((rule) => metrics.violations[rule] > 0);
  if (broken.length === 0) lines.push("Rules: none broken");
  else {
    lines.push(`Rules broken: ${formatNumber(evaluation.violations.length)}`);
    const width = Math.max(...broken.map((rule) => rule.length));
    for (const rule of broken) lines.push(`  ${rule.padEnd(width)}  ${formatNumber(metrics.violations[rule]).padStart(7)}`);
  }
  if (evaluation.diagnostics.length > 0) lines.push("", ...describeDiagnostics(evaluation.diagnostics));
  return `${lines.join("\n")}\n`;
}
