import { writeFileSet } from "./write-outputs.js";
import { join } from "node:path";
import { TerralignError } from "../errors.js";
import { toNumber } from "../io/field-values.js";
import { readAssignments, restateAssignmentError, type AssignmentRecords } from "../io/read-assignments.js";
import { optionErrorInFile, readJsonObject } from "../io/read-json-object.js";
import { fieldAt } from "../io/source-record.js";
import type { AssignmentRow } from "../model/plan.js";
import { formatNumber, formatSignedPercent } from "../util/format-number.js";
import { callPlan, type CallPlan } from "../plan/call-plan.js";
import { callPlanAccountsCsv, callPlanCsv, callPlanRepsCsv } from "../plan/call-plan-csv.js";
import { callPlanMarkdown } from "../plan/call-plan-markdown.js";
import type { CallPlanOptions } from "../plan/call-plan-options.js";
import type { CallPlanRep } from "../plan/compile-call-plan.js";
import type { PlanAccount } from "../plan/plan-account.js";
import { parseArgs, required } from "./args.js";
import type { CliIo } from "./cli-io.js";
import { callplanHelp } from "./help.js";
import { columnOf, readRawTable, requireColumn, restateRowError, type RawTable } from "./raw-table.js";
import { UsageError } from "./usage-error.js";

const flags = { accounts: "value", reps: "value", assignments: "value", config: "value", out: "value", help: "switch" } as const;

/**
 * `terralign callplan`: plans every rep's visits (the accounts' reps from `--assignments`, else
 * their `current_rep`) and writes `callplan.csv`, `callplan-accounts.csv`, `callplan-reps.csv` and
 * `callplan.md`. Returns 0 when every rep's plan is proven optimal, 1 when a proof stopped at the
 * state limit (files still written). Bad input throws.
 */
export function runCallplanCommand(argv: readonly string[], io: CliIo): number {
  const command = "terralign callplan";
  const args = parseArgs(argv, flags, command);
  if (args.switches.has("help")) {
    io.stdout(callplanHelp);
    return 0;
  }
  const accountsPath = required(args, "accounts", command);
  const repsPath = required(args, "reps", command);
  const configPath = required(args, "config", command);
  const outDir = required(args, "out", command);
  const config = readJsonObject({ file: configPath, text: io.readFile(configPath) }, "call-plan settings") as unknown as CallPlanOptions;

  const table = readRawTable(io, accountsPath, "accounts");
  const configuredSales = (config.whiteSpace as { sales?: unknown } | undefined)?.sales;
  const salesField = typeof configuredSales === "string" ? configuredSales : "sales";
  const columns = {
    id: requireColumn(table, "each account's id", "id", "account_id"),
    potential: requireColumn(table, "expected sales are potential x response", "potential"),
    tier: columnOf(table, "tier"),
    visits: columnOf(table, "visits"),
    sales: columnOf(table, salesField),
  };
  if (config.whiteSpace && columns.sales < 0) requireColumn(table, "white space is potential - sales", salesField);
  const accounts = accountsOf(table, columns, salesField);
  const reps = repsOf(readRawTable(io, repsPath, "reps"));
  const assignmentsPath = args.values.get("assignments");
  const assigned = assignmentsPath !== undefined ? readAssignments({ file: assignmentsPath, text: io.readFile(assignmentsPath) }) : currentReps(table, accountsPath);
  const options: CallPlanOptions = columns.sales >= 0 && !config.whiteSpace ? { ...config, whiteSpace: { sales: salesField } } : config;
  const columnFor = (field: string) => (field === salesField ? columns.sales : field === "potential" || field === "visits" || field === "tier" ? columns[field] : -1);
  let plan: CallPlan;
  try {
    plan = callPlan(accounts, reps.reps, assigned.rows, options);
  } catch (error) {
    let restated = restateRowError(error, "accounts", table, columnFor);
    restated = restateRowError(restated, "reps", reps.table, (field) => (field === "capacity" ? reps.capacity : -1));
    restated = assignmentsPath !== undefined ? restateAssignmentError(restated, assigned) : restateByOrigin(restated, assigned.originOf);
    throw optionErrorInFile(restated, configPath);
  }

  const tiers = accounts.map((a) => a.tier);
  const files: [string, string | string[]][] = [
    ["callplan.csv", callPlanCsv(plan)],
    ["callplan-accounts.csv", callPlanAccountsCsv(plan, tiers)],
    ["callplan-reps.csv", callPlanRepsCsv(plan)],
    ["callplan.md", callPlanMarkdown(plan, tiers)],
  ];
  const paths = writeFileSet(io, outDir, files);
  io.stdout(describeCallPlan(plan));
  io.stdout(`\nWrote:\n${paths.map((p) => `  ${p}`).join("\n")}\n`);
  if (plan.status === "optimal") return 0;
  io.stderr(`terralign: call plan is feasible, not proven optimal: the exact stage of ${plan.reps.filter((r) => r.status !== "optimal").length} rep(s) stopped at maxStates; outputs written to ${outDir}\n`);
  return 1;
}

/** The accounts as `callPlan` reads them: id, tier, and the numeric cells as written (checked there). */
function accountsOf(table: RawTable, columns: { id: number; potential: number; tier: number; visits: number; sales: number }, salesField: string): PlanAccount[] {
  const accounts: PlanAccount[] = new Array(table.size);
  for (let i = 0; i < table.size; i++) {
    const attributes: Record<string, string> = { potential: table.cell(i, columns.potential) };
    if (columns.visits >= 0) attributes.visits = table.cell(i, columns.visits);
    if (columns.sales >= 0) attributes[salesField] = table.cell(i, columns.sales);
    const tier = columns.tier >= 0 ? table.cell(i, columns.tier).trim() : "";
    accounts[i] = tier === "" ? { id: table.cell(i, columns.id).trim(), attributes } : { id: table.cell(i, columns.id).trim(), tier, attributes };
  }
  return accounts;
}

/** Reps with id and capacity (hours), a bad capacity cell named by file, line and column. */
function repsOf(table: RawTable): { reps: CallPlanRep[]; table: RawTable; capacity: number } {
  const id = requireColumn(table, "each rep's id", "id", "rep_id");
  const capacity = requireColumn(table, "hours per period", "capacity");
  const reps = Array.from({ length: table.size }, (_, r) => ({
    id: table.cell(r, id).trim(),
    capacity: toNumber(table.cell(r, capacity), fieldAt(table.source, table.source.records[r], table.columns[capacity])),
  }));
  return { reps, table, capacity };
}

/** Today's owners from the accounts' `current_rep` column, each row's origin naming that cell (`accounts.csv line 5, column current_rep`). */
function currentReps(table: RawTable, accountsPath: string): AssignmentRecords {
  const c = columnOf(table, "current_rep");
  if (c < 0) throw new UsageError(`no --assignments given and ${accountsPath} has no current_rep column; give one of the two`);
  const id = columnOf(table, "id", "account_id");
  const rows: AssignmentRow[] = [];
  const accountOf: number[] = [];
  for (let i = 0; i < table.size; i++) {
    const rep = table.cell(i, c).trim();
    if (rep === "") continue;
    rows.push({ accountId: table.cell(i, id).trim(), repId: rep });
    accountOf.push(i);
  }
  if (rows.length === 0) throw new UsageError(`no --assignments given and no account in ${accountsPath} has a current_rep; give one of the two`);
  return { file: accountsPath, rows, originOf: (k) => fieldAt(table.source, table.source.records[accountOf[k]], table.columns[c]) };
}

/** Restates an error about `assignment[k]` as the place its row came from. */
function restateByOrigin(error: unknown, originOf: (k: number) => string): unknown {
  if (!(error instanceof TerralignError)) return error;
  const [head, k] = error.issues[0].path;
  if (head !== "assignment" || typeof k !== "number") return error;
  return new TerralignError(error.code, `${originOf(k)}: ${error.issues[0].message}`, error.issues);
}

function describeCallPlan(plan: CallPlan): string {
  const t = plan.totals;
  const lines = [`Call plan: ${plan.status}, ${formatNumber(plan.accounts.length)} accounts, ${formatNumber(plan.reps.length)} reps`];
  lines.push(`Expected sales ${formatNumber(t.expectedSales, 2)} per period (bound ${formatNumber(t.upperBound, 2)}), hours ${formatNumber(t.hoursUsed, 1)} of ${formatNumber(t.capacityHours, 1)}`);
  if (t.tierRuleSales !== null) lines.push(`Plain tier rule ${formatNumber(t.tierRuleSales, 2)}: lift ${formatNumber(t.lift!, 2)} (${formatSignedPercent(t.tierRuleSales > 0 ? t.lift! / t.tierRuleSales : NaN, 2)})`);
  if (plan.whiteSpace) lines.push(`White space ${formatNumber(plan.whiteSpace.totalWhiteSpace, 2)}; ${formatNumber(plan.whiteSpace.underCoveredCount)} under-covered high-potential accounts`);
  if (t.unassignedAccounts > 0) lines.push(`${formatNumber(t.unassignedAccounts)} accounts without a rep (no visits)`);
  return `${lines.join("\n")}\n`;
}
