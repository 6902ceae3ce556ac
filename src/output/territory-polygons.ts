import { Delaunay } from "d3-delaunay";
import polygonClipping, { type MultiPolygon as ClipMultiPolygon, type Polygon as ClipPolygon } from "polygon-clipping";
import type { Plan } from "../model/plan.js";
import { accountSites, repIndexByAccount } from "./account-sites.js";
import { bufferedHull } from "./buffered-hull.js";
import { clipRingsToConvex } from "./convex-clip.js";
import type { Position } from "./geojson-types.js";
import { localProjection } from "./local-projection.js";
import { polygonsFromLoops } from "./loop-polygons.js";
import { roundPolygons } from "./round-coordinates.js";
import { voronoiBoundaries } from "./voronoi-boundaries.js";

/** One territory's outline. */
export interface TerritoryShape {
  /** Rep index (input order). */
  readonly repIndex: number;
  /** MultiPolygon coordinates: `[lng, lat]` rounded to 6 decimals, exterior rings counter-clockwise, holes clockwise, rings closed. */
  readonly polygons: Position[][][];
  /** Accounts of this rep drawn inside another rep's polygon because they share its location. */
  readonly accountsNotCovered: number;
}

/** How territory outlines are drawn; see `territoryShapes`. */
export interface TerritoryShapeOptions {
  /**
   * How far, in km, the outlines reach beyond the outermost accounts. Default: 5 % of the diagonal
   * of the accounts' bounding box, at least 1 km. Must be > 0.
   */
  readonly bufferKm?: number;
}

/**
 * Territory outlines, one per rep that owns at least one account (reps with no accounts get none),
 * in rep input order. Drawn as follows:
 *
 * 1. Assigned accounts are grouped by location rounded to 6 decimals; each distinct location is a
 *    site owned by the rep with the most workload there (unassigned accounts are not sites).
 * 2. Sites are projected with a local equirectangular projection (km, centred on the data).
 * 3. Each site gets its planar Voronoi cell (d3-delaunay), the area nearer to it than to any other
 *    site in that projection.
 * 4. The cells of each rep are merged: the merged outline is read straight off the triangulation
 *    (the Voronoi edges that separate sites of different reps), so the cost grows with the length
 *    of territory borders rather than with the number of accounts; only a region that touches
 *    itself at a vertex goes through a polygon union to become valid polygons. Then it is clipped
 *    (polygon-clipping) to the convex hull of all sites grown by `bufferKm`, so outlines end near
 *    the data instead of at a box; the territories tile that grown hull without overlapping.
 * 5. Coordinates are projected back to `[lng, lat]` and rounded to 6 decimals.
 *
 * One site gives its rep the whole grown hull (a 32-gon around it); collinear sites give parallel
 * strips. A rep whose accounts are not contiguous gets several polygons. Should the triangulation
 * be degenerate or polygon-clipping fail on near-degenerate input, the rep's cells are merged by a
 * plain polygon union instead; if that fails too, the rep gets no outline (never an exception).
 */
export function territoryShapes(plan: Plan, options: TerritoryShapeOptions = {}): TerritoryShape[] {
  const repOf = repIndexByAccount(plan);
  const sites = accountSites(plan, repOf);
  if (sites.count === 0) return [];
  const projection = localProjection(sites.lng, sites.lat);
  const points: [number, number][] = [];
  let xMin = Infinity, yMin = Infinity, xMax = -Infinity, yMax = -Infinity;
  for (let s = 0; s < sites.count; s++) {
    const p = projection.project(sites.lng[s], sites.lat[s]);
    points.push(p);
    xMin = Math.min(xMin, p[0]);
    yMin = Math.min(yMin, p[1]);
    xMax = Math.max(xMax, p[0]);
    yMax = Math.max(yMax, p[1]);
  }
  const buffer = options.bufferKm ?? Math.max(1, 0.05 * Math.hypot(xMax - xMin, yMax - yMin));
  const hull: ClipPolygon = [bufferedHull(points, buffer)];
  const fast = boundaryRegions(points, sites.owner, buffer);
  let slow: Map<number, Region> | undefined;

  const shapes: TerritoryShape[] = [];
  const m = plan.problem.reps.length;
  for (let r = 0; r < m; r++) {
    // polygon-clipping can throw on near-degenerate input; the slower cell union is the second try.
    let clipped = fast ? attempt(() => clip(fast, r, hull)) : undefined;
    if (clipped === undefined) {
      slow ??= cellUnionRegions(points, sites.owner, [xMin, yMin, xMax, yMax], buffer);
      clipped = attempt(() => clip(slow!, r, hull));
    }
    if (!clipped || clipped.length === 0) continue;
    const lngLat = clipped.map((polygon) => polygon.map((ring) => ring.map(([x, y]) => projection.invert(x, y))));
    shapes.push({ repIndex: r, polygons: roundPolygons(lngLat), accountsNotCovered: sites.accountsNotCovered[r] });
  }
  return shapes;
}

function attempt<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

/**
 * Owner r's region clipped to the hull; null when r owns no site. A region whose vertices all lie
 * inside the (convex) hull lies inside it and needs no clipping. A region made of simple disjoint
 * loops is clipped by walking its boundary (`clipRingsToConvex`); other regions, and loops too close
 * to the hull's boundary for that walk, go through polygon-clipping.
 */
function clip(regions: ReadonlyMap<number, Region>, r: number, hull: ClipPolygon): ClipMultiPolygon | null {
  const region = regions.get(r);
  if (!region) return null;
  if (insideConvex(region.polygons, hull[0])) return region.polygons;
  const rings = region.simple ? clipRingsToConvex(region.polygons.flat(), hull[0]) : null;
  return rings ? polygonsFromLoops(rings) : polygonClipping.intersection(region.polygons, hull);
}

/** An owner's region; `simple` when its rings are simple and pairwise disjoint (outer rings counter-clockwise, holes clockwise). */
interface Region {
  readonly polygons: ClipMultiPolygon;
  readonly simple: boolean;
}

/**
 * Whether `region` lies strictly inside the convex counter-clockwise closed ring: its bounding
 * box's corners do (enough, the ring being convex), or else every vertex does.
 */
function insideConvex(region: ClipMultiPolygon, ring: readonly (readonly [number, number])[]): boolean {
  const inside = (x: number, y: number) => {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [ax, ay] = ring[i];
      const [bx, by] = ring[i + 1];
      if ((bx - ax) * (y - ay) - (by - ay) * (x - ax) <= 0) return false;
    }
    return true;
  };
  let xMin = Infinity, yMin = Infinity, xMax = -Infinity, yMax = -Infinity;
  for (const polygon of region) {
    for (const [x, y] of polygon[0]) {
      if (x < xMin) xMin = x;
      if (x > xMax) xMax = x;
      if (y < yMin) yMin = y;
      if (y > yMax) yMax = y;
    }
  }
  if (inside(xMin, yMin) && inside(xMax, yMin) && inside(xMax, yMax) && inside(xMin, yMax)) return true;
  for (const polygon of region) for (const path of polygon) for (const [x, y] of path) if (!inside(x, y)) return false;
  return true;
}

/**
 * Each owner's Voronoi region straight from the triangulation's boundary loops,
 * reaching well past the grown hull; null when the triangulation is degenerate.
 */
function boundaryRegions(points: readonly [number, number][], owner: Int32Array, buffer: number): Map<number, Region> | null {
  const cx = points.reduce((s, p) => s + p[0], 0) / points.length;
  const cy = points.reduce((s, p) => s + p[1], 0) / points.length;
  let radius = 0;
  for (const [x, y] of points) radius = Math.max(radius, Math.hypot(x - cx, y - cy));
  const loops = attempt(() => voronoiBoundaries(points, owner, 4 * (radius + buffer) + 1));
  if (!loops) return null;
  const regions = new Map<number, Region>();
  for (const [r, { rings, touching }] of loops) {
    if (rings.length === 0) continue;
    // Only a region that touches itself needs the sweep to split it into valid polygons.
    const polygons = touching ? attempt(() => polygonClipping.xor([rings[0]], ...rings.slice(1).map((ring) => [ring]))) : polygonsFromLoops(rings);
    if (!polygons) return null;
    regions.set(r, { polygons, simple: !touching });
  }
  return regions;
}

/** Each owner's region as the union of its Voronoi cells clipped to the points' box grown by 2 × buffer. */
function cellUnionRegions(points: readonly [number, number][], owner: Int32Array, box: readonly number[], buffer: number): Map<number, Region> {
  const [xMin, yMin, xMax, yMax] = box;
  // The box lies outside the grown hull, so its edges never reach the output.
  const margin = 2 * buffer;
  const voronoi = Delaunay.from(points).voronoi([xMin - margin, yMin - margin, xMax + margin, yMax + margin]);
  const cells = new Map<number, ClipPolygon[]>();
  for (let s = 0; s < points.length; s++) {
    const cell = voronoi.cellPolygon(s);
    if (!cell) continue;
    const list = cells.get(owner[s]) ?? [];
    list.push([cell as [number, number][]]);
    cells.set(owner[s], list);
  }
  const regions = new Map<number, Region>();
  for (const [r, own] of cells) {
    const polygons = attempt(() => polygonClipping.union(own[0], ...own.slice(1)));
    if (polygons) regions.set(r, { polygons, simple: false });
  }
  return regions;
}
