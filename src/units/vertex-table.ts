/**
 * Gives every distinct `[lng, lat]` pair a dense id (0, 1, 2, … in order of first sight), so that
 * boundaries can be matched exactly: two units share a vertex only if its coordinates are
 * bit-for-bit equal. Open addressing with linear probing over the coordinates' bits.
 */
export interface VertexTable {
  /** Id of the vertex (lng, lat), adding it when new. */
  idOf(lng: number, lat: number): number;
  /** Number of distinct vertices so far. */
  size(): number;
  /** Coordinates of vertex v: `coords[2v]` = lng, `coords[2v + 1]` = lat (valid up to `size()`). */
  coords(): Float64Array;
}

export function createVertexTable(expected: number): VertexTable {
  let capacity = 1 << Math.max(4, Math.ceil(Math.log2(Math.max(1, expected) * 2)));
  let slots = new Int32Array(capacity).fill(-1);
  let xy = new Float64Array(2 * Math.max(16, expected));
  let count = 0;
  const scratch = new Float64Array(2);
  const bits = new Uint32Array(scratch.buffer);

  const hash = (lng: number, lat: number): number => {
    scratch[0] = lng + 0; // + 0 folds −0 into 0
    scratch[1] = lat + 0;
    let h = Math.imul(bits[0] ^ Math.imul(bits[1], 0x9e3779b1), 0x85ebca6b);
    h = Math.imul(h ^ bits[2] ^ (h >>> 15), 0xc2b2ae35);
    h = Math.imul(h ^ bits[3] ^ (h >>> 13), 0x27d4eb2f);
    return (h ^ (h >>> 16)) >>> 0;
  };

  const grow = () => {
    capacity *= 2;
    slots = new Int32Array(capacity).fill(-1);
    for (let v = 0; v < count; v++) {
      let s = hash(xy[2 * v], xy[2 * v + 1]) & (capacity - 1);
      while (slots[s] >= 0) s = (s + 1) & (capacity - 1);
      slots[s] = v;
    }
  };

  return {
    idOf(lng, lat) {
      const x = lng + 0;
      const y = lat + 0;
      let s = hash(x, y) & (capacity - 1);
      for (;;) {
        const v = slots[s];
        if (v < 0) break;
        if (xy[2 * v] === x && xy[2 * v + 1] === y) return v;
        s = (s + 1) & (capacity - 1);
      }
      if (2 * (count + 1) > xy.length) {
        const bigger = new Float64Array(xy.length * 2);
        bigger.set(xy);
        xy = bigger;
      }
      xy[2 * count] = x;
      xy[2 * count + 1] = y;
      slots[s] = count;
      count++;
      if (count * 2 > capacity) grow();
      return count - 1;
    },
    size: () => count,
    coords: () => xy,
  };
}
