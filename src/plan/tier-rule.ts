import { salesAt, type CallPlanData } from "./call-plan-data.js";

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
 * One rep's accounts under the plain tier rule: each account gets its rule visits rounded to a
 * whole number and capped at its visit limit; when that needs more than the rep's hours, every
 * account's visits are scaled by the same factor and rounded down, so the rule is a plan within
 * the same hours and the optimal plan can never expect less. Writes each account's rule visits
 * into `out`; undefined when an account of the rep has no rule visits.
 */
export function tierRuleOfRep(data: CallPlanData, accounts: Int32Array, capacity: number, out: Float64Array): TierRuleOutcome | undefined {
  const { minutes, ruleVisits, maxVisits, cls } = data;
  let need = 0;
  for (const a of accounts) {
    if (Number.isNaN(ruleVisits[a])) return undefined;
    out[a] = Math.min(Math.round(ruleVisits[a]), maxVisits[cls[a]]);
    need += minutes[a] * out[a];
  }
  const scale = need > capacity ? capacity / need : 1;
  let sales = 0, used = 0;
  for (const a of accounts) {
    if (scale < 1) out[a] = Math.floor(out[a] * scale);
    used += minutes[a] * out[a];
    sales += salesAt(data, a, out[a]);
  }
  return { scale, minutes: used, sales };
}
