/**
 * The rules a plan must keep, each defined once (in `checkAssignment` and `checkUnitRules`):
 *
 * - `capacity`: a rep's workload is at most its capacity.
 * - `band`: a rep's workload lies in its band, target × (1 ± `balance.workload`); the target is the
 *   workload of every account (assigned or not) × the rep's capacity / total capacity (or its
 *   `targets.workload` share). Every other metric in `balance` (potential, account count, a numeric
 *   attribute) has a band of its own, checked the same way and named in `metric`.
 * - `segment`: a rep that lists `segments` serves only accounts of those segments (an account
 *   without a segment may go to any rep).
 * - `region`: when both the account and the rep have a region, they match.
 * - `lock`: a locked account is with its locked rep; a lock overrides `segment`, `region` and
 *   `max_travel` for that pair.
 * - `max_travel`: the one-way trip from the rep's home to the account is at most the rep's
 *   `maxTravelMinutes` (a trip equal to the limit keeps it).
 * - `unassigned`: every account has a rep.
 * - `unit_split` (with units): all accounts of a unit are with one rep.
 * - `contiguity` (with units and `contiguity`): a territory is one connected piece of units that
 *   holds its rep's home unit.
 * - `disruption` (with `options.disruption`): the accounts moved off their current rep stay within
 *   each budget given (count, share of workload, Σ move cost).
 */
export const ruleNames = ["capacity", "band", "segment", "region", "lock", "max_travel", "unassigned", "unit_split", "contiguity", "disruption"] as const;
export type RuleName = (typeof ruleNames)[number];

/** One broken rule. */
export interface Violation {
  readonly rule: RuleName;
  /** The account concerned; absent for rep-level rules (`capacity`, `band`, `contiguity`) and `disruption`. */
  readonly accountId?: string;
  /** The rep concerned; absent for `unassigned`. */
  readonly repId?: string;
  /** For `band` on a metric besides workload: the metric (`potential`, `accounts` or an attribute). */
  readonly metric?: string;
  /**
   * What the plan has: hours (`capacity`, `band`), minutes (`max_travel`), the account's segment or
   * region, the rep the account went to (`lock`), the account's workload (`unassigned`), the unit
   * (`unit_split`), the number of pieces (`contiguity`), the accounts, workload share or move cost
   * moved (`disruption`).
   */
  readonly value: number | string;
  /**
   * What the rule allows: the capacity, the band end crossed, the longest trip allowed, the rep's
   * segments (joined with `|`) or region, the locked rep, the rep holding the unit (`unit_split`), 1
   * piece (`contiguity`), the budget (`disruption`); empty for `unassigned`.
   */
  readonly limit: number | string;
  /** One sentence with the numbers. */
  readonly message: string;
}

/** Broken rules counted per rule name (every name present, 0 when kept). */
export type ViolationCounts = Readonly<Record<RuleName, number>>;

/** Counts violations per rule. */
export function countViolations(violations: readonly Violation[]): ViolationCounts {
  const counts = Object.fromEntries(ruleNames.map((rule) => [rule, 0])) as Record<RuleName, number>;
  for (const v of violations) counts[v.rule]++;
  return counts;
}
