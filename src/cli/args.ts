import { UsageError } from "./usage-error.js";

/** Flags a command accepts: `value` flags take one argument, `switch` flags none. */
export type FlagSpecs = Readonly<Record<string, "value" | "switch">>;

/** Parsed command-line arguments. */
export interface ParsedArgs {
  /** Flag name (without `--`) → value, for `value` flags given. */
  readonly values: ReadonlyMap<string, string>;
  /** Names of the `switch` flags given. */
  readonly switches: ReadonlySet<string>;
}

/**
 * A small, strict argument parser: `--name value` or `--name=value` for value flags, `--name`
 * for switches, `-h` for `--help`. Unknown flags, a missing value, a flag given twice and any
 * positional argument throw a `UsageError` that names the command, e.g. `terralign align`.
 */
export function parseArgs(argv: readonly string[], flags: FlagSpecs, command: string): ParsedArgs {
  const values = new Map<string, string>();
  const switches = new Set<string>();
  const seeHelp = `see '${command} --help'`;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] === "-h" ? "--help" : argv[i];
    if (!arg.startsWith("--") || arg === "--") {
      throw new UsageError(`unexpected argument ${JSON.stringify(arg)} for '${command}'; ${seeHelp}`);
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const kind = Object.hasOwn(flags, name) ? flags[name] : undefined;
    if (kind === undefined) throw new UsageError(`unknown option --${name} for '${command}'; ${seeHelp}`);
    if (values.has(name) || switches.has(name)) throw new UsageError(`--${name} is given twice`);
    if (kind === "switch") {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      switches.add(name);
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) value = argv[++i];
    if (value === undefined || value === "") throw new UsageError(`--${name} needs a value; ${seeHelp}`);
    values.set(name, value);
  }
  return { values, switches };
}

/** The value of a required flag, or a `UsageError` naming it. */
export function required(args: ParsedArgs, name: string, command: string): string {
  const value = args.values.get(name);
  if (value === undefined) throw new UsageError(`missing --${name} for '${command}'; see '${command} --help'`);
  return value;
}

/** The integer value of flag `--name` within [min, max], undefined when not given, or a `UsageError` naming the flag and the value. */
export function integerFlag(text: string | undefined, name: string, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || value < min || value > max) throw new UsageError(`--${name}: ${JSON.stringify(text)} is not an integer in [${min}, ${max}]`);
  return value;
}
