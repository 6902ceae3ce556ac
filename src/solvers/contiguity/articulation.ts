import type { UnitGraph } from "../../units/adjacency.js";
import type { Partition } from "./partition.js";

/** Scratch arrays for `markCutUnits`, allocated once per solve; each of length U. */
export interface TarjanScratch {
  /** Discovery time of each unit in the current run (valid when `epoch[u]` is the run's). */
  readonly disc: Int32Array;
  /** Lowest discovery time reachable from u's DFS subtree through one back edge. */
  readonly low: Int32Array;
  readonly parent: Int32Array;
  /** Next adjacency index to scan for each unit on the DFS stack. */
  readonly next: Int32Array;
  readonly stack: Int32Array;
  /** Run in which each unit was last visited (so nothing needs clearing between runs). */
  readonly epoch: Int32Array;
  run: number;
}

export function createTarjanScratch(U: number): TarjanScratch {
  return {
    disc: new Int32Array(U),
    low: new Int32Array(U),
    parent: new Int32Array(U),
    next: new Int32Array(U),
    stack: new Int32Array(U),
    epoch: new Int32Array(U),
    run: 0,
  };
}

/**
 * Recomputes the articulation flags (`part.cut`) of rep r's territory with one iterative Tarjan DFS
 * from `root`, in O(units + adjacencies of the territory), and clears `part.stale[r]`. Returns how
 * many of r's units the DFS reached (equal to the territory's size exactly when it is connected).
 */
export function markCutUnits(graph: UnitGraph, part: Partition, r: number, root: number, t: TarjanScratch): number {
  const { start, neighbor } = graph;
  const { owner, cut } = part;
  for (const u of part.members[r]) cut[u] = 0;
  part.stale[r] = 0;
  if (root < 0 || owner[root] !== r) return 0;
  const run = ++t.run;
  let time = 0;
  let top = 0;
  let rootChildren = 0;
  t.stack[top++] = root;
  t.epoch[root] = run;
  t.disc[root] = t.low[root] = ++time;
  t.parent[root] = -1;
  t.next[root] = start[root];
  while (top > 0) {
    const u = t.stack[top - 1];
    if (t.next[u] < start[u + 1]) {
      const v = neighbor[t.next[u]++];
      if (owner[v] !== r) continue;
      if (t.epoch[v] !== run) {
        t.epoch[v] = run;
        t.parent[v] = u;
        t.disc[v] = t.low[v] = ++time;
        t.next[v] = start[v];
        t.stack[top++] = v;
        if (u === root) rootChildren++;
      } else if (v !== t.parent[u] && t.disc[v] < t.low[u]) {
        t.low[u] = t.disc[v];
      }
    } else {
      top--;
      const p = t.parent[u];
      if (p >= 0) {
        if (t.low[u] < t.low[p]) t.low[p] = t.low[u];
        if (p !== root && t.low[u] >= t.disc[p]) cut[p] = 1;
      }
    }
  }
  if (rootChildren > 1) cut[root] = 1;
  return time;
}
