import type { CompiledProblem } from "../../compile/compiled-problem.js";

/**
 * Last guard of hard capacity: a rep still above its capacity after repair gives up accounts
 * (never locked ones) until it is not, each time the smallest account that ends the excess, or
 * else its largest, so that few accounts and few hours are left out. Returns the accounts
 * unassigned (−1 in `assign`).
 */
export function enforceCapacity(p: CompiledProblem, assign: Int32Array): number[] {
  const load = new Float64Array(p.m);
  for (let a = 0; a < p.n; a++) if (assign[a] >= 0) load[assign[a]] += p.workload[a];
  const over: number[] = [];
  for (let j = 0; j < p.m; j++) if (load[j] > p.capacity[j] * (1 + 1e-9)) over.push(j);
  if (over.length === 0) return [];
  const members = new Map<number, number[]>(over.map((j) => [j, []]));
  for (let a = 0; a < p.n; a++) if (assign[a] >= 0 && p.lockedRep[a] < 0) members.get(assign[a])?.push(a);
  const out: number[] = [];
  for (const j of over) {
    const list = members.get(j)!.sort((x, y) => p.workload[x] - p.workload[y] || x - y);
    while (load[j] > p.capacity[j] * (1 + 1e-9) && list.length > 0) {
      const excess = load[j] - p.capacity[j];
      let pick = list.findIndex((a) => p.workload[a] >= excess);
      if (pick < 0) pick = list.length - 1;
      const a = list[pick];
      list.splice(pick, 1);
      assign[a] = -1;
      load[j] -= p.workload[a];
      out.push(a);
    }
  }
  return out;
}
