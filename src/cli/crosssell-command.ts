import { writeFileSet } from "./write-outputs.js";
import { join } from "node:path";
import type { PotentialAccount } from "../intel/potential-account.js";
import type { Purchase } from "../intel/ownership.js";
import { crosssellMarkdown } from "../intel/crosssell-markdown.js";
import { recommendProducts, type Recommendations } from "../intel/recommend-products.js";
import { csvField } from "../output/csv-writer.js";
import { decimalText } from "../output/decimal-text.js";
import { formatNumber, formatPercent } from "../util/format-number.js";
import { integerFlag, parseArgs, required } from "./args.js";
import type { CliIo } from "./cli-io.js";
import { crosssellHelp } from "./intel-help.js";
import { columnOf, readRawTable, requireColumn, restateRowError } from "./raw-table.js";
import { UsageError } from "./usage-error.js";

const flags = { purchases: "value", accounts: "value", top: "value", seed: "value", out: "value", help: "switch" } as const;

/**
 * `terralign crosssell`: recommends each account's next products from `--purchases`
 * (`account_id,product[,value][,date]`) and the `--accounts` attributes, and writes
 * `recommendations.csv` and `crosssell.md`. Returns 0; bad input throws.
 */
export function runCrosssellCommand(argv: readonly string[], io: CliIo): number {
  const command = "terralign crosssell";
  const args = parseArgs(argv, flags, command);
  if (args.switches.has("help")) {
    io.stdout(crosssellHelp);
    return 0;
  }
  const purchasesPath = required(args, "purchases", command);
  const outDir = required(args, "out", command);
  const top = integerFlag(args.values.get("top"), "top", 1, 1000) ?? 5;
  const seed = integerFlag(args.values.get("seed"), "seed", -(2 ** 31), 2 ** 31 - 1);

  const table = readRawTable(io, purchasesPath, "purchases");
  const c = {
    account: requireColumn(table, "the account that bought", "account_id", "account"),
    product: requireColumn(table, "what it bought", "product"),
    value: columnOf(table, "value"),
    date: columnOf(table, "date"),
  };
  const purchases: Purchase[] = new Array(table.size);
  for (let i = 0; i < table.size; i++) {
    const row: { accountId: string; product: string; value?: string; date?: string } = { accountId: table.cell(i, c.account), product: table.cell(i, c.product) };
    if (c.value >= 0) row.value = table.cell(i, c.value);
    if (c.date >= 0) row.date = table.cell(i, c.date);
    purchases[i] = row;
  }
  const accountsPath = args.values.get("accounts");
  const accounts = accountsPath !== undefined ? accountsOf(io, accountsPath) : undefined;
  let result: Recommendations;
  try {
    result = recommendProducts(purchases, { accounts, top, seed });
  } catch (error) {
    const column = { accountId: c.account, product: c.product, value: c.value, date: c.date } as Record<string, number>;
    throw restateRowError(error, "purchases", table, (field) => column[field] ?? -1);
  }
  if (result.unknownAccounts > 0) io.stderr(`terralign: warning: ${purchasesPath}: ${result.unknownAccounts} purchase${result.unknownAccounts === 1 ? " names an account" : "s name accounts"} not in ${accountsPath}; kept, without attributes\n`);
  for (const warning of result.warnings) io.stderr(`terralign: warning: ${accountsPath}: ${warning}\n`);

  const paths = writeFileSet(io, outDir, [
    ["recommendations.csv", () => recommendationsCsv(result, c.value >= 0)],
    ["crosssell.md", () => crosssellMarkdown(result, purchasesPath)],
  ]);
  io.stdout(describe(result));
  io.stdout(`\nWrote:\n${paths.map((p) => `  ${p}`).join("\n")}\n`);
  return 0;
}

/** Accounts with their id and every other column as an attribute, as written; duplicate ids are refused. */
function accountsOf(io: CliIo, path: string): PotentialAccount[] {
  const table = readRawTable(io, path, "accounts");
  const id = requireColumn(table, "each account's id", "id", "account_id");
  const seen = new Map<string, number>();
  return Array.from({ length: table.size }, (_, i) => {
    const attributes: Record<string, string> = {};
    table.columns.forEach((name, c) => {
      if (c !== id) attributes[name] = table.cell(i, c);
    });
    const accountId = table.cell(i, id).trim();
    const where = table.source.records[i].position;
    if (accountId === "") throw new UsageError(`${path} line ${where}: the account id is empty`);
    if (seen.has(accountId)) throw new UsageError(`${path} line ${where}: account id ${JSON.stringify(accountId)} is given twice (first on line ${seen.get(accountId)})`);
    seen.set(accountId, where);
    return { id: accountId, attributes };
  });
}

/** account_id,rank,product,score[,expected_value]: up to --top rows per account, every account. */
function recommendationsCsv(r: Recommendations, withValue: boolean): string[] {
  const header = withValue ? "account_id,rank,product,score,expected_value\n" : "account_id,rank,product,score\n";
  const pieces = [header];
  let lines: string[] = [];
  for (const account of r.accounts) {
    const id = csvField(account.accountId);
    account.products.forEach((p, k) => {
      const cells = [id, String(k + 1), csvField(p.product), decimalText(p.score, 6)];
      if (withValue) cells.push(decimalText(p.expectedValue ?? 0, 2));
      lines.push(cells.join(","));
    });
    if (lines.length >= 4096) {
      pieces.push(`${lines.join("\n")}\n`);
      lines = [];
    }
  }
  if (lines.length > 0) pieces.push(`${lines.join("\n")}\n`);
  return pieces;
}

function describe(r: Recommendations): string {
  const e = r.evaluation;
  const lines = [`Next product: ${formatNumber(r.accounts.length)} accounts, ${formatNumber(r.products.length)} products; blend ${formatPercent(r.blend.items, 0)} items, ${formatPercent(r.blend.attributes, 0)} attributes, ${formatPercent(r.blend.popularity, 0)} popularity`];
  lines.push(`Evaluation (${e.method}, ${formatNumber(e.accounts)} accounts):`);
  e.model.forEach((m, i) => lines.push(`  hit rate at ${m.k}: ${formatPercent(m.hitRate)} (popularity ${formatPercent(e.popularity[i].hitRate)})`));
  return `${lines.join("\n")}\n`;
}
