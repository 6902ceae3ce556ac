/**
 * Binary min-heap of (id, key) pairs with lazy deletion: an id may be pushed again with a smaller
 * key, and callers skip ids they have already settled when popping.
 */
export class RepHeap {
  private keys: Float64Array;
  private ids: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(Math.max(16, capacity));
    this.ids = new Int32Array(Math.max(16, capacity));
  }

  clear(): void {
    this.size = 0;
  }

  push(id: number, key: number): void {
    if (this.size === this.ids.length) {
      const keys = new Float64Array(2 * this.size);
      const ids = new Int32Array(2 * this.size);
      keys.set(this.keys);
      ids.set(this.ids);
      this.keys = keys;
      this.ids = ids;
    }
    const { keys, ids } = this;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent] <= key) break;
      keys[i] = keys[parent];
      ids[i] = ids[parent];
      i = parent;
    }
    keys[i] = key;
    ids[i] = id;
  }

  /** The smallest key (the heap must not be empty). */
  topKey(): number {
    return this.keys[0];
  }

  /** Removes and returns the id with the smallest key (the heap must not be empty). */
  pop(): number {
    const { keys, ids } = this;
    const top = ids[0];
    const size = --this.size;
    const lastKey = keys[size];
    const lastId = ids[size];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && keys[child + 1] < keys[child]) child++;
      if (keys[child] >= lastKey) break;
      keys[i] = keys[child];
      ids[i] = ids[child];
      i = child;
    }
    keys[i] = lastKey;
    ids[i] = lastId;
    return top;
  }
}
