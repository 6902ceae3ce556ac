import type { CompiledProblem } from "../../compile/compiled-problem.js";
import { eligibleMinutes } from "../../compile/eligible-minutes.js";

/** Account–rep pairs up to which travel minutes are kept in a table (else computed on each look-up). */
const TABLE_LIMIT = 20_000_000;

/**
 * Travel minutes of every pair a rep may serve (lock, segment/region and travel limit), NaN for a
 * pair it may not: a table for up to `TABLE_LIMIT` pairs, computed on each look-up beyond.
 */
export class PairTable {
  private readonly table?: Float64Array;

  constructor(private readonly p: CompiledProblem) {
    if (p.n * p.m > TABLE_LIMIT) return;
    const table = new Float64Array(p.n * p.m);
    for (let a = 0; a < p.n; a++) for (let r = 0; r < p.m; r++) table[a * p.m + r] = eligibleMinutes(this.p, r, a);
    this.table = table;
  }

  /** Minutes from rep r's home to account a, or NaN when r may not serve a. */
  minutes(r: number, a: number): number {
    return this.table ? this.table[a * this.p.m + r] : eligibleMinutes(this.p, r, a);
  }
}
