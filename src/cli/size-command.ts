import { readAccounts, problemFromRecords, readReps } from "../io/read-problem.js";
import type { RepRecords } from "../io/read-reps.js";
import { sizeTeam, type TeamSize } from "../place/size-team.js";
import { parseArgs, required } from "./args.js";
import type { CliIo } from "./cli-io.js";
import { sizeHelp } from "./help.js";
import { loadOptions } from "./load-inputs.js";
import { parseCount, parsePositive } from "./number-flags.js";
import { describePlacement, siteRecords, writePlacement } from "./place-command.js";
import { UsageError } from "./usage-error.js";

const flags = {
  accounts: "value",
  reps: "value",
  capacity: "value",
  balance: "value",
  "max-travel-minutes": "value",
  sites: "value",
  options: "value",
  iterations: "value",
  "time-limit": "value",
  seed: "value",
  out: "value",
  help: "switch",
} as const;

/**
 * `terralign size`: the smallest team (`sizeTeam`) and its lower bound; with `--out`, the plan's
 * files as `place` writes them. Returns 0 when a head count was found, 1 when none was; bad input
 * throws.
 */
export function runSizeCommand(argv: readonly string[], io: CliIo): number {
  const command = "terralign size";
  const args = parseArgs(argv, flags, command);
  if (args.switches.has("help")) {
    io.stdout(sizeHelp);
    return 0;
  }
  const accountsPath = required(args, "accounts", command);
  const capacityText = args.values.get("capacity");
  const capacity = capacityText !== undefined ? parsePositive(capacityText, "--capacity", "hours") : undefined;
  const repsPath = args.values.get("reps");
  if (capacity === undefined && repsPath === undefined) throw new UsageError(`missing --capacity for '${command}' (or --reps to take the mean capacity from); see '${command} --help'`);
  const balanceText = args.values.get("balance");
  const balance = balanceText !== undefined ? parsePositive(balanceText, "--balance", "(a fraction)", true) : undefined;
  if (balance !== undefined && balance >= 1) throw new UsageError(`--balance: ${balanceText} is not a fraction below 1 (0.1 = ±10 %)`);
  const travelText = args.values.get("max-travel-minutes");
  const options = loadOptions(io, args);
  const read = readAccounts({ file: accountsPath, text: io.readFile(accountsPath) });
  // The team is new: today's reps and locks name reps it does not have.
  const accounts = { ...read, accounts: read.accounts.map(({ currentRep: _current, lockedRep: _locked, ...account }) => account) };
  const reps: RepRecords = repsPath !== undefined ? readReps({ file: repsPath, text: io.readFile(repsPath) }) : placeholderReps(capacity!);
  const problem = problemFromRecords(accounts, reps);
  const sites = siteRecords(io, args);
  const iterations = args.values.get("iterations");
  let result: TeamSize;
  try {
    result = sizeTeam(repsPath !== undefined ? problem : { ...problem, reps: [] }, {
      ...options,
      balance: balance ?? options.balance?.workload,
      ...(capacity !== undefined ? { capacity } : {}),
      ...(travelText !== undefined ? { maxTravelMinutes: parsePositive(travelText, "--max-travel-minutes", "minutes") } : {}),
      ...(sites ? { sites: sites.sites } : {}),
      ...(iterations !== undefined ? { iterations: parseCount(iterations, "--iterations") } : {}),
    });
  } catch (error) {
    throw sites ? sites.restate(error) : error;
  }
  io.stdout(describeSize(result));
  const outDir = args.values.get("out");
  if (outDir !== undefined && result.plan) {
    const paths = writePlacement(result.plan, outDir, io);
    io.stdout(describePlacement(result.plan));
    io.stdout(`\nWrote:\n${paths.map((p) => `  ${p}`).join("\n")}\n`);
  }
  if (result.count !== null) return 0;
  io.stderr(`terralign: no head count found: ${result.reason ?? result.tried.at(-1)?.reason ?? "no plan met every rule"}\n`);
  return 1;
}

const show = (x: number) => (Number.isFinite(x) ? String(x) : "—");

function describeSize(result: TeamSize): string {
  const { bounds } = result;
  const lines = [
    result.count !== null ? `Head count: ${result.count} (${result.versusBound === "equal" ? "equals the lower bound: no smaller team can work" : `${result.versusBound} the lower bound of ${result.lowerBound}`})` : "Head count: none found",
    `Lower bound: ${Number.isFinite(result.lowerBound) ? result.lowerBound : "none (no team can work)"} — workload / capacity ${bounds.capacity}, accounts no site can share ${show(bounds.travel)}, Lagrangian covering ${show(bounds.lagrangian)}, balance band group by group ${show(bounds.balanced)}`,
    ...result.tried.map((t) => `  tried ${String(t.count).padStart(4)}: ${t.status}${t.reason ? ` — ${t.reason}` : ""}`),
  ];
  if (result.reason) lines.push(`Reason: ${result.reason}`);
  return `${lines.join("\n")}\n`;
}

/** A stand-in rep so the accounts can be validated (and their errors named by file and line) without a reps file. */
function placeholderReps(capacity: number): RepRecords {
  return { file: "(no reps file)", reps: [{ id: "rep", home: [0, 0], capacity }], originOf: () => ({ where: "(no reps file)", at: () => "(no reps file)" }) };
}
