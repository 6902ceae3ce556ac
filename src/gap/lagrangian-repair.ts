import type { GapArcs } from "./gap-arcs.js";

/**
 * Turns the knapsack relaxation's choice into a complete assignment: a job chosen by one agent
 * keeps it; a job chosen by several keeps its cheapest; a job chosen by none goes, largest first,
 * to the cheapest agent that still has room (or, if none has, the least overloaded one). Fixed
 * jobs keep their arc and excluded arcs are never used. The result may violate capacities; the
 * caller checks. Returns the arc per job, or null when some job has no usable arc.
 */
export function repairChoice(
  arcs: GapArcs,
  chosen: Uint8Array,
  fixedArc: Int32Array | null,
  excluded: Uint8Array | null,
): Int32Array | null {
  const { n, m, start, agent, cost, resource, capacity } = arcs;
  const arcOfJob = new Int32Array(n).fill(-1);
  const load = new Float64Array(m);
  const open: number[] = [];
  for (let j = 0; j < n; j++) {
    if (fixedArc && fixedArc[j] >= 0) {
      arcOfJob[j] = fixedArc[j];
    } else {
      let pick = -1;
      for (let e = start[j]; e < start[j + 1]; e++) {
        if (chosen[e] && (!excluded || !excluded[e]) && (pick < 0 || cost[e] < cost[pick])) pick = e;
      }
      if (pick < 0) {
        open.push(j);
        continue;
      }
      arcOfJob[j] = pick;
    }
    load[agent[arcOfJob[j]]] += resource[arcOfJob[j]];
  }
  const size = (j: number): number => {
    let least = Infinity;
    for (let e = start[j]; e < start[j + 1]; e++) if (!excluded || !excluded[e]) least = Math.min(least, resource[e]);
    return least;
  };
  const sizes = new Map(open.map((j) => [j, size(j)]));
  open.sort((x, y) => sizes.get(y)! - sizes.get(x)! || x - y);
  for (const j of open) {
    let fit = -1;
    let least = -1;
    for (let e = start[j]; e < start[j + 1]; e++) {
      if (excluded && excluded[e]) continue;
      const i = agent[e];
      if (load[i] + resource[e] <= capacity[i] && (fit < 0 || cost[e] < cost[fit])) fit = e;
      const over = load[i] + resource[e] - capacity[i];
      if (least < 0 || over < load[agent[least]] + resource[least] - capacity[agent[least]]) least = e;
    }
    const e = fit >= 0 ? fit : least;
    if (e < 0) return null;
    arcOfJob[j] = e;
    load[agent[e]] += resource[e];
  }
  return arcOfJob;
}
