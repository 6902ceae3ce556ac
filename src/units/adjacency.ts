import { haversineKm } from "../geo/haversine.js";
import { linkIslands } from "./link-islands.js";
import type { UnitMap } from "./unit-map.js";
import type { UnitMeasures } from "./unit-measures.js";
import { createVertexTable } from "./vertex-table.js";

/**
 * When two units count as neighbours:
 * - `rook`: they share a stretch of boundary (at least one boundary segment, both end points equal);
 * - `queen`: they share at least one boundary point (corners count).
 */
export type AdjacencyRule = "rook" | "queen";

/** The unit graph, CSR layout, connected (see `buildAdjacency` for how islands are linked). */
export interface UnitGraph {
  readonly count: number;
  /** Neighbours of unit u are `neighbor[start[u] .. start[u + 1] − 1]`, ascending; length count + 1. */
  readonly start: Int32Array;
  readonly neighbor: Int32Array;
  /** Boundary length shared with that neighbour, km; 0 for corner-only contacts and island links. */
  readonly sharedKm: Float64Array;
  /** Island links added to connect the graph, as pairs `[u0, v0, u1, v1, …]` (u in the smaller part). */
  readonly links: Int32Array;
}

/**
 * Builds the adjacency of units from their boundaries, exactly: vertices are matched bit for bit
 * (TopoJSON arcs are decoded once, so neighbours across a shared arc always match; GeoJSON from a
 * topologically clean source does too). Two units are rook neighbours when they share a boundary
 * segment, queen neighbours when they share any vertex. Boundaries that cross or meet at a vertex
 * of only one side (T-junctions) are not detected.
 *
 * Multi-part units are one node: a unit is adjacent to everything any of its parts touches.
 * Islands: while the graph has several connected components, the smallest one is linked to the
 * unit outside it with the nearest boundary (planar distance in an equirectangular projection at
 * the units' mean latitude; ties go to the lowest unit index), one link per step, until the graph
 * is connected. Units that touch only at a corner are such islands under `rook`.
 */
export function buildAdjacency(map: UnitMap, measures: UnitMeasures, rule: AdjacencyRule): UnitGraph {
  const U = map.count;
  let positions = 0;
  for (const polygons of map.polygons) for (const polygon of polygons) for (const ring of polygon) positions += ring.length / 2;
  const table = createVertexTable(positions);
  const ringIds: Int32Array[] = [];
  const ringUnit: number[] = [];
  for (let u = 0; u < U; u++) {
    for (const polygon of map.polygons[u]) {
      for (const ring of polygon) {
        const ids = new Int32Array(ring.length / 2);
        for (let i = 0; i < ids.length; i++) ids[i] = table.idOf(ring[2 * i], ring[2 * i + 1]);
        ringIds.push(ids);
        ringUnit.push(u);
      }
    }
  }
  const V = table.size();
  const xy = table.coords();
  const pairs = new Map<number, number>();
  const addPair = (u: number, v: number, km: number) => {
    const key = u < v ? u * U + v : v * U + u;
    pairs.set(key, (pairs.get(key) ?? 0) + km);
  };

  const firstUnit = new Map<number, number>();
  for (let k = 0; k < ringIds.length; k++) {
    const ids = ringIds[k];
    const u = ringUnit[k];
    for (let i = 0; i < ids.length; i++) {
      const a = ids[i], b = ids[i === ids.length - 1 ? 0 : i + 1];
      if (a === b) continue;
      const key = a < b ? a * V + b : b * V + a;
      const other = firstUnit.get(key);
      if (other === undefined) firstUnit.set(key, u);
      else if (other !== u) addPair(u, other, haversineKm(xy[2 * a], xy[2 * a + 1], xy[2 * b], xy[2 * b + 1]));
    }
  }
  if (rule === "queen") addCornerPairs(ringIds, ringUnit, V, addPair);

  const edges: number[] = [];
  const km: number[] = [];
  for (const [key, length] of pairs) {
    edges.push(Math.floor(key / U), key % U);
    km.push(length);
  }
  const links = linkIslands(map, measures, edges);
  for (let i = 0; i < links.length; i += 2) {
    edges.push(links[i], links[i + 1]);
    km.push(0);
  }
  return { count: U, ...toCsr(U, edges, km), links: Int32Array.from(links) };
}

/** Queen contacts: every two units around a shared vertex (length 0 unless a segment is shared too). */
function addCornerPairs(ringIds: Int32Array[], ringUnit: number[], V: number, addPair: (u: number, v: number, km: number) => void): void {
  const count = new Int32Array(V + 1);
  const last = new Int32Array(V).fill(-1);
  for (let k = 0; k < ringIds.length; k++) {
    for (const v of ringIds[k]) {
      if (last[v] === ringUnit[k]) continue;
      last[v] = ringUnit[k];
      count[v + 1]++;
    }
  }
  for (let v = 0; v < V; v++) count[v + 1] += count[v];
  const units = new Int32Array(count[V]);
  const fill = count.slice(0, V);
  last.fill(-1);
  for (let k = 0; k < ringIds.length; k++) {
    for (const v of ringIds[k]) {
      if (last[v] === ringUnit[k]) continue;
      last[v] = ringUnit[k];
      units[fill[v]++] = ringUnit[k];
    }
  }
  for (let v = 0; v < V; v++) {
    for (let i = count[v]; i < count[v + 1]; i++) {
      for (let j = i + 1; j < count[v + 1]; j++) if (units[i] !== units[j]) addPair(units[i], units[j], 0);
    }
  }
}

function toCsr(U: number, edges: number[], km: number[]): { start: Int32Array; neighbor: Int32Array; sharedKm: Float64Array } {
  const E = km.length;
  const start = new Int32Array(U + 1);
  for (let e = 0; e < E; e++) {
    start[edges[2 * e] + 1]++;
    start[edges[2 * e + 1] + 1]++;
  }
  for (let u = 0; u < U; u++) start[u + 1] += start[u];
  const neighbor = new Int32Array(2 * E);
  const sharedKm = new Float64Array(2 * E);
  const at = start.slice(0, U);
  for (let e = 0; e < E; e++) {
    const u = edges[2 * e], v = edges[2 * e + 1];
    neighbor[at[u]] = v;
    sharedKm[at[u]++] = km[e];
    neighbor[at[v]] = u;
    sharedKm[at[v]++] = km[e];
  }
  for (let u = 0; u < U; u++) {
    const idx = Array.from({ length: start[u + 1] - start[u] }, (_, i) => start[u] + i).sort((i, j) => neighbor[i] - neighbor[j]);
    const n = idx.map((i) => neighbor[i]);
    const s = idx.map((i) => sharedKm[i]);
    neighbor.set(n, start[u]);
    sharedKm.set(s, start[u]);
  }
  return { start, neighbor, sharedKm };
}
