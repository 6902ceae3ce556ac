/**
 * Binary min-heap of (id, key) pairs in growable typed arrays. The smallest key comes first, ties
 * go to the smaller id, so the order of pops depends only on what was pushed, never on the order
 * of pushing. There is no decrease-key: push the id again with its new key and skip stale entries
 * when they come up (lazy deletion), or change the top in place with `replaceTop`.
 */
export class MinHeap {
  /** Key of each entry in heap order: entry i's children are 2i + 1 and 2i + 2. */
  private keys: Float64Array;
  /** Id of each entry, beside its key (an int32). */
  private ids: Int32Array;
  /** Entries in the heap. */
  size = 0;

  constructor(capacity = 16) {
    this.keys = new Float64Array(Math.max(16, capacity));
    this.ids = new Int32Array(Math.max(16, capacity));
  }

  clear(): void {
    this.size = 0;
  }

  push(id: number, key: number): void {
    if (this.size === this.ids.length) this.grow();
    const { keys, ids } = this;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const k = keys[parent];
      if (k < key || (k === key && ids[parent] < id)) break;
      keys[i] = k;
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

  /** The id with the smallest key (the heap must not be empty). */
  topId(): number {
    return this.ids[0];
  }

  /** Removes and returns the id with the smallest key (the heap must not be empty). */
  pop(): number {
    const top = this.ids[0];
    const size = --this.size;
    if (size > 0) this.siftDown(this.ids[size], this.keys[size]);
    return top;
  }

  /** Replaces the top entry by (id, key): a pop and a push in one pass (the heap must not be empty). */
  replaceTop(id: number, key: number): void {
    this.siftDown(id, key);
  }

  /** Puts (id, key) at the root's place and moves it down to where it belongs. */
  private siftDown(id: number, key: number): void {
    const { keys, ids, size } = this;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && (keys[child + 1] < keys[child] || (keys[child + 1] === keys[child] && ids[child + 1] < ids[child]))) child++;
      const k = keys[child];
      if (k > key || (k === key && ids[child] > id)) break;
      keys[i] = k;
      ids[i] = ids[child];
      i = child;
    }
    keys[i] = key;
    ids[i] = id;
  }

  private grow(): void {
    const keys = new Float64Array(2 * this.keys.length);
    const ids = new Int32Array(2 * this.ids.length);
    keys.set(this.keys);
    ids.set(this.ids);
    this.keys = keys;
    this.ids = ids;
  }
}
