import { evaluateResolved } from "../evaluate/evaluate.js";
import { resolveOptions } from "../model/parse.js";
import type { ResolvedOptions } from "../model/defaults.js";
import { planOptions } from "../settle/plan-options.js";
import type { AlignOptions } from "../model/options-schema.js";
import type { AssignmentRow, Plan } from "../model/plan.js";
import type { Problem } from "../model/problem-schema.js";

/** An assignment to compare: a plan, rows, or a map of account id → rep id. */
export type AssignmentLike = Plan | readonly AssignmentRow[] | ReadonlyMap<string, string>;

/** An account whose rep differs between the two assignments. */
export interface MovedAccount {
  readonly accountId: string;
  /** Rep before, or null when it had none. */
  readonly from: string | null;
  /** Rep after, or null when it has none. */
  readonly to: string | null;
  readonly workload: number;
  readonly potential: number;
}

/** What one rep gains and loses. */
export interface RepChange {
  readonly repId: string;
  readonly accountsIn: number;
  readonly accountsOut: number;
  readonly workloadIn: number;
  readonly workloadOut: number;
  readonly potentialIn: number;
  readonly potentialOut: number;
  /** Workload before and after, hours. */
  readonly workloadBefore: number;
  readonly workloadAfter: number;
  /** Σ one-way travel minutes to its accounts, before and after. */
  readonly travelMinutesBefore: number;
  readonly travelMinutesAfter: number;
  /** Its share of the objective (Σ workload × minutes), before and after. */
  readonly weightedTravelBefore: number;
  readonly weightedTravelAfter: number;
}

/** The difference between two assignments of one problem. */
export interface PlanDiff {
  /** Accounts whose rep changed (including to or from none), in input order. */
  readonly moved: readonly MovedAccount[];
  /** One row per rep, in input order. */
  readonly reps: readonly RepChange[];
  /** Totals: accounts and workload moved, objective before and after. */
  readonly accountsMoved: number;
  readonly workloadMovedHours: number;
  readonly objectiveBefore: number;
  readonly objectiveAfter: number;
}

/**
 * Compares two assignments of `problem` (e.g. today's owners and a new plan): the accounts that
 * change rep, and per rep the accounts, workload and potential it gains and loses and how its
 * travel changes. Both sides are scored by `evaluate` (same definitions as `align`); unknown ids
 * throw as there.
 */
export function diffPlans(problem: Problem, before: AssignmentLike, after: AssignmentLike, options?: AlignOptions): PlanDiff {
  return diffPlansResolved(problem, before, after, resolveOptions(options));
}

/**
 * `diffPlans` under options already resolved (a plan's own, `planOptions`: the travel and
 * workload of the diff are then the plan's). Internal.
 */
export function diffPlansResolved(problem: Problem, before: AssignmentLike, after: AssignmentLike, resolved: ResolvedOptions): PlanDiff {
  // Today's owners may name reps that left: the comparison scores only the reps in the problem.
  const lenient: ResolvedOptions = { ...resolved, disruption: { ...resolved.disruption, orphans: "assign" } };
  const repIds = new Set(problem.reps.map((r) => r.id));
  const score = (x: AssignmentLike) => evaluateResolved(problem, [...ownerMap(x)].filter(([, rep]) => repIds.has(rep)).map(([accountId, repId]) => ({ accountId, repId })), lenient);
  const a = score(before);
  // A plan measured under these very options when it was made is its own after side. Not on
  // units: a plan gives units without accounts (and their own work) a holder, which evaluate's
  // reading of an assignment onto units does not.
  const b = isPlan(after) && after.problem === problem && problem.units === undefined && planOptions(after) === resolved ? after : score(after);
  const ownerBefore = ownerMap(before);
  const ownerAfter = ownerMap(after);
  const moved: MovedAccount[] = [];
  const change = new Map(problem.reps.map((rep) => [rep.id, { accountsIn: 0, accountsOut: 0, workloadIn: 0, workloadOut: 0, potentialIn: 0, potentialOut: 0 }]));
  let workloadMoved = 0;
  for (const account of problem.accounts) {
    const from = ownerBefore.get(account.id) ?? null;
    const to = ownerAfter.get(account.id) ?? null;
    if (from === to) continue;
    const potential = account.potential ?? 0;
    moved.push({ accountId: account.id, from, to, workload: account.workload, potential });
    workloadMoved += account.workload;
    const out = from !== null ? change.get(from) : undefined;
    if (out) {
      const c = out;
      c.accountsOut++;
      c.workloadOut += account.workload;
      c.potentialOut += potential;
    }
    const into = to !== null ? change.get(to) : undefined;
    if (into) {
      const c = into;
      c.accountsIn++;
      c.workloadIn += account.workload;
      c.potentialIn += potential;
    }
  }
  const reps = problem.reps.map((rep, r) => ({
    repId: rep.id,
    ...change.get(rep.id)!,
    workloadBefore: a.territories[r].workloadHours,
    workloadAfter: b.territories[r].workloadHours,
    travelMinutesBefore: a.territories[r].travelMinutes,
    travelMinutesAfter: b.territories[r].travelMinutes,
    weightedTravelBefore: a.territories[r].weightedTravel,
    weightedTravelAfter: b.territories[r].weightedTravel,
  }));
  return { moved, reps, accountsMoved: moved.length, workloadMovedHours: workloadMoved, objectiveBefore: a.metrics.objective, objectiveAfter: b.metrics.objective };
}

function ownerMap(x: AssignmentLike): ReadonlyMap<string, string> {
  if (x instanceof Map) return x;
  const rows = isPlan(x) ? x.assignment : (x as readonly AssignmentRow[]);
  return new Map(rows.map((row) => [row.accountId, row.repId]));
}

function isPlan(x: AssignmentLike): x is Plan {
  return !(x instanceof Map) && !Array.isArray(x) && typeof (x as Plan).assignment === "object";
}
