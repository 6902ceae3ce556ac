import type { CallPlanData } from "./call-plan-data.js";
import { exactRepCalls, type RepOutcome } from "./exact-rep-calls.js";
import { hullGreedy } from "./hull-greedy.js";
import { createRepWorkspace } from "./rep-workspace.js";

/** Visits of every account and each rep's outcome. */
export interface SolvedCallPlan {
  /** Visits per account, input order (0 for accounts without a rep). */
  readonly visits: Int32Array;
  /** Per rep, input order. */
  readonly reps: readonly RepOutcome[];
  /** Accounts of rep r: `repAccounts[repStart[r] … repStart[r + 1])`, in input order. */
  readonly repStart: Int32Array;
  readonly repAccounts: Int32Array;
}

/** Plans every rep's calls: the greedy on the hulls, then the exact stage where the greedy leaves a gap. */
export function solveCallPlan(data: CallPlanData, maxStates: number): SolvedCallPlan {
  const { n, m, rep } = data;
  const repStart = new Int32Array(m + 1);
  for (let a = 0; a < n; a++) if (rep[a] >= 0) repStart[rep[a] + 1]++;
  for (let r = 0; r < m; r++) repStart[r + 1] += repStart[r];
  const fill = repStart.slice(0, m);
  const repAccounts = new Int32Array(repStart[m]);
  for (let a = 0; a < n; a++) {
    const r = rep[a];
    if (r < 0) continue;
    repAccounts[fill[r]++] = a;
  }
  let largest = 0;
  for (let r = 0; r < m; r++) largest = Math.max(largest, repStart[r + 1] - repStart[r]);
  const ws = createRepWorkspace(largest);
  const visits = new Int32Array(n);
  const reps: RepOutcome[] = [];
  for (let r = 0; r < m; r++) {
    const accounts = repAccounts.subarray(repStart[r], repStart[r + 1]);
    const greedy = hullGreedy(data, accounts, data.capacityMinutes[r], ws);
    reps.push(exactRepCalls(data, accounts, data.capacityMinutes[r], greedy, ws, maxStates));
    for (let k = 0; k < accounts.length; k++) visits[accounts[k]] = ws.level[k];
  }
  return { visits, reps, repStart, repAccounts };
}
