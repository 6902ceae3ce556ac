import { TerralignError } from "../errors.js";
import { createRouterValidated } from "../intel/create-router.js";
import type { RepLoad, RoutePolicy, Router } from "../intel/router-types.js";
import { readAssignmentIndex, type AssignmentIndex } from "../io/read-assignment-index.js";
import { restateAssignmentError } from "../io/read-assignments.js";
import { problemFromRecords, readAccounts } from "../io/read-problem.js";
import type { Account, Problem } from "../model/problem-schema.js";
import { csvField } from "../output/csv-writer.js";
import { decimalText } from "../output/decimal-text.js";
import { formatNumber } from "../util/format-number.js";
import { StringIndex } from "../util/string-index.js";
import { parseArgs, required } from "./args.js";
import type { CliIo } from "./cli-io.js";
import { routeHelp } from "./intel-help.js";
import { loadOptions, loadProblem } from "./load-inputs.js";
import { UsageError } from "./usage-error.js";
import { writeFileSet } from "./write-file-set.js";

const flags = { accounts: "value", reps: "value", assignments: "value", new: "value", options: "value", policy: "value", out: "value", help: "switch" } as const;

/**
 * `terralign route`: routes the new accounts of `--new`, in file order, against the plan in
 * `--assignments`, and writes `routed.csv` and `loads.csv`. Returns 0 when every new account has a
 * rep, 1 when some could not be routed (files still written); bad input throws.
 */
export function runRouteCommand(argv: readonly string[], io: CliIo): number {
  const command = "terralign route";
  const args = parseArgs(argv, flags, command);
  if (args.switches.has("help")) {
    io.stdout(routeHelp);
    return 0;
  }
  const assignmentsPath = required(args, "assignments", command);
  const newPath = required(args, "new", command);
  const outDir = required(args, "out", command);
  const policy = args.values.get("policy") ?? "territory";
  if (policy !== "territory" && policy !== "balanced") throw new UsageError(`--policy: ${JSON.stringify(policy)} is not a policy; expected territory or balanced`);
  const options = loadOptions(io, args);
  const { problem, reps } = loadProblem(io, args, command);
  // The plan's account ids (with room for the new ones, which the router adds) and the rep ids,
  // indexed once: the assignment is read against them, the new ids checked against the first.
  const ids = new StringIndex(2 * problem.accounts.length + 1024);
  problem.accounts.forEach((account, a) => ids.addIfAbsent(account.id, a));
  const repIds = new StringIndex(problem.reps.length);
  problem.reps.forEach((rep, r) => repIds.addIfAbsent(rep.id, r));
  const assignments = readAssignmentIndex({ file: assignmentsPath, text: io.readFile(assignmentsPath) }, ids, repIds);
  const newRecords = readAccounts({ file: newPath, text: io.readFile(newPath) });
  const fresh = problemFromRecords(newRecords, reps).accounts;
  // A new account whose id the plan has: an error naming its line, before any other. The router
  // finds it as it routes (in file order, so the first such account); the whole file is checked
  // first only when the router's own checks fail, or when the assignment names accounts outside the
  // plan's (ids only this check knows).
  let ownerOf: ((id: string) => string | boolean) | undefined;
  const duplicateOf = (i: number): TerralignError | undefined => {
    const id = fresh[i].id;
    const owner = (ownerOf ??= ownersById(problem, ids, assignments))(id);
    if (owner === false) return undefined;
    const at = newRecords.originOf(i).at(["id"]);
    if (typeof owner === "string") return new TerralignError("duplicate_id", `${at}: account ${JSON.stringify(id)} is already assigned to rep ${JSON.stringify(owner)} in ${assignmentsPath}; a new account needs a new id`);
    return new TerralignError("duplicate_id", `${at}: account ${JSON.stringify(id)} is already in ${required(args, "accounts", command)}; a new account needs a new id`);
  };
  const firstDuplicate = () => {
    for (let i = 0; i < fresh.length; i++) {
      const error = duplicateOf(i);
      if (error) return error;
    }
    return undefined;
  };
  if (assignments.unknown.size > 0) {
    const error = firstDuplicate();
    if (error) throw error;
  }
  let router;
  try {
    router = createRouterValidated(problem, { ids, account: assignments.account, rep: assignments.rep, unknown: assignments.unknown }, { ...options, policy: policy as RoutePolicy });
  } catch (error) {
    throw firstDuplicate() ?? restateAssignmentError(error, assignments);
  }
  const routed = routeAll(router, fresh, duplicateOf);
  const loads = router.loads();

  const paths = writeFileSet(io, outDir, [
    ["routed.csv", routed.pieces],
    ["loads.csv", () => loadsCsv(loads)],
  ]);
  const { unroutable } = routed;
  io.stdout(describe(routed, loads, policy));
  io.stdout(`\nWrote:\n${paths.map((p) => `  ${p}`).join("\n")}\n`);
  if (unroutable === 0) return 0;
  io.stderr(`terralign: ${formatNumber(unroutable)} new account${unroutable === 1 ? "" : "s"} could not be routed (no rep may take ${unroutable === 1 ? "it" : "them"}; see the reason in routed.csv)\n`);
  return 1;
}

/**
 * For an id: the rep the assignment gives it (its last row when there are several, whether or not
 * the account is in the plan's accounts), else true when it is one of the plan's accounts (`ids`),
 * else false.
 */
function ownersById(problem: Problem, ids: StringIndex, assignment: AssignmentIndex): (id: string) => string | boolean {
  const repOf = (k: number) => (assignment.rep[k] >= 0 ? problem.reps[assignment.rep[k]].id : assignment.unknown.get(k)!.repId!);
  const lastRow = new Int32Array(problem.accounts.length).fill(-1);
  const outside = new Map<string, string>();
  for (let k = 0; k < assignment.count; k++) {
    const a = assignment.account[k];
    if (a >= 0) lastRow[a] = k;
    else outside.set(assignment.unknown.get(k)!.accountId!, repOf(k));
  }
  return (id) => {
    const a = ids.get(id);
    // Numbers past the plan's accounts are ids the router has routed (it adds them to `ids`).
    if (a === undefined || a >= problem.accounts.length) return outside.get(id) ?? false;
    return lastRow[a] >= 0 ? repOf(lastRow[a]) : true;
  };
}

/** What routing the new accounts gave: routed.csv's text and the tallies the summary needs. */
interface Routed {
  /** routed.csv: account_id,rep_id,reason,travel_minutes, one row per new account in input order (the header, then blocks of 4,096 lines). */
  readonly pieces: readonly string[];
  /** New accounts by reason, reasons in the order they first came. */
  readonly byReason: ReadonlyMap<string, number>;
  readonly count: number;
  readonly unroutable: number;
}

/**
 * Routes the new accounts in order, each result written into routed.csv's text and tallied as it comes (the
 * results are not kept). A duplicate id the router meets is restated by `duplicateOf` (with its line).
 */
function routeAll(router: Router, fresh: readonly Account[], duplicateOf: (i: number) => TerralignError | undefined): Routed {
  const pieces = ["account_id,rep_id,reason,travel_minutes\n"];
  const byReason = new Map<string, number>();
  let unroutable = 0;
  let lines: string[] = [];
  // Rep ids and reasons repeat: each written as a CSV field once.
  const fields = new Map<string, string>();
  const fieldOf = (text: string) => {
    let field = fields.get(text);
    if (field === undefined) fields.set(text, (field = csvField(text)));
    return field;
  };
  for (let i = 0; i < fresh.length; i++) {
    let r;
    try {
      r = router.route(fresh[i]);
    } catch (error) {
      throw (error instanceof TerralignError && error.code === "duplicate_id" && duplicateOf(i)) || error;
    }
    byReason.set(r.reason, (byReason.get(r.reason) ?? 0) + 1);
    let tail: string;
    if (r.repId === null) {
      unroutable++;
      tail = `,${csvField(`unroutable: ${r.message}`)},`;
    } else tail = `${fieldOf(r.repId)},${fieldOf(r.reason)},${r.travelMinutes === null ? "" : decimalText(r.travelMinutes, 2)}`;
    lines.push(`${csvField(r.accountId)},${tail}`);
    if (lines.length === 4096) {
      pieces.push(`${lines.join("\n")}\n`);
      lines = [];
    }
  }
  if (lines.length > 0) pieces.push(`${lines.join("\n")}\n`);
  return { pieces, byReason, count: fresh.length, unroutable };
}

/** rep_id,before,routed,after,target,deviation (hours; deviation as a fraction of the target). */
function loadsCsv(loads: readonly RepLoad[]): string {
  const lines = ["rep_id,before,routed,after,target,deviation"];
  for (const l of loads) lines.push([csvField(l.repId), decimalText(l.before, 4), decimalText(l.routed, 4), decimalText(l.after, 4), decimalText(l.target, 4), decimalText(l.deviation, 6)].join(","));
  return `${lines.join("\n")}\n`;
}

function describe({ byReason, count, unroutable }: Routed, loads: readonly RepLoad[], policy: string): string {
  const left = loads.filter((l) => l.inBandBefore && !l.inBandAfter).length;
  const outside = loads.filter((l) => !l.inBandAfter).length;
  const lines = [
    `Routed ${formatNumber(count - unroutable)} of ${formatNumber(count)} new accounts (policy ${policy}): ${[...byReason].map(([reason, n]) => `${formatNumber(n)} ${reason}`).join(", ")}`,
    `${formatNumber(left)} rep${left === 1 ? "" : "s"} left the band (inside before, outside after); ${formatNumber(outside)} of ${formatNumber(loads.length)} outside it after routing`,
  ];
  return `${lines.join("\n")}\n`;
}
