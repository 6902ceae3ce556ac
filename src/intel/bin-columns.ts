import type { FeatureColumn } from "./feature-column.js";

/** Most bins per feature, bin 0 (missing) included: bins fit in a byte. */
export const MAX_BINS = 256;

/** How one feature was cut into bins. Bin 0 always holds the missing values. */
export interface FeatureBins {
  readonly name: string;
  readonly kind: "numeric" | "categorical";
  /** Bins used, missing bin included (2 … `MAX_BINS`). */
  readonly count: number;
  /** Numeric: bin b ≥ 1 holds values ≤ upper[b] (and above upper[b − 1]); the last is +Infinity. */
  readonly upper?: Float64Array;
  /** Categorical: the category code each bin b ≥ 1 holds, −1 for the bin of rare categories merged. */
  readonly codeOfBin?: Int32Array;
}

/** A binned feature: the bin of every account (Uint8, input order) and how it was cut. */
export interface BinnedColumn {
  readonly bins: FeatureBins;
  readonly values: Uint8Array;
}

/**
 * Cuts a feature into at most `maxBins` bins (missing bin 0 included). Numbers: one bin per
 * distinct value when they are few, else cuts at quantiles of the values (by count, distinct
 * values never split across bins). Categories: one bin per level, the rarest merged into the last
 * bin when there are too many.
 */
export function binColumn(column: FeatureColumn, maxBins = MAX_BINS): BinnedColumn {
  return column.kind === "numeric" ? binNumeric(column.name, column.values, maxBins) : binCategorical(column.name, column.codes, column.levels.length, maxBins);
}

function binNumeric(name: string, values: Float64Array, maxBins: number): BinnedColumn {
  let present = 0;
  for (const v of values) if (!Number.isNaN(v)) present++;
  const sorted = new Float64Array(present);
  let k = 0;
  for (const v of values) if (!Number.isNaN(v)) sorted[k++] = v;
  sorted.sort();
  // Distinct values and their counts.
  const distinct: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < present; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) {
      distinct.push(sorted[i]);
      counts.push(1);
    } else counts[counts.length - 1]++;
  }
  const room = maxBins - 1;
  const uppers: number[] = [];
  if (distinct.length <= room) {
    for (let d = 0; d + 1 < distinct.length; d++) uppers.push((distinct[d] + distinct[d + 1]) / 2);
  } else {
    // Greedy equal-count cuts between distinct values.
    let left = present, binsLeft = room, inBin = 0;
    for (let d = 0; d + 1 < distinct.length && binsLeft > 1; d++) {
      inBin += counts[d];
      const want = left / binsLeft;
      const next = inBin + counts[d + 1];
      if (inBin >= want || Math.abs(next - want) > Math.abs(inBin - want)) {
        uppers.push((distinct[d] + distinct[d + 1]) / 2);
        left -= inBin;
        binsLeft--;
        inBin = 0;
      }
    }
  }
  uppers.push(Infinity);
  const upper = new Float64Array(uppers.length + 1);
  upper[0] = NaN;
  upper.set(uppers, 1);
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    // Smallest b ≥ 1 with v ≤ upper[b].
    let lo = 1, hi = upper.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (v <= upper[mid]) hi = mid;
      else lo = mid + 1;
    }
    out[i] = lo;
  }
  return { bins: { name, kind: "numeric", count: upper.length, upper }, values: out };
}

function binCategorical(name: string, codes: Int32Array, levels: number, maxBins: number): BinnedColumn {
  const counts = new Float64Array(levels);
  for (const c of codes) if (c >= 0) counts[c]++;
  const order = Array.from({ length: levels }, (_, c) => c).sort((a, b) => counts[b] - counts[a] || a - b);
  const room = maxBins - 1;
  const kept = levels <= room ? levels : room - 1;
  const binOfCode = new Int32Array(levels);
  const codeOfBin = new Int32Array(1 + Math.min(levels, room));
  codeOfBin[0] = -1;
  order.forEach((code, rank) => {
    const bin = rank < kept ? rank + 1 : room;
    binOfCode[code] = bin;
    codeOfBin[bin] = rank < kept ? code : -1;
  });
  const out = new Uint8Array(codes.length);
  for (let i = 0; i < codes.length; i++) if (codes[i] >= 0) out[i] = binOfCode[codes[i]];
  return { bins: { name, kind: "categorical", count: codeOfBin.length, codeOfBin }, values: out };
}
