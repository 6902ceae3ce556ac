import { sortByKeyDescending } from "../util/sort-by-key.js";

/**
 * The accounts a reduction left free, each with its surviving levels (flat lists):
 * account f's levels are entries levelStart[f] … levelStart[f + 1] − 1 of visits/minutes/sales.
 */
export interface FreeAccounts {
  /** Local account index of free account f. */
  readonly account: number[];
  readonly levelStart: number[];
  readonly visits: number[];
  readonly minutes: number[];
  readonly sales: number[];
  /** max over all levels of sales − λ·minutes, for the completion bound. */
  readonly best: number[];
}

/** What the dynamic programme found. */
export interface KnapsackOutcome {
  /** False when it stopped at the state limit (nothing is then proven). */
  readonly complete: boolean;
  /** Visits per free account of the best plan above `beat`; undefined when none is. */
  readonly choice?: Int32Array;
  /** Its expected sales. */
  readonly value: number;
  /** States created. */
  readonly states: number;
}

/**
 * Exact multiple-choice knapsack over the free accounts: one level each, minutes within `room`,
 * expected sales as large as possible, looking only for plans worth more than `beat`. Dynamic
 * programming over (minutes used, sales) states, account by account, keeping only states no
 * other state beats with fewer minutes (at most one state per distinct minutes total, so with
 * whole-minute visits at most room + 1 states per stage), and dropping a state when even its
 * Lagrangian completion bound sales + λ·(room − minutes) + Σ best of the accounts still to come
 * cannot beat `beat`. Exact for any minutes, whole or not. Stops after `maxStates` states.
 */
export function paretoKnapsack(free: FreeAccounts, room: number, slack: number, lambda: number, beat: number, maxStates: number): KnapsackOutcome {
  const count = free.account.length;
  if (room < -slack) return { complete: true, value: -Infinity, states: 0 };
  const rest = new Float64Array(count + 1);
  for (let f = count - 1; f >= 0; f--) rest[f] = rest[f + 1] + free.best[f];
  // Every state ever made: its parent state and the visits its account got (for the way back).
  const parent: number[] = [-1];
  const visits: number[] = [0];
  let stateMinutes = [0], stateSales = [0], stateId = [0];
  let states = 1;
  for (let f = 0; f < count; f++) {
    const candMinutes: number[] = [], candSales: number[] = [], candParent: number[] = [], candVisits: number[] = [];
    for (let s = 0; s < stateMinutes.length; s++) {
      for (let l = free.levelStart[f]; l < free.levelStart[f + 1]; l++) {
        const minutes = stateMinutes[s] + free.minutes[l];
        if (minutes > room + slack) continue;
        const sales = stateSales[s] + free.sales[l];
        if (sales + lambda * Math.max(0, room - minutes) + rest[f + 1] <= beat) continue;
        candMinutes.push(minutes);
        candSales.push(sales);
        candParent.push(stateId[s]);
        candVisits.push(free.visits[l]);
      }
    }
    const n = candMinutes.length;
    const key = new Float64Array(n), order = new Int32Array(n);
    for (let q = 0; q < n; q++) {
      key[q] = -candMinutes[q];
      order[q] = q;
    }
    sortByKeyDescending(key, order, n);
    const nextMinutes: number[] = [], nextSales: number[] = [], nextId: number[] = [];
    let top = -Infinity;
    for (let q = 0; q < n; ) {
      // Among candidates with the same minutes, the one with most sales.
      let pick = order[q];
      let r = q + 1;
      while (r < n && key[r] === key[q]) {
        if (candSales[order[r]] > candSales[pick]) pick = order[r];
        r++;
      }
      q = r;
      if (candSales[pick] <= top) continue;
      top = candSales[pick];
      nextMinutes.push(candMinutes[pick]);
      nextSales.push(candSales[pick]);
      nextId.push(parent.length);
      parent.push(candParent[pick]);
      visits.push(candVisits[pick]);
    }
    states += nextId.length;
    if (states > maxStates) return { complete: false, value: -Infinity, states };
    if (nextId.length === 0) return { complete: true, value: -Infinity, states };
    stateMinutes = nextMinutes;
    stateSales = nextSales;
    stateId = nextId;
  }
  let winner = -1;
  for (let s = 0; s < stateSales.length; s++) if (stateSales[s] > beat && (winner < 0 || stateSales[s] > stateSales[winner])) winner = s;
  if (winner < 0) return { complete: true, value: -Infinity, states };
  const choice = new Int32Array(count);
  for (let id = stateId[winner], f = count - 1; f >= 0; f--, id = parent[id]) choice[f] = visits[id];
  return { complete: true, choice, value: stateSales[winner], states };
}
