import { geoArea } from "d3-geo";
import type { GeoJSON } from "./geojson-types.js";

type AnyObject = { readonly type: string; readonly [key: string]: unknown };

/**
 * A copy of a GeoJSON object with every polygon wound the way d3-geo expects. d3-geo treats a
 * polygon as the smaller side of its exterior only when the ring runs clockwise; RFC 7946 rings run
 * the other way and would be read as "the whole globe except this". So each polygon whose
 * spherical area exceeds a hemisphere has its rings reversed. The input is not modified.
 */
export function windForD3<T extends GeoJSON>(object: T): T {
  return wind(object as unknown as AnyObject) as unknown as T;
}

function wind(object: AnyObject): AnyObject {
  switch (object.type) {
    case "FeatureCollection":
      return { ...object, features: (object.features as AnyObject[]).map(wind) };
    case "Feature":
      return { ...object, geometry: object.geometry ? wind(object.geometry as AnyObject) : object.geometry };
    case "GeometryCollection":
      return { ...object, geometries: (object.geometries as AnyObject[]).map(wind) };
    case "Polygon":
      return { ...object, coordinates: windPolygon(object.coordinates as number[][][]) };
    case "MultiPolygon":
      return { ...object, coordinates: (object.coordinates as number[][][][]).map(windPolygon) };
    default:
      return object;
  }
}

function windPolygon(rings: number[][][]): number[][][] {
  const area = geoArea({ type: "Polygon", coordinates: rings } as Parameters<typeof geoArea>[0]);
  return area > 2 * Math.PI ? rings.map((ring) => [...ring].reverse()) : rings;
}
