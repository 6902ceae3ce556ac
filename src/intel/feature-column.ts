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

/** Whether every account holds the same value (a column missing on some accounts and present on others is not constant: presence tells them apart). */
export function isConstant(column: FeatureColumn): boolean {
  if (column.kind === "categorical") {
    const first = column.codes[0];
    for (const c of column.codes) if (c !== first) return false;
    return true;
  }
  const first = column.values[0];
  for (const v of column.values) if (v !== first && !(Number.isNaN(v) && Number.isNaN(first))) return false;
  return true;
}
