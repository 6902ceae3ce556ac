/**
 * A call-planning problem compiled to typed arrays. Accounts are numbered in input order, reps
 * too. Accounts that share a response model and a visit limit share a response class, whose table
 * and hull are stored once.
 */
export interface CallPlanData {
  /** Accounts. */
  readonly n: number;
  /** Reps. */
  readonly m: number;
  /** Rep of each account, −1 when it has none. */
  readonly rep: Int32Array;
  /** Hours available per rep × 60. */
  readonly capacityMinutes: Float64Array;
  /** Potential of each account (currency per period). */
  readonly potential: Float64Array;
  /** Minutes per visit of each account (> 0). */
  readonly minutes: Float64Array;
  /** Response class of each account. */
  readonly cls: Int32Array;
  /** Class c's response shares at v = 0…maxVisits: `table[tableStart[c] + v]`. */
  readonly tables: Float64Array;
  readonly tableStart: Int32Array;
  /** Class c's visit limit. */
  readonly maxVisits: Int32Array;
  /** Class c's hull levels (see `upperHullLevels`): `hulls[hullStart[c] + j]` for j < hullCount[c]. */
  readonly hulls: Int32Array;
  readonly hullStart: Int32Array;
  readonly hullCount: Int32Array;
  /** Visits under the plain tier rule, NaN when the account has none. */
  readonly ruleVisits: Float64Array;
}

/** Expected sales of account `a` at `v` visits. */
export function salesAt(data: CallPlanData, a: number, v: number): number {
  return data.potential[a] * data.tables[data.tableStart[data.cls[a]] + v];
}
