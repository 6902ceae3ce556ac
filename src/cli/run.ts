import { TerralignError } from "../errors.js";
import type { CliIo } from "./cli-io.js";
import { EXIT_INTERNAL } from "./exit-codes.js";
import { generalHelp } from "./help.js";
import { UsageError } from "./usage-error.js";
import { version } from "./version.js";

export { EXIT_INTERNAL } from "./exit-codes.js";

/** A command: its arguments (after its name) in, its exit code out. */
type Command = (argv: readonly string[], io: CliIo) => number | Promise<number>;

/**
 * Each command's module, imported only when that command runs: a run loads the code of its own
 * command, not the solvers, drawings and schemas of all fourteen.
 */
const commands: Readonly<Record<string, () => Promise<Command>>> = {
  align: async () => (await import("./align-command.js")).runAlignCommand,
  evaluate: async () => (await import("./evaluate-command.js")).runEvaluateCommand,
  gap: async () => {
    const { runGapCommand } = await import("./gap-command.js");
    return (argv, io) => runGapCommand([...argv], io);
  },
  plan: async () => (await import("./plan-command.js")).runPlanCommand,
  callplan: async () => (await import("./callplan-command.js")).runCallplanCommand,
  tradeoff: async () => (await import("./tradeoff-command.js")).runTradeoffCommand,
  diff: async () => (await import("./diff-command.js")).runDiffCommand,
  scenarios: async () => (await import("./scenarios-command.js")).runScenariosCommand,
  place: async () => (await import("./place-command.js")).runPlaceCommand,
  size: async () => (await import("./size-command.js")).runSizeCommand,
  cpmp: async () => (await import("./cpmp-command.js")).runCpmpCommand,
  potential: async () => (await import("./potential-command.js")).runPotentialCommand,
  crosssell: async () => (await import("./crosssell-command.js")).runCrosssellCommand,
  route: async () => (await import("./route-command.js")).runRouteCommand,
};

/**
 * Runs the CLI with `argv` (arguments after the program name) and returns the exit code:
 * 0 solved, 1 infeasible or timed out, 2 bad input or usage (one `terralign: ...` line on
 * stderr, no stack), 70 an internal error (a short message; the stack only with `io.debug`).
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command !== undefined && Object.hasOwn(commands, command)) {
      const run = await commands[command]();
      return await run(rest, io);
    }
    switch (command) {
      case undefined:
        throw new UsageError("missing command: align, evaluate, gap, plan, callplan, tradeoff, diff, scenarios, place, size, cpmp, potential, crosssell or route (see 'terralign --help')");
      case "help":
      case "--help":
      case "-h":
        io.stdout(generalHelp);
        return 0;
      case "--version":
      case "-v":
        io.stdout(`${version}\n`);
        return 0;
      default:
        throw new UsageError(`unknown command ${JSON.stringify(command)}; expected align, evaluate, gap, plan, callplan, tradeoff, diff, scenarios, place, size, cpmp, potential, crosssell or route (see 'terralign --help')`);
    }
  } catch (error) {
    return report(error, io);
  }
}

function report(error: unknown, io: CliIo): number {
  if (error instanceof TerralignError || error instanceof UsageError) {
    io.stderr(`terralign: ${oneLine(error.message)}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`terralign: internal error: ${oneLine(message)}\n`);
  if (io.debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  else io.stderr("terralign: this is a bug; please report it with the command you ran (TERRALIGN_DEBUG=1 prints the stack trace)\n");
  return EXIT_INTERNAL;
}

/** Keeps a message on one line: values quoted with embedded newlines stay readable. */
function oneLine(message: string): string {
  return message.replace(/\r?\n/g, "\\n");
}
