import type { Plan } from "../model/plan.js";
import { polygonContains } from "./polygon-index.js";
import { readUnitMap, type FlatRing } from "./unit-map.js";
import { createVertexTable } from "./vertex-table.js";

/** A GeoJSON Polygon or MultiPolygon geometry (`[lng, lat]` positions, rings closed). */
export type AreaGeometry =
  | { readonly type: "Polygon"; readonly coordinates: number[][][] }
  | { readonly type: "MultiPolygon"; readonly coordinates: number[][][][] };

/** One territory's outline, made of its units. */
export interface DissolvedTerritory {
  readonly repId: string;
  /** Rep index (input order). */
  readonly repIndex: number;
  /** Outer rings counter-clockwise, holes clockwise (RFC 7946); a Polygon when the territory is in one piece. */
  readonly geometry: AreaGeometry;
}

/**
 * The outline of every territory of a unit-based plan (one whose territories carry `unitIds`), in
 * rep order; territories without units are left out, and a plan without units gives `[]`.
 *
 * Outlines are dissolved exactly: the units' rings are oriented (outer rings counter-clockwise,
 * holes clockwise), every boundary segment two units of the same territory share appears once in
 * each direction and cancels, and the segments left are chained into rings (at a vertex where the
 * territory touches itself, the chain turns as far left as it can, so rings stay simple). Clockwise
 * rings become holes of the smallest outer ring around them. This needs shared boundaries to use the
 * same vertices on both sides, as TopoJSON and topologically clean GeoJSON do; units that only
 * overlap or meet at T-junctions leave their inner borders in the outline. The plan is not modified.
 */
export function dissolveTerritories(plan: Plan): DissolvedTerritory[] {
  const units = plan.problem.units;
  if (units === undefined) return [];
  const map = readUnitMap(units);
  const out: DissolvedTerritory[] = [];
  plan.territories.forEach((territory, repIndex) => {
    const ids = territory.unitIds ?? [];
    if (ids.length === 0) return;
    const rings: FlatRing[] = [];
    for (const id of ids) {
      const u = map.index.get(id);
      if (u === undefined) continue;
      for (const polygon of map.polygons[u]) polygon.forEach((ring, k) => rings.push(oriented(ring, k === 0)));
    }
    const polygons = assemble(dissolveRings(rings));
    if (polygons.length === 0) return;
    const geometry: AreaGeometry = polygons.length === 1 ? { type: "Polygon", coordinates: polygons[0] } : { type: "MultiPolygon", coordinates: polygons };
    out.push({ repId: territory.repId, repIndex, geometry });
  });
  return out;
}

/** Planar signed area in degrees² (positive when counter-clockwise). */
function signedArea(ring: FlatRing): number {
  let sum = 0;
  const k = ring.length / 2;
  for (let i = 0, j = k - 1; i < k; j = i++) sum += (ring[2 * j] - ring[2 * i]) * (ring[2 * j + 1] + ring[2 * i + 1]);
  return sum / 2;
}

/** The ring counter-clockwise when `outer`, clockwise otherwise. */
function oriented(ring: FlatRing, outer: boolean): FlatRing {
  if (signedArea(ring) > 0 === outer) return ring;
  const k = ring.length / 2;
  const out = new Float64Array(ring.length);
  for (let i = 0; i < k; i++) {
    out[2 * i] = ring[2 * (k - 1 - i)];
    out[2 * i + 1] = ring[2 * (k - 1 - i) + 1];
  }
  return out;
}

/** Cancels segments shared in both directions and chains the rest into closed rings. */
function dissolveRings(rings: FlatRing[]): FlatRing[] {
  let positions = 0;
  for (const ring of rings) positions += ring.length / 2;
  const table = createVertexTable(positions);
  const from: number[] = [];
  const to: number[] = [];
  for (const ring of rings) {
    const k = ring.length / 2;
    const ids = new Int32Array(k);
    for (let i = 0; i < k; i++) ids[i] = table.idOf(ring[2 * i], ring[2 * i + 1]);
    for (let i = 0; i < k; i++) {
      const a = ids[i], b = ids[(i + 1) % k];
      if (a !== b) from.push(a), to.push(b);
    }
  }
  const V = table.size();
  const xy = table.coords();
  // Directed segment counts; a segment cancels against its reverse.
  const count = new Map<number, number>();
  for (let e = 0; e < from.length; e++) count.set(from[e] * V + to[e], (count.get(from[e] * V + to[e]) ?? 0) + 1);
  const outgoing = new Map<number, number[]>();
  for (const [key, n] of count) {
    const a = Math.floor(key / V), b = key % V;
    const left = n - (count.get(b * V + a) ?? 0);
    for (let i = 0; i < left; i++) {
      const list = outgoing.get(a);
      if (list) list.push(b);
      else outgoing.set(a, [b]);
    }
  }
  const result: FlatRing[] = [];
  for (const start of [...outgoing.keys()].sort((a, b) => a - b)) {
    while ((outgoing.get(start)?.length ?? 0) > 0) {
      const chain = [start];
      let prev = start, at = outgoing.get(start)!.pop()!;
      while (at !== start) {
        chain.push(at);
        const next = leftmost(xy, prev, at, outgoing.get(at));
        if (next < 0) break;
        prev = at;
        at = next;
      }
      if (chain.length >= 3 && at === start) {
        const ring = new Float64Array(chain.length * 2);
        chain.forEach((v, i) => {
          ring[2 * i] = xy[2 * v];
          ring[2 * i + 1] = xy[2 * v + 1];
        });
        result.push(ring);
      }
    }
  }
  return result;
}

/** Removes and returns the outgoing vertex of `at` that turns furthest left coming from `prev`, or −1. */
function leftmost(xy: Float64Array, prev: number, at: number, list: number[] | undefined): number {
  if (!list || list.length === 0) return -1;
  let best = 0;
  if (list.length > 1) {
    const dx = xy[2 * at] - xy[2 * prev], dy = xy[2 * at + 1] - xy[2 * prev + 1];
    let bestTurn = -Infinity;
    list.forEach((w, i) => {
      const ex = xy[2 * w] - xy[2 * at], ey = xy[2 * w + 1] - xy[2 * at + 1];
      const turn = Math.atan2(dx * ey - dy * ex, dx * ex + dy * ey);
      if (turn > bestTurn) {
        bestTurn = turn;
        best = i;
      }
    });
  }
  return list.splice(best, 1)[0];
}

/** Groups rings into polygons: counter-clockwise rings are outer rings, each clockwise ring a hole of the smallest outer ring containing it. */
function assemble(rings: FlatRing[]): number[][][][] {
  const outers = rings.filter((r) => signedArea(r) > 0).sort((a, b) => signedArea(a) - signedArea(b));
  const holes = rings.filter((r) => signedArea(r) < 0);
  const polygons = outers.map((ring) => [ring]);
  for (const hole of holes) {
    // The midpoint of a hole's first segment lies inside its outer ring and on no other boundary.
    const x = (hole[0] + hole[2]) / 2, y = (hole[1] + hole[3]) / 2;
    const owner = polygons.find((p) => polygonContains([p[0]], x, y));
    if (owner) owner.push(hole);
  }
  return polygons.map((polygon) => polygon.map(closedPositions));
}

function closedPositions(ring: FlatRing): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < ring.length; i += 2) out.push([ring[i], ring[i + 1]]);
  out.push([ring[0], ring[1]]);
  return out;
}
