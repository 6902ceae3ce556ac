import { TerralignError } from "../errors.js";
import { describeValue } from "../model/describe-value.js";
import { recordWhere, type RecordPlace, type SourceRecord, type SourceTable } from "./source-record.js";

/**
 * Reads JSON text into source records. Accepted shapes: an array of objects; an object whose
 * `listKey` (`"accounts"` or `"reps"`) is such an array; a GeoJSON FeatureCollection of Points,
 * where each feature's `properties` hold the fields, its geometry gives the location and its `id`
 * stands in for a missing `properties.id`.
 */
export function jsonRecords(text: string, file: string, listKey: string): SourceTable {
  const data = parseJson(text, file);
  if (Array.isArray(data)) {
    const place: RecordPlace = { file, style: "array" };
    return { ...place, records: data.map((item, i) => objectRecord(item, i, place)) };
  }
  if (isObject(data) && data.type === "FeatureCollection") {
    if (!Array.isArray(data.features)) throw new TerralignError("invalid_file", `${file}: a FeatureCollection needs a "features" array`);
    const place: RecordPlace = { file, style: "features" };
    return { ...place, records: data.features.map((feature, i) => featureRecord(feature, i, place)) };
  }
  if (isObject(data) && Array.isArray(data[listKey])) {
    const place: RecordPlace = { file, style: "list", listKey };
    return { ...place, records: (data[listKey] as unknown[]).map((item, i) => objectRecord(item, i, place)) };
  }
  throw new TerralignError(
    "invalid_file",
    `${file}: expected an array of objects, an object with a "${listKey}" array, or a GeoJSON FeatureCollection of Points; got ${describeValue(data)}`,
  );
}

function objectRecord(item: unknown, position: number, place: RecordPlace): SourceRecord {
  if (!isObject(item)) throw new TerralignError("invalid_file", `${recordWhere(place, { position })}: expected an object, got ${describeValue(item)}`);
  return { names: Object.keys(item), values: Object.values(item), position };
}

function featureRecord(feature: unknown, position: number, place: RecordPlace): SourceRecord {
  const where = () => recordWhere(place, { position });
  if (!isObject(feature) || feature.type !== "Feature") {
    throw new TerralignError("invalid_file", `${where()}: expected a GeoJSON Feature, got ${describeValue(feature)}`);
  }
  const properties = feature.properties ?? {};
  if (!isObject(properties)) throw new TerralignError("invalid_file", `${where()}.properties: expected an object, got ${describeValue(properties)}`);
  const names = Object.keys(properties);
  const values = Object.values(properties);
  if (!names.includes("id") && (typeof feature.id === "string" || typeof feature.id === "number")) {
    names.push("id");
    values.push(feature.id);
  }
  const geometry = feature.geometry;
  let point: unknown;
  if (geometry !== null && geometry !== undefined) {
    if (!isObject(geometry) || geometry.type !== "Point") {
      const type = isObject(geometry) ? JSON.stringify(geometry.type) : describeValue(geometry);
      throw new TerralignError("invalid_file", `${where()}.geometry: expected a Point, got ${type}; accounts and reps are points`);
    }
    point = geometry.coordinates;
  }
  return { names, values, position, point };
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const where = position ? ` line ${lineOf(text, Number(position[1]))}` : "";
    throw new TerralignError("invalid_file", `${file}${where}: not valid JSON (${message})`);
  }
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === "object" && !Array.isArray(x);
}
