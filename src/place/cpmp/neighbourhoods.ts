import { siteIndexOfPoints, type CpmpInstance } from "./cpmp-instance.js";

/** Nearest sites kept per point: the search looks no further when it moves a median. */
const NEAR_SITES = 48;

/**
 * Orders precomputed once per instance: for each point its nearest sites, for each site its points
 * by cost (what the Lagrangian bound scans).
 */
export interface Neighbourhoods {
  /** Site index of each point, −1 when the point is not a site; length n. */
  readonly siteOf: Int32Array;
  /** Nearest sites of each point, by proximity: `nearSites[i * width + t]`; length n × width. */
  readonly nearSites: Int32Array;
  readonly width: number;
  /**
   * The reverse: points that have site k among their nearest sites are
   * `nearOf[nearOfStart[k]] .. nearOf[nearOfStart[k + 1] − 1]`.
   */
  readonly nearOfStart: Int32Array;
  readonly nearOf: Int32Array;
  /** Points of each site by cost ascending: `sitePoints[k * n + t]`; length s × n. */
  readonly sitePoints: Int32Array;
}

/**
 * Builds the orders. `proximity(i, k)` ranks the sites of point i (default: the cost); it differs
 * from the cost when some points weigh nothing (a site with no demand of its own still has
 * neighbours).
 */
export function buildNeighbourhoods(instance: CpmpInstance, proximity?: (i: number, k: number) => number): Neighbourhoods {
  const { n, cost } = instance;
  const s = instance.sites.length;
  const width = Math.min(s, NEAR_SITES);
  const nearSites = new Int32Array(n * width);
  const key = new Float64Array(s);
  const ids = Array.from({ length: s }, (_, k) => k);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < s; k++) key[k] = proximity ? proximity(i, k) : cost[i * s + k];
    const sorted = ids.slice().sort((a, b) => key[a] - key[b] || a - b);
    for (let t = 0; t < width; t++) nearSites[i * width + t] = sorted[t];
  }
  const nearOfStart = new Int32Array(s + 1);
  for (const k of nearSites) nearOfStart[k + 1]++;
  for (let k = 0; k < s; k++) nearOfStart[k + 1] += nearOfStart[k];
  const nearOf = new Int32Array(nearSites.length);
  const fill = nearOfStart.slice(0, s);
  for (let i = 0; i < n; i++) for (let t = 0; t < width; t++) nearOf[fill[nearSites[i * width + t]]++] = i;
  const sitePoints = new Int32Array(s * n);
  const column = new Float64Array(n);
  const points = Array.from({ length: n }, (_, i) => i);
  for (let k = 0; k < s; k++) {
    for (let i = 0; i < n; i++) column[i] = cost[i * s + k];
    const sorted = points.slice().sort((a, b) => column[a] - column[b] || a - b);
    sitePoints.set(sorted, k * n);
  }
  return { siteOf: siteIndexOfPoints(instance), nearSites, width, nearOfStart, nearOf, sitePoints };
}
