import type { Plan } from "../model/plan.js";
import { repIndexByAccount } from "../output/account-sites.js";
import { numericField, optionalNumber } from "../plan/plan-account.js";
import { whiteSpace, type WhiteSpace } from "../plan/white-space.js";

/** Sales against potential per territory: what the report's performance section shows. */
export interface TerritoryPerformance {
  /** The account field or attribute read as sales. */
  readonly field: string;
  /** Per account (input order): its sales, 0 when missing. */
  readonly accountSales: Float64Array;
  /** Per rep (input order): Σ sales of its accounts. */
  readonly sales: Float64Array;
  /** Per rep: sales / potential; NaN when the territory has no potential. */
  readonly attainment: Float64Array;
  /** Per rep: `high` in the top quartile of attainment, `low` in the bottom one, else empty. */
  readonly flag: readonly ("high" | "low" | "")[];
  /** Per rep: Σ white space (potential − sales) and its under-covered accounts. */
  readonly whiteSpace: Float64Array;
  readonly underCovered: Int32Array;
  /** White space over all accounts (`whiteSpace`, potential counted 0 where absent). */
  readonly space: WhiteSpace;
}

/** Quartile flags need at least this many territories with potential. */
const MIN_FLAGGED = 4;

/**
 * Attainment (sales / potential) per territory, the top and bottom quartile flagged (the ⌈k / 4⌉
 * best and worst of the k territories with potential, ties joining; none when k < 4), and white
 * space as `whiteSpace` defines it, summed per territory. Null when no account has a sales value
 * in `field` (an own field or attribute; a missing value counts as 0). A value that is not a
 * number throws a `TerralignError` naming the account.
 */
export function territoryPerformance(plan: Plan, field: string): TerritoryPerformance | null {
  const { accounts } = plan.problem;
  if (!accounts.some((_, i) => optionalNumber(accounts, i, field) !== undefined)) return null;
  const space = whiteSpace(
    accounts.map((a) => ({ id: a.id, potential: a.potential ?? 0, attributes: a.attributes })),
    { sales: field },
  );
  const m = plan.territories.length;
  const sales = new Float64Array(m);
  const spaceByRep = new Float64Array(m);
  const underCovered = new Int32Array(m);
  const accountSales = numericField(accounts, field, "zero");
  const repOf = repIndexByAccount(plan);
  for (let a = 0; a < accounts.length; a++) {
    const r = repOf[a];
    if (r < 0) continue;
    sales[r] += accountSales[a];
    spaceByRep[r] += space.whiteSpace[a];
    underCovered[r] += space.underCovered[a];
  }
  const attainment = Float64Array.from(plan.territories, (t, r) => (t.potential > 0 ? sales[r] / t.potential : Number.NaN));
  return { field, accountSales, sales, attainment, flag: quartileFlags(attainment), whiteSpace: spaceByRep, underCovered, space };
}

function quartileFlags(attainment: Float64Array): ("high" | "low" | "")[] {
  const flags: ("high" | "low" | "")[] = Array.from(attainment, () => "");
  const known = Array.from(attainment).filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (known.length < MIN_FLAGGED) return flags;
  const k = Math.ceil(known.length / 4);
  const low = known[k - 1];
  const high = known[known.length - k];
  attainment.forEach((x, r) => {
    if (!Number.isFinite(x)) return;
    if (x >= high) flags[r] = "high";
    else if (x <= low) flags[r] = "low";
  });
  return flags;
}
