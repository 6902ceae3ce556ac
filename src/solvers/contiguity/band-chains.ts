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
    hop(search, part.load[r] > up.upper[r] ? "give" : "take", r, -1, part.load[r], allowed, 0, 1);
    // Assigned inside hop, which the compiler's narrowing does not see.
    const chain = search.best as Move[] | null;
    if (chain === null) continue;
    for (const move of chain) moveUnit(part, up, move.unit, move.to);
    applied++;
  }
  return applied;
}

/**
 * Which way a chain carries load: `give` from an overloaded start, each rep on it handing a unit
 * to the next; `take` towards an underloaded start, each rep on it taking a unit from the next.
 */
type Direction = "give" | "take";

/**
 * One hop of a chain: rep x holds `load` (after `passed` came in (give) or went out (take) at the
 * hop before, or −1 at the chain's start) and gives one unit to a neighbouring rep, or takes one
 * from it, so that its hours outside the band end ≤ `allowed`.
 */
function hop(search: ChainSearch, direction: Direction, x: number, passed: number, load: number, allowed: number, cost: number, depth: number): void {
  const { up, part } = search;
  const { graph, m, weight, pin, anchor } = up;
  const give = direction === "give";
  const options: { unit: number; rep: number; delta: number }[] = [];
  for (const z of part.members[x]) {
    for (let e = graph.start[z]; e < graph.start[z + 1]; e++) {
      const w = graph.neighbor[e];
      const y = part.owner[w];
      if (y === x || y < 0 || search.onChain[y] || anchor[y] < 0) continue;
      // The unit that moves, the rep it leaves and the rep it joins.
      const unit = give ? z : w, from = give ? x : y, to = give ? y : x;
      if (pin[unit] >= 0 || !up.allowed[unit * m + to]) continue;
      if (violation(up, x, give ? load - weight[unit] : load + weight[unit]) > allowed + EPS) continue;
      // x stays connected: the unit joining it touches it without the unit leaving it.
      if (passed >= 0 && !(give ? touchesWithout(up, part, passed, x, unit) : touchesWithout(up, part, unit, x, passed))) continue;
      options.push({ unit, rep: y, delta: up.cost[unit * m + to] - up.cost[unit * m + from] });
    }
  }
  options.sort((a, b) => a.delta - b.delta || a.unit - b.unit || a.rep - b.rep);
  let continued = 0;
  for (let i = 0; i < options.length; i++) {
    const { unit, rep: y, delta } = options[i];
    if (i > 0 && unit === options[i - 1].unit && y === options[i - 1].rep) continue;
    const total = cost + delta;
    if (total >= search.bestCost) continue;
    // The rep that gives the unit stays connected too: the unit is not one of its articulation points.
    const from = give ? x : y;
    if (part.stale[from]) markCutUnits(graph, part, from, anchor[from], search.tarjan);
    if (part.cut[unit]) continue;
    const move = { unit, to: give ? y : x };
    if (extend(search, direction, move, y, give ? part.load[y] + weight[unit] : part.load[y] - weight[unit], total, depth, continued < BREADTH)) continued++;
  }
}

/**
 * Puts `move` on the chain; it leaves rep `next` holding `load`. The chain ends there when `next`
 * is no further outside its band than before (a new best, its travel change `total`), else, when
 * `onward` is allowed and the chain is not at `MAX_DEPTH`, `next` passes the excess on in the
 * same direction. Returns whether it searched onward.
 */
function extend(search: ChainSearch, direction: Direction, move: Move, next: number, load: number, total: number, depth: number, onward: boolean): boolean {
  const { up, part } = search;
  const before = violation(up, next, part.load[next]);
  let searched = false;
  search.path.push(move);
  if (violation(up, next, load) <= before + EPS) {
    search.best = search.path.slice();
    search.bestCost = total;
  } else if (depth < MAX_DEPTH && onward) {
    search.onChain[next] = 1;
    hop(search, direction, next, move.unit, load, before, total, depth + 1);
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
