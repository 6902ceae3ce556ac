import type { Candidates } from "../../compile/candidates.js";
import type { CompiledProblem } from "../../compile/compiled-problem.js";
import { budgetUsed } from "../../compile/budgets.js";
import { loadsOf } from "../../rules/check-assignment.js";

/** Moves tried at most per rep outside its band, in all. */
const MOVES_PER_REP = 50;

/**
 * Brings reps back inside their windows (`lower`/`upper`: bands capped by capacity) by single
 * account moves that keep every budget: an account may go back to its preferred rep (which frees
 * budget), move between two reps that are not its preferred one, or leave its preferred rep while
 * every budget has room. Each step takes, for the rep furthest outside its window, the move that
 * shrinks the total violation the most per unit of added cost — travel plus the budget it spends
 * at the LP's price of that budget (`delta`), so scarce budget is spent last. Locked accounts
 * never move.
 * Changes `assign` in place; returns the number of moves.
 */
export function repairWithBudgets(p: CompiledProblem, c: Candidates, assign: Int32Array, lower: Float64Array, upper: Float64Array, limits: Float64Array, delta: Float64Array): number {
  const load = loadsOf(p, assign);
  const used = Float64Array.from(p.budgets, (b) => budgetUsed(b, p.currentRep, assign));
  const members: number[][] = Array.from({ length: p.m }, () => []);
  for (let a = 0; a < p.n; a++) if (assign[a] >= 0 && p.lockedRep[a] < 0 && p.workload[a] > 0) members[assign[a]].push(a);
  const violation = (r: number, l: number) => Math.max(0, l - upper[r]) + Math.max(0, lower[r] - l);
  const budgetChange = (a: number, from: number, to: number, k: number) => {
    const pref = p.currentRep[a];
    if (pref < 0) return 0;
    return (from === pref ? p.budgets[k].coef[a] : 0) - (to === pref ? p.budgets[k].coef[a] : 0);
  };
  const fits = (a: number, from: number, to: number) => {
    for (let k = 0; k < limits.length; k++) if (used[k] + budgetChange(a, from, to, k) > limits[k] + 1e-9 * Math.max(1, limits[k])) return false;
    return true;
  };
  let takers: number[][] | undefined;
  let moves = 0;
  for (let step = 0; step < MOVES_PER_REP * p.m; step++) {
    let worst = -1;
    let worstViolation = 1e-9;
    for (let r = 0; r < p.m; r++) {
      const v = violation(r, load[r]);
      if (v > worstViolation * Math.max(1, upper[r])) {
        worstViolation = v / Math.max(1, upper[r]);
        worst = r;
      }
    }
    if (worst < 0) break;
    const over = load[worst] > upper[worst];
    let best: { a: number; from: number; to: number; score: number } | undefined;
    const consider = (a: number, from: number, to: number, minutesTo: number) => {
      if (from === to || !fits(a, from, to)) return;
      const w = p.workload[a];
      const gain = violation(from, load[from]) + violation(to, load[to]) - violation(from, load[from] - w) - violation(to, load[to] + w);
      if (gain <= 1e-12) return;
      let extra = w * (minutesTo - p.travel(from, a));
      for (let k = 0; k < limits.length; k++) extra += delta[k] * budgetChange(a, from, to, k);
      const score = extra / gain;
      if (!best || score < best.score) best = { a, from, to, score };
    };
    if (over) {
      for (const a of members[worst]) for (let t = c.start[a]; t < c.start[a + 1]; t++) consider(a, worst, c.rep[t], c.minutes[t]);
    } else {
      takers ??= accountsByCandidate(p, c);
      const list = takers[worst];
      for (let q = 0; q < list.length; q += 2) if (assign[list[q]] >= 0) consider(list[q], assign[list[q]], worst, c.minutes[list[q + 1]]);
    }
    if (!best) break;
    const { a, from, to } = best as { a: number; from: number; to: number };
    for (let k = 0; k < limits.length; k++) used[k] += budgetChange(a, from, to, k);
    load[from] -= p.workload[a];
    load[to] += p.workload[a];
    members[from].splice(members[from].indexOf(a), 1);
    members[to].push(a);
    assign[a] = to;
    moves++;
  }
  return moves;
}

/** For each rep, the movable accounts that have it among their candidates, as (account, arc) pairs. */
function accountsByCandidate(p: CompiledProblem, c: Candidates): number[][] {
  const takers: number[][] = Array.from({ length: p.m }, () => []);
  for (let a = 0; a < p.n; a++) {
    if (p.lockedRep[a] >= 0 || p.workload[a] <= 0) continue;
    for (let t = c.start[a]; t < c.start[a + 1]; t++) takers[c.rep[t]].push(a, t);
  }
  return takers;
}
