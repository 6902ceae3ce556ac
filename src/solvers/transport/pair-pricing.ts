import { addBucket, bucketMin, createArcBuckets, placeArc, rekeyArc, removeArc, reserveArcs, reserveRoom, type ArcBuckets } from "./arc-buckets.js";
import { keepBest } from "./entering-arc.js";
import { IN_TREE, type NetworkSimplex } from "./network-simplex.js";

/**
 * Entering-arc search by hub pairs, for networks with implicit leaves (see `NetworkSimplex`).
 *
 * Every real arc out of a low node a (below `leafLimit`) ends at a hub (a node at or above it),
 * and a's parent is a hub too. A leaf's potential is its parent's plus a fixed offset o(a) set by
 * its tree arc, so a non-tree arc out of a leaf, a → h, has reduced cost d + π(parent) − π(h)
 * with d = cost + o(a): it moves only with the potentials of two hubs. Such arcs are kept in
 * buckets by (parent hub, head hub), each caching its least d (`ArcBuckets`); the search prices
 * buckets (a few per hub) instead of arcs (one per account and candidate rep). A leaf changes
 * parent only when it is the node a pivot re-hangs, so a pivot re-files the arcs of one leaf at
 * most. Low nodes in the core (split accounts, at most one per hub) and arcs between hubs
 * (rep → sink) are priced arc by arc; a low node's arcs leave the buckets when it is promoted into
 * the core and return when it is demoted.
 */
export interface PairPricing {
  readonly buckets: ArcBuckets;
  /** Number of hubs (nodes from leafLimit to the root). */
  readonly hubs: number;
  /**
   * Hub pair (key: (parent hub − leafLimit) × hubs + head hub − leafLimit) → bucket: a dense table
   * (−1 when none) up to `DENSE_HUBS` hubs, a map beyond.
   */
  readonly bucketOfPair: Int32Array | undefined;
  readonly bucketOfKey: Map<number, number> | undefined;
  /** Parent hub and head hub of each bucket. */
  tail: Int32Array;
  head: Int32Array;
  /** Arcs out of each low node as linked lists: first arc per node, next arc per arc (−1 ends). */
  readonly firstOut: Int32Array;
  nextOut: Int32Array;
  /** Arcs filed so far (arcs are appended between solves). */
  knownArcs: number;
  /** Arcs between hubs, priced directly. */
  direct: Int32Array;
  directCount: number;
  /** Where the next block search starts: buckets first, then the direct arcs, then the core's low nodes. */
  nextItem: number;
  /** Candidate items of the last search (see `itemReduced` for the encoding). */
  readonly list: { readonly items: Int32Array; readonly reduced: Float64Array; length: number };
  /** Arc with the least reduced cost of the last core low node priced. */
  coreArc: number;
  /** Times a full scan found an entering arc after the pair search found none (0 unless the filing is wrong). */
  misses: number;
}

/**
 * Items per block of the search, and candidates kept between searches. An item stands for many
 * arcs, so negative ones are dense (at 1M accounts, 28 % of the items scanned in blocks of √items
 * were negative): a short block finds enough, and the search goes on block by block when it does
 * not. Measured at 1M × 2,000: blocks of 20–40 items halve the LP time against √items (147).
 */
const BLOCK_ITEMS = 32;
const HEAD_ITEMS = 3;
const LIST_ROOM = 2 * BLOCK_ITEMS + HEAD_ITEMS + 1;
/** Hub pairs are indexed in a dense table up to this many hubs (16 M pairs, 64 MB), in a map beyond. */
const DENSE_HUBS = 4096;

/**
 * Low nodes per hub below which pair pricing is not used: a bucket then holds about one arc, and
 * the plain arc search is faster (measured: 2,610 atoms on 2,000 reps solve in half the time).
 */
const MIN_LOW_PER_HUB = 4;

/** Pair pricing for `s`, or undefined when it has too few low nodes per hub (see `MIN_LOW_PER_HUB`). */
export function createPairPricing(s: NetworkSimplex): PairPricing | undefined {
  const hubs = s.nodeCount - s.leafLimit + 1;
  if (s.leafLimit === 0 || s.leafLimit < MIN_LOW_PER_HUB * hubs) return undefined;
  const dense = hubs <= DENSE_HUBS;
  const pp: PairPricing = {
    buckets: createArcBuckets(s.source.length, 16 * hubs),
    hubs,
    bucketOfPair: dense ? new Int32Array(hubs * hubs).fill(-1) : undefined,
    bucketOfKey: dense ? undefined : new Map(),
    tail: new Int32Array(16 * hubs),
    head: new Int32Array(16 * hubs),
    firstOut: new Int32Array(s.leafLimit).fill(-1),
    nextOut: new Int32Array(s.source.length).fill(-1),
    knownArcs: s.nodeCount,
    direct: new Int32Array(64),
    directCount: 0,
    nextItem: 0,
    // Room for the kept candidates and two blocks (a search scans on only while it has none).
    list: { items: new Int32Array(LIST_ROOM), reduced: new Float64Array(LIST_ROOM), length: 0 },
    coreArc: -1,
    misses: 0,
  };
  // File the first arcs in bulk: count each bucket's arcs, give it that room, then fill.
  const counts: number[] = [];
  for (let e = s.nodeCount; e < s.arcCount; e++) {
    if (s.source[e] >= s.leafLimit || s.inCore[s.source[e]] || s.state[e] === IN_TREE) continue;
    const b = pairBucket(s, pp, s.parent[s.source[e]], s.target[e]);
    counts[b] = (counts[b] ?? 0) + 1;
  }
  for (let b = 0; b < pp.buckets.count; b++) reserveRoom(pp.buckets, b, counts[b] + (counts[b] >> 2) + 2);
  syncArcs(s, pp);
  return pp;
}

/**
 * Files the arcs appended since the last call, and re-files the arcs of low nodes hanging from the
 * root (the artificial cost may have changed).
 */
export function syncArcs(s: NetworkSimplex, pp: PairPricing): void {
  reserveArcs(pp.buckets, s.source.length);
  if (pp.nextOut.length < s.source.length) {
    const next = new Int32Array(s.source.length).fill(-1);
    next.set(pp.nextOut);
    pp.nextOut = next;
  }
  for (let e = pp.knownArcs; e < s.arcCount; e++) {
    const u = s.source[e];
    if (u < s.leafLimit) {
      pp.nextOut[e] = pp.firstOut[u];
      pp.firstOut[u] = e;
      if (!s.inCore[u]) fileArc(s, pp, e);
    } else {
      if (pp.directCount === pp.direct.length) {
        const direct = new Int32Array(2 * pp.direct.length);
        direct.set(pp.direct);
        pp.direct = direct;
      }
      pp.direct[pp.directCount++] = e;
    }
  }
  pp.knownArcs = s.arcCount;
  for (let u = 0; u < s.leafLimit; u++) if (s.pred[u] === u && !s.inCore[u]) fileNode(s, pp, u);
}

/** Files the arcs of leaf u (after it moved, or was demoted from the core). */
export function fileNode(s: NetworkSimplex, pp: PairPricing, u: number): void {
  for (let e = pp.firstOut[u]; e >= 0; e = pp.nextOut[e]) fileArc(s, pp, e);
}

/** Takes the arcs of low node u out of the buckets (it joined the core, where its arcs are priced one by one). */
export function unfileNode(pp: PairPricing, u: number): void {
  for (let e = pp.firstOut[u]; e >= 0; e = pp.nextOut[e]) removeArc(pp.buckets, e);
}

/**
 * Files an arc again after its cost changed: a leaf's arcs all move when its tree arc's cost
 * changes (their keys carry the leaf's offset), else the arc alone. Core nodes' arcs are priced
 * directly and need nothing.
 */
export function refileArc(s: NetworkSimplex, pp: PairPricing, e: number): void {
  const u = s.source[e];
  if (u >= s.leafLimit || s.inCore[u] || e >= pp.knownArcs) return;
  if (s.pred[u] === e) {
    for (let f = pp.firstOut[u]; f >= 0; f = pp.nextOut[f]) rekeyOrFileArc(s, pp, f);
  } else rekeyOrFileArc(s, pp, e);
}

/**
 * `fileArc` after a cost changed and nothing else: a filed arc's leaf still hangs from the same
 * parent (a leaf that moves is filed again at once), so it keeps its bucket and only its key moves,
 * without looking the bucket up. This runs for every arc of most leaves at each multiplier step.
 */
function rekeyOrFileArc(s: NetworkSimplex, pp: PairPricing, e: number): void {
  if (s.state[e] === IN_TREE || pp.buckets.bucketOf[e] < 0) fileArc(s, pp, e);
  else rekeyArc(pp.buckets, e, keyOf(s, e));
}

/** Files leaf arc e by its tail's parent and its head, with its current key; tree arcs are in no bucket. */
function fileArc(s: NetworkSimplex, pp: PairPricing, e: number): void {
  if (s.state[e] === IN_TREE) {
    removeArc(pp.buckets, e);
    return;
  }
  placeArc(pp.buckets, e, pairBucket(s, pp, s.parent[s.source[e]], s.target[e]), keyOf(s, e));
}

/** An arc's key: its cost less its leaf's offset (the cost of the leaf's tree arc, signed). */
function keyOf(s: NetworkSimplex, e: number): number {
  const a = s.source[e];
  return s.cost[e] + (s.up[a] ? -s.cost[s.pred[a]] : s.cost[s.pred[a]]);
}

function pairBucket(s: NetworkSimplex, pp: PairPricing, tail: number, head: number): number {
  const key = (tail - s.leafLimit) * pp.hubs + (head - s.leafLimit);
  const dense = pp.bucketOfPair;
  let b = dense ? dense[key] : (pp.bucketOfKey!.get(key) ?? -1);
  if (b >= 0) return b;
  b = addBucket(pp.buckets);
  if (b === pp.tail.length) {
    const tails = new Int32Array(2 * b);
    tails.set(pp.tail);
    pp.tail = tails;
    const heads = new Int32Array(2 * b);
    heads.set(pp.head);
    pp.head = heads;
  }
  if (dense) dense[key] = b;
  else pp.bucketOfKey!.set(key, b);
  pp.tail[b] = tail;
  pp.head[b] = head;
  return b;
}

/** Items: bucket b is b; direct arc k is −1 − k; core low node u is CORE_ITEM − u. */
const CORE_ITEM = -(2 ** 30);

/**
 * Reduced cost of an item: a bucket's cheapest arc, a direct arc, or a core low node's cheapest
 * arc (kept in `coreArc`); Infinity when it has no arc to enter.
 */
function itemReduced(s: NetworkSimplex, pp: PairPricing, item: number): number {
  const { pi } = s;
  if (item >= 0) {
    if (bucketMin(pp.buckets, item) < 0) return Infinity;
    return pp.buckets.minD[item] + pi[pp.tail[item]] - pi[pp.head[item]];
  }
  if (item > CORE_ITEM) {
    const e = pp.direct[-1 - item];
    const st = s.state[e];
    return st === IN_TREE ? Infinity : st * (s.cost[e] + pi[s.source[e]] - pi[s.target[e]]);
  }
  const u = CORE_ITEM - item;
  let best = Infinity;
  for (let e = pp.firstOut[u]; e >= 0; e = pp.nextOut[e]) {
    if (s.state[e] === IN_TREE) continue;
    const c = s.cost[e] + pi[u] - pi[s.target[e]];
    if (c < best) {
      best = c;
      pp.coreArc = e;
    }
  }
  return best;
}

/** Arc of an item (after `itemReduced` was called on it last, for a core node). */
function itemArc(s: NetworkSimplex, pp: PairPricing, item: number): number {
  if (item >= 0) return pp.buckets.minArc[item];
  if (item > CORE_ITEM) return pp.direct[-1 - item];
  return pp.coreArc;
}

/**
 * The altering candidate list of `findEnteringArc`, over items instead of arcs: the best items of
 * the last search are re-checked, blocks of items are scanned until enough are negative, and the
 * best one's arc enters (−1 when no arc has a negative reduced cost).
 */
export function findPairEnteringArc(s: NetworkSimplex, pp: PairPricing, tolerance: number): number {
  // Core low nodes are read from the core's list, which holds exactly them (see `promote`).
  const buckets = pp.buckets.count;
  const hubArcs = buckets + pp.directCount;
  const core = s.promoted;
  const total = hubArcs + core.length;
  const blockSize = BLOCK_ITEMS;
  const head = HEAD_ITEMS;
  const list = pp.list;
  const { items, reduced } = list;
  const capacity = items.length;
  let length = 0;
  for (let i = 0; i < list.length; i++) {
    const c = itemReduced(s, pp, items[i]);
    if (c < -tolerance) {
      items[length] = items[i];
      reduced[length++] = c;
    }
  }
  let v = pp.nextItem >= total ? 0 : pp.nextItem;
  let limit = head;
  for (let scanned = 0; scanned < total; ) {
    const stopAt = Math.min(total, v + blockSize, v + (total - scanned));
    for (let k = v; k < stopAt; k++) {
      const item = k < buckets ? k : k < hubArcs ? buckets - 1 - k : CORE_ITEM - core[k - hubArcs];
      const c = itemReduced(s, pp, item);
      if (c < -tolerance && length < capacity) {
        items[length] = item;
        reduced[length++] = c;
      }
    }
    scanned += stopAt - v;
    v = stopAt === total ? 0 : stopAt;
    if (length > limit) break;
    limit = 0;
  }
  pp.nextItem = v;
  const keep = keepBest(items, reduced, length, head + 1);
  if (keep === 0) {
    list.length = 0;
    return -1;
  }
  const best = items[0];
  items[0] = items[keep - 1];
  reduced[0] = reduced[keep - 1];
  list.length = keep - 1;
  if (best <= CORE_ITEM) itemReduced(s, pp, best);
  return itemArc(s, pp, best);
}
