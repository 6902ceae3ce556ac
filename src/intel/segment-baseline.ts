import type { CategoricalColumn } from "./feature-column.js";
import { bestConstant, type Loss } from "./loss.js";

/** Segments with fewer training customers than this get the overall value. */
const MIN_SEGMENT_ROWS = 5;

/**
 * The baseline a sales team would build by hand: each segment's mean (or `quantile`) of the log
 * target over the `train` rows; rows in a rare or unseen segment, or without one, get the overall
 * value. Returns the estimate per row of `segment` (log scale).
 */
export function segmentEstimates(segment: CategoricalColumn | undefined, y: Float64Array, train: Int32Array, loss: Loss): Float64Array {
  const n = y.length;
  const overall = bestConstant(loss, y, train);
  const out = new Float64Array(n).fill(overall);
  if (!segment) return out;
  const members = new Map<number, number[]>();
  for (const i of train) {
    const c = segment.codes[i];
    if (c < 0) continue;
    let list = members.get(c);
    if (!list) members.set(c, (list = []));
    list.push(i);
  }
  const value = new Map<number, number>();
  for (const [c, rows] of members) if (rows.length >= MIN_SEGMENT_ROWS) value.set(c, bestConstant(loss, y, Int32Array.from(rows)));
  for (let i = 0; i < n; i++) {
    const v = value.get(segment.codes[i]);
    if (v !== undefined) out[i] = v;
  }
  return out;
}
