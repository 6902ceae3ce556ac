import { AT_LOWER, IN_TREE, type NetworkSimplex } from "./network-simplex.js";
import { candidateList, findEnteringArc } from "./entering-arc.js";
import { createPairPricing, fileNode, findPairEnteringArc, syncArcs, type PairPricing } from "./pair-pricing.js";
import { compactCore, promote } from "./simplex-basis.js";

/** How a run of pivots ended. */
export type SimplexOutcome = "optimal" | "stopped" | "unbounded";

/** Pivots between checks of the stop callback. */
const CHECK_EVERY = 1024;


/** Working variables of one pivot (kept in one object to avoid closures in the hot loop). */
interface Pivot {
  inArc: number;
  join: number;
  uIn: number;
  vIn: number;
  uOut: number;
  delta: number;
}

/**
 * Pivots until no arc has a negative reduced cost (beyond a tolerance of 1e-9 × the largest
 * cost), `stop()` returns true, or a cycle of unbounded capacity and negative cost appears.
 * Potentials are recomputed from the tree before the final optimality check.
 */
export function runSimplex(s: NetworkSimplex, stop: () => boolean = () => false): SimplexOutcome {
  const tolerance = 1e-9 * (s.maxCost + 1);
  const list = candidateList(s);
  const pairs = pairPricing(s);
  const entering = pairs ? () => findPairEnteringArc(s, pairs, tolerance) : () => findEnteringArc(s, list, tolerance);
  const p: Pivot = { inArc: -1, join: -1, uIn: -1, vIn: -1, uOut: -1, delta: 0 };
  // A scratch list, reused: a JS array cut to length 0 loses its storage, and pivots are many.
  const dirty: IdList = { ids: new Int32Array(64), count: 0 };
  let sinceRefresh = 0;
  for (;;) {
    p.inArc = entering();
    if (p.inArc < 0) {
      // Confirm with exact potentials: incremental updates drift by a few ulps of the artificial cost.
      compactCore(s);
      p.inArc = entering();
      // Pair pricing is exact; one scan of every arc confirms it.
      if (p.inArc < 0 && pairs) {
        p.inArc = findEnteringArc(s, list, tolerance);
        if (p.inArc >= 0) pairs.misses++;
      }
      if (p.inArc < 0) return "optimal";
    }
    findJoinNode(s, p);
    const change = findLeavingArc(s, p);
    if (p.delta === Infinity) return "unbounded";
    changeFlow(s, p, change);
    if (change) updateTree(s, p, dirty);
    s.pivots++;
    // Refresh potentials now and then, and drop promoted nodes that lost their children.
    if (++sinceRefresh >= 4096 || s.promoted.length - s.retained > 64 + (s.nodeCount - s.leafLimit)) {
      sinceRefresh = 0;
      compactCore(s);
    }
    if (s.pivots % CHECK_EVERY === 0 && stop()) return "stopped";
  }
}

/** The network's pair pricing, made on the first solve and brought up to date with appended arcs. */
function pairPricing(s: NetworkSimplex): PairPricing | undefined {
  if (s.pairs) syncArcs(s, s.pairs);
  else s.pairs = createPairPricing(s);
  return s.pairs;
}

/** A list of node ids in a typed array that grows by doubling. */
interface IdList {
  ids: Int32Array;
  count: number;
}

function pushId(list: IdList, id: number): void {
  if (list.count === list.ids.length) {
    const ids = new Int32Array(2 * list.count);
    ids.set(list.ids);
    list.ids = ids;
  }
  list.ids[list.count++] = id;
}

/** Common ancestor of the entering arc's ends (leaves have subtree size 0, so they climb first). */
function findJoinNode(s: NetworkSimplex, p: Pivot): void {
  let u = s.source[p.inArc];
  let v = s.target[p.inArc];
  while (u !== v) {
    if (s.succNum[u] < s.succNum[v]) u = s.parent[u];
    else v = s.parent[v];
  }
  p.join = u;
}

/**
 * Cunningham's rule: along the cycle oriented by the entering arc, the last blocking arc met
 * (ties broken towards the second path) leaves, which keeps the tree strongly feasible.
 * Returns false when the entering arc itself blocks (it then flips bound).
 */
function findLeavingArc(s: NetworkSimplex, p: Pivot): boolean {
  const { pred, up, flow, capacity, parent } = s;
  const inArc = p.inArc;
  let first: number, second: number;
  if (s.state[inArc] === AT_LOWER) {
    first = s.source[inArc];
    second = s.target[inArc];
  } else {
    first = s.target[inArc];
    second = s.source[inArc];
  }
  let delta = capacity[inArc];
  let result = 0;
  const join = p.join;
  for (let u = first; u !== join; u = parent[u]) {
    const e = pred[u];
    const d = up[u] ? flow[e] : capacity[e] - flow[e];
    if (d < delta) {
      delta = d;
      p.uOut = u;
      result = 1;
    }
  }
  for (let u = second; u !== join; u = parent[u]) {
    const e = pred[u];
    const d = up[u] ? capacity[e] - flow[e] : flow[e];
    if (d <= delta) {
      delta = d;
      p.uOut = u;
      result = 2;
    }
  }
  if (result === 1) {
    p.uIn = first;
    p.vIn = second;
  } else {
    p.uIn = second;
    p.vIn = first;
  }
  p.delta = delta;
  return result !== 0;
}

function changeFlow(s: NetworkSimplex, p: Pivot, change: boolean): void {
  const { pred, up, flow, parent, state } = s;
  const inArc = p.inArc;
  if (p.delta > 0) {
    const val = state[inArc] * p.delta;
    flow[inArc] += val;
    for (let u = s.source[inArc]; u !== p.join; u = parent[u]) flow[pred[u]] += up[u] ? -val : val;
    for (let u = s.target[inArc]; u !== p.join; u = parent[u]) flow[pred[u]] += up[u] ? val : -val;
  }
  if (change) {
    state[inArc] = IN_TREE;
    const out = pred[p.uOut];
    state[out] = flow[out] === 0 ? AT_LOWER : -1;
  } else {
    state[inArc] = -state[inArc];
  }
}

/**
 * Re-hangs the subtree cut off by the leaving arc under the entering arc. A leaf that leaves
 * just changes parent (and its arcs change pair buckets); otherwise leaves that gain children
 * are promoted first and LEMON's update runs on the core, followed by the potential shift.
 */
function updateTree(s: NetworkSimplex, p: Pivot, dirty: IdList): void {
  const { uIn, vIn, uOut, inArc } = p;
  if (!s.inCore[vIn]) promote(s, vIn);
  if (!s.inCore[uOut]) {
    // uOut is a leaf, so the cut-off subtree is uOut alone (= uIn).
    const up = uIn === s.source[inArc] ? 1 : 0;
    s.parent[uIn] = vIn;
    s.pred[uIn] = inArc;
    s.up[uIn] = up;
    s.anchor[uIn] = vIn;
    s.offset[uIn] = up ? -s.cost[inArc] : s.cost[inArc];
    if (s.pairs) fileNode(s, s.pairs, uIn);
    return;
  }
  if (!s.inCore[uIn]) promote(s, uIn);
  updateCore(s, p, dirty);
  updatePotential(s, p);
}

/** LEMON's tree update on the core: reverses the stem from uIn to uOut and splices the thread. */
function updateCore(s: NetworkSimplex, p: Pivot, dirty: IdList): void {
  const { parent, thread, revThread, succNum, lastSucc, pred, up } = s;
  const { uIn, vIn, uOut, join, inArc } = p;
  const oldRevThread = revThread[uOut];
  const oldSuccNum = succNum[uOut];
  const oldLastSucc = lastSucc[uOut];
  const vOut = parent[uOut];

  let u = lastSucc[uIn];
  let right = thread[u];
  const last = oldRevThread === vIn ? thread[lastSucc[uOut]] : thread[vIn];

  // Walk the stem from uIn up to uOut, reversing parent links and splicing the thread.
  thread[vIn] = uIn;
  let stem = uIn;
  let parStem = vIn;
  dirty.count = 0;
  pushId(dirty, vIn);
  while (stem !== uOut) {
    const newStem = parent[stem];
    thread[u] = newStem;
    pushId(dirty, u);
    const w = revThread[stem];
    thread[w] = right;
    revThread[right] = w;
    parent[stem] = parStem;
    parStem = stem;
    stem = newStem;
    u = lastSucc[stem] === lastSucc[parStem] ? revThread[parStem] : lastSucc[stem];
    right = thread[u];
  }
  parent[uOut] = parStem;
  thread[u] = last;
  revThread[last] = u;
  lastSucc[uOut] = u;

  if (oldRevThread !== vIn) {
    thread[oldRevThread] = right;
    revThread[right] = oldRevThread;
  }
  for (let i = 0; i < dirty.count; i++) revThread[thread[dirty.ids[i]]] = dirty.ids[i];

  // Stem nodes inherit their former child's pred arc, with the direction flipped.
  let sc = 0;
  const ls = lastSucc[uOut];
  for (let x = uOut; x !== uIn; ) {
    const w = parent[x];
    pred[x] = pred[w];
    up[x] = up[w] ? 0 : 1;
    sc += succNum[x] - succNum[w];
    succNum[x] = sc;
    lastSucc[w] = ls;
    x = w;
  }
  pred[uIn] = inArc;
  up[uIn] = uIn === s.source[inArc] ? 1 : 0;
  succNum[uIn] = oldSuccNum;

  let upLimitIn = -1;
  let upLimitOut = -1;
  if (lastSucc[join] === vIn) upLimitOut = join;
  else upLimitIn = join;
  for (let x = vIn; x !== upLimitIn && lastSucc[x] === vIn; x = parent[x]) lastSucc[x] = lastSucc[uOut];
  if (join !== oldRevThread && vIn !== oldRevThread) {
    for (let x = vOut; x !== upLimitOut && lastSucc[x] === oldLastSucc; x = parent[x]) lastSucc[x] = oldRevThread;
  } else {
    for (let x = vOut; x !== upLimitOut && lastSucc[x] === oldLastSucc; x = parent[x]) lastSucc[x] = lastSucc[uOut];
  }
  for (let x = vIn; x !== join; x = parent[x]) succNum[x] += oldSuccNum;
  for (let x = vOut; x !== join; x = parent[x]) succNum[x] -= oldSuccNum;
}

/**
 * Shifts the stored potentials of the re-hung core subtree, or of the rest of the core when that
 * is smaller (only differences matter: artificial arcs never re-enter, and prices are read as
 * differences). Leaves follow their anchors.
 */
function updatePotential(s: NetworkSimplex, p: Pivot): void {
  const { uIn, vIn, inArc } = p;
  const { pi, thread } = s;
  const sigma = s.up[uIn] ? pi[vIn] - pi[uIn] - s.cost[inArc] : pi[vIn] - pi[uIn] + s.cost[inArc];
  const end = thread[s.lastSucc[uIn]];
  if (2 * s.succNum[uIn] <= s.succNum[s.root]) {
    for (let u = uIn; u !== end; u = thread[u]) pi[u] += sigma;
  } else {
    for (let u = end; u !== uIn; u = thread[u]) pi[u] -= sigma;
  }
}
