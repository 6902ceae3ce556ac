import * as z from "zod/mini";

/**
 * Schemas of the geographic units a problem may carry: a GeoJSON FeatureCollection or a TopoJSON
 * Topology of Polygon/MultiPolygon units. Objects are loose (GeoJSON and TopoJSON allow foreign
 * members, e.g. `bbox` or `crs`); value checks (ids, rings, ranges, arc indices) live in
 * `checkUnits`.
 */

/** A position `[lng, lat]` in degrees; a third number (altitude) is allowed and ignored. */
const position = z.array(z.number());
/** A linear ring: closed, at least 4 positions. */
const ring = z.array(position);

/** A unit id: `feature.id`, or `properties.id` when `feature.id` is absent. Numbers are read as strings. */
const unitId = z.union([z.string(), z.number()]);

const properties = z.optional(z.nullable(z.record(z.string(), z.unknown())));

const polygonGeometry = z.looseObject({ type: z.literal("Polygon"), coordinates: z.array(ring) });
const multiPolygonGeometry = z.looseObject({ type: z.literal("MultiPolygon"), coordinates: z.array(z.array(ring)) });

export const unitFeatureSchema = z.looseObject({
  type: z.literal("Feature"),
  id: z.optional(unitId),
  properties,
  geometry: z.discriminatedUnion("type", [polygonGeometry, multiPolygonGeometry]),
});

/** GeoJSON units: one Feature per unit. */
export const unitFeatureCollectionSchema = z.looseObject({
  type: z.literal("FeatureCollection"),
  features: z.array(unitFeatureSchema),
});

/** Arc references: index i, or ~i (= −i − 1) for arc i reversed. */
const arcRing = z.array(z.int());

const topoPolygon = z.looseObject({ type: z.literal("Polygon"), arcs: z.array(arcRing), id: z.optional(unitId), properties });
const topoMultiPolygon = z.looseObject({ type: z.literal("MultiPolygon"), arcs: z.array(z.array(arcRing)), id: z.optional(unitId), properties });
const topoUnit = z.discriminatedUnion("type", [topoPolygon, topoMultiPolygon]);

/** A TopoJSON object holding the units: a GeometryCollection of polygons (or one polygon). */
const topoObject = z.discriminatedUnion("type", [z.looseObject({ type: z.literal("GeometryCollection"), geometries: z.array(topoUnit) }), topoPolygon, topoMultiPolygon]);

/** TopoJSON units: a Topology with exactly one object, whose polygons are the units. */
export const unitTopologySchema = z.looseObject({
  type: z.literal("Topology"),
  objects: z.record(z.string(), topoObject),
  arcs: z.array(z.array(position)),
  transform: z.optional(z.looseObject({ scale: z.tuple([z.number(), z.number()]), translate: z.tuple([z.number(), z.number()]) })),
});

/**
 * Geographic units (ZIP areas, counties, bricks): the atoms that contiguity is enforced over.
 * Either a GeoJSON FeatureCollection of Polygon/MultiPolygon features, or a TopoJSON Topology with
 * exactly one object (a GeometryCollection of Polygon/MultiPolygon geometries; to use one object
 * of a topology that holds several, pass `{ ...topology, objects: { counties: topology.objects.counties } }`).
 * Each unit needs an id (`id`, or `properties.id`), unique across units; coordinates are
 * `[lng, lat]` in degrees.
 *
 * A unit may carry work of its own in its properties, in addition to the work of the accounts in
 * it: `workload` (hours per period, a finite number ≥ 0) and `potential` (currency per period,
 * ≥ 0); absent or null means none. That work goes with the unit to whichever rep holds it and
 * counts in that territory's workload, potential and travel, in every rep's target and band, and
 * in the metrics; see `UnitWork`.
 */
export const unitsSchema = z.discriminatedUnion("type", [unitFeatureCollectionSchema, unitTopologySchema]);

export type UnitFeature = z.infer<typeof unitFeatureSchema>;
export type UnitFeatureCollection = z.infer<typeof unitFeatureCollectionSchema>;
export type UnitTopology = z.infer<typeof unitTopologySchema>;
/** Geographic units: a GeoJSON FeatureCollection or a TopoJSON Topology. See `unitsSchema`. */
export type Units = z.infer<typeof unitsSchema>;
