import type { Candidates } from "../../compile/candidates.js";
import type { CompiledProblem } from "../../compile/compiled-problem.js";
import { budgetUsed } from "../../compile/budgets.js";
import { loadsOf } from "../../rules/check-assignment.js";

/** Accounts kept per direction of a rep pair (the best moves from one rep to the other). */
const PER_DIRECTION = 12;
/** Rounds at most (each: collect, then apply the best exchanges that still fit). */
const ROUNDS = 4;

/**
 * Exchanges that lower travel while every rep stays inside its window (`lower`/`upper`) and every
 * budget within `limits`: account a goes from rep r to rep s and account b from s to r — the move
 * a single shift cannot make when both bands are tight. For each pair of reps, the
 * `PER_DIRECTION` accounts that gain most by going across are paired both ways; exchanges are then
 * applied best first (those that spend no budget before those that do, then by travel saved per
 * unit of budget), each rep at most once per round. Locked accounts never move. Changes `assign`;
 * returns the number of exchanges.
 */
export function exchangeAccounts(p: CompiledProblem, c: Candidates, assign: Int32Array, lower: Float64Array, upper: Float64Array, limits: Float64Array): number {
  const load = loadsOf(p, assign);
  const used = Float64Array.from(p.budgets, (b) => budgetUsed(b, p.currentRep, assign));
  const inWindow = (r: number, l: number) => l <= upper[r] + 1e-9 * Math.max(1, upper[r]) && l >= lower[r] - 1e-9 * Math.max(1, lower[r]);
  const spend = (a: number, from: number, to: number, k: number) => {
    const pref = p.currentRep[a];
    if (pref < 0) return 0;
    return (from === pref ? p.budgets[k].coef[a] : 0) - (to === pref ? p.budgets[k].coef[a] : 0);
  };
  let total = 0;
  for (let round = 0; round < ROUNDS; round++) {
    // The best moves across each ordered rep pair, by travel saved (w × minutes).
    const across = new Map<number, { a: number; gain: number }[]>();
    for (let a = 0; a < p.n; a++) {
      const r = assign[a];
      if (r < 0 || p.lockedRep[a] >= 0 || p.workload[a] <= 0) continue;
      const here = p.travel(r, a);
      for (let t = c.start[a]; t < c.start[a + 1]; t++) {
        const s = c.rep[t];
        if (s === r) continue;
        const key = r * p.m + s;
        const list = across.get(key) ?? [];
        if (!across.has(key)) across.set(key, list);
        const gain = p.workload[a] * (here - c.minutes[t]);
        if (list.length < PER_DIRECTION) list.push({ a, gain });
        else {
          let worst = 0;
          for (let q = 1; q < list.length; q++) if (list[q].gain < list[worst].gain) worst = q;
          if (gain > list[worst].gain) list[worst] = { a, gain };
        }
      }
    }
    const offers: { a: number; b: number; r: number; s: number; gain: number; spent: number }[] = [];
    for (const [key, forward] of across) {
      const r = Math.floor(key / p.m), s = key % p.m;
      if (r > s) continue;
      const back = across.get(s * p.m + r);
      if (!back) continue;
      for (const x of forward) {
        for (const y of back) {
          const gain = x.gain + y.gain;
          if (gain <= 1e-9 * Math.max(1, Math.abs(x.gain))) continue;
          const shift = p.workload[x.a] - p.workload[y.a];
          if (!inWindow(r, load[r] - shift) || !inWindow(s, load[s] + shift)) continue;
          let spent = 0;
          for (let k = 0; k < limits.length; k++) spent = Math.max(spent, (spend(x.a, r, s, k) + spend(y.a, s, r, k)) / Math.max(limits[k], 1e-300));
          offers.push({ a: x.a, b: y.a, r, s, gain, spent });
        }
      }
    }
    offers.sort((x, y) => (x.spent <= 0 ? 0 : 1) - (y.spent <= 0 ? 0 : 1) || (x.spent <= 0 ? y.gain - x.gain : y.gain / y.spent - x.gain / x.spent) || x.a - y.a);
    const touched = new Uint8Array(p.m);
    let applied = 0;
    for (const o of offers) {
      if (touched[o.r] || touched[o.s] || assign[o.a] !== o.r || assign[o.b] !== o.s) continue;
      const shift = p.workload[o.a] - p.workload[o.b];
      if (!inWindow(o.r, load[o.r] - shift) || !inWindow(o.s, load[o.s] + shift)) continue;
      let fits = true;
      for (let k = 0; k < limits.length; k++) if (used[k] + spend(o.a, o.r, o.s, k) + spend(o.b, o.s, o.r, k) > limits[k] + 1e-9 * Math.max(1, limits[k])) fits = false;
      if (!fits) continue;
      for (let k = 0; k < limits.length; k++) used[k] += spend(o.a, o.r, o.s, k) + spend(o.b, o.s, o.r, k);
      load[o.r] -= shift;
      load[o.s] += shift;
      assign[o.a] = o.s;
      assign[o.b] = o.r;
      touched[o.r] = touched[o.s] = 1;
      applied++;
    }
    total += applied;
    if (applied === 0) break;
  }
  return total;
}
