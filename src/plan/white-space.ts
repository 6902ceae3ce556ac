import * as z from "zod";
import { checkOptions } from "./check-options.js";
import { numericField, type PlanAccount } from "./plan-account.js";
import { quantileCuts } from "./tier-cuts.js";

export const whiteSpaceOptionsSchema = z.strictObject({
  sales: z.string().min(1).optional(),
  highPotentialShare: z.number().gt(0).max(1).optional(),
  maxPenetration: z.number().min(0).optional(),
});

/** Options of `whiteSpace`. */
export interface WhiteSpaceOptions {
  /** The field or attribute holding sales per period (currency). Default `"sales"`; a missing value counts as 0. */
  readonly sales?: string;
  /** High potential = the top share of accounts by potential (ties join), in (0, 1]. Default 0.2. */
  readonly highPotentialShare?: number;
  /** A high-potential account is under-covered when sales < this × potential. Default 0.5. */
  readonly maxPenetration?: number;
}

/** White space per account (input order) and the under-covered high-potential accounts. */
export interface WhiteSpace {
  /** Potential − sales per account (negative when sales exceed the potential). */
  readonly whiteSpace: Float64Array;
  /** 1 for an under-covered account: high potential and sales below `maxPenetration` × potential. */
  readonly underCovered: Uint8Array;
  /** Lowest potential counted as high (the top `highPotentialShare` of accounts). */
  readonly highPotentialFrom: number;
  readonly totalPotential: number;
  readonly totalSales: number;
  readonly totalWhiteSpace: number;
  /** Number of under-covered accounts. */
  readonly underCoveredCount: number;
}

/**
 * Potential − sales per account, and the accounts that leave the most on the table: high
 * potential (top `highPotentialShare` by potential) with sales below `maxPenetration` of it.
 * Potential must be present on every account; sales may be missing (0). Throws a
 * `TerralignError` naming the account for a missing potential or a non-numeric value.
 */
export function whiteSpace(accounts: readonly PlanAccount[], options: WhiteSpaceOptions = {}): WhiteSpace {
  const o = checkOptions(whiteSpaceOptionsSchema, options);
  const potential = numericField(accounts, "potential");
  const sales = numericField(accounts, o.sales ?? "sales", "zero");
  const n = accounts.length;
  const descending = new Float64Array(potential).sort().reverse();
  const highFrom = n > 0 ? quantileCuts(descending, [o.highPotentialShare ?? 0.2])[0] : Infinity;
  const penetration = o.maxPenetration ?? 0.5;
  const space = new Float64Array(n);
  const flagged = new Uint8Array(n);
  let totalPotential = 0, totalSales = 0, count = 0;
  for (let i = 0; i < n; i++) {
    space[i] = potential[i] - sales[i];
    totalPotential += potential[i];
    totalSales += sales[i];
    if (potential[i] > 0 && potential[i] >= highFrom && sales[i] < penetration * potential[i]) {
      flagged[i] = 1;
      count++;
    }
  }
  return { whiteSpace: space, underCovered: flagged, highPotentialFrom: highFrom, totalPotential, totalSales, totalWhiteSpace: totalPotential - totalSales, underCoveredCount: count };
}
