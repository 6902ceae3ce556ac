import { describe, expect, it } from "vitest";
import type { Problem } from "../../src/model/problem-schema.js";
import { alignErrorOf } from "../support/error-of.js";
import { gridUnits } from "./grid.js";

function base(): Problem {
  return {
    accounts: [{ id: "a1", location: [-99.95, 40.05], workload: 2 }],
    reps: [{ id: "r1", home: [-99.95, 40.05], capacity: 10 }],
    units: gridUnits(2, 2),
  };
}

const errorOf = (edit: (p: any) => void, options?: unknown) => alignErrorOf(base, edit, options);

describe("units input validation", () => {
  const cases: [string, (p: any) => void, string | RegExp, string][] = [
    ["an account naming an unknown unit", (p) => (p.accounts[0].unit = "nowhere"), 'accounts[0].unit: unit "nowhere" is not the id of any unit', "unknown_reference"],
    ["a unit without an id", (p) => delete p.units.features[1].id, "units.features[1].id: unit has no id: set the feature's id or properties.id", "invalid_input"],
    ["a duplicate unit id", (p) => (p.units.features[2].id = "c0r0"), 'units.features[2].id: duplicate unit id "c0r0" (also used by unit 0)', "duplicate_id"],
    ["a ring with two corners", (p) => (p.units.features[0].geometry.coordinates[0] = [[0, 0], [1, 1], [0, 0]]), /units\.features\[0\]\.geometry\.coordinates\[0\]: ring has 3 positions/, "invalid_input"],
    ["a latitude out of range", (p) => (p.units.features[3].geometry.coordinates[0][1] = [-99.9, 95]), "units.features[3].geometry.coordinates[0][1][1]: latitude 95 is outside [-90, 90]", "invalid_input"],
    ["a point geometry", (p) => (p.units.features[0].geometry = { type: "Point", coordinates: [0, 0] }), /units\.features\[0\]\.geometry\.type/, "invalid_input"],
    ["an empty FeatureCollection", (p) => (p.units.features = []), "units.features: no units given: at least one Polygon or MultiPolygon unit is needed", "invalid_input"],
    ["neither GeoJSON nor TopoJSON", (p) => (p.units = { type: "GeometryCollection", geometries: [] }), /units\.type/, "invalid_input"],
    [
      "a topology with two objects",
      (p) => (p.units = { type: "Topology", arcs: [], objects: { a: { type: "GeometryCollection", geometries: [] }, b: { type: "GeometryCollection", geometries: [] } } }),
      /units\.objects: a topology of units must hold exactly one object, this one has 2 \("a", "b"\); keep the one with the units/,
      "invalid_input",
    ],
    [
      "an arc reference out of range",
      (p) => (p.units = { type: "Topology", arcs: [[[0, 0], [1, 0], [1, 1], [0, 0]]], objects: { u: { type: "GeometryCollection", geometries: [{ type: "Polygon", id: "x", arcs: [[3]] }] } } }),
      "units.objects.u.geometries[0].arcs[0]: arc reference 3 is out of range (the topology has 1 arcs)",
      "invalid_input",
    ],
  ];
  for (const [name, edit, message, code] of cases) {
    it(`rejects ${name}`, () => {
      const error = errorOf(edit);
      expect(error.code).toBe(code);
      if (typeof message === "string") expect(error.message).toContain(message);
      else expect(error.message).toMatch(message);
    });
  }

  it("rejects contiguity without units", () => {
    const error = errorOf((p) => delete p.units, { contiguity: true });
    expect(error.code).toBe("invalid_option");
    expect(error.message).toMatch(/^options\.contiguity: true needs geographic units/);
  });

  it("rejects an unknown adjacency rule", () => {
    const error = errorOf(() => {}, { units: { adjacency: "bishop" } });
    expect(error.code).toBe("invalid_option");
    expect(error.message).toContain('options.units.adjacency: expected one of "rook", "queen", got "bishop"');
  });
});
