import type { CallPlanData } from "./call-plan-data.js";
import type { RepWorkspace } from "./rep-workspace.js";

/** The greedy plan of one rep and what it proves. */
export interface GreedyOutcome {
  /** Expected sales of the greedy plan (levels left in `ws.level`). */
  readonly value: number;
  /** Minutes it uses. */
  readonly used: number;
  /**
   * Value per minute of the first hull step that did not fit (the LP's critical slope, the price
   * of a minute); 0 when every step fitted, and then the plan is optimal.
   */
  readonly lambda: number;
}

/**
 * Marginal analysis on the concave hulls: every account starts at 0 visits; hull steps (from one
 * hull level to the next) are taken in decreasing value per minute while they fit, an account
 * whose step does not fit climbs no further, and smaller steps further down still fill the time
 * left. Since an account's steps come in decreasing value per minute, only its next step can be
 * taken, so a heap of accounts keyed by their next step gives the global order without sorting
 * every step. Optimal for concave responses up to the last step; for S-shaped ones it is the
 * start and, through `lambda`, the bound of the exact stage.
 */
export function hullGreedy(data: CallPlanData, accounts: Int32Array, capacity: number, ws: RepWorkspace): GreedyOutcome {
  const { potential, minutes, cls, tables, tableStart, hulls, hullStart, hullCount } = data;
  const { level, hullAt, slope, heap } = ws;
  let value = 0;
  heap.clear();
  for (let k = 0; k < accounts.length; k++) {
    const a = accounts[k];
    level[k] = 0;
    hullAt[k] = 0;
    value += potential[a] * tables[tableStart[cls[a]]];
    if (potential[a] > 0 && hullCount[cls[a]] > 1) {
      slope[k] = stepSlope(data, a, 0, Infinity);
      heap.push(k, -slope[k]);
    }
  }
  let left = capacity;
  const slack = 1e-9 * Math.max(1, capacity);
  let lambda = 0;
  let critical = false;
  while (heap.size > 0) {
    const k = heap.topId();
    const a = accounts[k], c = cls[a], hs = hullStart[c], j = hullAt[k];
    const from = hulls[hs + j], to = hulls[hs + j + 1];
    const weight = minutes[a] * (to - from);
    if (weight <= left + slack) {
      const ts = tableStart[c];
      value += potential[a] * (tables[ts + to] - tables[ts + from]);
      left -= weight;
      level[k] = to;
      hullAt[k] = j + 1;
      if (j + 2 < hullCount[c]) {
        slope[k] = stepSlope(data, a, j + 1, slope[k]);
        heap.replaceTop(k, -slope[k]);
        continue;
      }
    } else if (!critical) {
      lambda = slope[k];
      critical = true;
    }
    heap.pop();
  }
  return { value, used: capacity - Math.max(0, left), lambda };
}

/** Value per minute of account a's hull step j → j + 1, never above `previous` (rounding cannot make a hull's slopes rise). */
function stepSlope(data: CallPlanData, a: number, j: number, previous: number): number {
  const c = data.cls[a], hs = data.hullStart[c], ts = data.tableStart[c];
  const from = data.hulls[hs + j], to = data.hulls[hs + j + 1];
  return Math.min(previous, (data.potential[a] * (data.tables[ts + to] - data.tables[ts + from])) / (data.minutes[a] * (to - from)));
}
