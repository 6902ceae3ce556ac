import { violation, type UnitProblem } from "./unit-problem.js";

/**
 * A mutable unit → rep assignment with loads, member lists and cached articulation flags, kept in
 * sync by `moveUnit`. Member lists allow O(1) removal: `slot[u]` is u's position in
 * `members[owner[u]]`.
 */
export interface Partition {
  /** Rep per unit, −1 while unassigned; length U. */
  readonly owner: Int32Array;
  /** Σ unit weight per rep, hours; length m. */
  readonly load: Float64Array;
  /** Units per rep, unordered. */
  readonly members: number[][];
  /** Position of each unit in its rep's member list; length U. */
  readonly slot: Int32Array;
  /** Σ cost[u, owner[u]] over assigned units. */
  cost: number;
  /** 1 when removing u would disconnect its territory (an articulation point); valid only while `stale[owner[u]]` is 0; length U. */
  readonly cut: Uint8Array;
  /** 1 when a rep's territory changed since its `cut` flags were computed; length m. */
  readonly stale: Uint8Array;
}

export function createPartition(up: UnitProblem, owner: Int32Array): Partition {
  const part: Partition = {
    owner: new Int32Array(up.U).fill(-1),
    load: new Float64Array(up.m),
    members: Array.from({ length: up.m }, () => []),
    slot: new Int32Array(up.U).fill(-1),
    cost: 0,
    cut: new Uint8Array(up.U),
    stale: new Uint8Array(up.m).fill(1),
  };
  for (let u = 0; u < up.U; u++) if (owner[u] >= 0) moveUnit(part, up, u, owner[u]);
  return part;
}

/** Moves unit u to rep `to` (−1 unassigns), updating loads, members, cost and staleness. */
export function moveUnit(part: Partition, up: UnitProblem, u: number, to: number): void {
  const from = part.owner[u];
  if (from === to) return;
  const w = up.weight[u];
  if (from >= 0) {
    const list = part.members[from];
    const last = list.pop()!;
    if (last !== u) {
      list[part.slot[u]] = last;
      part.slot[last] = part.slot[u];
    }
    part.load[from] -= w;
    part.cost -= up.cost[u * up.m + from];
    part.stale[from] = 1;
  }
  part.owner[u] = to;
  if (to >= 0) {
    part.slot[u] = part.members[to].length;
    part.members[to].push(u);
    part.load[to] += w;
    part.cost += up.cost[u * up.m + to];
    part.stale[to] = 1;
  } else {
    part.slot[u] = -1;
  }
}

/** Σ hours outside the bands over all reps. */
export function totalViolation(part: Partition, up: UnitProblem): number {
  let v = 0;
  for (let r = 0; r < up.m; r++) v += violation(up, r, part.load[r]);
  return v;
}

/** Σ cost recomputed from scratch (drift-free). */
export function recomputeCost(part: Partition, up: UnitProblem): number {
  let c = 0;
  for (let u = 0; u < up.U; u++) if (part.owner[u] >= 0) c += up.cost[u * up.m + part.owner[u]];
  part.cost = c;
  return c;
}
