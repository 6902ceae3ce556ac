import { rollupsOf, type Rollup, type RollupLevel } from "../evaluate/rollups.js";
import type { Bound, Diagnostic, Metrics, Plan, PlanStatus, Territory, UnassignedAccount } from "../model/plan.js";
import type { Violation } from "../rules/violation.js";

/**
 * A territory's summary in a report: everything but the account list (the assignments CSV has it).
 * Territories made of geographic units also give `unitCount` (the length of `unitIds`), with
 * `compactness` and `unitIds` after it.
 */
export type TerritorySummary = Omit<Territory, "accountIds"> & {
  /** Number of geographic units in the territory; present when the plan is made of units. */
  readonly unitCount?: number;
};

/** A plan as plain JSON: what `JSON.stringify(toReport(plan))` writes as report.json. */
export interface Report {
  readonly status: PlanStatus;
  /** The strategy that produced the plan. */
  readonly strategy: Plan["strategy"];
  /** How the plan was found, when the strategy alone does not say it (plans on units). */
  readonly method?: string;
  /** Input accounts and reps. */
  readonly accountCount: number;
  readonly repCount: number;
  /** Balance band the plan was built for, as a fraction (0.1 = ±10 %). */
  readonly balance: number;
  /** Milliseconds `align` took. */
  readonly elapsedMs: number;
  /** Lower bound and gap; absent when the strategy proves none. */
  readonly bound?: Bound;
  /** Balance, travel and disruption metrics; `metrics.objective` is the minimised Σ workload × travel minutes. */
  readonly metrics: Metrics;
  /** One per rep, in input order (reps with no accounts included). */
  readonly territories: readonly TerritorySummary[];
  /** Accounts left unassigned, with the reason. */
  readonly unassigned: readonly UnassignedAccount[];
  /** Every rule the plan breaks (empty when it keeps them all). */
  readonly violations: readonly Violation[];
  readonly diagnostics: readonly Diagnostic[];
  /** Region and district roll-ups (`rollupsOf`), when accounts or reps name regions or districts. */
  readonly rollups?: Partial<Record<RollupLevel, readonly Rollup[]>>;
}

/**
 * The plan as a JSON-serialisable object: status, strategy, sizes, bound, metrics, territory
 * summaries (without account ids; with `unitCount`, `compactness` and `unitIds` when the plan is
 * made of geographic units), unassigned accounts and diagnostics. A fresh copy: changing it
 * does not change the plan, and it holds no reference to the input problem.
 */
export function toReport(plan: Plan): Report {
  const m = plan.metrics;
  const rollups = rollupsOf(plan);
  return {
    status: plan.status,
    strategy: plan.strategy,
    ...(plan.method ? { method: plan.method } : {}),
    accountCount: plan.problem.accounts.length,
    repCount: plan.problem.reps.length,
    balance: plan.balance,
    elapsedMs: plan.elapsedMs,
    ...(plan.bound ? { bound: { ...plan.bound } } : {}),
    metrics: { ...m, workload: { ...m.workload }, potential: { ...m.potential }, disruption: { ...m.disruption }, violations: { ...m.violations } },
    territories: plan.territories.map(territorySummary),
    unassigned: plan.unassigned.map((u) => ({ ...u })),
    violations: plan.violations.map((v) => ({ ...v })),
    diagnostics: plan.diagnostics.map((d) => ({
      ...d,
      ...(d.accountIds ? { accountIds: [...d.accountIds] } : {}),
      ...(d.repIds ? { repIds: [...d.repIds] } : {}),
    })),
    ...(Object.keys(rollups).length > 0 ? { rollups } : {}),
  };
}

function territorySummary({ accountIds: _, unitIds, compactness, ...summary }: Territory): TerritorySummary {
  return {
    ...summary,
    violations: { ...summary.violations },
    ...(unitIds !== undefined ? { unitCount: unitIds.length } : {}),
    ...(compactness !== undefined ? { compactness } : {}),
    ...(unitIds !== undefined ? { unitIds: [...unitIds] } : {}),
  };
}
