import type { CallPlanData } from "./call-plan-data.js";

/** One rep under the plain tier rule. */
export interface TierRuleOutcome {
  /** Factor the rule's visits were scaled by to fit the rep's hours (1 when they fit). */
  readonly scale: number;
  /** Minutes the (scaled) rule uses. */
  readonly minutes: number;
  /** Its expected sales. */
  readonly sales: number;
}

/**
 * Expected sales of one rep's accounts under the plain tier rule: each account gets its rule
 * visits (capped at its visit limit); when that needs more than the rep's hours, every account's
 * visits are scaled down by the same factor so both plans spend at most the same time. Sales at
 * fractional visits interpolate the response linearly between whole visits. Writes each account's
 * rule visits into `out`; undefined when an account of the rep has no rule visits.
 */
export function tierRuleOfRep(data: CallPlanData, accounts: Int32Array, capacity: number, out: Float64Array): TierRuleOutcome | undefined {
  const { minutes, ruleVisits, maxVisits, cls } = data;
  let need = 0;
  for (const a of accounts) {
    if (Number.isNaN(ruleVisits[a])) return undefined;
    need += minutes[a] * Math.min(ruleVisits[a], maxVisits[cls[a]]);
  }
  const scale = need > capacity ? capacity / need : 1;
  let sales = 0, used = 0;
  for (const a of accounts) {
    const v = Math.min(ruleVisits[a], maxVisits[cls[a]]) * scale;
    out[a] = v;
    used += minutes[a] * v;
    sales += interpolatedSales(data, a, v);
  }
  return { scale, minutes: used, sales };
}

/** Expected sales of account `a` at `v` visits, v possibly fractional (linear between whole visits). */
export function interpolatedSales(data: CallPlanData, a: number, v: number): number {
  const ts = data.tableStart[data.cls[a]];
  const low = Math.floor(v);
  const share = low >= data.maxVisits[data.cls[a]] ? data.tables[ts + low] : data.tables[ts + low] + (v - low) * (data.tables[ts + low + 1] - data.tables[ts + low]);
  return data.potential[a] * share;
}
