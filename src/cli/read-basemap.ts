import { TerralignError } from "../errors.js";
import { readJsonObject } from "../io/read-json-object.js";
import type { GeoJSON } from "../output/geojson-types.js";
import type { ParsedArgs } from "./args.js";
import type { CliIo } from "./cli-io.js";

const geoJsonTypes = ["FeatureCollection", "Feature", "GeometryCollection", "Polygon", "MultiPolygon", "LineString", "MultiLineString", "Point", "MultiPoint"];

/**
 * The `--basemap FILE` outlines (a GeoJSON object with `[lng, lat]` coordinates, e.g. country or
 * state borders), or undefined without the flag. A file that is not GeoJSON throws a
 * `TerralignError` naming it; TopoJSON is refused with a hint to convert it.
 */
export function loadBasemap(io: CliIo, args: ParsedArgs): GeoJSON | undefined {
  const file = args.values.get("basemap");
  if (file === undefined) return undefined;
  const data = readJsonObject({ file, text: io.readFile(file) }, "GeoJSON");
  if (data.type === "Topology") throw new TerralignError("invalid_input", `${file}: --basemap takes GeoJSON, and this is TopoJSON; convert it first (e.g. topo2geo from topojson-client)`);
  if (typeof data.type !== "string" || !geoJsonTypes.includes(data.type)) {
    throw new TerralignError("invalid_input", `${file}: --basemap takes a GeoJSON object; its "type" is ${JSON.stringify(data.type)}, expected one of ${geoJsonTypes.join(", ")}`);
  }
  return data as unknown as GeoJSON;
}
