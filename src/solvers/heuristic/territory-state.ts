import type { Candidates } from "../../compile/candidates.js";
import type { CompiledProblem } from "../../compile/compiled-problem.js";
import { accountHours } from "../../compile/travel-hours.js";

/**
 * Mutable assignment with per-rep loads and member lists, kept in sync by `move`.
 * Member lists allow O(1) removal: `slot[a]` is a's position in `members[assign[a]]`.
 */
export interface TerritoryState {
  readonly assign: Int32Array; // rep per account, −1 unassigned
  readonly load: Float64Array; // Σ hours per rep (`accountHours`: workload, with travel when it counts)
  readonly members: number[][]; // accounts per rep, unordered
  readonly slot: Int32Array; // index of account in its rep's member list
  objective: number; // Σ workload × travel of assigned accounts
}

export function createState(p: CompiledProblem): TerritoryState {
  return {
    assign: new Int32Array(p.n).fill(-1),
    load: new Float64Array(p.m),
    members: Array.from({ length: p.m }, () => []),
    slot: new Int32Array(p.n).fill(-1),
    objective: 0,
  };
}

/** Travel minutes of account a to rep r through its candidate list, or −1 when r is not a candidate. */
export function arcMinutes(c: Candidates, a: number, r: number): number {
  for (let e = c.start[a]; e < c.start[a + 1]; e++) if (c.rep[e] === r) return c.minutes[e];
  return -1;
}

/** Moves account a to rep `to` (−1 unassigns), updating loads, members and the objective. */
export function move(s: TerritoryState, p: CompiledProblem, a: number, to: number, fromMinutes: number, toMinutes: number): void {
  const from = s.assign[a];
  const w = p.workload[a];
  // Loads are hours (with travel in the hours, at the rep's distance); the objective is workload × minutes.
  if (from >= 0) {
    const list = s.members[from];
    const last = list.pop()!;
    if (last !== a) {
      list[s.slot[a]] = last;
      s.slot[last] = s.slot[a];
    }
    s.load[from] -= accountHours(p, a, fromMinutes);
    s.objective -= w * fromMinutes;
  }
  s.assign[a] = to;
  if (to >= 0) {
    s.slot[a] = s.members[to].length;
    s.members[to].push(a);
    s.load[to] += accountHours(p, a, toMinutes);
    s.objective += w * toMinutes;
  } else {
    s.slot[a] = -1;
  }
}

/** Hours outside rep r's band at the given load. */
export function violation(p: CompiledProblem, r: number, load: number): number {
  return Math.max(0, load - p.upper[r]) + Math.max(0, p.lower[r] - load);
}

export function totalViolation(s: TerritoryState, p: CompiledProblem): number {
  let v = 0;
  for (let r = 0; r < p.m; r++) v += violation(p, r, s.load[r]);
  return v;
}
