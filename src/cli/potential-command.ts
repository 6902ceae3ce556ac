import { writeFileSet } from "./write-outputs.js";
import { join } from "node:path";
import { TerralignError } from "../errors.js";
import { estimatePotential, type PotentialEstimate } from "../intel/estimate-potential.js";
import type { PotentialAccount } from "../intel/potential-account.js";
import { potentialMarkdown } from "../intel/potential-markdown.js";
import { decimalText } from "../output/decimal-text.js";
import { fieldAt } from "../io/source-record.js";
import { formatNumber, formatPercent } from "../util/format-number.js";
import { readNumber } from "../util/read-number.js";
import { integerFlag, parseArgs, required } from "./args.js";
import type { CliIo } from "./cli-io.js";
import { potentialHelp } from "./intel-help.js";
import { columnOf, readRawTable, requireColumn, restateRowError, tableWithColumns, type RawTable } from "./raw-table.js";
import { UsageError } from "./usage-error.js";

const flags = { accounts: "value", target: "value", features: "value", quantile: "value", folds: "value", seed: "value", out: "value", help: "switch" } as const;

/**
 * `terralign potential`: estimates every account's potential from the customers' `--target` and
 * writes `accounts.csv` (every input column and row, plus potential_est and white_space),
 * `potential.md` and `potential.json`. Returns 0; bad input throws.
 */
export function runPotentialCommand(argv: readonly string[], io: CliIo): number {
  const command = "terralign potential";
  const args = parseArgs(argv, flags, command);
  if (args.switches.has("help")) {
    io.stdout(potentialHelp);
    return 0;
  }
  const accountsPath = required(args, "accounts", command);
  const target = required(args, "target", command);
  const outDir = required(args, "out", command);
  const quantile = quantileFlag(args.values.get("quantile"));
  const folds = integerFlag(args.values.get("folds"), "folds", 2, 20);
  const seed = integerFlag(args.values.get("seed"), "seed", -(2 ** 31), 2 ** 31 - 1);

  const table = readRawTable(io, accountsPath, "accounts");
  const idColumn = requireColumn(table, "each account's id", "id", "account_id");
  const targetColumn = requireColumn(table, "the target to learn from (--target)", target);
  const lngColumn = columnOf(table, "lng", "lon", "longitude", "long");
  const latColumn = columnOf(table, "lat", "latitude");
  const featureNames = args.values.get("features")?.split(",").map((name) => name.trim()).filter((name) => name !== "");
  const skip = new Set([idColumn, lngColumn, latColumn]);
  const attributeColumns = table.columns.map((_, c) => c).filter((c) => !skip.has(c));
  let features: string[] | undefined;
  if (featureNames) {
    features = featureNames.map((name) => {
      const c = requireColumn(table, "named in --features", name);
      if (c === targetColumn) throw new UsageError(`--features: "${name}" is the target; a model cannot learn the target from itself`);
      if (skip.has(c)) throw new UsageError(`--features: "${name}" is the ${c === idColumn ? "id" : "location"}; coordinates are used as location features without being named`);
      return table.columns[c];
    });
  }
  const accounts = accountsOf(table, idColumn, lngColumn, latColumn, attributeColumns);
  let estimate: PotentialEstimate;
  try {
    estimate = estimatePotential(accounts, { target: table.columns[targetColumn], features, quantile, folds, seed });
  } catch (error) {
    if (error instanceof TerralignError && error.issues[0].path.join(".") === "options.target") {
      throw new TerralignError(error.code, `${accountsPath}: ${error.message.replace(/^options\.target: /, "").replace(`"${table.columns[targetColumn]}"`, `column "${table.columns[targetColumn]}"`)}`);
    }
    throw restateRowError(error, "accounts", table, (field) => columnOf(table, field));
  }
  for (const warning of estimate.warnings) io.stderr(`terralign: warning: ${accountsPath}: ${warning}\n`);

  const actual = new Float64Array(estimate.customers);
  let k = 0;
  for (let i = 0; i < table.size; i++) if (estimate.isCustomer[i]) actual[k++] = readNumber(table.cell(i, targetColumn))!;
  const paths = writeFileSet(io, outDir, [
    ["accounts.csv", () => tableWithColumns(table, [
      { name: "potential_est", cell: (i) => decimalText(estimate.estimates[i], 2) },
      { name: "white_space", cell: (i) => decimalText(estimate.whiteSpace[i], 2) },
    ])],
    ["potential.md", () => potentialMarkdown(estimate, { source: accountsPath, target: table.columns[targetColumn], actual })],
    ["potential.json", () => `${JSON.stringify(summary(estimate), null, 2)}\n`],
  ]);
  io.stdout(describe(estimate, table.columns[targetColumn]));
  io.stdout(`\nWrote:\n${paths.map((p) => `  ${p}`).join("\n")}\n`);
  return 0;
}

/** Accounts with their id, location (when both coordinates read as numbers) and every other column as an attribute, as written. */
function accountsOf(table: RawTable, idColumn: number, lngColumn: number, latColumn: number, attributeColumns: readonly number[]): PotentialAccount[] {
  const accounts: PotentialAccount[] = new Array(table.size);
  for (let i = 0; i < table.size; i++) {
    const attributes: Record<string, string> = {};
    for (const c of attributeColumns) attributes[table.columns[c]] = table.cell(i, c);
    const id = table.cell(i, idColumn).trim();
    const location = locationOf(table, i, lngColumn, latColumn);
    accounts[i] = location ? { id, location, attributes } : { id, attributes };
  }
  return accounts;
}

function locationOf(table: RawTable, i: number, lngColumn: number, latColumn: number): [number, number] | undefined {
  const record = table.source.records[i];
  if (Array.isArray(record.point) && typeof record.point[0] === "number" && typeof record.point[1] === "number") return [record.point[0], record.point[1]];
  if (lngColumn < 0 || latColumn < 0) return undefined;
  const lng = readNumber(table.cell(i, lngColumn)), lat = readNumber(table.cell(i, latColumn));
  if (lng === undefined || lat === undefined) {
    const blank = table.cell(i, lngColumn).trim() === "" && table.cell(i, latColumn).trim() === "";
    if (blank) return undefined;
    const c = lng === undefined ? lngColumn : latColumn;
    throw new TerralignError("invalid_input", `${fieldAt(table.source, record, table.columns[c])}: ${JSON.stringify(table.cell(i, c))} is not a coordinate; give a number or leave both coordinates blank`);
  }
  if (!(Math.abs(lat) <= 90 && Math.abs(lng) <= 180)) {
    throw new TerralignError("invalid_input", `${fieldAt(table.source, record, table.columns[Math.abs(lat) > 90 ? latColumn : lngColumn])}: ${Math.abs(lat) > 90 ? `latitude ${lat} is outside [-90, 90]` : `longitude ${lng} is outside [-180, 180]`}`);
  }
  return [lng, lat];
}

function quantileFlag(text: string | undefined): number | null | undefined {
  if (text === undefined) return undefined;
  if (text.trim() === "mean") return null;
  const q = readNumber(text);
  if (q === undefined || !(q > 0 && q < 1)) throw new UsageError(`--quantile: ${JSON.stringify(text)} is outside (0, 1); give e.g. 0.8 for the 80th percentile, or "mean"`);
  return q;
}

/** potential.json: everything but the per-account columns (those are in accounts.csv). */
function summary(e: PotentialEstimate) {
  return {
    quantile: e.quantile,
    folds: e.folds,
    customers: e.customers,
    prospects: e.prospects,
    treesPerFold: e.trees,
    fits: e.fits,
    segmentFeature: e.segmentFeature,
    importance: e.importance,
    totalPotential: e.estimates.reduce((s, v) => s + v, 0),
    totalWhiteSpace: e.whiteSpace.reduce((s, v) => s + v, 0),
    warnings: e.warnings,
  };
}

function describe(e: PotentialEstimate, target: string): string {
  const lines = [`Potential: ${formatNumber(e.customers)} customers with ${target}, ${formatNumber(e.prospects)} prospects; ${e.quantile === null ? "mean" : `quantile ${e.quantile}`}, ${e.folds} folds`];
  for (const f of e.fits) lines.push(`  ${f.model.padEnd(14)} R² (log) ${formatNumber(f.r2Log, 3).padStart(6)}  Spearman ${formatNumber(f.spearman, 3).padStart(6)}  coverage ${formatPercent(f.coverage).padStart(7)}`);
  lines.push(`Top features: ${e.importance.slice(0, 5).map((f) => `${f.feature} ${formatPercent(f.share, 0)}`).join(", ")}`);
  return `${lines.join("\n")}\n`;
}
