import { sortByKeyDescending } from "../util/sort-by-key.js";
import { salesAt, type CallPlanData } from "./call-plan-data.js";
import { solveKnapsack } from "./knapsack.js";
import { addLevels, noFreeAccounts } from "./rep-levels.js";
import type { RepWorkspace } from "./rep-workspace.js";

/** What re-planning a core gained. */
export interface CoreOutcome {
  /** Expected sales added to the incumbent (≥ 0). */
  readonly gain: number;
  /** Minutes the incumbent uses now. */
  readonly used: number;
  readonly states: number;
}

/**
 * Improves the incumbent in `ws.level` by re-planning a core of accounts exactly while the others
 * keep their levels: the accounts the greedy left off their Lagrangian best level, then those
 * whose second-best level is closest (smallest `ws.runnerUp`), `size` in all. Each core account
 * may take any level whose reduced cost is below `gap` (and its current level); the dynamic
 * programme then finds their best combination in the minutes the others leave. A better incumbent
 * shrinks the gap L − incumbent, and with it the accounts the exact stage must leave free.
 */
export function improveOnCore(data: CallPlanData, accounts: Int32Array, capacity: number, lambda: number, gap: number, size: number, slack: number, ws: RepWorkspace, maxStates: number): CoreOutcome {
  const count = accounts.length;
  const { key, order, level, runnerUp } = ws;
  for (let k = 0; k < count; k++) {
    key[k] = -runnerUp[k];
    order[k] = k;
  }
  sortByKeyDescending(key, order, count);
  const core = noFreeAccounts();
  let coreMinutes = 0, coreSales = 0, used = 0;
  for (let k = 0; k < count; k++) used += data.minutes[accounts[k]] * level[k];
  for (let q = 0; q < Math.min(size, count); q++) {
    const k = order[q], a = accounts[k];
    addLevels(data, a, k, lambda, ws.best[k], gap, level[k], core);
    coreMinutes += data.minutes[a] * level[k];
    coreSales += salesAt(data, a, level[k]);
  }
  const room = capacity - (used - coreMinutes);
  const dp = solveKnapsack(core, room, slack, lambda, coreSales, maxStates);
  if (dp.choice === undefined || !(dp.value > coreSales)) return { gain: 0, used, states: dp.states };
  for (let f = 0; f < core.account.length; f++) {
    const k = core.account[f];
    used += data.minutes[accounts[k]] * (dp.choice[f] - level[k]);
    level[k] = dp.choice[f];
  }
  return { gain: dp.value - coreSales, used, states: dp.states };
}
