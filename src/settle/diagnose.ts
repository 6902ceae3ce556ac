import type { Candidates } from "../compile/candidates.js";
import { hoursRelaxation } from "../compile/travel-hours.js";
import type { CompiledProblem } from "../compile/compiled-problem.js";
import type { Diagnostic } from "../model/plan.js";
import type { Problem } from "../model/problem-schema.js";
import { exceeds } from "../rules/check-assignment.js";
import { formatNumber } from "../util/format-number.js";

const hours = (x: number) => `${formatNumber(x, x < 10 ? 2 : 0)} h`;

/**
 * Problems visible before solving, each a proof that no plan keeps every rule: total workload (with
 * travel in the hours, the least total hours) above total capacity, accounts no rep may serve, accounts larger than the band or capacity of every rep
 * that may serve them, locked workload above a rep's capacity.
 * With `candidates`, an account without arcs is unservable; without, eligibility is checked
 * directly (stopping at the first eligible rep).
 */
export function diagnoseInput(problem: Problem, p: CompiledProblem, candidates?: Candidates): { diagnostics: Diagnostic[]; unservable: Map<number, string> } {
  const diagnostics: Diagnostic[] = [];
  if (p.totalWorkload > p.totalCapacity * (1 + 1e-12)) {
    diagnostics.push({
      severity: "error",
      code: "capacity_exceeded",
      message: `total workload ${hours(p.totalWorkload)} exceeds total capacity ${hours(p.totalCapacity)}`,
    });
  } else if (p.travelHours && p.travelHours.leastTotal > p.totalCapacity * (1 + 1e-9)) {
    const least = p.travelHours.leastTotal;
    diagnostics.push({
      severity: "error",
      code: "capacity_exceeded",
      message: `with travel counted, the accounts need at least ${hours(least)} (${hours(p.totalWorkload)} of work, each account at the rep that may serve it in the fewest hours) but total capacity is ${hours(p.totalCapacity)}; add ${hours(least - p.totalCapacity)} of capacity, chain more visits per day trip (travel.stopsPerDay) or count fewer visits`,
    });
  }
  const unservable = new Map<number, string>();
  let restricted = false;
  for (let r = 0; r < p.m; r++) if (Number.isFinite(p.maxTravel[r])) restricted = true;
  for (let a = 0; a < p.n; a++) {
    const none = candidates ? candidates.start[a + 1] === candidates.start[a] : !hasEligibleRep(p, a, restricted);
    if (none) unservable.set(a, whyNoRep(problem, p, a));
    const locked = p.lockedRep[a];
    if (locked >= 0 && !p.compatible(locked, a)) {
      diagnostics.push({
        severity: "warning",
        code: "lock_overrides_rule",
        message: `account ${problem.accounts[a].id} is locked to rep ${problem.reps[locked].id}, whose segment or region rules would not allow it; the lock wins`,
        accountIds: [problem.accounts[a].id],
        repIds: [problem.reps[locked].id],
      });
    }
  }
  if (unservable.size > 0) {
    const ids = [...unservable.keys()].map((a) => problem.accounts[a].id);
    const [first] = unservable;
    diagnostics.push({
      severity: "error",
      code: "no_eligible_rep",
      message: `${ids.length} account${ids.length > 1 ? "s have" : " has"} no eligible rep; e.g. account ${problem.accounts[first[0]].id}: ${first[1]}`,
      accountIds: ids,
    });
  }
  diagnostics.push(...tooLarge(p, unservable));
  const lockedLoad = new Float64Array(p.m);
  for (let a = 0; a < p.n; a++) if (p.lockedRep[a] >= 0) lockedLoad[p.lockedRep[a]] += p.workload[a];
  for (let r = 0; r < p.m; r++) {
    if (lockedLoad[r] > p.capacity[r] * (1 + 1e-12)) {
      diagnostics.push({
        severity: "error",
        code: "locked_over_capacity",
        message: `rep ${problem.reps[r].id} has ${hours(lockedLoad[r])} of locked accounts but a capacity of ${hours(p.capacity[r])}`,
        repIds: [problem.reps[r].id],
      });
    }
  }
  return { diagnostics, unservable };
}

function hasEligibleRep(p: CompiledProblem, a: number, travelLimited: boolean): boolean {
  if (p.lockedRep[a] >= 0) return true;
  for (let r = 0; r < p.m; r++) {
    if (p.compatible(r, a) && (!travelLimited || p.travel(r, a) <= p.maxTravel[r])) return true;
  }
  return false;
}

/** Names the rule that leaves account a without a rep. */
function whyNoRep(problem: Problem, p: CompiledProblem, a: number): string {
  const account = problem.accounts[a];
  const { reps } = problem;
  if (account.segment !== undefined && reps.every((rep) => rep.segments !== undefined && !rep.segments.includes(account.segment!))) {
    return `segment '${account.segment}' is served by no rep`;
  }
  if (account.region !== undefined && reps.every((rep) => rep.region !== undefined && rep.region !== account.region)) {
    return `region '${account.region}' has no rep`;
  }
  let nearest = Infinity;
  for (let r = 0; r < p.m; r++) if (p.compatible(r, a)) nearest = Math.min(nearest, p.travel(r, a));
  if (Number.isFinite(nearest)) {
    return `every rep allowed to serve it is beyond its maxTravelMinutes (nearest is ${Math.round(nearest)} min away)`;
  }
  return "no rep matches both its segment and its region";
}

/**
 * Accounts whose workload alone is above the upper end (band or capacity) of every rep that may
 * serve them: no plan can place them. Only accounts above the smallest upper end are looked at.
 */
function tooLarge(p: CompiledProblem, unservable: ReadonlyMap<number, string>): Diagnostic[] {
  // With travel in the hours the upper ends grow with the plan's total: take the widest.
  const { upper } = hoursRelaxation(p);
  let smallest = Infinity;
  for (let r = 0; r < p.m; r++) smallest = Math.min(smallest, upper[r]);
  const ids: string[] = [];
  let first = "";
  for (let a = 0; a < p.n; a++) {
    if (p.workload[a] <= smallest || unservable.has(a)) continue;
    let room = 0;
    for (let r = 0; r < p.m; r++) {
      const locked = p.lockedRep[a];
      const allowed = locked >= 0 ? locked === r : p.compatible(r, a) && p.travel(r, a) <= p.maxTravel[r];
      if (allowed) room = Math.max(room, upper[r]);
    }
    if (!exceeds(p.workload[a], room)) continue;
    if (ids.length === 0) first = `account ${p.accountIds[a]} needs ${hours(p.workload[a])} but the most any rep that may serve it can take is ${hours(room)}`;
    ids.push(p.accountIds[a]);
  }
  if (ids.length === 0) return [];
  return [
    {
      severity: "error",
      code: "account_too_large",
      message: `${ids.length} account${ids.length > 1 ? "s are" : " is"} larger than the upper end (band or capacity) of every rep that may serve ${ids.length > 1 ? "them" : "it"}; e.g. ${first}. Widen the band or split the account`,
      accountIds: ids,
    },
  ];
}
