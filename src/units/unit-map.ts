import { decodeArcs, dropClosing, ringFromArcs } from "./decode-topology.js";
import type { Units, UnitTopology } from "./units-schema.js";

/** A ring as flat coordinates `[lng0, lat0, lng1, lat1, …]` in degrees, closing position dropped. */
export type FlatRing = Float64Array;
/** A polygon: exterior ring first, then its holes. */
export type FlatPolygon = readonly FlatRing[];

/**
 * Validated units in one shape, whatever the input format: unit u (0..count−1, input order) has
 * id `ids[u]` and one or more polygons. TopoJSON arcs are decoded once, so shared boundaries are
 * bit-identical in both neighbours.
 */
export interface UnitMap {
  readonly count: number;
  /** Unit ids in input order (numbers in the input become strings). */
  readonly ids: readonly string[];
  /** Unit id → index. */
  readonly index: ReadonlyMap<string, number>;
  /** Polygons of each unit; a Polygon unit has one, a MultiPolygon unit several. */
  readonly polygons: readonly (readonly FlatPolygon[])[];
}

/** Where the unit records of a units input live, for messages: `features` or `objects.<name>.geometries`. */
export interface UnitRecord {
  readonly path: readonly (string | number)[];
  readonly id: string | number | undefined;
  /** The unit's properties as given (`feature.properties` or the TopoJSON geometry's `properties`). */
  readonly properties: Readonly<Record<string, unknown>> | null | undefined;
}

/** The unit records of a units input with their paths (ids as given, possibly missing). */
export function unitRecords(units: Units): UnitRecord[] {
  if (units.type === "FeatureCollection") {
    return units.features.map((f, i) => ({ path: ["features", i], id: f.id ?? idProperty(f.properties), properties: f.properties }));
  }
  const entries = Object.entries(units.objects);
  if (entries.length !== 1) return [];
  const [name, object] = entries[0];
  if (object.type !== "GeometryCollection") return [{ path: ["objects", name], id: object.id ?? idProperty(object.properties), properties: object.properties }];
  return object.geometries.map((g, i) => ({ path: ["objects", name, "geometries", i], id: g.id ?? idProperty(g.properties), properties: g.properties }));
}

function idProperty(properties: Record<string, unknown> | null | undefined): string | number | undefined {
  const id = properties?.id;
  return typeof id === "string" || typeof id === "number" ? id : undefined;
}

/** Decodes validated units (see `checkUnits`) into a `UnitMap`. */
export function readUnitMap(units: Units): UnitMap {
  const ids = unitRecords(units).map((r) => String(r.id));
  const polygons = units.type === "FeatureCollection" ? featurePolygons(units) : topologyPolygons(units);
  const index = new Map<string, number>();
  ids.forEach((id, u) => index.set(id, u));
  return { count: ids.length, ids, index, polygons };
}

function featurePolygons(units: Extract<Units, { type: "FeatureCollection" }>): FlatPolygon[][] {
  const flat = (ring: readonly (readonly number[])[]): FlatRing => {
    const out = new Float64Array(ring.length * 2);
    ring.forEach((p, i) => {
      out[2 * i] = p[0];
      out[2 * i + 1] = p[1];
    });
    return dropClosing(out);
  };
  return units.features.map((f) => {
    const g = f.geometry;
    const list = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
    return list.map((polygon) => polygon.map(flat));
  });
}

function topologyPolygons(units: UnitTopology): FlatPolygon[][] {
  const arcs = decodeArcs(units);
  const object = Object.values(units.objects)[0];
  const geometries = object.type === "GeometryCollection" ? object.geometries : [object];
  return geometries.map((g) => {
    const list = g.type === "Polygon" ? [g.arcs] : g.arcs;
    return list.map((polygon) => polygon.map((refs) => ringFromArcs(refs, arcs)));
  });
}
