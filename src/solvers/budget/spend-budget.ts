import type { Candidates } from "../../compile/candidates.js";
import type { CompiledProblem } from "../../compile/compiled-problem.js";
import { budgetUsed } from "../../compile/budgets.js";
import { loadsOf } from "../../rules/check-assignment.js";

/** Passes over the accounts at most. */
const PASSES = 3;

/**
 * Spends budget left over on single moves that lower travel and keep every rep inside its window
 * (`lower`/`upper`) and every budget within `limits`: the moves that return an account to its
 * preferred rep or keep its budget use first (they cost none), then the others by travel saved per
 * unit of budget. Locked accounts never move. Changes `assign`; returns the number of moves.
 */
export function spendBudget(p: CompiledProblem, c: Candidates, assign: Int32Array, lower: Float64Array, upper: Float64Array, limits: Float64Array): number {
  const load = loadsOf(p, assign);
  const used = Float64Array.from(p.budgets, (b) => budgetUsed(b, p.currentRep, assign));
  const inWindow = (r: number, l: number) => l <= upper[r] + 1e-9 * Math.max(1, upper[r]) && l >= lower[r] - 1e-9 * Math.max(1, lower[r]);
  const useOf = (a: number, from: number, to: number, k: number) => {
    const pref = p.currentRep[a];
    if (pref < 0) return 0;
    return (from === pref ? p.budgets[k].coef[a] : 0) - (to === pref ? p.budgets[k].coef[a] : 0);
  };
  let moves = 0;
  for (let pass = 0; pass < PASSES; pass++) {
    // Each account's best move (travel saved per unit of budget), in flat arrays.
    const offerA: number[] = [];
    const offerTo: number[] = [];
    const offerRatio: number[] = [];
    for (let a = 0; a < p.n; a++) {
      const from = assign[a];
      if (from < 0 || p.lockedRep[a] >= 0 || p.workload[a] <= 0) continue;
      const here = p.travel(from, a);
      let best = -1;
      let bestRatio = 0;
      for (let t = c.start[a]; t < c.start[a + 1]; t++) {
        const to = c.rep[t];
        const saved = p.workload[a] * (here - c.minutes[t]);
        if (to === from || saved <= 1e-12) continue;
        let spend = 0;
        for (let k = 0; k < limits.length; k++) spend = Math.max(spend, useOf(a, from, to, k) / Math.max(1e-300, limits[k]));
        const ratio = spend <= 0 ? Infinity : saved / spend;
        if (ratio > bestRatio) {
          bestRatio = ratio;
          best = to;
        }
      }
      if (best >= 0) {
        offerA.push(a);
        offerTo.push(best);
        offerRatio.push(bestRatio);
      }
    }
    // Accounts come in order, so ties on the ratio stay in account order.
    const order = Array.from(offerA, (_, i) => i).sort((i, j) => offerRatio[j] - offerRatio[i] || i - j);
    let applied = 0;
    for (const i of order) {
      const a = offerA[i];
      const to = offerTo[i];
      const from = assign[a];
      const w = p.workload[a];
      if (!inWindow(from, load[from] - w) || !inWindow(to, load[to] + w)) continue;
      let fits = true;
      for (let k = 0; k < limits.length; k++) if (used[k] + useOf(a, from, to, k) > limits[k] + 1e-9 * Math.max(1, limits[k])) fits = false;
      if (!fits) continue;
      for (let k = 0; k < limits.length; k++) used[k] += useOf(a, from, to, k);
      load[from] -= w;
      load[to] += w;
      assign[a] = to;
      applied++;
    }
    moves += applied;
    if (applied === 0) break;
  }
  return moves;
}
