import { TerralignError } from "../errors.js";
import { inputEncodings, type InputEncoding } from "../io/decode-text.js";
import { readOptions } from "../io/read-options.js";
import { readAccounts, readReps, problemFromRecords } from "../io/read-problem.js";
import type { AccountRecords } from "../io/read-accounts.js";
import type { RepRecords } from "../io/read-reps.js";
import { strategies, type AlignOptions, type Strategy } from "../model/options-schema.js";
import type { Problem } from "../model/problem-schema.js";
import { readUnits } from "../units/read-units.js";
import { required, type ParsedArgs } from "./args.js";
import type { CliIo } from "./cli-io.js";
import { UsageError } from "./usage-error.js";

/** The validated problem and the records it was read from (to restate later errors in file terms). */
export interface LoadedProblem {
  readonly problem: Problem;
  readonly accounts: AccountRecords;
  readonly reps: RepRecords;
}

/** Flags of every command that reads accounts and reps: how the files are written. */
export const inputFlags = { encoding: "value", "decimal-comma": "switch" } as const;

/** `--encoding` (utf8 or latin1), checked; utf8 when absent. */
export function encodingOf(args: ParsedArgs): InputEncoding {
  const encoding = args.values.get("encoding");
  if (encoding === undefined) return "utf8";
  const name = encoding.trim().toLowerCase().replace(/^utf-8$/, "utf8").replace(/^(iso-?8859-1|windows-1252|cp1252)$/, "latin1");
  if (!(inputEncodings as readonly string[]).includes(name)) throw new UsageError(`--encoding: unknown encoding ${JSON.stringify(encoding)}; expected ${inputEncodings.join(" or ")}`);
  return name as InputEncoding;
}

/**
 * Reads and validates `--accounts`, `--reps` and, when given, `--units` (with `--units-object`),
 * in `--encoding` and, with `--decimal-comma`, numbers written `1,5`. A file of accounts with no
 * rows is bad input. With `options.disruption.orphans: "assign"`, a current rep that names no rep
 * is allowed.
 */
export function loadProblem(io: CliIo, args: ParsedArgs, command: string, options: AlignOptions = {}): LoadedProblem {
  const accountsPath = required(args, "accounts", command);
  const repsPath = required(args, "reps", command);
  const encoding = encodingOf(args);
  const style = { decimalComma: args.switches.has("decimal-comma") };
  const accounts = readAccounts({ file: accountsPath, text: io.readFile(accountsPath, encoding) }, style);
  if (accounts.accounts.length === 0) throw new TerralignError("invalid_input", `${accountsPath}: no accounts: the file has no rows of accounts, so there is nothing to assign`);
  const reps = readReps({ file: repsPath, text: io.readFile(repsPath, encoding) }, style);
  const unitsPath = args.values.get("units");
  const object = args.values.get("units-object");
  if (object !== undefined && unitsPath === undefined) throw new UsageError("--units-object needs --units");
  const units = unitsPath !== undefined ? readUnits({ file: unitsPath, text: io.readFile(unitsPath) }, object) : undefined;
  return { problem: problemFromRecords(accounts, reps, units, { orphans: options.disruption?.orphans === "assign" }), accounts, reps };
}

/**
 * Reads `--options` (when given) and lays the `--strategy`, `--time-limit` and `--seed` flags over
 * it. Flags are checked here so their errors name the flag rather than an options field.
 */
export function loadOptions(io: CliIo, args: ParsedArgs): AlignOptions {
  const path = args.values.get("options");
  const options: AlignOptions = path !== undefined ? readOptions({ file: path, text: io.readFile(path) }) : {};
  const strategy = args.values.get("strategy");
  if (strategy !== undefined) {
    if (!(strategies as readonly string[]).includes(strategy)) {
      throw new UsageError(`--strategy: unknown strategy ${JSON.stringify(strategy)}; expected one of ${strategies.join(", ")}`);
    }
    options.strategy = strategy as Strategy;
  }
  const timeLimit = args.values.get("time-limit");
  if (timeLimit !== undefined) {
    const seconds = Number(timeLimit);
    if (!/^\d*\.?\d+$/.test(timeLimit.trim()) || !(seconds > 0)) {
      throw new UsageError(`--time-limit: ${JSON.stringify(timeLimit)} is not a positive number of seconds`);
    }
    options.timeLimitMs = seconds * 1000;
  }
  const seed = args.values.get("seed");
  if (seed !== undefined) {
    if (!/^-?\d+$/.test(seed.trim()) || !Number.isSafeInteger(Number(seed))) throw new UsageError(`--seed: ${JSON.stringify(seed)} is not an integer`);
    options.seed = Number(seed);
  }
  return options;
}
