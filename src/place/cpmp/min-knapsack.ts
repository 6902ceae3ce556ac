import { sortByKeyDescending } from "../../util/sort-by-key.js";

/** Scratch arrays for `minKnapsack`, reused across calls; grown on demand. */
export interface KnapsackScratch {
  order: Int32Array;
  ratio: Float64Array;
  /** Sort keys by position (the negated ratios of `order`). */
  key: Float64Array;
  take: Uint8Array;
  best: Uint8Array;
  /** Prefix sums of weight and value over the sorted items; length size + 1. */
  prefixWeight: Float64Array;
  prefixValue: Float64Array;
}

export function createKnapsackScratch(size = 64): KnapsackScratch {
  return {
    order: new Int32Array(size),
    ratio: new Float64Array(size),
    key: new Float64Array(size),
    take: new Uint8Array(size),
    best: new Uint8Array(size),
    prefixWeight: new Float64Array(size + 1),
    prefixValue: new Float64Array(size + 1),
  };
}

/** Outcome of one knapsack. */
export interface KnapsackOutcome {
  /** Value of the best selection found; `Infinity` when none meets the window. */
  readonly value: number;
  /** A lower bound on the optimum: `value` when `exact`, the LP bound otherwise. */
  readonly bound: number;
  /** Whether `value` is proven optimal (the node limit was not reached). */
  readonly exact: boolean;
  /** Nodes explored (a measure of work). */
  readonly nodes: number;
}

/**
 * Minimises Σ value·x subject to lo ≤ Σ weight·x ≤ hi, x ∈ {0, 1}, over items 0..count−1, by
 * depth-first branch and bound on items sorted by value/weight (Horowitz–Sahni). The LP bound of a
 * window is the sorted prefix whose weight is the weight of all items of negative ratio, clamped
 * to the window, with one item taken in part. Items of weight 0 are taken when their value is
 * negative. Writes the selection into `chosen`. After `nodeLimit` nodes it keeps the best found
 * and reports the root LP bound. With a `cutoff`, only selections of value below it are sought:
 * when none exists the value is `Infinity` (and the bound the cutoff).
 */
export function minKnapsack(
  value: Float64Array,
  weight: Float64Array,
  count: number,
  lo: number,
  hi: number,
  chosen: Uint8Array,
  scratch: KnapsackScratch,
  nodeLimit = 100_000,
  cutoff = Infinity,
): KnapsackOutcome {
  grow(scratch, count);
  const { order, ratio, take, best, prefixWeight, prefixValue } = scratch;
  let size = 0;
  let fixedValue = 0;
  for (let t = 0; t < count; t++) {
    chosen[t] = 0;
    if (weight[t] <= 0) {
      if (value[t] < 0) {
        chosen[t] = 1;
        fixedValue += value[t];
      }
      continue;
    }
    if (weight[t] > hi) continue;
    order[size++] = t;
    ratio[t] = value[t] / weight[t];
  }
  sortByRatio(scratch, 0, size - 1);
  for (let q = 0; q < size; q++) {
    prefixWeight[q + 1] = prefixWeight[q] + weight[order[q]];
    prefixValue[q + 1] = prefixValue[q] + value[order[q]];
  }
  // Sorted items of negative ratio form a prefix: the LP prefers exactly their weight.
  let negatives = 0;
  while (negatives < size && ratio[order[negatives]] < 0) negatives++;

  // LP bound of items from..size−1 for a remaining window [low, high].
  const lpBound = (from: number, low: number, high: number): number => {
    const available = prefixWeight[size] - prefixWeight[from];
    if (high < -1e-12 || low > available + 1e-12) return Infinity;
    const preferred = from < negatives ? prefixWeight[negatives] - prefixWeight[from] : 0;
    const target = Math.min(Math.max(preferred, low), high, available);
    const limit = prefixWeight[from] + target;
    let a = from;
    let b = size;
    while (a < b) {
      const mid = (a + b + 1) >> 1;
      if (prefixWeight[mid] <= limit) a = mid;
      else b = mid - 1;
    }
    const partial = a < size ? ratio[order[a]] * (limit - prefixWeight[a]) : 0;
    return prefixValue[a] - prefixValue[from] + partial;
  };

  const root = lpBound(0, lo, hi);
  let bestValue = Infinity;
  // Greedy start: sorted items while they fit, negative ones first, then cheapest until lo.
  {
    let w = 0;
    let v = 0;
    for (let q = 0; q < size; q++) {
      const t = order[q];
      best[q] = 0;
      if (w + weight[t] <= hi && (q < negatives || w < lo)) {
        w += weight[t];
        v += value[t];
        best[q] = 1;
      }
    }
    if (w >= lo && w <= hi) bestValue = v;
  }
  let found = true;
  const limit = cutoff - fixedValue;
  if (!(bestValue < limit)) {
    bestValue = limit;
    found = false;
  }
  const tolerance = 1e-9 * Math.max(1, Math.abs(root));
  let nodes = 0;
  let exact = true;
  if (Number.isFinite(root) && root < bestValue - tolerance) {
    take.fill(0, 0, size);
    let s = 0;
    let w = 0;
    let v = 0;
    for (;;) {
      if (++nodes > nodeLimit) {
        exact = false;
        break;
      }
      if (s < size && v + lpBound(s, lo - w, hi - w) < bestValue - tolerance) {
        const t = order[s];
        if (w + weight[t] <= hi) {
          take[s] = 1;
          w += weight[t];
          v += value[t];
        } else {
          take[s] = 0;
        }
        s++;
        continue;
      }
      if (s >= size && w >= lo && w <= hi && v < bestValue - tolerance) {
        bestValue = v;
        found = true;
        for (let q = 0; q < size; q++) best[q] = take[q];
      }
      // Backtrack: drop the deepest taken item and explore without it.
      let q = s - 1;
      while (q >= 0 && !take[q]) q--;
      if (q < 0) break;
      take[q] = 0;
      w -= weight[order[q]];
      v -= value[order[q]];
      for (let r = q + 1; r < size; r++) take[r] = 0;
      s = q + 1;
    }
  }
  // `found`: `best` holds a selection of value `bestValue` (not just the cutoff).
  if (!found) return { value: Infinity, bound: exact ? cutoff : fixedValue + Math.min(root, bestValue), exact, nodes };
  if (Number.isFinite(bestValue)) for (let q = 0; q < size; q++) if (best[q]) chosen[order[q]] = 1;
  const total = fixedValue + bestValue;
  return { value: total, bound: exact ? total : fixedValue + Math.min(root, bestValue), exact, nodes };
}

function grow(scratch: KnapsackScratch, count: number): void {
  if (scratch.order.length >= count) return;
  const size = Math.max(count, 2 * scratch.order.length);
  Object.assign(scratch, createKnapsackScratch(size));
}

/** Sorts `order[lo..hi]` by ratio ascending, ties by item index (`scratch.key` holds the keys). */
function sortByRatio(scratch: KnapsackScratch, lo: number, hi: number): void {
  const { order, ratio, key } = scratch;
  for (let q = lo; q <= hi; q++) key[q] = -ratio[order[q]];
  sortByKeyDescending(key.subarray(lo, hi + 1), order.subarray(lo, hi + 1), hi - lo + 1);
}

/**
 * The LP bound of `minKnapsack`: min Σ value·x subject to lo ≤ Σ weight·x ≤ hi, 0 ≤ x ≤ 1, in
 * linear expected time. The LP takes items by value/weight, best first: the items of negative value
 * up to weight hi, and — when they weigh less than lo — then the cheapest others up to weight lo,
 * the last one in part; each run is found by a weighted quickselect instead of a sort. `Infinity`
 * when no x meets the window. Reorders `scratch.order`.
 */
export function minKnapsackLp(value: Float64Array, weight: Float64Array, count: number, lo: number, hi: number, scratch: KnapsackScratch): number {
  grow(scratch, count);
  const { order, ratio } = scratch;
  let negatives = 0;
  let total = 0;
  let weightNeg = 0;
  let weightAll = 0;
  // Negative items first in `order`, the rest (positive weight, value ≥ 0) after them.
  let tail = count;
  for (let t = 0; t < count; t++) {
    if (weight[t] <= 0) {
      if (value[t] < 0) total += value[t];
      continue;
    }
    if (weight[t] > hi) continue;
    ratio[t] = value[t] / weight[t];
    weightAll += weight[t];
    if (value[t] < 0) {
      order[negatives++] = t;
      weightNeg += weight[t];
    } else order[--tail] = t;
  }
  if (hi < 0 || lo > weightAll + 1e-12) return Infinity;
  if (weightNeg >= lo) return total + takeBest(scratch, value, weight, 0, negatives - 1, hi);
  for (let q = 0; q < negatives; q++) total += value[order[q]];
  return total + takeBest(scratch, value, weight, tail, count - 1, lo - weightNeg);
}

/** Σ value of the best-ratio items of order[lo..hi] up to weight `room` (the last in part): a weighted quickselect. */
function takeBest(scratch: KnapsackScratch, value: Float64Array, weight: Float64Array, lo: number, hi: number, room: number): number {
  const { order, ratio } = scratch;
  let total = 0;
  let all = 0;
  for (let q = lo; q <= hi; q++) all += weight[order[q]];
  if (all <= room) {
    for (let q = lo; q <= hi; q++) total += value[order[q]];
    return total;
  }
  // Invariant: the answer takes every item before `lo` whole and none after `hi`.
  while (lo <= hi) {
    const pivot = ratio[order[(lo + hi) >> 1]];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (ratio[order[i]] < pivot) i++;
      while (ratio[order[j]] > pivot) j--;
      if (i <= j) {
        const t = order[i];
        order[i++] = order[j];
        order[j--] = t;
      }
    }
    let w = 0;
    let v = 0;
    for (let q = lo; q <= j; q++) {
      w += weight[order[q]];
      v += value[order[q]];
    }
    if (w > room) {
      if (j === hi) {
        // No progress: finish the range in sorted order.
        sortByRatio(scratch, lo, hi);
        for (let q = lo; q <= hi; q++) {
          const t = order[q];
          if (weight[t] > room) return total + ratio[t] * room;
          total += value[t];
          room -= weight[t];
        }
        return total;
      }
      hi = j;
      continue;
    }
    total += v;
    room -= w;
    // Items j+1..i−1 equal the pivot: take them while they fit, the first that does not in part.
    let q = j + 1;
    for (; q < i && q <= hi; q++) {
      const t = order[q];
      if (weight[t] > room) return total + ratio[t] * room;
      total += value[t];
      room -= weight[t];
    }
    lo = q;
  }
  return total;
}
