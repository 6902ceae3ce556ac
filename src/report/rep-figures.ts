import type { Plan, Territory } from "../model/plan.js";
import { territoryColour } from "../output/palette.js";
import type { RepChange } from "../realign/diff-plans.js";
import { ruleNames } from "../rules/violation.js";
import { formatNumber, formatPercent, formatSignedPercent } from "../util/format-number.js";
import type { RepData } from "./report-data.js";
import type { TerritoryPerformance } from "./performance.js";

/** Where a territory's workload lies against its band (the rule checker's `band` rule decides). */
export type BandPosition = "in" | "below" | "above" | "none";

/** One rep's figures as every part of the report shows them. */
export interface RepFigures {
  readonly territory: Territory;
  readonly capacity: number;
  readonly colour: string;
  /** The balance band, hours: target × (1 ± balance). */
  readonly low: number;
  readonly high: number;
  /** Workload / target (NaN without a target). */
  readonly ofTarget: number;
  readonly band: BandPosition;
  /** Rules broken at this rep, e.g. `capacity 1, band 1`; empty when none. */
  readonly broken: string;
  readonly brokenCount: number;
  readonly change?: RepChange;
}

/** Each rep's figures, in rep input order; `changes` (one per rep, same order) when the page shows changes. */
export function repFigures(plan: Plan, changes?: readonly RepChange[]): RepFigures[] {
  return plan.territories.map((t, r) => {
    const counts = ruleNames.filter((rule) => t.violations[rule] > 0);
    return {
      territory: t,
      capacity: plan.problem.reps[r]?.capacity ?? Number.NaN,
      colour: territoryColour(r),
      low: t.targetHours * (1 - (t.balance ?? plan.balance)),
      high: t.targetHours * (1 + (t.balance ?? plan.balance)),
      ofTarget: t.targetHours > 0 ? t.workloadHours / t.targetHours : Number.NaN,
      band: t.targetHours <= 0 ? "none" : t.violations.band === 0 ? "in" : t.workloadHours < t.targetHours ? "below" : "above",
      broken: counts.map((rule) => `${rule} ${formatNumber(t.violations[rule])}`).join(", "),
      brokenCount: counts.reduce((s, rule) => s + t.violations[rule], 0),
      ...(changes ? { change: changes[r] } : {}),
    };
  });
}

const bandWords: Record<BandPosition, string> = { in: "inside", below: "below", above: "above", none: "no target" };

/** What the map's tooltip says about each rep. */
export function repTips(plan: Plan, figures: readonly RepFigures[], performance: TerritoryPerformance | null): RepData[] {
  return figures.map((f, r) => {
    const t = f.territory;
    const tip = [
      `Workload ${formatNumber(t.workloadHours, 1)} h of ${formatNumber(t.targetHours, 1)} h target (${formatSignedPercent(t.deviation)})`,
      `Band ${formatNumber(f.low, 1)}–${formatNumber(f.high, 1)} h (±${formatPercent(t.balance ?? plan.balance, 0)}): ${bandWords[f.band]}`,
      `${formatNumber(t.accountCount)} accounts${t.unitIds ? ` in ${formatNumber(t.unitIds.length)} units` : ""} · potential ${formatNumber(t.potential)}`,
      `Travel ${formatNumber(t.travelMinutes)} min in all · longest trip ${formatNumber(t.maxTravelMinutes)} min`,
      `Utilisation ${formatPercent(t.utilisation)} of ${formatNumber(f.capacity, 1)} h capacity`,
    ];
    if (performance) {
      const flag = performance.flag[r] === "high" ? " · top quartile" : performance.flag[r] === "low" ? " · bottom quartile" : "";
      tip.push(`Sales ${formatNumber(performance.sales[r])} · attainment ${formatPercent(performance.attainment[r])}${flag}`);
    }
    if (f.change) tip.push(`Gains ${formatNumber(f.change.accountsIn)} accounts (${formatNumber(f.change.workloadIn, 1)} h), loses ${formatNumber(f.change.accountsOut)} (${formatNumber(f.change.workloadOut, 1)} h)`);
    if (f.broken) tip.push(`Breaks: ${f.broken}`);
    return { id: t.repId, colour: f.colour, tip, band: f.band };
  });
}
