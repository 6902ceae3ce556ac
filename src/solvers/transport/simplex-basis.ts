import { AT_LOWER, AT_UPPER, IN_TREE, type NetworkSimplex } from "./network-simplex.js";
import { fileNode, refileArc, unfileNode } from "./pair-pricing.js";

/**
 * Installs a starting spanning tree: `pred[u]` is the arc joining real node u to its parent, or
 * u itself for u's artificial arc to the root. Non-tree arcs keep the state already set on them
 * (AT_LOWER by default, AT_UPPER to start them saturated).
 *
 * Tree flows follow from the supplies. A real tree arc whose flow would leave its bounds, or
 * would break strong feasibility (zero flow on an arc pointing away from the root, or a full arc
 * pointing towards it), is replaced by the node's artificial arc, whose direction is then chosen
 * by the sign of the flow it must carry; so any `pred` gives a valid warm start.
 */
export function setBasis(s: NetworkSimplex, pred: Int32Array): void {
  const { nodeCount: n, root } = s;
  const parentOf = (u: number) => (pred[u] === u ? root : s.source[pred[u]] === u ? s.target[pred[u]] : s.source[pred[u]]);
  for (let attempt = 0; ; attempt++) {
    buildTree(s, pred, parentOf);
    const bad = assignTreeFlows(s, pred);
    if (bad.length === 0 || attempt > n) break;
    for (const u of bad) pred[u] = u;
  }
  fullPotentials(s);
  keepCore(s);
  s.nextArc = n;
}

/** Builds parent/thread/subtree arrays over every node for the tree given by `pred` (preorder from the root). */
function buildTree(s: NetworkSimplex, pred: Int32Array, parentOf: (u: number) => number): void {
  const { nodeCount: n, root } = s;
  const childStart = new Int32Array(n + 2);
  for (let u = 0; u < n; u++) childStart[parentOf(u) + 1]++;
  for (let v = 0; v <= n; v++) childStart[v + 1] += childStart[v];
  const fill = childStart.slice(0, n + 1);
  const child = new Int32Array(n);
  for (let u = 0; u < n; u++) child[fill[parentOf(u)]++] = u;

  s.parent[root] = -1;
  s.pred[root] = -1;
  const stack = new Int32Array(n + 1);
  let top = 0;
  stack[top++] = root;
  let prev = -1;
  let visited = 0;
  while (top > 0) {
    const u = stack[--top];
    visited++;
    if (prev >= 0) {
      s.thread[prev] = u;
      s.revThread[u] = prev;
    }
    prev = u;
    for (let k = childStart[u + 1] - 1; k >= childStart[u]; k--) {
      const c = child[k];
      s.parent[c] = u;
      s.pred[c] = pred[c];
      stack[top++] = c;
    }
  }
  if (visited !== n + 1) throw new Error(`network simplex: the starting basis is not a spanning tree (${visited} of ${n + 1} nodes reached)`);
  s.thread[prev] = root;
  s.revThread[root] = prev;
}

/** Sets tree arc flows from the supplies; returns nodes whose real pred arc cannot carry its flow. */
function assignTreeFlows(s: NetworkSimplex, pred: Int32Array): number[] {
  const { nodeCount: n, root } = s;
  const net = new Float64Array(n + 1);
  for (let u = 0; u < n; u++) net[u] = s.supply[u];
  for (let e = n; e < s.arcCount; e++) {
    s.flow[e] = 0;
    if (s.state[e] === AT_UPPER) {
      s.flow[e] = s.capacity[e];
      net[s.source[e]] -= s.capacity[e];
      net[s.target[e]] += s.capacity[e];
    } else {
      s.state[e] = AT_LOWER;
    }
  }
  const bad: number[] = [];
  for (let u = s.revThread[root]; u !== root; u = s.revThread[u]) {
    const e = pred[u];
    s.state[e] = IN_TREE;
    if (e === u) {
      // Artificial: points up (cost 0) when u pushes flow out, down (penalised) when it needs flow.
      if (net[u] >= 0) {
        s.source[e] = u;
        s.target[e] = root;
        s.cost[e] = 0;
        s.up[u] = 1;
        s.flow[e] = net[u];
      } else {
        s.source[e] = root;
        s.target[e] = u;
        s.cost[e] = s.artificialCost;
        s.up[u] = 0;
        s.flow[e] = -net[u];
      }
      s.capacity[e] = Infinity;
    } else {
      const up = s.source[e] === u;
      s.up[u] = up ? 1 : 0;
      const f = up ? net[u] : -net[u];
      s.flow[e] = f;
      const strong = up ? f < s.capacity[e] : f > 0;
      if (f < 0 || f > s.capacity[e] || !strong) bad.push(u);
    }
    net[s.parent[u]] += net[u];
  }
  return bad;
}

/** Potentials of every node along the full thread (only right after `buildTree`). */
function fullPotentials(s: NetworkSimplex): void {
  const { root } = s;
  s.pi[root] = 0;
  for (let u = s.thread[root]; u !== root; u = s.thread[u]) {
    const e = s.pred[u];
    s.pi[u] = s.up[u] ? s.pi[s.parent[u]] - s.cost[e] : s.pi[s.parent[u]] + s.cost[e];
  }
}

/**
 * Drops childless nodes below `leafLimit` from the full thread (dropping nodes from a preorder
 * leaves a preorder of the rest), then sets subtree sizes, last successors and leaf anchors.
 */
function keepCore(s: NetworkSimplex): void {
  const { nodeCount: n, root, parent, inCore } = s;
  inCore.fill(0);
  inCore[root] = 1;
  for (let u = s.leafLimit; u < n; u++) inCore[u] = 1;
  for (let u = 0; u < n; u++) inCore[parent[u]] = 1;
  let prev = root;
  for (let u = s.thread[root]; u !== root; ) {
    const next = s.thread[u];
    if (inCore[u]) {
      s.thread[prev] = u;
      s.revThread[u] = prev;
      prev = u;
    }
    u = next;
  }
  s.thread[prev] = root;
  s.revThread[root] = prev;
  for (let u = 0; u < s.leafLimit; u++) if (!inCore[u]) makeLeaf(s, u);
  for (let u = 0; u <= n; u++) {
    if (!inCore[u]) continue;
    s.anchor[u] = u;
    s.offset[u] = 0;
  }
  s.promoted.length = 0;
  for (let u = 0; u < s.leafLimit; u++) if (inCore[u]) s.promoted.push(u);
  s.retained = s.promoted.length;
  subtreeSizes(s);
}

function makeLeaf(s: NetworkSimplex, u: number): void {
  s.inCore[u] = 0;
  s.anchor[u] = s.parent[u];
  s.offset[u] = s.up[u] ? -s.cost[s.pred[u]] : s.cost[s.pred[u]];
  s.succNum[u] = 0;
  s.lastSucc[u] = u;
}

/** Subtree sizes (core nodes) and last successors from the core thread, children before parents. */
function subtreeSizes(s: NetworkSimplex): void {
  const { root } = s;
  for (let u = s.revThread[root]; ; u = s.revThread[u]) {
    s.succNum[u] = 1;
    s.lastSucc[u] = u;
    if (u === root) break;
  }
  for (let u = s.revThread[root]; u !== root; u = s.revThread[u]) {
    const p = s.parent[u];
    s.succNum[p] += s.succNum[u];
    // Reverse preorder meets a node's last child first; that child's subtree ends the parent's.
    if (s.lastSucc[p] === p) s.lastSucc[p] = s.lastSucc[u];
  }
}

/** Recomputes core potentials from the tree (root 0), removing drift from incremental updates. */
export function computePotentials(s: NetworkSimplex): void {
  const { root } = s;
  s.pi[root] = 0;
  for (let u = s.thread[root]; u !== root; u = s.thread[u]) {
    const e = s.pred[u];
    s.pi[u] = s.up[u] ? s.pi[s.parent[u]] - s.cost[e] : s.pi[s.parent[u]] + s.cost[e];
  }
}

/**
 * Makes leaf u a core node: inserted in the thread as the first child of its parent, with its
 * potential stored; its arcs leave the pair buckets (core nodes are priced arc by arc).
 * O(depth of u).
 */
export function promote(s: NetworkSimplex, u: number): void {
  const { thread, revThread, parent, lastSucc, succNum } = s;
  const p = parent[u];
  s.pi[u] = s.pi[s.anchor[u]] + s.offset[u];
  s.anchor[u] = u;
  s.offset[u] = 0;
  s.inCore[u] = 1;
  const next = thread[p];
  thread[p] = u;
  revThread[u] = p;
  thread[u] = next;
  revThread[next] = u;
  succNum[u] = 1;
  lastSucc[u] = u;
  if (lastSucc[p] === p) for (let x = p; x !== -1 && lastSucc[x] === p; x = parent[x]) lastSucc[x] = u;
  for (let x = p; x !== -1; x = parent[x]) succNum[x]++;
  s.promoted.push(u);
  if (s.pairs) unfileNode(s.pairs, u);
}

/**
 * Demotes promoted nodes that have no children any more back to leaves (their arcs return to the
 * pair buckets), then refreshes subtree sizes and potentials of the core. O(core + promoted).
 */
export function compactCore(s: NetworkSimplex): void {
  const { thread, revThread, succNum } = s;
  // A promoted node's children are hubs, always in the core: it has one exactly when its core subtree is more than itself.
  let kept = 0;
  for (let i = 0; i < s.promoted.length; i++) {
    const u = s.promoted[i];
    if (!s.inCore[u]) continue;
    if (succNum[u] > 1) {
      s.promoted[kept++] = u;
      continue;
    }
    const before = revThread[u];
    const after = thread[u];
    thread[before] = after;
    revThread[after] = before;
    makeLeaf(s, u);
    if (s.pairs) fileNode(s, s.pairs, u);
  }
  s.promoted.length = kept;
  s.retained = kept;
  subtreeSizes(s);
  computePotentials(s);
}

/**
 * Changes the cost of artificial arcs pointing down from the root (the big-M penalty) in place:
 * the basis stays as it is and potentials follow.
 */
export function setArtificialCost(s: NetworkSimplex, cost: number): void {
  s.artificialCost = cost;
  for (let u = 0; u < s.nodeCount; u++) {
    if (s.source[u] !== s.root) continue;
    s.cost[u] = cost;
    if (!s.inCore[u] && s.pred[u] === u) s.offset[u] = cost;
  }
  computePotentials(s);
}

/**
 * Changes the costs of `arcs` in place (a warm start for a re-solve under new costs, e.g. a new
 * Lagrangian multiplier): the basis stays feasible; the offsets of leaves hanging on a changed arc,
 * the pair buckets' keys of the arcs concerned, and the core potentials follow.
 */
export function changeArcCosts(s: NetworkSimplex, arcs: Int32Array, costs: Float64Array): void {
  for (let i = 0; i < arcs.length; i++) {
    const e = arcs[i];
    if (s.cost[e] === costs[i]) continue;
    s.cost[e] = costs[i];
    if (Math.abs(costs[i]) > s.maxCost) s.maxCost = Math.abs(costs[i]);
    const u = s.source[e];
    if (u < s.leafLimit && !s.inCore[u] && s.pred[u] === e) s.offset[u] = s.up[u] ? -costs[i] : costs[i];
    if (s.pairs) refileArc(s, s.pairs, e);
  }
  computePotentials(s);
}
