import { markCutUnits, type TarjanScratch } from "./articulation.js";
import { moveUnit, type Partition } from "./partition.js";
import type { UnitProblem } from "./unit-problem.js";

/**
 * Moves load between a rep outside its band and the nearest rep (in territory hops) with room to
 * balance it, along the chain of adjacent territories between them: every territory on the path
 * gives about the same number of hours to the next one, so the ones in the middle keep their load
 * while the surplus (or shortfall) travels to where it fits. This is the step the local search
 * cannot take on its own when every territory around the stuck one is at its band's edge.
 *
 * An overloaded rep o with surplus e = load − target sends e towards the nearest rep with at least
 * e hours below its upper bound; an underloaded rep pulls target − load from the nearest rep with
 * that much above its lower bound. Each hop moves boundary units (never pinned units or
 * articulation points, so every territory stays connected), each time the unit whose workload best
 * fits the hours still to move. Returns whether any unit moved.
 */
export function shiftAlongPath(up: UnitProblem, part: Partition, o: number, tarjan: TarjanScratch): boolean {
  if (part.load[o] >= up.lower[o] && part.load[o] <= up.upper[o]) return false;
  const over = part.load[o] > up.upper[o];
  const amount = Math.abs(part.load[o] - up.target[o]);
  const room = (r: number) => (over ? up.upper[r] - part.load[r] : part.load[r] - up.lower[r]);
  const path = pathToRoom(up, part, o, room, amount);
  if (path.length < 2) return false;
  // Each hop passes on what it actually received, so lumpy units do not pile up in the middle.
  let carried = amount;
  for (let i = 0; i + 1 < path.length && carried > 0; i++) {
    const [from, to] = over ? [path[i], path[i + 1]] : [path[i + 1], path[i]];
    carried = transfer(up, part, from, to, carried, i === 0, tarjan);
  }
  return carried !== amount || path.length > 1;
}

/** Shortest chain of adjacent territories from o to the nearest rep satisfying `fits`, else to the rep with the most room (BFS; ties by rep index). */
function pathToRoom(up: UnitProblem, part: Partition, o: number, room: (r: number) => number, need: number): number[] {
  const fits = (r: number) => room(r) >= need;
  const { m, graph, anchor } = up;
  const neighbours: Set<number>[] = Array.from({ length: m }, () => new Set());
  for (let u = 0; u < up.U; u++) {
    const r = part.owner[u];
    if (r < 0) continue;
    for (let e = graph.start[u]; e < graph.start[u + 1]; e++) {
      const s = part.owner[graph.neighbor[e]];
      if (s >= 0 && s !== r && anchor[s] >= 0) neighbours[r].add(s);
    }
  }
  const prev = new Int32Array(m).fill(-2);
  prev[o] = -1;
  const queue = [o];
  let roomiest = -1;
  for (let head = 0; head < queue.length; head++) {
    const r = queue[head];
    if (r !== o && fits(r)) return chain(prev, r);
    if (r !== o && (roomiest < 0 || room(r) > room(roomiest))) roomiest = r;
    for (const s of [...neighbours[r]].sort((a, b) => a - b)) {
      if (prev[s] !== -2) continue;
      prev[s] = r;
      queue.push(s);
    }
  }
  return roomiest >= 0 ? chain(prev, roomiest) : [];
}

function chain(prev: Int32Array, end: number): number[] {
  const path: number[] = [];
  for (let r = end; r >= 0; r = prev[r]) path.push(r);
  return path.reverse();
}

/**
 * Moves boundary units from `from` to `to` until about `amount` hours have moved; returns the
 * hours moved. Each pick is the unit whose workload best fits what is left; with `force`, the
 * first pick is made even when it overshoots (a lumpy unit may have to go before small ones can
 * come back).
 */
function transfer(up: UnitProblem, part: Partition, from: number, to: number, amount: number, force: boolean, tarjan: TarjanScratch): number {
  const { graph, m, weight, cost, pin, allowed, anchor } = up;
  let left = amount;
  for (;;) {
    if (part.stale[from]) markCutUnits(graph, part, from, anchor[from], tarjan);
    let best = -1, bestFit = force && left === amount ? Infinity : left, bestCost = Infinity;
    for (const u of part.members[from]) {
      if (pin[u] >= 0 || part.cut[u] || !allowed[u * m + to]) continue;
      let touches = false;
      for (let e = graph.start[u]; e < graph.start[u + 1] && !touches; e++) touches = part.owner[graph.neighbor[e]] === to;
      if (!touches) continue;
      const fit = Math.abs(left - weight[u]);
      const delta = cost[u * m + to] - cost[u * m + from];
      if (fit < bestFit - 1e-9 || (fit <= bestFit + 1e-9 && delta < bestCost)) {
        best = u;
        bestFit = fit;
        bestCost = delta;
      }
    }
    if (best < 0) return amount - left;
    moveUnit(part, up, best, to);
    left -= weight[best];
    if (left <= 0) return amount - left;
  }
}
