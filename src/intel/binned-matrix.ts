import type { BinnedColumn, FeatureBins } from "./bin-columns.js";

/**
 * Binned features of every account, row-major so that building a histogram over a leaf's rows
 * reads each row's bytes together.
 */
export interface BinnedMatrix {
  /** Rows (accounts, input order). */
  readonly n: number;
  /** Features per row. */
  readonly f: number;
  /** Bin of row i, feature j at data[i * f + j]. */
  readonly data: Uint8Array;
  readonly features: readonly FeatureBins[];
  /** First histogram slot of each feature: feature j's bin b is slot offset[j] + b. */
  readonly offset: Int32Array;
  /** Histogram slots over all features. */
  readonly slots: number;
}

/**
 * Lays binned columns (same length) out row by row: row i of the matrix is row `rows[i]` of the
 * columns (default: every row in order), so the rows a model trains on can sit together in memory.
 */
export function stackColumns(columns: readonly BinnedColumn[], rows?: Int32Array): BinnedMatrix {
  const f = columns.length;
  const n = rows ? rows.length : f === 0 ? 0 : columns[0].values.length;
  const data = new Uint8Array(n * f);
  for (let j = 0; j < f; j++) {
    const values = columns[j].values;
    if (rows) for (let i = 0, at = j; i < n; i++, at += f) data[at] = values[rows[i]];
    else for (let i = 0, at = j; i < n; i++, at += f) data[at] = values[i];
  }
  const offset = new Int32Array(f);
  let slots = 0;
  for (let j = 0; j < f; j++) {
    offset[j] = slots;
    slots += columns[j].bins.count;
  }
  return { n, f, data, features: columns.map((c) => c.bins), offset, slots };
}
