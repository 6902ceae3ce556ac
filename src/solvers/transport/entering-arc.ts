import { IN_TREE, type NetworkSimplex } from "./network-simplex.js";

/**
 * Altering candidate list (LEMON's ALTERING_LIST rule): the best `head` candidates of the last
 * search are kept and re-checked, then at least one block of arcs is scanned for more (further
 * blocks only while the list is short); the list is cut back to the best `head` and its best arc
 * enters (returned; −1 when no arc has a negative reduced cost). Reduced costs use each node's
 * potential (leaves through their anchors).
 */
export function findEnteringArc(s: NetworkSimplex, list: CandidateList, tolerance: number): number {
  // Arc heads are never leaves (see `leafLimit`), so their stored potential is current.
  const { source, target, cost, state, pi, anchor, offset } = s;
  const { arcs, reduced } = list;
  const capacity = arcs.length;
  let length = 0;
  for (let i = 0; i < list.length; i++) {
    const e = arcs[i];
    const st = state[e];
    if (st === IN_TREE) continue;
    const u = source[e];
    const c = st * (cost[e] + pi[anchor[u]] + offset[u] - pi[target[e]]);
    if (c < -tolerance) {
      arcs[length] = e;
      reduced[length++] = c;
    }
  }
  const first = s.nodeCount;
  const end = s.arcCount;
  const total = end - first;
  let e = s.nextArc < first || s.nextArc >= end ? first : s.nextArc;
  let limit = list.head;
  // Blocks of arcs from e on (cyclically); stop after a block once the list is long enough.
  for (let scanned = 0; scanned < total; ) {
    const stopAt = Math.min(end, e + list.blockSize, e + (total - scanned));
    for (let k = e; k < stopAt; k++) {
      const st = state[k];
      if (st === IN_TREE) continue;
      const c = st * (cost[k] + pi[anchor[source[k]]] + offset[source[k]] - pi[target[k]]);
      if (c < -tolerance && length < capacity) {
        arcs[length] = k;
        reduced[length++] = c;
      }
    }
    scanned += stopAt - e;
    e = stopAt === end ? first : stopAt;
    if (length > limit) break;
    limit = 0;
  }
  s.nextArc = e;
  if (length === 0) {
    list.length = 0;
    return -1;
  }
  // Keep the best `head` candidates; the best enters.
  const keep = keepBest(arcs, reduced, length, list.head + 1);
  const entering = arcs[0];
  arcs[0] = arcs[keep - 1];
  reduced[0] = reduced[keep - 1];
  list.length = keep - 1;
  return entering;
}

/** Candidates kept between pivots. */
export interface CandidateList {
  readonly arcs: Int32Array;
  readonly reduced: Float64Array;
  length: number;
  readonly blockSize: number;
  readonly head: number;
}

export function candidateList(s: NetworkSimplex): CandidateList {
  const blockSize = Math.max(10, Math.ceil(Math.sqrt(Math.max(1, s.arcCount - s.nodeCount))));
  const head = Math.max(3, Math.ceil(0.01 * blockSize));
  return { arcs: new Int32Array(blockSize * 2 + head + 1), reduced: new Float64Array(blockSize * 2 + head + 1), length: 0, blockSize, head };
}

/**
 * Sorts the `keep` smallest of the first `length` reduced costs to the front (partial selection
 * sort, ties to the smaller id) and returns how many were kept.
 */
export function keepBest(ids: Int32Array, reduced: Float64Array, length: number, keep: number): number {
  const count = Math.min(keep, length);
  for (let i = 0; i < count; i++) {
    let best = i;
    for (let k = i + 1; k < length; k++) if (reduced[k] < reduced[best] || (reduced[k] === reduced[best] && ids[k] < ids[best])) best = k;
    if (best !== i) {
      const te = ids[i], tc = reduced[i];
      ids[i] = ids[best];
      reduced[i] = reduced[best];
      ids[best] = te;
      reduced[best] = tc;
    }
  }
  return count;
}
