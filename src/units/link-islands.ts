import { createDisjointSets } from "../util/disjoint-sets.js";
import { segmentDistance } from "./nearest-unit.js";
import type { UnitMap } from "./unit-map.js";
import type { UnitMeasures } from "./unit-measures.js";

/**
 * Links the connected components of the unit graph until it is connected: the smallest component
 * (ties: the one holding the lowest unit index) is linked to the unit outside it whose boundary is
 * nearest (ties: lowest unit indices), then the next smallest, and so on. Distances are planar in an equirectangular
 * projection at the units' mean centroid latitude. Returns the links as pairs `[u, v, …]`, u inside
 * the linked component.
 */
export function linkIslands(map: UnitMap, measures: UnitMeasures, edges: readonly number[]): number[] {
  const U = map.count;
  const { find, union } = createDisjointSets(U);
  for (let i = 0; i < edges.length; i += 2) union(edges[i], edges[i + 1]);

  let meanLat = 0;
  for (let u = 0; u < U; u++) meanLat += measures.centroidLat[u] / Math.max(1, U);
  const kx = Math.cos((meanLat * Math.PI) / 180);

  const links: number[] = [];
  for (;;) {
    const members = new Map<number, number[]>();
    for (let u = 0; u < U; u++) {
      const root = find(u);
      const list = members.get(root);
      if (list) list.push(u);
      else members.set(root, [u]);
    }
    if (members.size <= 1) return links;
    let smallest: number[] = [];
    for (const list of members.values()) if (smallest.length === 0 || list.length < smallest.length) smallest = list;
    const root = find(smallest[0]);
    const [u, v] = nearestPair(map, measures, kx, smallest, (w) => find(w) !== root);
    links.push(u, v);
    union(u, v);
  }
}

/** The closest pair (u in `inside`, v with `outside(v)`) by boundary distance; ties go to the lowest indices. */
function nearestPair(map: UnitMap, m: UnitMeasures, kx: number, inside: number[], outside: (v: number) => boolean): [number, number] {
  const candidates: { u: number; v: number; bound: number }[] = [];
  for (const u of inside) {
    for (let v = 0; v < map.count; v++) {
      if (outside(v)) candidates.push({ u, v, bound: boxDistance(m.bbox, u, v, kx) });
    }
  }
  candidates.sort((a, b) => a.bound - b.bound || a.u - b.u || a.v - b.v);
  let best = Infinity;
  let pair: [number, number] = [candidates[0].u, candidates[0].v];
  for (const { u, v, bound } of candidates) {
    if (bound >= best) break;
    const d = boundaryDistance(map, u, v, kx);
    if (d < best) {
      best = d;
      pair = [u, v];
    }
  }
  return pair;
}

function boxDistance(bbox: Float64Array, u: number, v: number, kx: number): number {
  const dx = Math.max(0, bbox[4 * v] - bbox[4 * u + 2], bbox[4 * u] - bbox[4 * v + 2]) * kx;
  const dy = Math.max(0, bbox[4 * v + 1] - bbox[4 * u + 3], bbox[4 * u + 1] - bbox[4 * v + 3]);
  return Math.hypot(dx, dy);
}

/** Nearest boundary points of u and v: every vertex of each against every segment of the other. */
function boundaryDistance(map: UnitMap, u: number, v: number, kx: number): number {
  return Math.min(verticesToSegments(map, u, v, kx), verticesToSegments(map, v, u, kx));
}

function verticesToSegments(map: UnitMap, u: number, v: number, kx: number): number {
  let best = Infinity;
  for (const pu of map.polygons[u]) {
    for (const ru of pu) {
      for (const pv of map.polygons[v]) {
        for (const rv of pv) {
          const k = rv.length / 2;
          for (let i = 0; i < ru.length; i += 2) {
            for (let a = 0, b = k - 1; a < k; b = a++) {
              const d = segmentDistance(ru[i], ru[i + 1], rv[2 * b], rv[2 * b + 1], rv[2 * a], rv[2 * a + 1], kx);
              if (d < best) best = d;
            }
          }
        }
      }
    }
  }
  return best;
}
