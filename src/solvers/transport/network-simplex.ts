/**
 * Primal network simplex for min-cost flow, in the style of LEMON's `NetworkSimplex`: flat arc
 * arrays, a spanning tree stored as parent / thread / subtree-size arrays, block-search pivoting
 * and strongly feasible trees (Cunningham's leaving-arc rule), which rule out cycling.
 *
 * Implicit leaves. In a transportation basis almost every supply node is a leaf of the tree,
 * hanging off the rep that takes all its flow. Nodes below `leafLimit` that have no children are
 * kept out of the thread: they store only their parent and tree arc, and their potential is read
 * through `anchor` / `offset` (the parent's potential plus the arc cost). The thread, subtree
 * sizes and stored potentials cover only the *core* (every node at or above `leafLimit`, plus the
 * few supply nodes with children, at most one per rep in a transportation basis), so re-hanging a
 * subtree costs O(core nodes moved), not O(accounts below them). A leaf that gains a child is
 * promoted into the core; core nodes that lost their children are demoted in bulk now and then.
 *
 * The structure owns its arcs so that arcs can be appended between solves (column generation):
 * the current tree stays a feasible basis, so the next solve starts warm from it.
 *
 * Flows must be integral (any magnitude up to 2^52) so that every flow update is exact in
 * Float64; costs may be any finite numbers and are compared with a tolerance scaled to the
 * largest cost.
 */

import type { PairPricing } from "./pair-pricing.js";

/** Arc state: at its lower bound (0), at its upper bound, or in the spanning tree. */
export const AT_LOWER = 1;
export const AT_UPPER = -1;
export const IN_TREE = 0;

export interface NetworkSimplex {
  /** Real nodes 0..nodeCount−1; node `nodeCount` is the artificial root. */
  readonly nodeCount: number;
  /** = nodeCount. */
  readonly root: number;
  /**
   * Nodes 0..leafLimit−1 may be implicit leaves; nodes from leafLimit on are always in the core.
   * Real arcs must run from a node below leafLimit to one at or above it (uncapacitated), or
   * between two nodes at or above it (as supply → rep and rep → sink arcs do), so that a leaf's
   * children are core nodes.
   */
  readonly leafLimit: number;
  /** Supply (> 0) or demand (< 0) per real node, integral flow units, summing to 0; length nodeCount. */
  readonly supply: Float64Array;
  /** Arcs in use; arc u < nodeCount is node u's artificial arc to or from the root. */
  arcCount: number;
  /** Arc tail node; capacity ≥ arcCount, replaced when arcs are appended. */
  source: Int32Array;
  /** Arc head node. */
  target: Int32Array;
  /** Cost per flow unit. */
  cost: Float64Array;
  /** Upper bound on the arc's flow; Infinity when uncapacitated. */
  capacity: Float64Array;
  /** Current flow, integral. */
  flow: Float64Array;
  /** AT_LOWER, AT_UPPER or IN_TREE. */
  state: Int8Array;
  /**
   * Stored potential of core nodes (LEMON sign: an arc's reduced cost is
   * cost + π(source) − π(target)); read any node's through `potential`; length nodeCount + 1.
   */
  readonly pi: Float64Array;
  /** π(u) = pi[anchor[u]] + offset[u]: anchor = u and offset 0 in the core, the parent for a leaf. */
  readonly anchor: Int32Array;
  readonly offset: Float64Array;
  /** 1 for core nodes (in the thread), 0 for implicit leaves. */
  readonly inCore: Uint8Array;
  /** Tree parent, −1 for the root. */
  readonly parent: Int32Array;
  /** Tree arc joining the node to its parent. */
  readonly pred: Int32Array;
  /** 1 when the pred arc points from the node up to its parent, 0 when it points down to the node. */
  readonly up: Int8Array;
  /** Next core node in the tree's preorder (a cyclic list through the root); stale for leaves. */
  readonly thread: Int32Array;
  /** Previous core node in that preorder. */
  readonly revThread: Int32Array;
  /** Number of core nodes in the node's subtree, itself included; 0 for a leaf. */
  readonly succNum: Int32Array;
  /** Last core node of the node's subtree in preorder. */
  readonly lastSucc: Int32Array;
  /** Nodes below leafLimit in the core (promoted leaves; candidates for demotion when childless). */
  promoted: number[];
  /** How many of `promoted` still had children at the last compaction. */
  retained: number;
  /** Cost of an artificial arc pointing down from the root (up arcs cost 0). */
  artificialCost: number;
  /** Largest |cost| of a real arc, for the optimality tolerance. */
  maxCost: number;
  /** Where the next block search starts. */
  nextArc: number;
  /** Pivots done so far. */
  pivots: number;
  /** Entering-arc search by hub pairs, made on the first solve when the network allows it (see `PairPricing`). */
  pairs: PairPricing | undefined;
}

/**
 * Creates the structure with room for `arcHint` real arcs; call `setBasis` before solving.
 * `leafLimit` (default: none) is the number of leading nodes allowed to be implicit leaves.
 */
export function createNetworkSimplex(supply: Float64Array, arcHint: number, leafLimit = 0): NetworkSimplex {
  const nodeCount = supply.length;
  const room = nodeCount + Math.max(16, arcHint);
  const nodes = nodeCount + 1;
  const s: NetworkSimplex = {
    nodeCount,
    root: nodeCount,
    leafLimit: Math.max(0, Math.min(nodeCount, leafLimit)),
    supply,
    arcCount: nodeCount,
    source: new Int32Array(room),
    target: new Int32Array(room),
    cost: new Float64Array(room),
    capacity: new Float64Array(room),
    flow: new Float64Array(room),
    state: new Int8Array(room),
    pi: new Float64Array(nodes),
    anchor: new Int32Array(nodes),
    offset: new Float64Array(nodes),
    inCore: new Uint8Array(nodes),
    parent: new Int32Array(nodes),
    pred: new Int32Array(nodes),
    up: new Int8Array(nodes),
    thread: new Int32Array(nodes),
    revThread: new Int32Array(nodes),
    succNum: new Int32Array(nodes),
    lastSucc: new Int32Array(nodes),
    promoted: [],
    retained: 0,
    artificialCost: 1,
    maxCost: 0,
    nextArc: nodeCount,
    pivots: 0,
    pairs: undefined,
  };
  for (let u = 0; u < nodeCount; u++) {
    s.source[u] = u;
    s.target[u] = nodeCount;
    s.capacity[u] = Infinity;
  }
  return s;
}

/** Potential of any node, core or leaf. */
export function potential(s: NetworkSimplex, u: number): number {
  return s.pi[s.anchor[u]] + s.offset[u];
}

/**
 * Appends an arc u → v at its lower bound (flow 0) and returns its id. Appending keeps the
 * current basis feasible, so a later solve continues from it.
 */
export function addArc(s: NetworkSimplex, u: number, v: number, cost: number, capacity = Infinity): number {
  if (v < s.leafLimit || (u < s.leafLimit && capacity !== Infinity)) {
    throw new Error(`network simplex: arc ${u} → ${v} must end at or above the leaf limit ${s.leafLimit}, uncapacitated when it starts below it`);
  }
  if (s.arcCount === s.source.length) grow(s, Math.ceil(s.arcCount * 1.5) + 1024);
  const e = s.arcCount++;
  s.source[e] = u;
  s.target[e] = v;
  s.cost[e] = cost;
  s.capacity[e] = capacity;
  s.flow[e] = 0;
  s.state[e] = AT_LOWER;
  if (Math.abs(cost) > s.maxCost) s.maxCost = Math.abs(cost);
  return e;
}

function grow(s: NetworkSimplex, size: number): void {
  const copy = <T extends Int32Array | Float64Array | Int8Array>(a: T, make: (n: number) => T): T => {
    const b = make(size);
    b.set(a.subarray(0, s.arcCount));
    return b;
  };
  s.source = copy(s.source, (n) => new Int32Array(n));
  s.target = copy(s.target, (n) => new Int32Array(n));
  s.cost = copy(s.cost, (n) => new Float64Array(n));
  s.capacity = copy(s.capacity, (n) => new Float64Array(n));
  s.flow = copy(s.flow, (n) => new Float64Array(n));
  s.state = copy(s.state, (n) => new Int8Array(n));
}

/** Σ cost × flow over the real arcs. */
export function flowCost(s: NetworkSimplex): number {
  let total = 0;
  for (let e = s.nodeCount; e < s.arcCount; e++) if (s.flow[e] !== 0) total += s.cost[e] * s.flow[e];
  return total;
}

/** Flow still on artificial arcs (0 when the network's constraints are met). */
export function artificialFlow(s: NetworkSimplex, node: number): number {
  return s.flow[node];
}

/** Whether node u's artificial arc points down from the root (it then brings flow in). */
export function artificialPointsDown(s: NetworkSimplex, node: number): boolean {
  return s.source[node] === s.root;
}
