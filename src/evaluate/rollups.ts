import type { Plan } from "../model/plan.js";
import { formatNumber, formatPercent, formatSignedPercent } from "../util/format-number.js";
import { spreadOf } from "./spread.js";

/** The levels a plan rolls up to, as the accounts and reps name them. */
export const rollupLevels = ["region", "district"] as const;
export type RollupLevel = (typeof rollupLevels)[number];

/** One region (or district): its accounts, and its reps with their territories. */
export interface Rollup {
  /** The region or district as written; `""` for accounts and reps that name none. */
  readonly name: string;
  /** Accounts of the region, their Σ workload (hours, without travel) and Σ potential. */
  readonly accounts: number;
  readonly workload: number;
  readonly potential: number;
  /** Reps based in the region, and the Σ of their territories' hours and targets. */
  readonly reps: number;
  readonly territoryHours: number;
  readonly targetHours: number;
  /** territoryHours / targetHours − 1: how far the region's reps together are from their targets. */
  readonly deviation: number;
  /** Coefficient of variation of its reps' hours relative to their targets (0 with one rep). */
  readonly workloadCv: number;
  /** Largest |deviation| of one of its reps, and how many are outside the band. */
  readonly maxDeviation: number;
  readonly repsOutside: number;
}

/**
 * Region and district roll-ups of a plan (`Account.region`/`district`, `Rep.region`/`district`):
 * per name, the accounts that carry it and the reps based there with their territories. A level is
 * present when some account or rep names one; rows follow the names' first appearance (accounts,
 * then reps), those without a name last.
 */
export function rollupsOf(plan: Plan): Partial<Record<RollupLevel, readonly Rollup[]>> {
  const out: Partial<Record<RollupLevel, readonly Rollup[]>> = {};
  const { accounts, reps } = plan.problem;
  for (const level of rollupLevels) {
    if (!accounts.some((a) => a[level] !== undefined) && !reps.some((r) => r[level] !== undefined)) continue;
    const order: string[] = [];
    const rows = new Map<string, { accounts: number; workload: number; potential: number; reps: number[] }>();
    const row = (name: string) => {
      let found = rows.get(name);
      if (!found) {
        found = { accounts: 0, workload: 0, potential: 0, reps: [] };
        rows.set(name, found);
        if (name !== "") order.push(name);
      }
      return found;
    };
    for (const a of accounts) {
      const r = row(a[level] ?? "");
      r.accounts++;
      r.workload += a.workload;
      r.potential += a.potential ?? 0;
    }
    reps.forEach((rep, i) => row(rep[level] ?? "").reps.push(i));
    if (rows.has("")) order.push("");
    out[level] = order.map((name) => {
      const r = rows.get(name)!;
      const territories = r.reps.map((i) => plan.territories[i]);
      const territoryHours = territories.reduce((s, t) => s + t.workloadHours, 0);
      const targetHours = territories.reduce((s, t) => s + t.targetHours, 0);
      const relative = territories.map((t) => (t.targetHours > 0 ? t.workloadHours / t.targetHours : 0));
      return {
        name,
        accounts: r.accounts,
        workload: r.workload,
        potential: r.potential,
        reps: r.reps.length,
        territoryHours,
        targetHours,
        deviation: targetHours > 0 ? territoryHours / targetHours - 1 : 0,
        workloadCv: spreadOf(relative).coefficientOfVariation,
        maxDeviation: territories.reduce((most, t) => Math.max(most, Math.abs(t.deviation)), 0),
        repsOutside: territories.filter((t) => t.violations.band > 0).length,
      };
    });
  }
  return out;
}

/** The cells of a roll-up row, as the text and Markdown tables show them (first the level's name). */
export function rollupCells(row: Rollup): string[] {
  return [
    row.name === "" ? "(none)" : row.name,
    formatNumber(row.accounts),
    formatNumber(row.workload, 1),
    formatNumber(row.potential),
    formatNumber(row.reps),
    formatNumber(row.territoryHours, 1),
    formatNumber(row.targetHours, 1),
    row.reps > 0 ? formatSignedPercent(row.deviation) : "–",
    row.reps > 1 ? formatPercent(row.workloadCv) : "–",
    row.reps > 0 ? formatPercent(row.maxDeviation) : "–",
    formatNumber(row.repsOutside),
  ];
}

/** Column headings of `rollupCells`, after the level's own. */
export const rollupHeadings = ["accounts", "workload h", "potential", "reps", "territory h", "target h", "deviation", "CV", "max dev.", "outside"] as const;
