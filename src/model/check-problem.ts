import type { z } from "zod";
import type { ErrorCode } from "../errors.js";
import { describeValue } from "./describe-value.js";
import type { Problem } from "./problem-schema.js";
import { StringIndex } from "../util/string-index.js";

type Path = (string | number)[];
type Report = (path: Path, message: string, code?: ErrorCode) => void;

/**
 * Value checks that the structural schema cannot express: ranges, duplicate ids and references
 * between records. Runs as the problem schema's refinement, so its issues share the zod shape;
 * `params.code` carries the terralign error code.
 */
export function checkProblem(problem: Problem, ctx: z.RefinementCtx): void {
  checkProblemWith(problem, ctx, false);
}

/**
 * `checkProblem`, with `orphans` allowing a `currentRep` that names no rep (an account whose owner
 * left: `disruption.orphans: "assign"`).
 */
export function checkProblemWith(problem: Problem, ctx: z.RefinementCtx, orphans: boolean): void {
  const report: Report = (path, message, code = "invalid_input") =>
    ctx.addIssue({ code: "custom", path, message, params: { code } });

  if (problem.reps.length === 0) report(["reps"], "no reps given: at least one rep is needed to build territories");

  const repIds = new StringIndex(problem.reps.length);
  problem.reps.forEach((rep, r) => {
    checkId(rep.id, "reps", r, repIds, report);
    checkLngLat(rep.home, "reps", r, "home", report);
    if (!Number.isFinite(rep.capacity) || rep.capacity <= 0) {
      report(["reps", r, "capacity"], `capacity ${describeValue(rep.capacity)} must be a positive number of hours`);
    }
    if (rep.maxTravelMinutes !== undefined && !(rep.maxTravelMinutes >= 0 && Number.isFinite(rep.maxTravelMinutes))) {
      report(["reps", r, "maxTravelMinutes"], `maxTravelMinutes ${describeValue(rep.maxTravelMinutes)} must be a finite number ≥ 0`);
    }
  });

  // Paths are built only for a value that is reported: a million valid accounts allocate none.
  const accountIds = new StringIndex(problem.accounts.length);
  problem.accounts.forEach((account, a) => {
    checkId(account.id, "accounts", a, accountIds, report);
    checkLngLat(account.location, "accounts", a, "location", report);
    checkAmount(account.workload, a, "workload", report);
    if (account.potential !== undefined) checkAmount(account.potential, a, "potential", report);
    if (account.visits !== undefined) checkAmount(account.visits, a, "visits", report);
    if (account.moveCost !== undefined) checkAmount(account.moveCost, a, "moveCost", report);
    if (account.lockedRep !== undefined) checkRepReference(account.lockedRep, a, "lockedRep", repIds, report);
    if (account.currentRep !== undefined && !orphans) checkRepReference(account.currentRep, a, "currentRep", repIds, report);
  });

  if (problem.travel) checkMatrix(problem.travel.minutes, problem.reps.length, problem.accounts.length, report);
}

function checkId(id: string, list: "accounts" | "reps", index: number, seen: StringIndex, report: Report): void {
  const kind = list === "accounts" ? "account" : "rep";
  if (id.length === 0) {
    report([list, index, "id"], `${kind} id is empty`);
    return;
  }
  const first = seen.addIfAbsent(id, index);
  if (first !== undefined) report([list, index, "id"], `duplicate ${kind} id ${describeValue(id)} (also used by ${list}[${first}])`, "duplicate_id");
}

function checkRepReference(repId: string, account: number, field: "lockedRep" | "currentRep", repIds: StringIndex, report: Report): void {
  if (repIds.get(repId) !== undefined) return;
  const hint = field === "currentRep" ? "; if that rep has left, set options.disruption.orphans to \"assign\" to place its accounts freely" : "";
  report(["accounts", account, field], `${field} ${describeValue(repId)} is not the id of any rep${hint}`, "unknown_reference");
}

function checkLngLat(location: readonly [number, number], list: "accounts" | "reps", index: number, field: string, report: Report): void {
  const lng = location[0], lat = location[1];
  const lngOk = Number.isFinite(lng) && lng >= -180 && lng <= 180;
  const latOk = Number.isFinite(lat) && lat >= -90 && lat <= 90;
  if (lngOk && latOk) return;
  const swapped = !latOk && Number.isFinite(lat) && Math.abs(lat) <= 180 && Math.abs(lng) <= 90;
  const hint = swapped ? `; it looks swapped: locations are [lng, lat] (GeoJSON order), e.g. [${lat}, ${lng}]` : "";
  if (!lngOk) report([list, index, field, 0], `longitude ${describeValue(lng)} is outside [-180, 180]`);
  if (!latOk) report([list, index, field, 1], `latitude ${describeValue(lat)} is outside [-90, 90]${hint}`);
}

function checkAmount(value: number, account: number, name: string, report: Report): void {
  if (!Number.isFinite(value)) report(["accounts", account, name], `${name} ${describeValue(value)} must be a finite number`);
  else if (value < 0) report(["accounts", account, name], `${name} ${value} must not be negative`);
}

function checkMatrix(minutes: number[][], reps: number, accounts: number, report: Report): void {
  if (minutes.length !== reps) {
    report(["travel", "minutes"], `expected ${reps} rows (one per rep), got ${minutes.length}`);
    return;
  }
  for (let r = 0; r < reps; r++) {
    const row = minutes[r];
    if (row.length !== accounts) {
      report(["travel", "minutes", r], `expected ${accounts} columns (one per account), got ${row.length}`);
      return;
    }
    for (let a = 0; a < accounts; a++) {
      const value = row[a];
      if (!(Number.isFinite(value) && value >= 0)) {
        report(["travel", "minutes", r, a], `travel time ${describeValue(value)} must be a finite number of minutes ≥ 0`);
        return;
      }
    }
  }
}
