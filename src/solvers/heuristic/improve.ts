import { accountHours } from "../../compile/travel-hours.js";
import type { Candidates } from "../../compile/candidates.js";
import type { CompiledProblem } from "../../compile/compiled-problem.js";
import type { SolveContext } from "../solve-context.js";
import { shuffle } from "../../util/random.js";
import { arcMinutes, move, totalViolation, violation, type TerritoryState } from "./territory-state.js";

/** Members of a territory scanned when looking for an account to eject (bounds one move's cost). */
const MAX_EJECTION_SCAN = 64;
const EPS = 1e-9;
/** Relative objective gain below which a pass counts as stale. */
const MIN_GAIN = 1e-4;
/** Ejection chains start only from this many travel-improving candidates per account. */
const EJECTION_TARGETS = 4;
/** Passes without a clearly better plan before the search stops. */
const PATIENCE = 6;

/**
 * Local search on Σ workload × minutes + μ × (hours outside the bands), with μ adapted by strategic
 * oscillation: raised while the current plan breaks a band, lowered while it keeps them all, so
 * the search may cross infeasible ground to reach better feasible plans. Moves: shift (one account
 * to another candidate rep) and two-step ejection (shift a into rep k, then shift some b out of k,
 * which includes swaps). Capacity is never exceeded. Returns the best plan seen, ranked by band
 * violation first and objective second.
 */
export function improve(p: CompiledProblem, c: Candidates, s: TerritoryState, context: SolveContext, random: () => number): Int32Array {
  const movable = Int32Array.from(Array.from({ length: p.n }, (_, a) => a).filter((a) => p.lockedRep[a] < 0 && s.assign[a] >= 0));
  let meanMinutes = 0;
  for (let a = 0; a < p.n; a++) if (c.start[a + 1] > c.start[a]) meanMinutes += c.minutes[c.start[a]] / p.n;
  const muFloor = Math.max(1, meanMinutes);
  let mu = muFloor * 4;

  const best = Int32Array.from(s.assign);
  let bestViolation = totalViolation(s, p);
  let bestObjective = s.objective;
  let stale = 0;

  const penalty = (r: number, before: number, after: number) => violation(p, r, after) - violation(p, r, before);

  for (let pass = 0; stale < PATIENCE && !context.stopped(); pass++) {
    shuffle(movable, random);
    let improved = false;
    for (let i = 0; i < movable.length; i++) {
      if ((i & 255) === 0 && context.stopped()) break;
      if (tryShift(movable[i]) || tryEjection(movable[i])) improved = true;
    }
    const v = totalViolation(s, p);
    const better = v < bestViolation - EPS || (v <= bestViolation + EPS && s.objective < bestObjective);
    const clearlyBetter = v < bestViolation - EPS || (v <= bestViolation + EPS && s.objective < bestObjective * (1 - MIN_GAIN));
    if (better) {
      best.set(s.assign);
      bestViolation = v;
      bestObjective = s.objective;
    }
    stale = clearlyBetter ? 0 : stale + 1;
    mu = v > EPS ? mu * 2 : Math.max(muFloor, mu / 1.5);
    if (!improved && v <= EPS) stale = Math.max(stale, PATIENCE - 1);
    context.progress("improve", stale / PATIENCE, bestObjective);
  }
  return best;

  function tryShift(a: number): boolean {
    const j = s.assign[a];
    const w = p.workload[a];
    const tj = arcMinutes(c, a, j);
    // Hours leave j and arrive at k at each rep's own distance (they differ with travel in the hours).
    const hj = accountHours(p, a, tj);
    let bestDelta = -EPS * Math.max(1, w * tj);
    let bestRep = -1;
    let bestMinutes = 0;
    for (let e = c.start[a]; e < c.start[a + 1]; e++) {
      const k = c.rep[e];
      const hk = accountHours(p, a, c.minutes[e]);
      if (k === j || s.load[k] + hk > p.capacity[k] + EPS) continue;
      const delta = w * (c.minutes[e] - tj) + mu * (penalty(j, s.load[j], s.load[j] - hj) + penalty(k, s.load[k], s.load[k] + hk));
      if (delta < bestDelta) {
        bestDelta = delta;
        bestRep = k;
        bestMinutes = c.minutes[e];
      }
    }
    if (bestRep < 0) return false;
    move(s, p, a, bestRep, tj, bestMinutes);
    return true;
  }

  function tryEjection(a: number): boolean {
    const j = s.assign[a];
    const wa = p.workload[a];
    const tj = arcMinutes(c, a, j);
    const end = Math.min(c.start[a + 1], c.start[a] + EJECTION_TARGETS);
    for (let e = c.start[a]; e < end; e++) {
      const k = c.rep[e];
      const tk = c.minutes[e];
      if (tk >= tj) break; // candidates are sorted: only travel-improving targets remain worth a chain
      if (k === j) continue;
      const loadJ = s.load[j] - accountHours(p, a, tj);
      const loadK = s.load[k] + accountHours(p, a, tk);
      const first = wa * (tk - tj) + mu * (penalty(j, s.load[j], loadJ) + penalty(k, s.load[k], loadK));
      const members = s.members[k];
      const count = members.length;
      if (count === 0) continue;
      const scan = Math.min(count, MAX_EJECTION_SCAN);
      const offset = Math.floor(random() * count);
      let bestDelta = -EPS * Math.max(1, wa * tj);
      let bestB = -1, bestL = -1, bestTb = 0, bestTl = 0;
      for (let q = 0; q < scan; q++) {
        const b = members[(offset + q) % count];
        if (p.lockedRep[b] >= 0) continue;
        const wb = p.workload[b];
        const tb = arcMinutes(c, b, k);
        const hb = accountHours(p, b, tb);
        for (let f = c.start[b]; f < c.start[b + 1]; f++) {
          const l = c.rep[f];
          if (l === k) continue;
          const loadL = l === j ? loadJ : s.load[l];
          const hl = accountHours(p, b, c.minutes[f]);
          if (loadL + hl > p.capacity[l] + EPS || loadK - hb > p.capacity[k] + EPS) continue;
          const second = wb * (c.minutes[f] - tb) + mu * (penalty(k, loadK, loadK - hb) + penalty(l, loadL, loadL + hl));
          const delta = first + second;
          if (delta < bestDelta) {
            bestDelta = delta;
            bestB = b;
            bestL = l;
            bestTb = tb;
            bestTl = c.minutes[f];
          }
        }
      }
      if (bestB >= 0) {
        move(s, p, a, k, tj, tk);
        move(s, p, bestB, bestL, bestTb, bestTl);
        return true;
      }
    }
    return false;
  }
}
