import { createClusters, rebuildClusters, type Clusters } from "./clusters.js";
import type { CpmpInstance } from "./cpmp-instance.js";
import type { ImproveContext } from "./improve.js";
import { createImproveContext, isBetterSolution, iteratedSearch } from "./iterated-search.js";
import { buildNeighbourhoods } from "./neighbourhoods.js";

/** Options of `optimiseRegions`. */
export interface RegionOptions {
  /** Clusters in a region besides its seed. */
  readonly neighbours: number;
  /** Rounds of the iterated search on each region. */
  readonly rounds: number;
  /** Ranks the sites of a point (full-instance indices), as for the neighbourhoods. */
  readonly proximity?: (point: number, site: number) => number;
}

/**
 * Decomposition in the manner of POPMUSIC (Taillard): a region is a seed cluster and its nearest
 * clusters; its points form a small CPMP (those clusters' medians to place, their points to share),
 * solved by the iterated search from the current solution and written back when better. Every
 * cluster seeds a region once in random order; a region that improves puts its clusters back in
 * line. Ends when the line is empty (or the meter stops). Returns whether anything improved.
 */
export function optimiseRegions(c: Clusters, ctx: ImproveContext, random: () => number, options: RegionOptions): boolean {
  const p = c.median.length;
  const line: number[] = [];
  const waiting = new Uint8Array(p);
  for (let t = 0; t < p; t++) line.push(t);
  for (let t = p - 1; t > 0; t--) {
    const j = Math.floor(random() * (t + 1));
    [line[t], line[j]] = [line[j], line[t]];
  }
  waiting.fill(1);
  let improved = false;
  while (line.length > 0 && !ctx.meter.stopped()) {
    const seed = line.pop()!;
    waiting[seed] = 0;
    const region = regionAround(c, seed, options.neighbours);
    if (region.length < 2) continue;
    if (solveRegion(c, region, ctx, random, options)) {
      improved = true;
      for (const t of region) {
        if (!waiting[t]) {
          waiting[t] = 1;
          line.unshift(t);
        }
      }
    }
  }
  return improved;
}

/** The seed and the clusters whose medians are nearest its median. */
function regionAround(c: Clusters, seed: number, neighbours: number): number[] {
  const region = [seed];
  const base = c.median[seed] * c.nearWidth;
  for (let r = 0; r < c.nearWidth && region.length <= neighbours; r++) {
    const t = c.near[base + r];
    if (!region.includes(t)) region.push(t);
  }
  return region;
}

function solveRegion(c: Clusters, region: number[], ctx: ImproveContext, random: () => number, options: RegionOptions): boolean {
  const full = c.instance;
  const s = c.s;
  const points: number[] = [];
  for (const t of region) for (let i = c.head[t]; i >= 0; i = c.next[i]) points.push(i);
  points.sort((x, y) => x - y);
  const clusterIndex = new Map(region.map((t, r) => [t, r] as const));
  const u = points.length;
  const local = new Map(points.map((i, x) => [i, x] as const));
  // Sub-sites: points that are sites, not ruled out (current medians always kept).
  const subSites: number[] = [];
  const fullSite: number[] = [];
  for (let x = 0; x < u; x++) {
    const k = ctx.hoods.siteOf[points[x]];
    if (k < 0) continue;
    const isMedian = c.clusterAtSite[k] >= 0;
    if (ctx.closed[k] && !isMedian) continue;
    subSites.push(x);
    fullSite.push(k);
  }
  const m = subSites.length;
  const cost = new Float64Array(u * m);
  for (let x = 0; x < u; x++) {
    const row = points[x] * s;
    for (let y = 0; y < m; y++) cost[x * m + y] = full.cost[row + fullSite[y]];
  }
  const forced: number[] = [];
  fullSite.forEach((k, y) => {
    if (ctx.pinned[k]) forced.push(y);
  });
  const pick = (values: Float64Array) => Float64Array.from(points, (i) => values[i]);
  const sub: CpmpInstance = {
    n: u,
    p: region.length,
    demand: pick(full.demand),
    capacity: pick(full.capacity),
    ...(full.minLoad ? { minLoad: pick(full.minLoad) } : {}),
    sites: Int32Array.from(subSites),
    cost,
    forced: Int32Array.from(forced),
    integerCosts: full.integerCosts,
  };
  const proximity = options.proximity;
  const hoods = buildNeighbourhoods(sub, proximity ? (x, y) => proximity(points[x], fullSite[y]) : undefined);
  ctx.meter.add(u * m);
  const medians = region.map((t) => local.get(c.median[t])!);
  const assign = points.map((i) => clusterIndex.get(c.assign[i])!);
  const start = createClusters(sub, hoods.siteOf, medians, assign);
  const subCtx = createImproveContext(sub, hoods, start, ctx.meter, random);
  const { best } = iteratedSearch(start, subCtx, random, { rounds: options.rounds, patience: options.rounds });
  if (!isBetterSolution(best, start, subCtx)) return false;
  rebuildClusters(
    c,
    region,
    Array.from(best.median, (x) => points[x]),
    Array.from(best.median, (x) => ctx.hoods.siteOf[points[x]]),
    Int32Array.from(points),
    u,
    best.assign,
  );
  return true;
}
