/** A binary min-heap of (key, unit, rep) entries in growable typed arrays. */
export interface MinHeap {
  push(key: number, unit: number, rep: number): void;
  /** Removes the smallest entry into `top`; false when empty. */
  pop(): boolean;
  /** The last popped entry. */
  readonly top: { key: number; unit: number; rep: number };
  size(): number;
}

export function createMinHeap(capacity = 64): MinHeap {
  let keys = new Float64Array(capacity);
  let units = new Int32Array(capacity);
  let reps = new Int32Array(capacity);
  let n = 0;
  const top = { key: 0, unit: -1, rep: -1 };
  const less = (i: number, j: number) => keys[i] < keys[j] || (keys[i] === keys[j] && (units[i] < units[j] || (units[i] === units[j] && reps[i] < reps[j])));
  const swap = (i: number, j: number) => {
    const k = keys[i], u = units[i], r = reps[i];
    keys[i] = keys[j], units[i] = units[j], reps[i] = reps[j];
    keys[j] = k, units[j] = u, reps[j] = r;
  };
  return {
    top,
    size: () => n,
    push(key, unit, rep) {
      if (n === keys.length) {
        const k2 = new Float64Array(n * 2), u2 = new Int32Array(n * 2), r2 = new Int32Array(n * 2);
        k2.set(keys), u2.set(units), r2.set(reps);
        keys = k2, units = u2, reps = r2;
      }
      keys[n] = key, units[n] = unit, reps[n] = rep;
      for (let i = n++; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!less(i, parent)) break;
        swap(i, parent);
        i = parent;
      }
    },
    pop() {
      if (n === 0) return false;
      top.key = keys[0], top.unit = units[0], top.rep = reps[0];
      n--;
      if (n > 0) {
        keys[0] = keys[n], units[0] = units[n], reps[0] = reps[n];
        for (let i = 0; ; ) {
          const l = 2 * i + 1, r = l + 1;
          let m = i;
          if (l < n && less(l, m)) m = l;
          if (r < n && less(r, m)) m = r;
          if (m === i) break;
          swap(i, m);
          i = m;
        }
      }
      return true;
    },
  };
}
