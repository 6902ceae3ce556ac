import { isBetter, type Tolerance } from "./assignment-descent.js";
import { barred, clusterBarredAt, clusterCostAt, costTo, excessAt, movePoint, setMedian, type Clusters } from "./clusters.js";
import type { Neighbourhoods } from "./neighbourhoods.js";
import type { WorkMeter } from "./work-meter.js";

/** Sites near the current median that a cluster may pull in as its new median. */
const PULL_SITES = 8;

/**
 * Moves each cluster's median to its best site: one of its own members, or one of the sites
 * nearest the current median (a point of another cluster, which then joins this one). Sites that
 * `closed` marks are skipped. Returns whether any median moved.
 */
export function updateMedians(c: Clusters, hoods: Neighbourhoods, closed: Uint8Array, tol: Tolerance, meter: WorkMeter): boolean {
  const { demand, capacity, minLoad, forced } = c.instance;
  const p = c.median.length;
  const pinned = new Uint8Array(c.s);
  for (const k of forced ?? []) pinned[k] = 1;
  let movedAny = false;
  meter.add(p);
  for (let t = 0; t < p; t++) {
    if (pinned[c.site[t]] || c.version[t] <= c.medianChecked[t]) continue;
    const load = c.load[t];
    const exNow = excessAt(c, t, load) + clusterBarredAt(c, t, c.site[t]);
    const costNow = clusterCostAt(c, t, c.site[t]);
    let best = -1;
    let bestEx = 0;
    let bestCost = 0;
    let bestFrom = -1;
    const consider = (j: number, k: number, from: number) => {
      const extra = from >= 0 ? demand[j] : 0;
      const l = load + extra;
      const over = l - capacity[j];
      const low = minLoad ? minLoad[j] - l : 0;
      let dEx = (over > 0 ? over : 0) + (low > 0 ? low : 0) + clusterBarredAt(c, t, k) - exNow;
      let dCost = clusterCostAt(c, t, k) - costNow;
      if (from >= 0) {
        dEx += excessAt(c, from, c.load[from] - extra) - excessAt(c, from, c.load[from]) - barred(c, j, from);
        dCost += c.instance.cost[j * c.s + k] - costTo(c, j, from);
      }
      meter.add(c.size[t]);
      if (isBetter(dEx - bestEx, dCost - bestCost, tol)) {
        best = j;
        bestEx = dEx;
        bestCost = dCost;
        bestFrom = from;
      }
    };
    for (let j = c.head[t]; j >= 0; j = c.next[j]) {
      const k = hoods.siteOf[j];
      if (k >= 0 && k !== c.site[t] && !closed[k]) consider(j, k, -1);
    }
    const around = c.median[t] * hoods.width;
    for (let r = 0; r < Math.min(PULL_SITES, hoods.width); r++) {
      const k = hoods.nearSites[around + r];
      const j = c.instance.sites[k];
      const from = c.assign[j];
      if (from === t || closed[k] || c.clusterAtSite[k] >= 0) continue;
      consider(j, k, from);
    }
    if (best < 0) {
      c.medianChecked[t] = c.version[t];
      continue;
    }
    if (bestFrom >= 0) movePoint(c, best, t);
    setMedian(c, t, best, hoods.siteOf[best]);
    movedAny = true;
  }
  return movedAny;
}
