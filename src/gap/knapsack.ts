/**
 * Scratch space for `solveKnapsack`, reused across calls to avoid allocation in hot loops.
 * Sized for `size` items.
 */
export interface KnapsackWork {
  /** Dynamic-programming tables, grown on demand. */
  dp: Float64Array;
  keep: Uint8Array;
  readonly order: Int32Array;
  readonly ratio: Float64Array;
  readonly take: Uint8Array;
  readonly best: Uint8Array;
  /** Prefix sums of weight and profit over the sorted items; length size + 1. */
  readonly prefixWeight: Float64Array;
  readonly prefixProfit: Float64Array;
}

export function createKnapsackWork(size: number): KnapsackWork {
  return {
    dp: new Float64Array(0),
    keep: new Uint8Array(0),
    order: new Int32Array(size),
    ratio: new Float64Array(size),
    take: new Uint8Array(size),
    best: new Uint8Array(size),
    prefixWeight: new Float64Array(size + 1),
    prefixProfit: new Float64Array(size + 1),
  };
}

/** Outcome of one 0-1 knapsack. */
export interface KnapsackResult {
  /** Profit of the best packing found. */
  value: number;
  /** An upper bound on the optimum: `value` when `exact`, the LP (Dantzig) bound otherwise. */
  bound: number;
  /** Whether `value` is proven optimal (the node limit was not reached). */
  exact: boolean;
}

/**
 * Maximises Σ profit x subject to Σ weight x ≤ capacity, x ∈ {0, 1}, over items 0..count−1 by
 * depth-first branch and bound with the Dantzig (LP) bound on items sorted by profit/weight
 * (Horowitz–Sahni). Items with profit ≤ 0 are never taken; items of weight 0 and positive profit
 * always are. Writes the packing into `chosen` (1 = taken). Stops after `nodeLimit` nodes and then
 * reports the root LP bound as `bound`, which keeps any bound built on it valid.
 *
 * When every weight is an integer and items × capacity is at most `DP_LIMIT`, dynamic programming
 * over the capacity is used instead: always exact, and much faster on strongly correlated items.
 */
export function solveKnapsack(
  profit: Float64Array,
  weight: Float64Array,
  count: number,
  capacity: number,
  chosen: Uint8Array,
  work: KnapsackWork,
  nodeLimit = 200_000,
): KnapsackResult {
  const { order, ratio, take, best } = work;
  let size = 0;
  let fixedProfit = 0;
  for (let t = 0; t < count; t++) {
    chosen[t] = 0;
    if (profit[t] <= 0) continue;
    if (weight[t] <= 0) {
      chosen[t] = 1;
      fixedProfit += profit[t];
      continue;
    }
    if (weight[t] > capacity) continue;
    order[size] = t;
    ratio[t] = profit[t] / weight[t];
    size++;
  }
  // Insertion sort by ratio, descending (ties by index): the lists are short and nearly sorted.
  for (let s = 1; s < size; s++) {
    const t = order[s];
    const r = ratio[t];
    let q = s - 1;
    while (q >= 0 && (ratio[order[q]] < r || (ratio[order[q]] === r && order[q] > t))) {
      order[q + 1] = order[q];
      q--;
    }
    order[q + 1] = t;
  }

  if (size > 0 && Number.isInteger(weight[order[0]])) {
    const cap = Math.floor(capacity);
    let integral = true;
    for (let q = 0; q < size && integral; q++) integral = Number.isInteger(weight[order[q]]);
    if (integral && size * (cap + 1) <= DP_LIMIT) return byDynamicProgramming(profit, weight, size, cap, fixedProfit, chosen, work);
  }
  const { prefixWeight, prefixProfit } = work;
  for (let q = 0; q < size; q++) {
    prefixWeight[q + 1] = prefixWeight[q] + weight[order[q]];
    prefixProfit[q + 1] = prefixProfit[q] + profit[order[q]];
  }
  // Dantzig bound of items from..size−1 with `room` left: whole items up to the critical one,
  // then a fraction of it; the critical item is found by binary search on the prefix weights.
  const lpBound = (from: number, room: number): number => {
    const limit = prefixWeight[from] + room;
    if (prefixWeight[size] <= limit) return prefixProfit[size] - prefixProfit[from];
    let lo = from;
    let hi = size;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (prefixWeight[mid] <= limit) lo = mid;
      else hi = mid - 1;
    }
    return prefixProfit[lo] - prefixProfit[from] + ratio[order[lo]] * (limit - prefixWeight[lo]);
  };

  const root = lpBound(0, capacity);
  // Greedy start: take items in ratio order while they fit.
  let bestValue = 0;
  let room = capacity;
  for (let s = 0; s < size; s++) {
    const t = order[s];
    best[s] = 0;
    if (weight[t] <= room) {
      room -= weight[t];
      bestValue += profit[t];
      best[s] = 1;
    }
  }
  let nodes = 0;
  let exact = true;
  if (root > bestValue + 1e-9 * Math.max(1, root)) {
    const tolerance = 1e-9 * Math.max(1, root);
    // Iterative DFS: take[s] marks items in the current partial packing.
    let s = 0;
    let value = 0;
    room = capacity;
    take.fill(0, 0, size);
    for (;;) {
      if (++nodes > nodeLimit) {
        exact = false;
        break;
      }
      // Extend greedily while items fit, bounding before each step.
      if (s < size && value + lpBound(s, room) > bestValue + tolerance) {
        const t = order[s];
        if (weight[t] <= room) {
          take[s] = 1;
          room -= weight[t];
          value += profit[t];
        } else {
          take[s] = 0;
        }
        s++;
        continue;
      }
      if (s >= size && value > bestValue + tolerance) {
        bestValue = value;
        for (let q = 0; q < size; q++) best[q] = take[q];
      }
      // Backtrack: drop the deepest taken item and explore without it.
      let q = s - 1;
      while (q >= 0 && !take[q]) q--;
      if (q < 0) break;
      take[q] = 0;
      room += weight[order[q]];
      value -= profit[order[q]];
      for (let r = q + 1; r < size; r++) take[r] = 0;
      s = q + 1;
    }
  }
  for (let q = 0; q < size; q++) if (best[q]) chosen[order[q]] = 1;
  return { value: fixedProfit + bestValue, bound: exact ? fixedProfit + bestValue : fixedProfit + Math.max(root, bestValue), exact };
}

/** Largest items × capacity table the dynamic program may fill. */
const DP_LIMIT = 4_000_000;

function byDynamicProgramming(
  profit: Float64Array,
  weight: Float64Array,
  size: number,
  cap: number,
  fixedProfit: number,
  chosen: Uint8Array,
  work: KnapsackWork,
): KnapsackResult {
  const width = cap + 1;
  if (work.dp.length < width) work.dp = new Float64Array(width);
  if (work.keep.length < size * width) work.keep = new Uint8Array(size * width);
  const { dp, keep, order } = work;
  dp.fill(0, 0, width);
  for (let q = 0; q < size; q++) {
    const t = order[q];
    const w = weight[t];
    const p = profit[t];
    const row = q * width;
    keep.fill(0, row, row + width);
    for (let c = cap; c >= w; c--) {
      const candidate = dp[c - w] + p;
      if (candidate > dp[c]) {
        dp[c] = candidate;
        keep[row + c] = 1;
      }
    }
  }
  let c = cap;
  for (let q = size - 1; q >= 0; q--) {
    if (keep[q * width + c]) {
      chosen[order[q]] = 1;
      c -= weight[order[q]];
    }
  }
  const value = fixedProfit + dp[cap];
  return { value, bound: value, exact: true };
}
