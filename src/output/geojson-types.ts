/**
 * The GeoJSON shapes terralign writes and reads (RFC 7946), declared here so that the public types
 * need no `@types/geojson`. They are structurally compatible with `@types/geojson`.
 */

/** `[lng, lat]` in degrees. */
export type Position = [number, number];

export interface Point {
  readonly type: "Point";
  readonly coordinates: Position;
}

/** Linear rings: the first is the exterior (counter-clockwise), the rest are holes (clockwise); each ring is closed. */
export interface Polygon {
  readonly type: "Polygon";
  readonly coordinates: Position[][];
}

export interface MultiPolygon {
  readonly type: "MultiPolygon";
  readonly coordinates: Position[][][];
}

/** Any GeoJSON geometry (used for caller-supplied basemaps, which may hold lines too). */
export interface Geometry {
  readonly type: string;
  readonly coordinates?: unknown;
  readonly geometries?: readonly Geometry[];
}

export interface Feature<G = Geometry, P = Record<string, unknown>> {
  readonly type: "Feature";
  readonly geometry: G;
  readonly properties: P;
}

export interface FeatureCollection<F = Feature> {
  readonly type: "FeatureCollection";
  readonly features: F[];
}

/** Any GeoJSON object: a geometry, a feature or a feature collection. */
export type GeoJSON = Geometry | Feature<Geometry | null, unknown> | FeatureCollection<Feature<Geometry | null, unknown>>;
