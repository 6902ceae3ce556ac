import { markCutUnits, type TarjanScratch } from "./articulation.js";
import { moveUnit, type Partition } from "./partition.js";
import { violation, type UnitProblem } from "./unit-problem.js";

/** Hops in one chain. */
const MAX_DEPTH = 6;
/** Continuations tried at each hop (the cheapest ones). */
const BREADTH = 3;
const EPS = 1e-9;

/** One boundary move of a chain (the unit goes to rep `to`). */
interface Move {
  readonly unit: number;
  readonly to: number;
}

/** Depth-first search state of one rep's chain. */
interface ChainSearch {
  readonly up: UnitProblem;
  readonly part: Partition;
  readonly tarjan: TarjanScratch;
  /** 1 for reps already on the chain (each rep appears at most once, so their member lists are still the start's); length m. */
  readonly onChain: Uint8Array;
  readonly path: Move[];
  best: Move[] | null;
  bestCost: number;
}

/**
 * Band repair by ejection chains: for every rep outside its band, the cheapest chain of boundary
 * moves that lowers its hours outside the band without raising any other rep's, found by a
 * depth-first search (up to `MAX_DEPTH` hops, the `BREADTH` cheapest continuations at each), is
 * applied. An overloaded rep gives a unit to a neighbour; if that one is pushed over its band it
 * passes a unit on, and so on until a rep has room. An underloaded rep takes a unit from a
 * neighbour, which may take one from its own neighbour, and so on. Unlike `shiftAlongPath`,
 * which moves load along one fixed chain of territories whatever it costs, this compares the
 * chains' travel, so closing the last hours outside the bands costs little.
 *
 * Every territory stays connected: each rep on a chain gives at most one unit that is not an
 * articulation point of its territory, and the unit it receives touches the territory without
 * going through the unit it gives. Pinned units never move. Returns the number of chains applied.
 */
export function repairBandsByChains(up: UnitProblem, part: Partition, tarjan: TarjanScratch): number {
  const search: ChainSearch = { up, part, tarjan, onChain: new Uint8Array(up.m), path: [], best: null, bestCost: Infinity };
  let applied = 0;
  for (let r = 0; r < up.m; r++) {
    const outside = violation(up, r, part.load[r]);
    if (outside <= EPS || up.anchor[r] < 0) continue;
    search.best = null;
    search.bestCost = Infinity;
    search.onChain.fill(0);
    search.onChain[r] = 1;
    // Any fewer hours outside count; the search loop calls this again while r stays outside.
    const allowed = outside - 1e-6;
    if (part.load[r] > up.upper[r]) push(search, r, -1, part.load[r], allowed, 0, 1);
    else pull(search, r, -1, part.load[r], allowed, 0, 1);
    // Assigned inside push/pull, which the compiler's narrowing does not see.
    const chain = search.best as Move[] | null;
    if (chain === null) continue;
    for (const move of chain) moveUnit(part, up, move.unit, move.to);
    applied++;
  }
  return applied;
}

/**
 * Rep x holds `load` (after receiving `incoming`, or −1 at the chain's start) and gives one unit
 * to a neighbour so that its hours outside the band end ≤ `allowed`.
 */
function push(search: ChainSearch, x: number, incoming: number, load: number, allowed: number, cost: number, depth: number): void {
  const { up, part } = search;
  const { graph, m, weight, pin, anchor } = up;
  if (part.stale[x]) markCutUnits(graph, part, x, anchor[x], search.tarjan);
  const options: { unit: number; rep: number; delta: number }[] = [];
  for (const v of part.members[x]) {
    if (v === incoming || pin[v] >= 0 || part.cut[v]) continue;
    if (violation(up, x, load - weight[v]) > allowed + EPS) continue;
    if (incoming >= 0 && !touchesWithout(up, part, incoming, x, v)) continue;
    for (let e = graph.start[v]; e < graph.start[v + 1]; e++) {
      const y = part.owner[graph.neighbor[e]];
      if (y === x || y < 0 || search.onChain[y] || anchor[y] < 0 || !up.allowed[v * m + y]) continue;
      options.push({ unit: v, rep: y, delta: up.cost[v * m + y] - up.cost[v * m + x] });
    }
  }
  options.sort((a, b) => a.delta - b.delta || a.unit - b.unit || a.rep - b.rep);
  let continued = 0;
  for (let i = 0; i < options.length; i++) {
    const { unit, rep: y, delta } = options[i];
    if (i > 0 && unit === options[i - 1].unit && y === options[i - 1].rep) continue;
    const total = cost + delta;
    if (total >= search.bestCost) continue;
    if (extend(search, { unit, to: y }, y, part.load[y] + weight[unit], total, depth, continued < BREADTH, push)) continued++;
  }
}

/**
 * Rep x holds `load` (after giving `outgoing`, or −1 at the chain's start) and takes one unit from
 * a neighbour so that its hours outside the band end ≤ `allowed`.
 */
function pull(search: ChainSearch, x: number, outgoing: number, load: number, allowed: number, cost: number, depth: number): void {
  const { up, part } = search;
  const { graph, m, weight, pin, anchor } = up;
  const options: { unit: number; rep: number; delta: number }[] = [];
  for (const z of part.members[x]) {
    if (z === outgoing) continue;
    for (let e = graph.start[z]; e < graph.start[z + 1]; e++) {
      const v = graph.neighbor[e];
      const q = part.owner[v];
      if (q === x || q < 0 || search.onChain[q] || pin[v] >= 0 || anchor[q] < 0 || !up.allowed[v * m + x]) continue;
      if (violation(up, x, load + weight[v]) > allowed + EPS) continue;
      options.push({ unit: v, rep: q, delta: up.cost[v * m + x] - up.cost[v * m + q] });
    }
  }
  options.sort((a, b) => a.delta - b.delta || a.unit - b.unit);
  let continued = 0;
  for (let i = 0; i < options.length; i++) {
    const { unit, rep: q, delta } = options[i];
    if (i > 0 && unit === options[i - 1].unit) continue;
    const total = cost + delta;
    if (total >= search.bestCost) continue;
    if (part.stale[q]) markCutUnits(graph, part, q, anchor[q], search.tarjan);
    if (part.cut[unit]) continue;
    if (extend(search, { unit, to: x }, q, part.load[q] - weight[unit], total, depth, continued < BREADTH, pull)) continued++;
  }
}

/**
 * Puts `move` on the chain; it leaves rep `next` holding `load`. The chain ends there when `next`
 * is no further outside its band than before (a new best, its travel change `total`), else, when
 * `onward` is allowed and the chain is not at `MAX_DEPTH`, `next` passes the excess on (`step`:
 * push or pull). Returns whether it searched onward.
 */
function extend(search: ChainSearch, move: Move, next: number, load: number, total: number, depth: number, onward: boolean, step: typeof push): boolean {
  const { up, part } = search;
  const before = violation(up, next, part.load[next]);
  let searched = false;
  search.path.push(move);
  if (violation(up, next, load) <= before + EPS) {
    search.best = search.path.slice();
    search.bestCost = total;
  } else if (depth < MAX_DEPTH && onward) {
    search.onChain[next] = 1;
    step(search, next, move.unit, load, before, total, depth + 1);
    search.onChain[next] = 0;
    searched = true;
  }
  search.path.pop();
  return searched;
}

/** Whether unit u (joining rep s) touches a unit of s other than `gone`. */
function touchesWithout(up: UnitProblem, part: Partition, u: number, s: number, gone: number): boolean {
  for (let e = up.graph.start[u]; e < up.graph.start[u + 1]; e++) {
    const v = up.graph.neighbor[e];
    if (v !== gone && part.owner[v] === s) return true;
  }
  return false;
}
