import type { ExactProblem } from "./exact-problem.js";
import type { Relaxed } from "./network-relaxation.js";

/** Multipliers of the band windows: λ ≥ 0 prices the upper ends, μ ≥ 0 the lower ends; length m each. */
export interface BandMultipliers {
  readonly lambda: Float64Array;
  readonly mu: Float64Array;
}

/**
 * The Lagrangian relaxation of the rep windows, for hours that depend on the rep (where the LP is
 * not a network): L(λ, μ) = Σ_free min_e (cost_e + (λ_r − μ_r)·hours_e) − Σ λ_r·room_r + Σ μ_r·need_r
 * is a lower bound on the cost of completing the node for any λ, μ ≥ 0, improved here by
 * `iterations` subgradient steps from `start` (updated in place). Counting checks prove a node
 * infeasible: a rep whose window cannot be reached by every free item that may go to it, or free
 * items whose least hours exceed all the room left. The relaxed choice is `integral` when it keeps
 * every window (then it is a plan for the node, not necessarily the cheapest).
 */
export function relaxByLagrange(ep: ExactProblem, fixedRep: Int32Array, load: Float64Array, start: BandMultipliers, iterations: number, target: number): Relaxed {
  const items = fixedRep.length;
  const { m } = ep;
  const room = new Float64Array(m);
  const need = new Float64Array(m);
  const reach = new Float64Array(m);
  let leastHours = 0;
  let roomTotal = 0;
  for (let r = 0; r < m; r++) {
    room[r] = ep.upper[r] - load[r];
    need[r] = ep.lower[r] - load[r];
    if (room[r] < 0 || need[r] > room[r]) return { feasible: false };
    roomTotal += room[r];
  }
  for (let i = 0; i < items; i++) {
    if (fixedRep[i] >= 0) continue;
    let least = Infinity;
    for (let e = ep.start[i]; e < ep.start[i + 1]; e++) {
      const h = ep.hours[e];
      if (h > room[ep.rep[e]]) continue;
      reach[ep.rep[e]] += h;
      least = Math.min(least, h);
    }
    if (least === Infinity) return { feasible: false };
    leastHours += least;
  }
  if (leastHours > roomTotal) return { feasible: false };
  for (let r = 0; r < m; r++) if (need[r] > reach[r]) return { feasible: false };

  const { lambda, mu } = start;
  // Multipliers carried over from other nodes may have run away; they start over from 0.
  for (let r = 0; r < m; r++) {
    if (!Number.isFinite(lambda[r]) || !Number.isFinite(mu[r]) || Math.abs(lambda[r]) > 1e15 || Math.abs(mu[r]) > 1e15) {
      lambda.fill(0);
      mu.fill(0);
      break;
    }
  }
  const chosen = new Int32Array(items).fill(-1);
  const bestChosen = new Int32Array(items).fill(-1);
  const used = new Float64Array(m);
  let best = -Infinity;
  let scale = 2;
  let sinceBest = 0;
  for (let it = 0; it <= iterations; it++) {
    used.fill(0);
    let value = 0;
    for (let i = 0; i < items; i++) {
      if (fixedRep[i] >= 0) continue;
      let pick = -1;
      let pickValue = Infinity;
      for (let e = ep.start[i]; e < ep.start[i + 1]; e++) {
        const r = ep.rep[e];
        if (ep.hours[e] > room[r]) continue;
        const v = ep.cost[e] + (lambda[r] - mu[r]) * ep.hours[e];
        if (v < pickValue) {
          pickValue = v;
          pick = e;
        }
      }
      chosen[i] = pick;
      used[ep.rep[pick]] += ep.hours[pick];
      value += pickValue;
    }
    let norm = 0;
    for (let r = 0; r < m; r++) {
      value += mu[r] * need[r] - lambda[r] * room[r];
      const gUp = used[r] - room[r];
      const gDown = need[r] - used[r];
      if (gUp > 0 || lambda[r] > 0) norm += gUp * gUp;
      if (gDown > 0 || mu[r] > 0) norm += gDown * gDown;
    }
    if (!Number.isFinite(value)) break;
    if (best === -Infinity || value > best + 1e-12 * Math.max(1, Math.abs(best))) {
      best = value;
      bestChosen.set(chosen);
      sinceBest = 0;
    } else if (++sinceBest >= 5) {
      scale /= 2;
      sinceBest = 0;
    }
    if (it === iterations || norm === 0 || value >= target) break;
    const goal = Number.isFinite(target) ? target : Math.abs(best) * 1.05 + 1;
    const step = (scale * Math.max(goal - value, 1e-9 * Math.max(1, Math.abs(goal)))) / norm;
    if (!Number.isFinite(step)) break;
    for (let r = 0; r < m; r++) {
      lambda[r] = Math.max(0, lambda[r] + step * (used[r] - room[r]));
      mu[r] = Math.max(0, mu[r] + step * (need[r] - used[r]));
    }
  }

  // The relaxed choice at the best multipliers: a plan when it keeps every window.
  used.fill(0);
  const lead = new Int32Array(items).fill(-1);
  for (let i = 0; i < items; i++) {
    if (fixedRep[i] >= 0) continue;
    used[ep.rep[bestChosen[i]]] += ep.hours[bestChosen[i]];
    lead[i] = ep.rep[bestChosen[i]];
  }
  let keeps = true;
  for (let r = 0; r < m; r++) if (used[r] > room[r] || used[r] < need[r]) keeps = false;

  // Branch on the largest free item with a choice, preferring one on a rep outside its window.
  let branch = -1;
  let branchScore = -Infinity;
  for (let i = 0; i < items; i++) {
    if (fixedRep[i] >= 0 || ep.start[i + 1] - ep.start[i] < 2) continue;
    const e = bestChosen[i];
    const r = ep.rep[e];
    const off = used[r] > room[r] || used[r] < need[r] ? 1e300 : 0;
    const score = off + ep.hours[e];
    if (score > branchScore) {
      branchScore = score;
      branch = i;
    }
  }
  const order: number[] = [];
  if (branch >= 0) {
    for (let e = ep.start[branch]; e < ep.start[branch + 1]; e++) order.push(e);
    const priced = (e: number) => (e === bestChosen[branch] ? -Infinity : ep.cost[e] + (lambda[ep.rep[e]] - mu[ep.rep[e]]) * ep.hours[e]);
    order.sort((x, y) => priced(x) - priced(y) || x - y);
  }
  return { feasible: true, value: best, integral: keeps ? lead : null, branch, order, lead };
}
