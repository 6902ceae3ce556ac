import type { Candidates } from "../../compile/candidates.js";
import type { CompiledProblem } from "../../compile/compiled-problem.js";
import { budgetUsed } from "../../compile/budgets.js";
import { loadsOf } from "../../rules/check-assignment.js";

/** Accounts kept per direction of a rep pair (the best moves from one rep to the other). */
const PER_DIRECTION = 12;
/** Rounds at most (each: collect, then apply the best exchanges that still fit). */
const ROUNDS = 4;
/** Rep pairs indexed in a dense table up to this many (m², 16 MB), in a map beyond. */
const DENSE_PAIRS = 1 << 22;

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
  // Rep pairs (r, s) in the order first met: a dense table up to `DENSE_PAIRS`, a map beyond.
  const dense = p.m * p.m <= DENSE_PAIRS ? new Int32Array(p.m * p.m) : undefined;
  const sparse = dense ? undefined : new Map<number, number>();
  const pairAt = (key: number) => (dense ? dense[key] : (sparse!.get(key) ?? -1));
  for (let round = 0; round < ROUNDS; round++) {
    // The best moves across each ordered rep pair, by travel saved (w × minutes): up to
    // `PER_DIRECTION` (account, gain) per pair, in `listAccount`/`listGain` from pair × PER_DIRECTION.
    dense?.fill(-1);
    sparse?.clear();
    const pairKey: number[] = [];
    const listLength: number[] = [];
    const listAccount: number[] = [];
    const listGain: number[] = [];
    for (let a = 0; a < p.n; a++) {
      const r = assign[a];
      if (r < 0 || p.lockedRep[a] >= 0 || p.workload[a] <= 0) continue;
      const here = p.travel(r, a);
      for (let t = c.start[a]; t < c.start[a + 1]; t++) {
        const s = c.rep[t];
        if (s === r) continue;
        const key = r * p.m + s;
        let pair = pairAt(key);
        if (pair < 0) {
          pair = pairKey.length;
          pairKey.push(key);
          listLength.push(0);
          for (let q = 0; q < PER_DIRECTION; q++) listAccount.push(0), listGain.push(0);
          if (dense) dense[key] = pair;
          else sparse!.set(key, pair);
        }
        const gain = p.workload[a] * (here - c.minutes[t]);
        const base = pair * PER_DIRECTION;
        const length = listLength[pair];
        if (length < PER_DIRECTION) {
          listAccount[base + length] = a;
          listGain[base + length] = gain;
          listLength[pair] = length + 1;
        } else {
          let worst = 0;
          for (let q = 1; q < PER_DIRECTION; q++) if (listGain[base + q] < listGain[base + worst]) worst = q;
          if (gain > listGain[base + worst]) {
            listAccount[base + worst] = a;
            listGain[base + worst] = gain;
          }
        }
      }
    }
    // Exchanges across each pair both ways that fit the windows now, in the order found.
    const offerA: number[] = [];
    const offerB: number[] = [];
    const offerR: number[] = [];
    const offerS: number[] = [];
    const offerGain: number[] = [];
    const offerSpent: number[] = [];
    for (let pair = 0; pair < pairKey.length; pair++) {
      const key = pairKey[pair];
      const r = Math.floor(key / p.m), s = key % p.m;
      if (r > s) continue;
      const back = pairAt(s * p.m + r);
      if (back < 0) continue;
      for (let i = 0; i < listLength[pair]; i++) {
        const xa = listAccount[pair * PER_DIRECTION + i];
        const xGain = listGain[pair * PER_DIRECTION + i];
        for (let j = 0; j < listLength[back]; j++) {
          const ya = listAccount[back * PER_DIRECTION + j];
          const gain = xGain + listGain[back * PER_DIRECTION + j];
          if (gain <= 1e-9 * Math.max(1, Math.abs(xGain))) continue;
          const shift = p.workload[xa] - p.workload[ya];
          if (!inWindow(r, load[r] - shift) || !inWindow(s, load[s] + shift)) continue;
          let spent = 0;
          for (let k = 0; k < limits.length; k++) spent = Math.max(spent, (spend(xa, r, s, k) + spend(ya, s, r, k)) / Math.max(limits[k], 1e-300));
          offerA.push(xa);
          offerB.push(ya);
          offerR.push(r);
          offerS.push(s);
          offerGain.push(gain);
          offerSpent.push(spent);
        }
      }
    }
    // Those that spend no budget first (best gain first), then by gain per unit of budget; ties by account, then as found.
    const order = Array.from(offerA, (_, i) => i);
    const free = (i: number) => (offerSpent[i] <= 0 ? 0 : 1);
    order.sort((i, j) => free(i) - free(j) || (offerSpent[i] <= 0 ? offerGain[j] - offerGain[i] : offerGain[j] / offerSpent[j] - offerGain[i] / offerSpent[i]) || offerA[i] - offerA[j] || i - j);
    const touched = new Uint8Array(p.m);
    let applied = 0;
    for (const i of order) {
      const oa = offerA[i], ob = offerB[i], or = offerR[i], os = offerS[i];
      if (touched[or] || touched[os] || assign[oa] !== or || assign[ob] !== os) continue;
      const shift = p.workload[oa] - p.workload[ob];
      if (!inWindow(or, load[or] - shift) || !inWindow(os, load[os] + shift)) continue;
      let fits = true;
      for (let k = 0; k < limits.length; k++) if (used[k] + spend(oa, or, os, k) + spend(ob, os, or, k) > limits[k] + 1e-9 * Math.max(1, limits[k])) fits = false;
      if (!fits) continue;
      for (let k = 0; k < limits.length; k++) used[k] += spend(oa, or, os, k) + spend(ob, os, or, k);
      load[or] -= shift;
      load[os] += shift;
      assign[oa] = os;
      assign[ob] = or;
      touched[or] = touched[os] = 1;
      applied++;
    }
    total += applied;
    if (applied === 0) break;
  }
  return total;
}
