/**
 * Arcs sorted into buckets, each arc with a key d, each bucket caching its least d. A bucket is a
 * segment of one pooled pair of arrays (arc, d), so finding a bucket's minimum again reads memory
 * in order; an arc leaves its bucket by swapping the segment's last arc into its place. A full
 * segment moves to the end of the pool with twice the room; the pool is packed when it runs out.
 */
export interface ArcBuckets {
  /** Buckets in use. */
  count: number;
  /** Per bucket: first slot of its segment in the pool, arcs in it, slots it may fill. */
  start: Int32Array;
  size: Int32Array;
  room: Int32Array;
  /** Per bucket: arc with the least d, EMPTY when it holds none, UNKNOWN until looked for again. */
  minArc: Int32Array;
  minD: Float64Array;
  /** Pool slots: arc and its d. */
  slotArc: Int32Array;
  slotD: Float64Array;
  /** Pool slots handed out so far (the segments lie below). */
  used: number;
  /** Per arc: its bucket (−1 when in none) and its slot. */
  bucketOf: Int32Array;
  slotOf: Int32Array;
}

const EMPTY = -1;
const UNKNOWN = -2;

export function createArcBuckets(arcs: number, buckets: number): ArcBuckets {
  return {
    count: 0,
    start: new Int32Array(buckets),
    size: new Int32Array(buckets),
    room: new Int32Array(buckets),
    minArc: new Int32Array(buckets),
    minD: new Float64Array(buckets),
    slotArc: new Int32Array(Math.max(16, arcs + (arcs >> 1))),
    slotD: new Float64Array(Math.max(16, arcs + (arcs >> 1))),
    used: 0,
    bucketOf: new Int32Array(arcs).fill(-1),
    slotOf: new Int32Array(arcs),
  };
}

/** Makes room for arcs 0..arcs−1. */
export function reserveArcs(bk: ArcBuckets, arcs: number): void {
  if (bk.bucketOf.length >= arcs) return;
  const size = Math.max(arcs, 2 * bk.bucketOf.length);
  bk.bucketOf = grown(bk.bucketOf, size, -1);
  bk.slotOf = grown(bk.slotOf, size, 0);
}

/** A new empty bucket, without slots yet (see `reserveRoom`; more are made as it fills). */
export function addBucket(bk: ArcBuckets): number {
  if (bk.count === bk.start.length) {
    const size = 2 * bk.count;
    bk.start = grown(bk.start, size, 0);
    bk.size = grown(bk.size, size, 0);
    bk.room = grown(bk.room, size, 0);
    bk.minArc = grown(bk.minArc, size, 0);
    const minD = new Float64Array(size);
    minD.set(bk.minD);
    bk.minD = minD;
  }
  const b = bk.count++;
  bk.size[b] = 0;
  bk.room[b] = 0;
  bk.start[b] = bk.used;
  bk.minArc[b] = EMPTY;
  return b;
}

/** Puts arc e in bucket b with key d (moving it out of its bucket, or updating its key). */
export function placeArc(bk: ArcBuckets, e: number, b: number, d: number): void {
  if (bk.bucketOf[e] === b) {
    rekeyArc(bk, e, d);
    return;
  }
  if (bk.bucketOf[e] >= 0) removeArc(bk, e);
  if (bk.size[b] === bk.room[b]) moveSegment(bk, b, Math.max(4, 2 * bk.room[b]));
  const slot = bk.start[b] + bk.size[b]++;
  bk.slotArc[slot] = e;
  bk.slotD[slot] = d;
  bk.bucketOf[e] = b;
  bk.slotOf[e] = slot;
  const min = bk.minArc[b];
  if (min === EMPTY || (min >= 0 && d < bk.minD[b])) setMin(bk, b, e, d);
}

/** Gives arc e the key d in the bucket it is in (nothing when it is in none). */
export function rekeyArc(bk: ArcBuckets, e: number, d: number): void {
  const b = bk.bucketOf[e];
  if (b < 0) return;
  const slot = bk.slotOf[e];
  if (bk.slotD[slot] === d) return;
  const was = bk.slotD[slot];
  bk.slotD[slot] = d;
  // The minimum with a smaller key is still the minimum; with a larger one it must be looked for.
  if (bk.minArc[b] === e) {
    if (d < was) bk.minD[b] = d;
    else bk.minArc[b] = UNKNOWN;
  } else if (bk.minArc[b] !== UNKNOWN && d < bk.minD[b]) setMin(bk, b, e, d);
}

/** Takes arc e out of its bucket (nothing when it is in none). */
export function removeArc(bk: ArcBuckets, e: number): void {
  const b = bk.bucketOf[e];
  if (b < 0) return;
  const slot = bk.slotOf[e];
  const last = bk.start[b] + --bk.size[b];
  if (slot !== last) {
    const moved = bk.slotArc[last];
    bk.slotArc[slot] = moved;
    bk.slotD[slot] = bk.slotD[last];
    bk.slotOf[moved] = slot;
  }
  bk.bucketOf[e] = -1;
  if (bk.minArc[b] === e) bk.minArc[b] = bk.size[b] === 0 ? EMPTY : UNKNOWN;
}

/** Arc with the least d in bucket b (−1 when empty); its d is then `minD[b]`. */
export function bucketMin(bk: ArcBuckets, b: number): number {
  const min = bk.minArc[b];
  if (min !== UNKNOWN) return min;
  const { slotD } = bk;
  const from = bk.start[b];
  const to = from + bk.size[b];
  let best = -1;
  let bestD = Infinity;
  for (let k = from; k < to; k++) {
    if (slotD[k] < bestD) {
      bestD = slotD[k];
      best = k;
    }
  }
  const arc = best < 0 ? EMPTY : bk.slotArc[best];
  setMin(bk, b, arc, bestD);
  return arc;
}

function setMin(bk: ArcBuckets, b: number, e: number, d: number): void {
  bk.minArc[b] = e;
  bk.minD[b] = d;
}

/** Makes bucket b's segment at least `room` slots (before filling it in bulk). */
export function reserveRoom(bk: ArcBuckets, b: number, room: number): void {
  if (room > bk.room[b]) moveSegment(bk, b, room);
}

/** Gives bucket b a segment of `room` slots at the end of the pool, packing the pool first when it is full. */
function moveSegment(bk: ArcBuckets, b: number, room: number): void {
  if (bk.used + room > bk.slotArc.length) pack(bk, room);
  const from = bk.start[b];
  const to = bk.used;
  bk.slotArc.copyWithin(to, from, from + bk.size[b]);
  bk.slotD.copyWithin(to, from, from + bk.size[b]);
  for (let k = 0; k < bk.size[b]; k++) bk.slotOf[bk.slotArc[to + k]] = to + k;
  bk.start[b] = to;
  bk.room[b] = room;
  bk.used += room;
}

/** Copies every segment, in order, into a pool with space for `extra` more slots. */
function pack(bk: ArcBuckets, extra: number): void {
  let live = 0;
  for (let b = 0; b < bk.count; b++) live += bk.room[b];
  const length = Math.max(bk.slotArc.length, 2 * (live + extra));
  const slotArc = new Int32Array(length);
  const slotD = new Float64Array(length);
  let used = 0;
  for (let b = 0; b < bk.count; b++) {
    const from = bk.start[b];
    slotArc.set(bk.slotArc.subarray(from, from + bk.size[b]), used);
    slotD.set(bk.slotD.subarray(from, from + bk.size[b]), used);
    for (let k = 0; k < bk.size[b]; k++) bk.slotOf[slotArc[used + k]] = used + k;
    bk.start[b] = used;
    used += bk.room[b];
  }
  bk.slotArc = slotArc;
  bk.slotD = slotD;
  bk.used = used;
}

function grown(a: Int32Array, size: number, fill: number): Int32Array {
  const b = new Int32Array(Math.max(size, a.length));
  b.set(a);
  if (fill !== 0) b.fill(fill, a.length);
  return b;
}
