import { alignValidated } from "../align.js";
import { resolveOptions } from "../model/parse.js";
import { parseArgs, required } from "./args.js";
import type { CliIo } from "./cli-io.js";
import { alignHelp } from "./help.js";
import { inputFlags, loadOptions, loadProblem } from "./load-inputs.js";
import { describePlan } from "./print-plan.js";
import { createProgressBar } from "./progress-bar.js";
import { loadBasemap } from "./read-basemap.js";
import { writeOutputs } from "./write-outputs.js";

const flags = { accounts: "value", reps: "value", out: "value", options: "value", units: "value", "units-object": "value", strategy: "value", "time-limit": "value", seed: "value", basemap: "value", help: "switch", ...inputFlags } as const;

/**
 * `terralign align`: reads the inputs, aligns, writes the output files (`writeOutputs`; `--basemap`
 * outlines drawn beneath the maps) and prints a summary.
 * Returns 0 when solved, 1 when infeasible or timed out (files still written). Bad input throws.
 */
export function runAlignCommand(argv: readonly string[], io: CliIo): number {
  const command = "terralign align";
  const args = parseArgs(argv, flags, command);
  if (args.switches.has("help")) {
    io.stdout(alignHelp);
    return 0;
  }
  const outDir = required(args, "out", command);
  const options = loadOptions(io, args);
  const { problem } = loadProblem(io, args, command, options);
  const basemap = loadBasemap(io, args);
  const bar = io.stderrIsTty ? createProgressBar(io.stderr) : undefined;
  let plan;
  try {
    const signal = options.signal ?? io.interrupt;
    plan = alignValidated(problem, resolveOptions({ ...options, ...(bar ? { onProgress: bar.update } : {}), ...(signal ? { signal } : {}) }));
  } finally {
    bar?.clear();
  }
  const paths = writeOutputs(plan, outDir, io, { basemap });
  io.stdout(describePlan(plan));
  io.stdout(`\nWrote:\n${paths.map((p) => `  ${p}`).join("\n")}\n`);
  if (plan.status === "optimal" || plan.status === "feasible") return 0;
  const first = plan.diagnostics.find((d) => d.severity === "error");
  const stoppedBy = io.interrupt?.aborted ? "the interrupt (Ctrl-C)" : "the time limit";
  const why = plan.status === "timeout" ? `${stoppedBy} stopped the search; the plan is the best found so far` : (first?.message ?? "some constraint cannot be met");
  io.stderr(`terralign: plan is ${plan.status}: ${why}; outputs written to ${outDir}\n`);
  return 1;
}
