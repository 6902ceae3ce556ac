/**
 * Sorts `keys[0…n)` in descending order, moving `items[0…n)` along with them; equal keys keep
 * their items in ascending order. In place, without allocation: quicksort (median of three),
 * insertion sort below 16 elements, recursion on the smaller side so the stack stays O(log n).
 */
export function sortByKeyDescending(keys: Float64Array, items: Int32Array, n: number): void {
  let lo = 0, hi = n - 1;
  while (hi - lo >= 16) {
    const p = pivotIndex(keys, items, lo, hi);
    const pk = keys[p], pi = items[p];
    let i = lo, j = hi;
    while (i <= j) {
      while (before(keys[i], items[i], pk, pi)) i++;
      while (before(pk, pi, keys[j], items[j])) j--;
      if (i <= j) {
        swap(keys, items, i, j);
        i++;
        j--;
      }
    }
    if (j - lo < hi - i) {
      sortRange(keys, items, lo, j);
      lo = i;
    } else {
      sortRange(keys, items, i, hi);
      hi = j;
    }
  }
  insertionSort(keys, items, lo, hi);
}

function sortRange(keys: Float64Array, items: Int32Array, lo: number, hi: number): void {
  if (hi > lo) sortByKeyDescending(keys.subarray(lo, hi + 1), items.subarray(lo, hi + 1), hi - lo + 1);
}

/** Whether (ka, ia) comes before (kb, ib): larger key first, then smaller item. */
function before(ka: number, ia: number, kb: number, ib: number): boolean {
  return ka > kb || (ka === kb && ia < ib);
}

function pivotIndex(keys: Float64Array, items: Int32Array, lo: number, hi: number): number {
  const mid = (lo + hi) >> 1;
  let a = lo, b = mid, c = hi;
  if (before(keys[b], items[b], keys[a], items[a])) [a, b] = [b, a];
  if (before(keys[c], items[c], keys[b], items[b])) [b, c] = [c, b];
  if (before(keys[b], items[b], keys[a], items[a])) [a, b] = [b, a];
  return b;
}

function swap(keys: Float64Array, items: Int32Array, i: number, j: number): void {
  const k = keys[i];
  keys[i] = keys[j];
  keys[j] = k;
  const t = items[i];
  items[i] = items[j];
  items[j] = t;
}

function insertionSort(keys: Float64Array, items: Int32Array, lo: number, hi: number): void {
  for (let i = lo + 1; i <= hi; i++) {
    const k = keys[i], t = items[i];
    let j = i - 1;
    while (j >= lo && before(k, t, keys[j], items[j])) {
      keys[j + 1] = keys[j];
      items[j + 1] = items[j];
      j--;
    }
    keys[j + 1] = k;
    items[j + 1] = t;
  }
}
