import type { CompiledProblem } from "../../compile/compiled-problem.js";
import { haversineKm } from "../../geo/haversine.js";
import { isEligible, type ArcLists } from "./candidate-arcs.js";

/** Reps expanded per path search at most (the search stops at the first rep that can absorb the move). */
const MAX_EXPAND = 400;
/** Relative slack inside the band that repaired loads aim for, so float noise never flags a rep. */
const INNER = 1e-12;

/** Mutable plan state for repair: assignment, loads, members per rep (swap-remove lists). */
interface RepairState {
  readonly assign: Int32Array;
  readonly load: Float64Array;
  readonly members: number[][];
  readonly slot: Int32Array;
}

/**
 * Moves accounts along shortest paths of the rep graph until every rep is inside its band or no
 * path helps: an over-full rep passes an account to a neighbour, which may pass one on, until a
 * rep with room takes it (and symmetrically for reps below their band). Path cost is the travel
 * change Σ w × Δminutes; each step uses the cheapest account that keeps the intermediate rep in
 * its band. Locked accounts never move. Returns the number of accounts moved.
 */
export function repairBands(p: CompiledProblem, lists: ArcLists, assign: Int32Array, stop: () => boolean): number {
  const state = createState(p, assign);
  const listing = transpose(p, lists);
  const lower = (j: number) => p.lower[j] + INNER * p.target[j];
  const upper = (j: number) => p.upper[j] - INNER * p.target[j];
  let moved = 0;
  const failed = new Uint8Array(p.m);
  const near = nearReps(p);
  for (let round = 0; round < 20 * p.m + 100; round++) {
    if (stop()) break;
    let worst = -1, worstViolation = 0;
    for (let j = 0; j < p.m; j++) {
      if (failed[j]) continue;
      const v = Math.max(state.load[j] - upper(j), lower(j) - state.load[j]) / Math.max(p.target[j], 1e-12);
      if (v > worstViolation) {
        worstViolation = v;
        worst = j;
      }
    }
    if (worst < 0) break;
    const over = state.load[worst] > upper(worst);
    let path = over ? pushPath(p, lists, state, worst, lower, upper, undefined) : pullPath(p, lists, listing, state, worst, lower, upper, undefined);
    // Co-located reps can all be full with every account listing only them: look past the lists.
    if (path.length === 0) path = over ? pushPath(p, lists, state, worst, lower, upper, near) : pullPath(p, lists, listing, state, worst, lower, upper, near);
    if (path.length === 0) {
      failed[worst] = 1;
      continue;
    }
    for (let k = 0; k < path.length; k += 2) move(p, state, path[k], path[k + 1]);
    moved += path.length / 2;
  }
  return moved;
}

function createState(p: CompiledProblem, assign: Int32Array): RepairState {
  const load = new Float64Array(p.m);
  const members: number[][] = Array.from({ length: p.m }, () => []);
  const slot = new Int32Array(p.n);
  for (let a = 0; a < p.n; a++) {
    const r = assign[a];
    if (r < 0) continue;
    load[r] += p.workload[a];
    slot[a] = members[r].length;
    members[r].push(a);
  }
  return { assign, load, members, slot };
}

function move(p: CompiledProblem, s: RepairState, a: number, to: number): void {
  const from = s.assign[a];
  const list = s.members[from];
  const last = list.pop()!;
  if (last !== a) {
    list[s.slot[a]] = last;
    s.slot[last] = s.slot[a];
  }
  s.load[from] -= p.workload[a];
  s.load[to] += p.workload[a];
  s.assign[a] = to;
  s.slot[a] = s.members[to].length;
  s.members[to].push(a);
}

/** Reps considered beyond the candidate lists when those leave a rep stuck. */
const NEAR_REPS = 32;

/** The NEAR_REPS nearest other reps of each rep (by home-to-home great-circle distance), computed on demand. */
function nearReps(p: CompiledProblem): (j: number) => Int32Array {
  const cache = new Map<number, Int32Array>();
  return (j) => {
    let list = cache.get(j);
    if (!list) {
      const others = Array.from({ length: p.m }, (_, r) => r).filter((r) => r !== j);
      const d = (r: number) => haversineKm(p.repLng[j], p.repLat[j], p.repLng[r], p.repLat[r]);
      const dist = new Map(others.map((r) => [r, d(r)]));
      list = Int32Array.from(others.sort((u, v) => dist.get(u)! - dist.get(v)! || u - v).slice(0, NEAR_REPS));
      cache.set(j, list);
    }
    return list;
  };
}

/** Minutes from account a to rep r: from its list when listed, else from the travel model. */
function costOf(p: CompiledProblem, lists: ArcLists, a: number, r: number): number {
  for (let e = lists.start[a]; e < lists.start[a + 1]; e++) if (lists.rep[e] === r) return lists.cost[e];
  return p.travel(r, a);
}

/** Rep → accounts that list it (CSR). */
function transpose(p: CompiledProblem, lists: ArcLists): { start: Int32Array; account: Int32Array } {
  const start = new Int32Array(p.m + 1);
  for (let e = 0; e < lists.rep.length; e++) start[lists.rep[e] + 1]++;
  for (let j = 0; j < p.m; j++) start[j + 1] += start[j];
  const fill = start.slice(0, p.m);
  const account = new Int32Array(lists.rep.length);
  for (let a = 0; a < p.n; a++) for (let e = lists.start[a]; e < lists.start[a + 1]; e++) account[fill[lists.rep[e]]++] = a;
  return { start, account };
}

/**
 * Over-full rep `from`: Dijkstra over reps; an edge x → y moves one account of x to y. Returns
 * [account, to, account, to, …] in execution order, or [] when no path exists.
 */
function pushPath(
  p: CompiledProblem,
  lists: ArcLists,
  s: RepairState,
  from: number,
  lower: (j: number) => number,
  upper: (j: number) => number,
  near: ((j: number) => Int32Array) | undefined,
): number[] {
  const dist = new Map<number, number>([[from, 0]]);
  const incoming = new Map<number, { account: number; prev: number; w: number }>();
  const done = new Set<number>();
  for (let expanded = 0; expanded < MAX_EXPAND; expanded++) {
    let x = -1, dx = Infinity;
    for (const [r, d] of dist) if (!done.has(r) && d < dx) { dx = d; x = r; }
    if (x < 0) return [];
    done.add(x);
    const inW = x === from ? 0 : incoming.get(x)!.w;
    if (x !== from && s.load[x] + inW <= upper(x)) return unwind(incoming, x, from);
    // x sheds one account and must end inside its band (the over-full start: not below it).
    for (const a of s.members[x]) {
      if (p.lockedRep[a] >= 0) continue;
      const w = p.workload[a];
      const after = s.load[x] + inW - w;
      if (after < lower(x) || (x !== from && after > upper(x))) continue;
      const here = costOf(p, lists, a, x);
      for (let e = lists.start[a]; e < lists.start[a + 1]; e++) {
        const y = lists.rep[e];
        if (y === x || done.has(y)) continue;
        const d = dx + w * (lists.cost[e] - here);
        if (d < (dist.get(y) ?? Infinity)) {
          dist.set(y, d);
          incoming.set(y, { account: a, prev: x, w });
        }
      }
      if (!near) continue;
      for (const y of near(x)) {
        if (done.has(y)) continue;
        const t = p.travel(y, a);
        if (!isEligible(p, y, a, t)) continue;
        const d = dx + w * (t - here);
        if (d < (dist.get(y) ?? Infinity)) {
          dist.set(y, d);
          incoming.set(y, { account: a, prev: x, w });
        }
      }
    }
  }
  return [];
}

/** Rep `to` below its band: Dijkstra backwards; an edge y → x moves an account of x to y. */
function pullPath(
  p: CompiledProblem,
  lists: ArcLists,
  listing: { start: Int32Array; account: Int32Array },
  s: RepairState,
  to: number,
  lower: (j: number) => number,
  upper: (j: number) => number,
  near: ((j: number) => Int32Array) | undefined,
): number[] {
  const dist = new Map<number, number>([[to, 0]]);
  const outgoing = new Map<number, { account: number; next: number; w: number }>();
  const done = new Set<number>();
  for (let expanded = 0; expanded < MAX_EXPAND; expanded++) {
    let y = -1, dy = Infinity;
    for (const [r, d] of dist) if (!done.has(r) && d < dy) { dy = d; y = r; }
    if (y < 0) return [];
    done.add(y);
    const outW = y === to ? 0 : outgoing.get(y)!.w;
    if (y !== to && s.load[y] - outW >= lower(y)) return unwindPull(outgoing, y, to);
    const deficit = lower(y) - (s.load[y] - outW);
    const consider = (a: number, toY: number) => {
      const x = s.assign[a];
      if (x === y || x < 0 || done.has(x) || p.lockedRep[a] >= 0) return;
      const w = p.workload[a];
      if (y !== to && w < deficit) return;
      if (s.load[y] - outW + w > upper(y)) return;
      const d = dy + w * (toY - costOf(p, lists, a, x));
      if (d < (dist.get(x) ?? Infinity)) {
        dist.set(x, d);
        outgoing.set(x, { account: a, next: y, w });
      }
    };
    for (let k = listing.start[y]; k < listing.start[y + 1]; k++) {
      const a = listing.account[k];
      consider(a, costOf(p, lists, a, y));
    }
    if (!near) continue;
    for (const x of near(y)) {
      if (done.has(x)) continue;
      for (const a of s.members[x]) {
        const t = p.travel(y, a);
        if (isEligible(p, y, a, t)) consider(a, t);
      }
    }
  }
  return [];
}

/** The moves of a push path as [account, to, …]; their order does not matter for the final loads. */
function unwind(incoming: Map<number, { account: number; prev: number; w: number }>, end: number, from: number): number[] {
  const steps: number[] = [];
  for (let y = end; y !== from; ) {
    const step = incoming.get(y)!;
    steps.push(step.account, y);
    y = step.prev;
  }
  return steps;
}

function unwindPull(outgoing: Map<number, { account: number; next: number; w: number }>, start: number, to: number): number[] {
  const steps: number[] = [];
  for (let x = start; x !== to; ) {
    const step = outgoing.get(x)!;
    steps.push(step.account, step.next);
    x = step.next;
  }
  return steps;
}
