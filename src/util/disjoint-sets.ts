/** Disjoint sets over 0 … n − 1 (union–find with path halving); a set's root is its lowest member. */
export interface DisjointSets {
  /** The root of x's set. */
  find(x: number): number;
  /** Joins the sets of x and y. */
  union(x: number, y: number): void;
}

export function createDisjointSets(n: number): DisjointSets {
  // parent of each element; a root is its own parent
  const parent = Int32Array.from({ length: n }, (_, x) => x);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  const union = (x: number, y: number) => {
    const a = find(x);
    const b = find(y);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  };
  return { find, union };
}
