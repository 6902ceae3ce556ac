import { createClusters, type Clusters } from "./clusters.js";
import type { CpmpInstance } from "./cpmp-instance.js";

/**
 * Clusters around the given medians (point indices): each median serves itself, then the other
 * points, largest regret first (cost to the second-nearest median minus the nearest), go to the
 * cheapest median with room left, or to the cheapest one when none has room (the search then
 * repairs the excess).
 */
export function clustersAround(instance: CpmpInstance, siteOf: Int32Array, medians: ArrayLike<number>, stamps: { value: number }): Clusters {
  const { n, demand, capacity, cost } = instance;
  const s = instance.sites.length;
  const p = medians.length;
  const assign = new Int32Array(n).fill(-1);
  const load = new Float64Array(p);
  const site = new Int32Array(p);
  for (let t = 0; t < p; t++) {
    const j = medians[t];
    assign[j] = t;
    load[t] = demand[j];
    site[t] = siteOf[j];
  }
  const rest: number[] = [];
  const regret = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (assign[i] >= 0) continue;
    let first = Infinity;
    let second = Infinity;
    for (let t = 0; t < p; t++) {
      const value = cost[i * s + site[t]];
      if (value < first) {
        second = first;
        first = value;
      } else if (value < second) second = value;
    }
    regret[i] = p > 1 ? second - first : 0;
    rest.push(i);
  }
  rest.sort((x, y) => regret[y] - regret[x] || demand[y] - demand[x] || x - y);
  for (const i of rest) {
    let best = -1;
    let cheapest = -1;
    for (let t = 0; t < p; t++) {
      const value = cost[i * s + site[t]];
      if (cheapest < 0 || value < cost[i * s + site[cheapest]]) cheapest = t;
      if (load[t] + demand[i] <= capacity[medians[t]] && (best < 0 || value < cost[i * s + site[best]])) best = t;
    }
    const t = best >= 0 ? best : cheapest;
    assign[i] = t;
    load[t] += demand[i];
  }
  return createClusters(instance, siteOf, medians, assign, stamps);
}
