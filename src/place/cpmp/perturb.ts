import { costTo, movePoint, setMedian, type Clusters } from "./clusters.js";
import type { ImproveContext } from "./improve.js";

/** Tries to find an unopened, allowed site before giving up on one relocation. */
const DRAWS = 30;
/** Random points drawn to pick the one around which a local kick happens (the dearest wins). */
const TOURNAMENT = 3;

/**
 * Kicks the solution out of its local optimum: `strength` times, a median moves to a site that
 * is not open. Usually the move is local — the site is one of the nearest sites of a point (a
 * random one, or half the time the dearest to serve of three drawn at random), and the median
 * that moves is one of the open medians nearest that site — sometimes (`globalShare`) a random
 * median moves to a random site. The median takes its old members along for the search to
 * redistribute. Returns the number of medians moved.
 */
export function perturb(c: Clusters, ctx: ImproveContext, random: () => number, strength: number, globalShare = 0.2): number {
  const { sites } = c.instance;
  const { hoods, closed, pinned } = ctx;
  const p = c.median.length;
  const n = c.instance.n;
  let moved = 0;
  for (let r = 0; r < strength; r++) {
    const global = random() < globalShare;
    let k = -1;
    for (let d = 0; d < DRAWS && k < 0; d++) {
      const candidate = global ? Math.floor(random() * c.s) : hoods.nearSites[costlyPoint(c, random, n) * hoods.width + Math.floor(random() * hoods.width)];
      if (!closed[candidate] && c.clusterAtSite[candidate] < 0) k = candidate;
    }
    if (k < 0) return moved;
    const j = sites[k];
    let t = -1;
    if (!global) {
      // One of the (up to) three open medians nearest the new site.
      const open: number[] = [];
      for (let q = 0; q < hoods.width && open.length < 3; q++) {
        const cluster = c.clusterAtSite[hoods.nearSites[j * hoods.width + q]];
        if (cluster >= 0 && !pinned[c.site[cluster]]) open.push(cluster);
      }
      if (open.length > 0) t = open[Math.floor(random() * open.length)];
    }
    for (let d = 0; d < DRAWS && t < 0; d++) {
      const candidate = Math.floor(random() * p);
      if (!pinned[c.site[candidate]]) t = candidate;
    }
    if (t < 0) return moved;
    movePoint(c, j, t);
    setMedian(c, t, j, k);
    moved++;
  }
  return moved;
}

/** Half the time a random point, else the dearest to serve now of a few: kicks lean to where the cost is. */
function costlyPoint(c: Clusters, random: () => number, n: number): number {
  let best = Math.floor(random() * n);
  if (random() < 0.5) return best;
  for (let d = 1; d < TOURNAMENT; d++) {
    const i = Math.floor(random() * n);
    if (costTo(c, i, c.assign[i]) > costTo(c, best, c.assign[best])) best = i;
  }
  return best;
}
