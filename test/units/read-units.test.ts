import { describe, expect, it } from "vitest";
import { TerralignError } from "../../src/errors.js";
import { readUnits } from "../../src/units/read-units.js";
import { gridUnits } from "./grid.js";

const topology = {
  type: "Topology",
  arcs: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]],
  objects: {
    counties: { type: "GeometryCollection", geometries: [{ type: "Polygon", id: "01001", arcs: [[0]] }] },
    states: { type: "GeometryCollection", geometries: [{ type: "Polygon", id: "01", arcs: [[0]] }] },
  },
};

function errorOf(f: () => unknown): TerralignError {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(TerralignError);
    return error as TerralignError;
  }
  throw new Error("did not throw");
}

describe("readUnits", () => {
  it("reads a GeoJSON FeatureCollection", () => {
    const units = gridUnits(2, 1);
    expect(readUnits({ file: "u.geojson", text: JSON.stringify(units) })).toEqual(units);
  });

  it("keeps only the named object of a topology", () => {
    const units = readUnits({ file: "us.json", text: JSON.stringify(topology) }, "counties");
    expect(Object.keys((units as { objects: object }).objects)).toEqual(["counties"]);
  });

  it("asks which object to use when a topology has several", () => {
    const error = errorOf(() => readUnits({ file: "us.json", text: JSON.stringify(topology) }));
    expect(error.code).toBe("invalid_file");
    expect(error.message).toBe('us.json: the topology holds 2 objects ("counties", "states"); name the one that holds the units');
  });

  it("names the file and the field of a bad unit", () => {
    const units = gridUnits(2, 1);
    delete (units.features[1] as { id?: unknown }).id;
    const error = errorOf(() => readUnits({ file: "u.geojson", text: JSON.stringify(units) }));
    expect(error.message).toBe("u.geojson: features[1].id: unit has no id: set the feature's id or properties.id");
  });

  it("rejects text that is not JSON", () => {
    expect(errorOf(() => readUnits({ file: "u.geojson", text: "{oops" })).message).toMatch(/^u\.geojson: not valid JSON/);
  });
});
