/** How each tree is grown (leaf-wise, on gradient histograms). */
export interface TreeParams {
  /** Most leaves per tree. */
  readonly maxLeaves: number;
  /** Deepest level a leaf may sit at (the root is level 0). */
  readonly maxDepth: number;
  /** Fewest rows a leaf may hold. */
  readonly minRowsInLeaf: number;
  /** L2 penalty on leaf values, in the split gain. */
  readonly lambda: number;
  /** Smallest gain worth a split. */
  readonly minGain: number;
  /** Categorical splits: rows added to each category's count when ordering categories by mean gradient, and to the L2 penalty. */
  readonly categorySmoothing: number;
  /** Categorical splits: a category needs this many rows to be ordered; rarer ones always go right. */
  readonly minRowsPerCategory: number;
}

export const defaultTreeParams: TreeParams = {
  maxLeaves: 31,
  maxDepth: 10,
  minRowsInLeaf: 20,
  lambda: 1,
  minGain: 1e-9,
  categorySmoothing: 10,
  minRowsPerCategory: 10,
};
