import { TerralignError } from "../errors.js";
import { runAlignCommand } from "./align-command.js";
import { runCallplanCommand } from "./callplan-command.js";
import { runCrosssellCommand } from "./crosssell-command.js";
import type { CliIo } from "./cli-io.js";
import { runEvaluateCommand } from "./evaluate-command.js";
import { runGapCommand } from "./gap-command.js";
import { runTradeoffCommand } from "./tradeoff-command.js";
import { runDiffCommand } from "./diff-command.js";
import { runScenariosCommand } from "./scenarios-command.js";
import { runCpmpCommand } from "./cpmp-command.js";
import { runPlaceCommand } from "./place-command.js";
import { runSizeCommand } from "./size-command.js";
import { generalHelp } from "./help.js";
import { runPlanCommand } from "./plan-command.js";
import { runPotentialCommand } from "./potential-command.js";
import { runRouteCommand } from "./route-command.js";
import { UsageError } from "./usage-error.js";
import { version } from "./version.js";

/** Exit code for an unexpected internal error (sysexits.h EX_SOFTWARE). */
export const EXIT_INTERNAL = 70;

/**
 * Runs the CLI with `argv` (arguments after the program name) and returns the exit code:
 * 0 solved, 1 infeasible or timed out, 2 bad input or usage (one `terralign: ...` line on
 * stderr, no stack), 70 an internal error (a short message; the stack only with `io.debug`).
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    switch (command) {
      case "align":
        return runAlignCommand(rest, io);
      case "evaluate":
        return runEvaluateCommand(rest, io);
      case "gap":
        return await runGapCommand([...rest], io);
      case "plan":
        return runPlanCommand(rest, io);
      case "callplan":
        return runCallplanCommand(rest, io);
      case "tradeoff":
        return runTradeoffCommand(rest, io);
      case "diff":
        return runDiffCommand(rest, io);
      case "scenarios":
        return runScenariosCommand(rest, io);
      case "place":
        return runPlaceCommand(rest, io);
      case "size":
        return runSizeCommand(rest, io);
      case "cpmp":
        return runCpmpCommand(rest, io);
      case "potential":
        return runPotentialCommand(rest, io);
      case "crosssell":
        return runCrosssellCommand(rest, io);
      case "route":
        return runRouteCommand(rest, io);
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
