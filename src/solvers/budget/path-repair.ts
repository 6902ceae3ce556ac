import type { Candidates } from "../../compile/candidates.js";
import type { CompiledProblem } from "../../compile/compiled-problem.js";
import { budgetUsed } from "../../compile/budgets.js";
import { loadsOf } from "../../rules/check-assignment.js";
import { arcMinutes } from "../heuristic/territory-state.js";
import { MinHeap } from "../../util/min-heap.js";

/** Paths tried at most per rep, in all. */
const PATHS_PER_REP = 50;
/** Rounds in which reps no path could help are tried again. */
const RETRIES = 3;
/** Accounts tried at most as refunds of an overspent budget. */
const REFUND_TRIES = 400;
/** Multiples of the budgets' prices tried in turn when paths that keep the budgets leave a rep outside its window. */
const PRICE_FACTORS = [1, 10];

/**
 * Brings reps back inside their windows (`lower`/`upper`: bands capped by capacity) along shortest
 * paths of the rep graph that keep every budget: a rep above its window passes one account to a
 * neighbour, which may pass one on, until a rep with room takes it (and the other way round for a
 * rep below its window). A hop's cost is its travel change plus the budget it spends (leaving the
 * preferred rep) or frees (returning to it) at the LP's price of each budget (`delta`), so scarce
 * budget is spent last; a path is taken only when the budget it spends in all fits the room left.
 * Every rep on a path but the first ends inside its window. When such paths leave a rep outside,
 * the repair starts again from where they left it with paths that may overspend (their budget at
 * `PRICE_FACTORS` times its price), and refunds the overspending: an account goes back to its
 * preferred rep (the cheapest first) when paths that spend nothing then leave the windows no
 * worse; a repair that ends over budget is undone. Only accounts with candidate arcs move, along
 * them; locked accounts never move. Changes `assign` in place; returns the number of moves.
 */
export function repairAlongPaths(p: CompiledProblem, c: Candidates, assign: Int32Array, lower: Float64Array, upper: Float64Array, limits: Float64Array, delta: Float64Array): number {
  const K = limits.length;
  const load = loadsOf(p, assign);
  const room = Float64Array.from(p.budgets, (b, k) => limits[k] + 1e-9 * Math.max(1, limits[k]) - budgetUsed(b, p.currentRep, assign));
  const movable = (a: number) => assign[a] >= 0 && p.lockedRep[a] < 0 && p.workload[a] > 0 && c.start[a + 1] > c.start[a];
  const members = membersOf(p, assign, movable);
  const takers = takersOf(p, c, movable);
  // Budget change of moving a from rep x to rep y, per budget.
  const change = (a: number, x: number, y: number, k: number) => {
    const pref = p.currentRep[a];
    if (pref < 0) return 0;
    return (x === pref ? p.budgets[k].coef[a] : 0) - (y === pref ? p.budgets[k].coef[a] : 0);
  };
  const price = (a: number, x: number, y: number) => {
    let d = 0;
    for (let k = 0; k < K; k++) d += delta[k] * change(a, x, y, k);
    return scale * d;
  };
  // Per rep on the search: distance, the budget spent on the way (K per rep), the hop that reached it.
  const heap = new MinHeap(p.m);
  const dist = new Float64Array(p.m);
  const spent = new Float64Array(p.m * K);
  const hopAccount = new Int32Array(p.m);
  const hopRep = new Int32Array(p.m);
  const stampSeen = new Int32Array(p.m);
  const stampDone = new Int32Array(p.m);
  let stamp = 0;
  let strict = true;
  let scale = 1;
  const fitsRoom = (base: number, a: number, x: number, y: number) => {
    if (!strict) return true;
    for (let k = 0; k < K; k++) {
      const after = spent[base * K + k] + change(a, x, y, k);
      // A hop may spend only what is left (or, with none left, must not spend more).
      if (after > Math.max(0, room[k]) && after > spent[base * K + k]) return false;
    }
    return true;
  };
  const relax = (from: number, y: number, d: number, a: number, x: number, y0: number) => {
    if (stampDone[y] === stamp || (stampSeen[y] === stamp && d >= dist[y])) return;
    stampSeen[y] = stamp;
    dist[y] = d;
    hopAccount[y] = a;
    hopRep[y] = from;
    for (let k = 0; k < K; k++) spent[y * K + k] = spent[from * K + k] + change(a, x, y0, k);
    heap.push(y, d);
  };
  const begin = (root: number) => {
    stamp++;
    heap.clear();
    stampSeen[root] = stamp;
    dist[root] = 0;
    for (let k = 0; k < K; k++) spent[root * K + k] = 0;
    heap.push(root, 0);
  };
  const next = () => {
    while (heap.size > 0) {
      const x = heap.pop();
      if (stampDone[x] === stamp) continue;
      stampDone[x] = stamp;
      return x;
    }
    return -1;
  };
  const inWindow = (r: number, l: number) => l <= upper[r] + 1e-9 * Math.max(1, upper[r]) && l >= lower[r] - 1e-9 * Math.max(1, lower[r]);
  /** Over-full `root`: accounts pass outwards; returns the rep that takes the last, or −1. */
  const push = (root: number): number => {
    begin(root);
    for (let x = next(); x >= 0; x = next()) {
      const inW = x === root ? 0 : p.workload[hopAccount[x]];
      if (x !== root && load[x] + inW <= upper[x] + 1e-9 * Math.max(1, upper[x])) return x;
      for (const a of members[x]) {
        if (x === root ? load[x] - p.workload[a] < lower[x] : !inWindow(x, load[x] + inW - p.workload[a])) continue;
        const here = p.travel(x, a);
        for (let t = c.start[a]; t < c.start[a + 1]; t++) {
          const y = c.rep[t];
          if (y === x || stampDone[y] === stamp || !fitsRoom(x, a, x, y)) continue;
          relax(x, y, dist[x] + p.workload[a] * (c.minutes[t] - here) + price(a, x, y), a, x, y);
        }
      }
    }
    return -1;
  };
  /** Under-full `root`: accounts pass inwards; returns the rep that gives the first, or −1. */
  const pull = (root: number): number => {
    begin(root);
    for (let y = next(); y >= 0; y = next()) {
      const outW = y === root ? 0 : p.workload[hopAccount[y]];
      if (y !== root && load[y] - outW >= lower[y] - 1e-9 * Math.max(1, lower[y])) return y;
      const list = takers[y];
      for (let q = 0; q < list.length; q += 2) {
        const a = list[q];
        const x = assign[a];
        if (x === y || stampDone[x] === stamp) continue;
        const after = load[y] - outW + p.workload[a];
        if (y === root ? after > upper[y] : !inWindow(y, after)) continue;
        if (!fitsRoom(y, a, x, y)) continue;
        relax(y, x, dist[y] + p.workload[a] * (c.minutes[list[q + 1]] - p.travel(x, a)) + price(a, x, y), a, x, y);
      }
    }
    return -1;
  };
  // Moves since the last checkpoint of a refund (account, from, to), so that one that fails is undone move by move.
  const journal: number[] = [];
  const move = (a: number, x: number, y: number) => {
    journal.push(a, x, y);
    for (let k = 0; k < K; k++) room[k] -= change(a, x, y, k);
    load[x] -= p.workload[a];
    load[y] += p.workload[a];
    const list = members[x];
    list.splice(list.indexOf(a), 1);
    members[y].push(a);
    assign[a] = y;
  };
  const failed = new Uint8Array(p.m);
  let moves = 0;
  const violated = () => {
    let v = 0;
    for (let r = 0; r < p.m; r++) v += Math.max(0, load[r] - upper[r] - 1e-9 * Math.max(1, upper[r])) + Math.max(0, lower[r] - 1e-9 * Math.max(1, lower[r]) - load[r]);
    return v;
  };
  // Paths that keep the budgets; then, for what is left, paths that may overspend them, and the
  // overspending refunded: an account goes back to its preferred rep (cheapest first) when paths
  // that spend nothing bring both reps it touches back into their windows.
  repairBands(PATHS_PER_REP * p.m);
  if (violated() === 0) return moves;
  const start = Int32Array.from(assign);
  const startRoom = Float64Array.from(room);
  for (const factor of PRICE_FACTORS) {
    strict = false;
    scale = factor;
    repairBands(PATHS_PER_REP * p.m);
    strict = true;
    refund(REFUND_TRIES);
    if (violated() === 0 && room.every((x) => x >= 0)) return moves;
    restore(start, startRoom);
  }
  return moves;

  function restore(to: Int32Array, toRoom: Float64Array): void {
    for (let b = 0; b < p.n; b++) if (assign[b] !== to[b]) move(b, assign[b], to[b]);
    room.set(toRoom);
    journal.length = 0;
  }

  function refund(tries: number): void {
    const over = () => room.some((x) => x < 0);
    if (!over()) return;
    const offers: { a: number; cost: number }[] = [];
    for (let a = 0; a < p.n; a++) {
      const pref = p.currentRep[a];
      if (pref < 0 || assign[a] === pref || !movable(a) || arcMinutes(c, a, pref) < 0) continue;
      offers.push({ a, cost: p.workload[a] * (p.travel(pref, a) - p.travel(assign[a], a)) });
    }
    offers.sort((x, y) => x.cost - y.cost || x.a - y.a);
    for (const { a } of offers.slice(0, tries)) {
      if (!over()) return;
      const roomBefore = Float64Array.from(room);
      const movesBefore = moves;
      const violationBefore = violated();
      journal.length = 0;
      move(a, assign[a], p.currentRep[a]);
      moves++;
      repairBands(4 * PATHS_PER_REP);
      if (violated() <= violationBefore) continue;
      // Undone, last move first.
      const undo = journal.splice(0);
      for (let q = undo.length - 3; q >= 0; q -= 3) move(undo[q], undo[q + 2], undo[q + 1]);
      room.set(roomBefore);
      moves = movesBefore;
    }
  }

  /** Paths until every rep is in its window or none helps; returns the paths taken. */
  function repairBands(maxPaths: number): number {
    failed.fill(0);
    let progress = false;
    let retries = 0;
    let paths = 0;
    for (let step = 0; step < maxPaths; step++) {
      let worst = -1;
      let worstViolation = 1e-9;
      for (let r = 0; r < p.m; r++) {
        const v = (Math.max(0, load[r] - upper[r]) + Math.max(0, lower[r] - load[r])) / Math.max(1, upper[r]);
        if (!failed[r] && v > worstViolation) {
          worstViolation = v;
          worst = r;
        }
      }
      if (worst < 0) {
        // Every rep left has failed: after paths elsewhere changed the plan, each is tried once more (a few times at most).
        if (!progress || retries++ >= RETRIES) break;
        failed.fill(0);
        progress = false;
        continue;
      }
      const over = load[worst] > upper[worst];
      const end = over ? push(worst) : pull(worst);
      if (end < 0) {
        failed[worst] = 1;
        continue;
      }
      // Walk the path back from its end: each hop moves its account one step towards the end (push) or the root (pull).
      for (let y = end; y !== worst; ) {
        const x = hopRep[y];
        const a = hopAccount[y];
        if (over) move(a, x, y);
        else move(a, y, x);
        moves++;
        y = x;
      }
      progress = true;
      paths++;
    }
    return paths;
  }
}

/** Movable accounts of each rep. */
function membersOf(p: CompiledProblem, assign: Int32Array, movable: (a: number) => boolean): number[][] {
  const members: number[][] = Array.from({ length: p.m }, () => []);
  for (let a = 0; a < p.n; a++) if (movable(a)) members[assign[a]].push(a);
  return members;
}

/** For each rep, the movable accounts that have it among their candidates, as (account, arc) pairs. */
function takersOf(p: CompiledProblem, c: Candidates, movable: (a: number) => boolean): number[][] {
  const takers: number[][] = Array.from({ length: p.m }, () => []);
  for (let a = 0; a < p.n; a++) {
    if (!movable(a)) continue;
    for (let t = c.start[a]; t < c.start[a + 1]; t++) takers[c.rep[t]].push(a, t);
  }
  return takers;
}
