import type { CompiledProblem } from "../../compile/compiled-problem.js";
import type { AccountArcs } from "./account-arcs.js";

/**
 * Moves between neighbouring reps, indexed by rep pair: for each pair (x, y), the accounts
 * assigned to x that have an arc to y, cheapest move first (cost w × (minutes to y − minutes to
 * x)). Built from an assignment; an account that later leaves x is skipped by callers (its
 * entries go stale), and accounts that arrive are not added, which only narrows the choice.
 *
 * Layout: pairs are grouped by x; pair k runs from x = `from[k]` to y = `to[k]`, its moves are
 * entries `start[k] .. start[k + 1] − 1` of `account` / `cost`. Rep x's pairs are
 * `outStart[x] .. outStart[x + 1] − 1`; `inPairs[inStart[y] .. inStart[y + 1] − 1]` lists the
 * pairs ending at y.
 */
export interface RepPairs {
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly start: Int32Array;
  readonly account: Int32Array;
  readonly cost: Float64Array;
  readonly outStart: Int32Array;
  readonly inStart: Int32Array;
  readonly inPairs: Int32Array;
}

export function repPairs(p: CompiledProblem, arcs: AccountArcs, assign: Int32Array): RepPairs {
  // Entries as (x, y, account, cost), then sorted by x, y, cost.
  let count = 0;
  for (let a = 0; a < p.n; a++) {
    const n = arcs.start[a + 1] - arcs.start[a];
    if (n > 1 && assign[a] >= 0 && p.lockedRep[a] < 0) count += n - 1;
  }
  const x = new Int32Array(count), y = new Int32Array(count), acc = new Int32Array(count), cost = new Float64Array(count);
  let k = 0;
  for (let a = 0; a < p.n; a++) {
    const first = arcs.start[a], last = arcs.start[a + 1];
    const r = assign[a];
    if (last - first < 2 || r < 0 || p.lockedRep[a] >= 0) continue;
    let here = -1;
    for (let e = first; e < last; e++) if (arcs.rep[e] === r) here = arcs.travel[e];
    if (here < 0) continue;
    for (let e = first; e < last; e++) {
      if (arcs.rep[e] === r) continue;
      x[k] = r;
      y[k] = arcs.rep[e];
      acc[k] = a;
      cost[k++] = p.workload[a] * (arcs.travel[e] - here);
    }
  }
  // Counting sort by x, then each rep's entries by (y, cost).
  const bucket = new Int32Array(p.m + 1);
  for (let i = 0; i < k; i++) bucket[x[i] + 1]++;
  for (let j = 0; j < p.m; j++) bucket[j + 1] += bucket[j];
  const fill = bucket.slice(0, p.m);
  const order = new Int32Array(k);
  for (let i = 0; i < k; i++) order[fill[x[i]]++] = i;
  const byRepAndCost = (i: number, j: number) => y[i] - y[j] || cost[i] - cost[j] || acc[i] - acc[j];
  for (let j = 0; j < p.m; j++) order.subarray(bucket[j], bucket[j + 1]).sort(byRepAndCost);
  const account = new Int32Array(k);
  const sortedCost = new Float64Array(k);
  const from: number[] = [];
  const to: number[] = [];
  const start: number[] = [];
  for (let i = 0; i < k; i++) {
    const e = order[i];
    account[i] = acc[e];
    sortedCost[i] = cost[e];
    if (i === 0 || x[e] !== x[order[i - 1]] || y[e] !== y[order[i - 1]]) {
      from.push(x[e]);
      to.push(y[e]);
      start.push(i);
    }
  }
  start.push(k);
  const pairs = from.length;
  const outStart = new Int32Array(p.m + 1);
  const inStart = new Int32Array(p.m + 1);
  for (let q = 0; q < pairs; q++) {
    outStart[from[q] + 1]++;
    inStart[to[q] + 1]++;
  }
  for (let j = 0; j < p.m; j++) {
    outStart[j + 1] += outStart[j];
    inStart[j + 1] += inStart[j];
  }
  const inFill = inStart.slice(0, p.m);
  const inPairs = new Int32Array(pairs);
  for (let q = 0; q < pairs; q++) inPairs[inFill[to[q]]++] = q;
  return { from: Int32Array.from(from), to: Int32Array.from(to), start: Int32Array.from(start), account, cost: sortedCost, outStart, inStart, inPairs };
}
