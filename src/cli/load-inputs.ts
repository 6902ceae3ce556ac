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

/**
 * Reads and validates `--accounts`, `--reps` and, when given, `--units` (with `--units-object`).
 * With `options.disruption.orphans: "assign"`, a current rep that names no rep is allowed.
 */
export function loadProblem(io: CliIo, args: ParsedArgs, command: string, options: AlignOptions = {}): LoadedProblem {
  const accountsPath = required(args, "accounts", command);
  const repsPath = required(args, "reps", command);
  const accounts = readAccounts({ file: accountsPath, text: io.readFile(accountsPath) });
  const reps = readReps({ file: repsPath, text: io.readFile(repsPath) });
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
