/**
 * A regression tree over binned features, in flat arrays indexed by node (node 0 is the root).
 * A node with `feature[k] < 0` is a leaf whose output is `value[k]`.
 */
export interface Tree {
  /** Feature split on, −1 for a leaf. */
  readonly feature: Int32Array;
  /** Numeric split: bins 1..threshold go left. */
  readonly threshold: Int32Array;
  /** Numeric split: 1 when the missing bin (0) goes left. */
  readonly missingLeft: Uint8Array;
  /** Categorical split: 1 for each bin that goes left; null for a numeric split or a leaf. */
  readonly categories: readonly (Uint8Array | null)[];
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** Leaf output (already scaled by the learning rate). */
  readonly value: Float64Array;
  /** Loss reduction of each split (0 at leaves), for feature importance. */
  readonly gain: Float64Array;
}

/** Whether bin `b` goes to the left child of split node `k`. */
export function goesLeft(tree: Tree, k: number, b: number): boolean {
  const set = tree.categories[k];
  if (set !== null) return set[b] === 1;
  return b === 0 ? tree.missingLeft[k] === 1 : b <= tree.threshold[k];
}

/** The leaf that row `row` of a row-major bin matrix (`f` features per row) falls in. */
export function leafOf(tree: Tree, data: Uint8Array, f: number, row: number): number {
  let k = 0;
  const base = row * f;
  while (tree.feature[k] >= 0) k = goesLeft(tree, k, data[base + tree.feature[k]]) ? tree.left[k] : tree.right[k];
  return k;
}
