import { writeFileSet } from "./write-outputs.js";
import { join } from "node:path";
import { optionErrorInFile, readJsonObject } from "../io/read-json-object.js";
import { csvField } from "../output/csv-writer.js";
import { formatNumber, formatPercent } from "../util/format-number.js";
import { lorenzSvg } from "../plan/lorenz-svg.js";
import { planAccountColumns, type AccountPlanColumns, type AccountPlanOptions } from "../plan/plan-accounts.js";
import type { PlanAccount } from "../plan/plan-account.js";
import { planMarkdown } from "../plan/plan-markdown.js";
import { parseArgs, required } from "./args.js";
import type { CliIo } from "./cli-io.js";
import { decimalText } from "../output/decimal-text.js";
import { planHelp } from "./help.js";
import { columnOf, readRawTable, requireColumn, restateRowError, tableWithColumns, type AddedColumn, type RawTable } from "./raw-table.js";

const flags = { accounts: "value", config: "value", out: "value", help: "switch" } as const;

/**
 * `terralign plan`: scores and tiers the accounts, turns tiers into visits and workload, and writes
 * `accounts.csv` (every input column and row, plus score, tier, visits, workload), `plan.md` and
 * `lorenz.svg`. Returns 0; bad input throws.
 */
export function runPlanCommand(argv: readonly string[], io: CliIo): number {
  const command = "terralign plan";
  const args = parseArgs(argv, flags, command);
  if (args.switches.has("help")) {
    io.stdout(planHelp);
    return 0;
  }
  const accountsPath = required(args, "accounts", command);
  const configPath = required(args, "config", command);
  const outDir = required(args, "out", command);
  const config = readJsonObject({ file: configPath, text: io.readFile(configPath) }, "plan settings") as AccountPlanOptions;
  const table = readRawTable(io, accountsPath, "accounts");
  const idColumn = requireColumn(table, "each account's id", "id", "account_id");
  const fields = fieldsUsed(config, table);
  const columnFor = new Map(fields.map((field) => [field.name, requireColumn(table, field.why, field.name)]));
  const accounts: PlanAccount[] = new Array(table.size);
  for (let i = 0; i < table.size; i++) {
    const attributes: Record<string, string> = {};
    for (const [name, c] of columnFor) attributes[name] = table.cell(i, c);
    accounts[i] = { id: table.cell(i, idColumn), attributes };
  }
  const sales = fields.find((f) => f.role === "sales");
  const options: AccountPlanOptions = sales && !config.whiteSpace ? { ...config, whiteSpace: { sales: sales.name } } : config;
  let plan: AccountPlanColumns;
  try {
    plan = planAccountColumns(accounts, options);
  } catch (error) {
    throw optionErrorInFile(restateRowError(error, "accounts", table, (field) => columnFor.get(field) ?? -1), configPath);
  }

  const by = typeof config.tiers?.by === "string" ? config.tiers.by : config.score ? "score" : "potential";
  const ownerColumn = columnOf(table, "current_rep");
  const owners = ownerColumn >= 0 ? Array.from({ length: table.size }, (_, i) => table.cell(i, ownerColumn).trim() || undefined) : undefined;
  const paths = writeFileSet(io, outDir, [
    ["accounts.csv", () => accountsCsv(table, plan)],
    ["plan.md", () => planMarkdown(plan, { ids: accounts.map((a) => a.id), source: accountsPath, by, lorenzImage: "lorenz.svg", owners })],
    ["lorenz.svg", () => lorenzSvg(plan.tiering.summary.lorenz, plan.tiering.summary.gini, by)],
  ]);
  io.stdout(describePlan(plan, table.size));
  io.stdout(`\nWrote:\n${paths.map((p) => `  ${p}`).join("\n")}\n`);
  return 0;
}

interface FieldUse {
  readonly name: string;
  readonly role: "score" | "tiers" | "sales" | "potential";
  readonly why: string;
}

/**
 * The account fields the configuration reads (score weights, `tiers.by`, white space), each of
 * which must be a column. A `sales` column turns white space on even when the configuration does
 * not ask for it. Ill-shaped parts are left to the configuration check, which names them.
 */
function fieldsUsed(config: AccountPlanOptions, table: RawTable): FieldUse[] {
  const uses: FieldUse[] = [];
  const add = (name: string, role: FieldUse["role"], why: string) => {
    if (!uses.some((u) => u.name === name)) uses.push({ name, role, why });
  };
  const score = config.score as Record<string, unknown> | undefined;
  if (score !== null && typeof score === "object") {
    const weights = score.weights !== null && typeof score.weights === "object" ? (score.weights as Record<string, unknown>) : score;
    for (const field of Object.keys(weights)) add(field, "score", `score field "${field}" of the configuration`);
  }
  const by = config.tiers?.by;
  if (typeof by === "string") add(by, "tiers", `tiers.by "${by}" of the configuration`);
  else if (!score) add("potential", "tiers", "tiers are cut by potential when there is no score");
  const salesField = config.whiteSpace?.sales ?? "sales";
  if (config.whiteSpace || columnOf(table, salesField) >= 0) {
    add("potential", "potential", "white space is potential − sales");
    add(salesField, "sales", "white space is potential − sales");
  }
  return uses;
}

/** Every input column and row, with score, tier, visits and workload written over same-named columns or added at the end. */
function accountsCsv(table: RawTable, plan: AccountPlanColumns): string[] {
  const { scores, tiering, visits, whiteSpace: space } = plan;
  const added: AddedColumn[] = [
    { name: "score", cell: (i) => decimalText(scores[i], 6) },
    { name: "tier", cell: (i) => csvField(tiering.tiers[i]) },
    { name: "visits", cell: visits ? (i) => decimalText(visits.visits[i], 6) : null },
    { name: "workload", cell: visits ? (i) => decimalText(visits.workload[i], 6) : null },
  ];
  if (space) {
    added.push({ name: "white_space", cell: (i) => decimalText(space.whiteSpace[i], 6) }, { name: "under_covered", cell: (i) => (space.underCovered[i] ? "1" : "0") });
  }
  return tableWithColumns(table, added);
}

function describePlan(plan: AccountPlanColumns, n: number): string {
  const { summary } = plan.tiering;
  const lines = [`Account plan: ${formatNumber(n)} accounts, ${summary.method} tiers`];
  for (const t of summary.tiers) {
    lines.push(`  ${t.name.padEnd(8)} ${formatNumber(t.accounts).padStart(10)} accounts (${formatPercent(t.accountShare).padStart(7)})  ${formatPercent(t.valueShare).padStart(7)} of value`);
  }
  if (summary.gini !== null) lines.push(`Gini of value ${formatNumber(summary.gini, 3)}`);
  if (plan.visits) lines.push(`Workload ${formatNumber(plan.visits.workload.reduce((s, w) => s + w, 0), 1)} h per period, ${formatNumber(plan.visits.visits.reduce((s, v) => s + v, 0), 1)} visits`);
  if (plan.whiteSpace) lines.push(`White space ${formatNumber(plan.whiteSpace.totalWhiteSpace, 2)}; ${formatNumber(plan.whiteSpace.underCoveredCount)} under-covered high-potential accounts`);
  return `${lines.join("\n")}\n`;
}
