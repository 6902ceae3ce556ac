import { join } from "node:path";
import { toRepsCsv } from "../output/to-reps-csv.js";
import type { PlacementPlan } from "../place/place-options.js";
import { placeReps } from "../place/place-reps.js";
import { parseArgs, required, type ParsedArgs } from "./args.js";
import type { CliIo } from "./cli-io.js";
import { placeHelp } from "./help.js";
import { loadOptions, loadProblem } from "./load-inputs.js";
import { parseCount, parsePositive } from "./number-flags.js";
import { describePlan } from "./print-plan.js";
import { readSites, type SiteRecords } from "./read-sites.js";
import { writeOutputs } from "./write-outputs.js";

const flags = {
  accounts: "value",
  reps: "value",
  count: "value",
  out: "value",
  sites: "value",
  fixed: "value",
  capacity: "value",
  options: "value",
  iterations: "value",
  "time-limit": "value",
  seed: "value",
  strategy: "value",
  help: "switch",
} as const;

/**
 * `terralign place`: chooses homes for `--count` reps (`placeReps`), writes the align outputs for
 * the plan and `reps.csv` with the homes, and prints a summary. Returns 0 when the plan is
 * feasible, 1 when it is infeasible or timed out (files still written); bad input throws.
 */
export function runPlaceCommand(argv: readonly string[], io: CliIo): number {
  const command = "terralign place";
  const args = parseArgs(argv, flags, command);
  if (args.switches.has("help")) {
    io.stdout(placeHelp);
    return 0;
  }
  const outDir = required(args, "out", command);
  const count = parseCount(required(args, "count", command), "--count");
  const options = loadOptions(io, args);
  const { problem } = loadProblem(io, args, command);
  const sites = siteRecords(io, args);
  const fixed = args.values.get("fixed")?.split(",").map((id) => id.trim()).filter((id) => id !== "");
  const capacity = args.values.get("capacity");
  const iterations = args.values.get("iterations");
  let plan: PlacementPlan;
  try {
    plan = placeReps(problem, {
      ...options,
      count,
      ...(sites ? { sites: sites.sites } : {}),
      ...(fixed ? { fixed } : {}),
      ...(capacity !== undefined ? { capacity: parsePositive(capacity, "--capacity", "hours") } : {}),
      ...(iterations !== undefined ? { iterations: parseCount(iterations, "--iterations") } : {}),
    });
  } catch (error) {
    throw sites ? sites.restate(error) : error;
  }
  const paths = writePlacement(plan, outDir, io);
  io.stdout(describePlan(plan));
  io.stdout(describePlacement(plan));
  io.stdout(`\nWrote:\n${paths.map((p) => `  ${p}`).join("\n")}\n`);
  if (plan.status === "optimal" || plan.status === "feasible") return 0;
  const first = plan.diagnostics.find((d) => d.severity === "error");
  io.stderr(`terralign: plan is ${plan.status}: ${first?.message ?? "the time limit stopped the search"}; outputs written to ${outDir}\n`);
  return 1;
}

/** `--sites` read, or undefined (every account location is a candidate). */
export function siteRecords(io: CliIo, args: ParsedArgs): SiteRecords | undefined {
  const file = args.values.get("sites");
  return file === undefined ? undefined : readSites(io, file);
}

/** The align outputs of a placement plan plus `reps.csv`; returns the paths written. */
export function writePlacement(plan: PlacementPlan, dir: string, io: CliIo): string[] {
  // The reps as the rep reader reads them back, with the site chosen as two more columns.
  const reps = plan.placement.reps.map((rep, r) => {
    const { siteId, fixed } = plan.placement.homes[r];
    return { ...rep, attributes: { ...rep.attributes, site_id: siteId, fixed } };
  });
  return writeOutputs(plan, dir, io, {}, [["reps.csv", () => toRepsCsv(reps)]]);
}

/** Homes and the placement bound, after the plan summary. */
export function describePlacement(plan: PlacementPlan): string {
  const { placement } = plan;
  const lines = [
    "",
    `Homes (${placement.homes.filter((h) => !h.fixed).length} placed among ${placement.candidateSites} candidate sites${placement.candidateSites < placement.availableSites ? ` kept of ${placement.availableSites}` : ""}):`,
    ...placement.homes.map((h) => `  ${h.repId.padEnd(12)} ${h.home[0].toFixed(5)}, ${h.home[1].toFixed(5)}  ${h.fixed ? "(fixed)" : `at ${h.siteId}`}`),
    `Placement lower bound ${placement.lowerBound.toFixed(1)} (workload x travel minutes; no choice of homes among the sites does better), gap ${((plan.bound?.gap ?? 0) * 100).toFixed(2)} %`,
  ];
  return `${lines.join("\n")}\n`;
}
