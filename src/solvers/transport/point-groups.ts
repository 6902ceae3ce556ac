import { angleBetween } from "./great-circle.js";

/**
 * Groups of nearby accounts: the leaves of a k-d split on (lng·cos lat, lat), each holding at most
 * `maxCount` accounts and `maxWorkload` hours (a single account may exceed the latter). They serve
 * as atoms for very large problems and as query batches for candidate search.
 */
export interface PointGroups {
  /** Offsets into `member`; length groups + 1. */
  readonly start: Int32Array;
  /** Account indices, group by group. */
  readonly member: Int32Array;
  /** Unit vector of each group's centre, xyz interleaved; length 3 × groups. */
  readonly center: Float64Array;
  /** Largest angle from the centre to a member, radians; length groups. */
  readonly radius: Float64Array;
}

/** Splits `accounts` (indices) into groups; `unit` holds every account's unit vector. */
export function groupPoints(
  accounts: Int32Array,
  lng: Float64Array,
  lat: Float64Array,
  workload: Float64Array,
  unit: Float64Array,
  maxCount: number,
  maxWorkload: number,
): PointGroups {
  const idx = accounts.slice();
  const x = new Float64Array(lng.length);
  for (let k = 0; k < idx.length; k++) {
    const a = idx[k];
    x[a] = lng[a] * Math.cos((lat[a] * Math.PI) / 180);
  }
  const bounds: number[] = [];
  const stack: number[] = [0, idx.length];
  while (stack.length > 0) {
    const hi = stack.pop()!;
    const lo = stack.pop()!;
    let w = 0, minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    for (let k = lo; k < hi; k++) {
      const a = idx[k];
      w += workload[a];
      if (x[a] < minX) minX = x[a];
      if (x[a] > maxX) maxX = x[a];
      if (lat[a] < minY) minY = lat[a];
      if (lat[a] > maxY) maxY = lat[a];
    }
    const same = maxX - minX === 0 && maxY - minY === 0;
    if (hi - lo <= 1 || same || (hi - lo <= maxCount && w <= maxWorkload)) {
      bounds.push(lo, hi);
      continue;
    }
    const mid = (lo + hi) >> 1;
    selectByKey(idx, lo, hi, mid, maxX - minX >= maxY - minY ? x : lat);
    stack.push(mid, hi, lo, mid);
  }
  const groups = bounds.length / 2;
  const start = new Int32Array(groups + 1);
  const member = new Int32Array(idx.length);
  const center = new Float64Array(3 * groups);
  const radius = new Float64Array(groups);
  let at = 0;
  for (let g = 0; g < groups; g++) {
    const lo = bounds[2 * g], hi = bounds[2 * g + 1];
    let cx = 0, cy = 0, cz = 0;
    for (let k = lo; k < hi; k++) {
      const a = idx[k];
      member[at++] = a;
      cx += unit[3 * a];
      cy += unit[3 * a + 1];
      cz += unit[3 * a + 2];
    }
    const norm = Math.hypot(cx, cy, cz) || 1;
    center[3 * g] = cx / norm;
    center[3 * g + 1] = cy / norm;
    center[3 * g + 2] = cz / norm;
    start[g + 1] = at;
    let r = 0;
    for (let k = lo; k < hi; k++) r = Math.max(r, angleBetween(center, g, unit, idx[k]));
    radius[g] = r;
  }
  return { start, member, center, radius };
}

/** Quickselect: reorders idx[lo..hi) so that idx[k] has the k-th smallest key, smaller keys before it. */
function selectByKey(idx: Int32Array, lo: number, hi: number, k: number, key: Float64Array): void {
  let l = lo, r = hi - 1;
  while (r > l) {
    const pivot = key[idx[(l + r) >> 1]];
    let i = l, j = r;
    while (i <= j) {
      while (key[idx[i]] < pivot) i++;
      while (key[idx[j]] > pivot) j--;
      if (i <= j) {
        const t = idx[i];
        idx[i] = idx[j];
        idx[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) r = j;
    else if (k >= i) l = i;
    else return;
  }
}
