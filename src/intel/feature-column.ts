/**
 * One feature of every account, in input order, as the tree learner and the linear baseline read
 * it: numbers (NaN when missing) or category codes (−1 when missing) with their labels.
 */
export type FeatureColumn = NumericColumn | CategoricalColumn;

export interface NumericColumn {
  readonly name: string;
  readonly kind: "numeric";
  /** One value per account; NaN when missing. */
  readonly values: Float64Array;
}

export interface CategoricalColumn {
  readonly name: string;
  readonly kind: "categorical";
  /** Index into `levels` per account; −1 when missing. */
  readonly codes: Int32Array;
  /** Category labels, most frequent first (ties by label). */
  readonly levels: readonly string[];
}

/** A numeric column. */
export function numericColumn(name: string, values: Float64Array): NumericColumn {
  return { name, kind: "numeric", values };
}

/** Number of accounts with a value in the column. */
export function presentCount(column: FeatureColumn): number {
  let count = 0;
  if (column.kind === "numeric") {
    for (const v of column.values) if (!Number.isNaN(v)) count++;
  } else {
    for (const c of column.codes) if (c >= 0) count++;
  }
  return count;
}

/** Whether the column holds at most one distinct value (ignoring missing ones). */
export function isConstant(column: FeatureColumn): boolean {
  if (column.kind === "categorical") {
    let first = -1;
    for (const c of column.codes) {
      if (c < 0) continue;
      if (first < 0) first = c;
      else if (c !== first) return false;
    }
    return true;
  }
  let first = NaN;
  for (const v of column.values) {
    if (Number.isNaN(v)) continue;
    if (Number.isNaN(first)) first = v;
    else if (v !== first) return false;
  }
  return true;
}
