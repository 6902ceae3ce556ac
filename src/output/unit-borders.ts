import type { Plan } from "../model/plan.js";
import { readUnitMap } from "../units/unit-map.js";
import { createVertexTable } from "../units/vertex-table.js";
import type { Position } from "./geojson-types.js";

/** The borders of a unit-based plan as polylines of `[lng, lat]`, each boundary segment drawn once. */
export interface UnitBorders {
  /** Borders between two units of the same territory. */
  readonly inner: Position[][];
  /** Territory borders: between units of different territories, and the outer edge of the units. */
  readonly territory: Position[][];
}

/**
 * Splits every unit boundary segment of a unit-based plan into inner borders and territory
 * borders, and chains each kind into polylines. Segments are matched by bit-identical end points
 * (as in `dissolveTerritories`); a border that two units draw with different vertices counts as a
 * territory border. Segments of units in no territory are left out, except where such a unit meets
 * a territory.
 */
export function unitBorders(plan: Plan): UnitBorders {
  const units = plan.problem.units;
  if (units === undefined) return { inner: [], territory: [] };
  const map = readUnitMap(units);
  const unitOwner = new Int32Array(map.count).fill(-1);
  plan.territories.forEach((t, r) => {
    for (const id of t.unitIds ?? []) {
      const u = map.index.get(id);
      if (u !== undefined) unitOwner[u] = r;
    }
  });

  let positions = 0;
  for (const polygons of map.polygons) for (const polygon of polygons) for (const ring of polygon) positions += ring.length / 2;
  const table = createVertexTable(positions);
  // Segment list: ends a < b (vertex ids) and the owner of the unit that drew it.
  const from: number[] = [];
  const to: number[] = [];
  const owner: number[] = [];
  for (let u = 0; u < map.count; u++) {
    for (const polygon of map.polygons[u]) {
      for (const ring of polygon) {
        const k = ring.length / 2;
        const first = table.idOf(ring[0], ring[1]);
        let prev = first;
        for (let i = 1; i <= k; i++) {
          const v = i === k ? first : table.idOf(ring[2 * i], ring[2 * i + 1]);
          if (v !== prev) {
            from.push(Math.min(prev, v));
            to.push(Math.max(prev, v));
            owner.push(unitOwner[u]);
          }
          prev = v;
        }
      }
    }
  }

  const V = table.size();
  // Per undirected segment: how often it was drawn and by whom (−1: a unit in no territory; −3: units of different owners).
  const seen = new Map<number, { owner: number; count: number }>();
  for (let e = 0; e < from.length; e++) {
    const key = from[e] * V + to[e];
    const s = seen.get(key);
    if (!s) seen.set(key, { owner: owner[e], count: 1 });
    else {
      if (s.owner !== owner[e]) s.owner = -3;
      s.count++;
    }
  }
  const inner: number[] = [];
  const outer: number[] = [];
  for (const [key, s] of seen) {
    if (s.count >= 2 && s.owner >= 0) inner.push(key);
    else if (s.owner !== -1) outer.push(key);
  }
  const xy = table.coords();
  return { inner: chain(inner, V, xy), territory: chain(outer, V, xy) };
}

/** Chains undirected segments (keys a·V + b) into polylines: open chains between branch or end points first, then closed loops. */
function chain(keys: readonly number[], V: number, xy: Float64Array): Position[][] {
  const links = new Map<number, number[]>();
  const link = (a: number, e: number) => {
    const list = links.get(a);
    if (list) list.push(e);
    else links.set(a, [e]);
  };
  const ends = keys.map((key) => [Math.floor(key / V), key % V] as const);
  ends.forEach(([a, b], e) => {
    link(a, e);
    link(b, e);
  });
  const used = new Uint8Array(keys.length);
  const lines: Position[][] = [];
  const walk = (start: number, first: number) => {
    const line: Position[] = [[xy[2 * start], xy[2 * start + 1]]];
    let at = start, e = first;
    for (;;) {
      used[e] = 1;
      const [a, b] = ends[e];
      at = a === at ? b : a;
      line.push([xy[2 * at], xy[2 * at + 1]]);
      const list = links.get(at)!;
      if (list.length !== 2) break;
      const next = list[0] === e ? list[1] : list[0];
      if (used[next]) break;
      e = next;
    }
    lines.push(line);
  };
  const vertices = [...links.keys()].sort((a, b) => a - b);
  for (const v of vertices) {
    const list = links.get(v)!;
    if (list.length === 2) continue;
    for (const e of list) if (!used[e]) walk(v, e);
  }
  for (const v of vertices) for (const e of links.get(v)!) if (!used[e]) walk(v, e);
  return lines;
}
