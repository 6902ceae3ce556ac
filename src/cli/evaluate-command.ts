import { join } from "node:path";
import { evaluate, type Evaluation } from "../evaluate/evaluate.js";
import { planOfAssignment } from "../evaluate/plan-of-assignment.js";
import { readAssignments, restateAssignmentError } from "../io/read-assignments.js";
import type { AlignOptions } from "../model/options-schema.js";
import type { AssignmentRow, Plan } from "../model/plan.js";
import type { Problem } from "../model/problem-schema.js";
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
import { loadBasemap } from "./read-basemap.js";
import { UsageError } from "./usage-error.js";
import { planDrawings, writeFileSet } from "./write-outputs.js";

const flags = { accounts: "value", reps: "value", assignments: "value", options: "value", units: "value", "units-object": "value", out: "value", basemap: "value", strict: "switch", help: "switch", ...inputFlags } as const;

/**
 * `terralign evaluate`: scores an assignment read from `--assignments` (or the accounts'
 * `current_rep`), prints its territories, metrics and a count of every rule it breaks; with `--out`,
 * also writes `evaluation.json`, `assignments.csv`, `violations.csv`, and the assignment drawn as a
 * plan: `territories.geojson`, `map.svg` and `report.html` (`--basemap` outlines beneath the
 * maps). Returns 0 once scored, or
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
  const basemap = loadBasemap(io, args);
  const resolvedBalance = resolveOptions(options).balance;
  const balance = resolvedBalance.workload;
  const metrics = Object.keys(resolvedBalance).length > 1;
  io.stdout(describeEvaluation(evaluation, assignmentsPath ?? `the current_rep column of ${accountsPath}`, balance, problem.units !== undefined));
  const outDir = args.values.get("out");
  if (outDir !== undefined) {
    const written = {
      "assignments.csv": `account_id,rep_id\n${rows.map((r) => `${csvField(r.accountId)},${csvField(r.repId)}`).join("\n")}${rows.length > 0 ? "\n" : ""}`,
      "violations.csv": toViolationsCsv(evaluation.violations, { metrics }),
      "evaluation.json": `${JSON.stringify(evaluation, null, 2)}\n`,
    };
    const plan = assignmentPlan(problem, rows, options, evaluation);
    const drawn = {
      "territories.geojson": planDrawings["territories.geojson"](plan),
      "map.svg": planDrawings["map.svg"](plan, { basemap }),
      "report.html": planDrawings["report.html"](plan, { basemap }),
    };
    const paths = writeFileSet(io, outDir, Object.entries({ ...written, ...drawn }));
    io.stdout(`\nWrote:\n${paths.map((p) => `  ${p}`).join("\n")}\n`);
  }
  return args.switches.has("strict") && evaluation.violations.length > 0 ? 1 : 0;
}

/**
 * The assignment as a plan, to draw (`planOfAssignment`). With units, the evaluation's own
 * territories (with their units), metrics, violations and diagnostics replace the account-level
 * ones, so the maps show territories of whole units and the report the unit rules; a plan that
 * breaks a unit rule is then `unsolved` rather than `feasible`.
 */
function assignmentPlan(problem: Problem, rows: readonly AssignmentRow[], options: AlignOptions, evaluation: Evaluation): Plan {
  const plan = planOfAssignment(problem, rows, options);
  if (problem.units === undefined) return plan;
  const kept = plan.status === "feasible" || plan.status === "optimal";
  return {
    ...plan,
    status: kept && evaluation.violations.length > 0 ? "unsolved" : plan.status,
    territories: evaluation.territories,
    metrics: evaluation.metrics,
    unassigned: evaluation.unassigned,
    violations: evaluation.violations,
    diagnostics: evaluation.diagnostics,
  };
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
