import type { Diagnostic } from "../model/plan.js";
import { ruleNames, type RuleName, type Violation } from "../rules/violation.js";
import { formatNumber } from "../util/format-number.js";

/** Diagnostic code of each rule's summary. */
const codes: Record<RuleName, string> = {
  capacity: "capacity_violated",
  band: "band_violated",
  segment: "segment_violated",
  region: "region_violated",
  lock: "lock_violated",
  max_travel: "max_travel_violated",
  unassigned: "accounts_unassigned",
  unit_split: "unit_split",
  contiguity: "contiguity_violated",
  disruption: "disruption_exceeded",
};

const subjects: Record<RuleName, string> = {
  capacity: "rep(s) over capacity",
  band: "rep(s) outside the band",
  segment: "account(s) with a rep that does not serve their segment",
  region: "account(s) with a rep of another region",
  lock: "locked account(s) with another rep",
  max_travel: "account(s) beyond their rep's travel limit",
  unassigned: "account(s) without a rep",
  unit_split: "account(s) in a unit held by another rep",
  contiguity: "territory(ies) not one connected piece holding the rep's home unit",
  disruption: "disruption budget(s) exceeded",
};

/** One `error` diagnostic per broken rule: how many, and the first case in words. */
export function describeViolations(violations: readonly Violation[], severity: Diagnostic["severity"] = "error"): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of ruleNames) {
    const found = violations.filter((v) => v.rule === rule);
    if (found.length === 0) continue;
    const accountIds = [...new Set(found.flatMap((v) => (v.accountId !== undefined ? [v.accountId] : [])))];
    const repIds = [...new Set(found.flatMap((v) => (v.repId !== undefined ? [v.repId] : [])))];
    out.push({
      severity,
      code: codes[rule],
      message: `${formatNumber(found.length)} ${subjects[rule]}; e.g. ${found[0].message}`,
      ...(accountIds.length > 0 ? { accountIds } : {}),
      ...(repIds.length > 0 ? { repIds } : {}),
    });
  }
  return out;
}
