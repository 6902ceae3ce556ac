import { accountHours, bandTargets } from "../compile/travel-hours.js";
import { budgetUsed, type Budget } from "../compile/budgets.js";
import { bandWidth, type CompiledProblem } from "../compile/compiled-problem.js";
import type { MetricBand } from "../compile/metric-bands.js";
import type { Problem } from "../model/problem-schema.js";
import type { UnitWork } from "../units/unit-work.js";
import { formatNumber } from "../util/format-number.js";
import type { Violation } from "./violation.js";

/** Relative slack when comparing a load or a trip with its limit, so float noise never breaks a rule. */
export const RULE_TOLERANCE = 1e-9;

/** Whether `value` exceeds `limit` by more than float noise. */
export function exceeds(value: number, limit: number): boolean {
  return value > limit + RULE_TOLERANCE * Math.max(1, Math.abs(limit));
}

const hours = (x: number) => `${formatNumber(x, 2)} h`;
const minutes = (x: number) => `${formatNumber(x, 1)} min`;

/**
 * Every rule an account-level assignment breaks (see `ruleNames` for the definitions): `capacity`
 * and `band` per rep, `lock`, `segment`, `region`, `max_travel` and `unassigned` per account, in
 * that order (reps, then accounts in input order). `assign[a]` is the rep index of account a or −1;
 * when the problem's units carry work of their own (`p.unitWork`), `assign` goes on past the n
 * accounts with the rep holding each unit, and that work counts in the holder's load. Accounts with
 * no workload still count for `unassigned`. The band's target comes from `p.target` (every
 * account's workload, assigned or not) — with travel in the hours, from the rep's share of the
 * plan's total hours (`bandTargets`) — and its width from `p.balance` (or the rep's own, `bandWidth`).
 */
export function checkAssignment(problem: Problem, p: CompiledProblem & { readonly unitWork?: UnitWork }, assign: Int32Array): Violation[] {
  const out: Violation[] = [];
  const load = loadsOf(p, assign);
  const targets = bandTargets(p, assign, load);
  for (let r = 0; r < p.m; r++) {
    const repId = p.repIds[r];
    if (exceeds(load[r], p.capacity[r])) {
      out.push({ rule: "capacity", repId, value: load[r], limit: p.capacity[r], message: `rep ${repId} carries ${hours(load[r])}, above its capacity of ${hours(p.capacity[r])}` });
    }
    const w = bandWidth(p, r);
    const lower = targets[r] * (1 - w);
    const upper = targets[r] * (1 + w);
    const width = `±${formatNumber(w * 100, 1)} % band around its target of ${hours(targets[r])}${p.travelHours ? " (its share of the plan's total hours, travel included)" : ""}`;
    if (exceeds(load[r], upper)) {
      out.push({ rule: "band", repId, value: load[r], limit: upper, message: `rep ${repId} carries ${hours(load[r])}, above the ${width} (upper end ${hours(upper)})` });
    } else if (exceeds(lower, load[r])) {
      out.push({ rule: "band", repId, value: load[r], limit: lower, message: `rep ${repId} carries ${hours(load[r])}, below the ${width} (lower end ${hours(lower)})` });
    }
  }

  for (const band of p.bands) out.push(...checkMetricBand(p, band, assign));

  const segments = problem.reps.map((rep) => (rep.segments ? new Set(rep.segments) : undefined));
  for (let a = 0; a < p.n; a++) {
    const accountId = p.accountIds[a];
    const r = assign[a];
    if (r < 0) {
      out.push({ rule: "unassigned", accountId, value: p.workload[a], limit: "", message: `account ${accountId} (${hours(p.workload[a])}) has no rep` });
      continue;
    }
    const repId = p.repIds[r];
    const locked = p.lockedRep[a];
    if (locked === r) continue;
    if (locked >= 0) {
      const lockedId = p.repIds[locked];
      out.push({ rule: "lock", accountId, repId, value: repId, limit: lockedId, message: `account ${accountId} is locked to rep ${lockedId} but is with rep ${repId}` });
    }
    const account = problem.accounts[a];
    const rep = problem.reps[r];
    const allowed = segments[r];
    if (allowed && account.segment !== undefined && !allowed.has(account.segment)) {
      const list = rep.segments!.join("|");
      out.push({ rule: "segment", accountId, repId, value: account.segment, limit: list, message: `account ${accountId} of segment '${account.segment}' is with rep ${repId}, who serves only ${list}` });
    }
    if (rep.region !== undefined && account.region !== undefined && rep.region !== account.region) {
      out.push({ rule: "region", accountId, repId, value: account.region, limit: rep.region, message: `account ${accountId} of region '${account.region}' is with rep ${repId} of region '${rep.region}'` });
    }
    if (Number.isFinite(p.maxTravel[r])) {
      const trip = p.travel(r, a);
      if (exceeds(trip, p.maxTravel[r])) {
        out.push({ rule: "max_travel", accountId, repId, value: trip, limit: p.maxTravel[r], message: `account ${accountId} is ${minutes(trip)} from rep ${repId}'s home, beyond its limit of ${minutes(p.maxTravel[r])}` });
      }
    }
  }
  for (const budget of p.budgets) {
    const used = budgetUsed(budget, p.currentRep, assign);
    if (!exceeds(used, budget.limit)) continue;
    out.push({ rule: "disruption", value: budget.scale > 0 ? used / budget.scale : used, limit: budget.given, message: budgetMessage(budget, used) });
  }
  return out;
}

function budgetMessage(budget: Budget, used: number): string {
  if (budget.kind === "moves") return `the plan moves ${formatNumber(used)} accounts off their current rep, above the budget of ${formatNumber(budget.limit)} (disruption.maxMoves)`;
  if (budget.kind === "share") {
    return `the plan moves ${hours(used)} of work (${formatNumber((100 * used) / Math.max(budget.scale, 1e-300), 2)} %) off their current rep, above the budget of ${formatNumber(budget.given * 100, 2)} % of the workload with a current rep (disruption.maxMovedShare)`;
  }
  return `the accounts the plan moves off their current rep have a move cost of ${formatNumber(used, 2)}, above the budget of ${formatNumber(budget.limit, 2)} (disruption.maxMoveCost)`;
}

/**
 * Hours per rep: its accounts' (`accountHours`: with travel when it counts in workload), plus units'
 * own work when `assign` carries unit holders.
 */
export function loadsOf(p: CompiledProblem & { readonly unitWork?: UnitWork }, assign: Int32Array): Float64Array {
  const load = new Float64Array(p.m);
  for (let a = 0; a < p.n; a++) {
    const r = assign[a];
    if (r >= 0) load[r] += p.includeTravel ? accountHours(p, a, p.travel(r, a)) : p.workload[a];
  }
  const units = p.unitWork;
  if (units !== undefined && assign.length >= p.n + units.count) {
    for (let u = 0; u < units.count; u++) if (assign[p.n + u] >= 0) load[assign[p.n + u]] += units.workload[u];
  }
  return load;
}

/** The `band` rule on a metric besides workload (`options.balance`): each rep's Σ of the metric inside its band. */
function checkMetricBand(p: CompiledProblem, band: MetricBand, assign: Int32Array): Violation[] {
  const out: Violation[] = [];
  const load = new Float64Array(p.m);
  for (let a = 0; a < p.n; a++) if (assign[a] >= 0 && assign[a] < p.m) load[assign[a]] += band.value[a];
  const amount = (x: number) => formatNumber(x, band.name === "accounts" ? 0 : 2);
  for (let r = 0; r < p.m; r++) {
    const repId = p.repIds[r];
    const width = `±${formatNumber(band.fraction * 100, 1)} % ${band.name} band around its target of ${amount(band.target[r])}`;
    if (exceeds(load[r], band.upper[r])) {
      out.push({ rule: "band", repId, metric: band.name, value: load[r], limit: band.upper[r], message: `rep ${repId} has ${band.name} ${amount(load[r])}, above the ${width} (upper end ${amount(band.upper[r])})` });
    } else if (exceeds(band.lower[r], load[r])) {
      out.push({ rule: "band", repId, metric: band.name, value: load[r], limit: band.lower[r], message: `rep ${repId} has ${band.name} ${amount(load[r])}, below the ${width} (lower end ${amount(band.lower[r])})` });
    }
  }
  return out;
}
