import { describe, expect, it } from "vitest";
import { compileUnits } from "../../src/units/compile-units.js";
import type { UnitGraph } from "../../src/units/adjacency.js";
import type { Units } from "../../src/units/units-schema.js";
import { gridUnits, square } from "./grid.js";

function neighboursOf(graph: UnitGraph, ids: readonly string[], id: string): string[] {
  const u = ids.indexOf(id);
  return Array.from(graph.neighbor.subarray(graph.start[u], graph.start[u + 1]), (v) => ids[v]).sort();
}

describe("unit adjacency", () => {
  it("gives rook neighbours on a grid only across shared edges", () => {
    const { map, graph } = compileUnits(gridUnits(3, 3), "rook");
    expect(neighboursOf(graph, map.ids, "c0r0")).toEqual(["c0r1", "c1r0"]);
    expect(neighboursOf(graph, map.ids, "c1r1")).toEqual(["c0r1", "c1r0", "c1r2", "c2r1"]);
    expect(graph.links).toHaveLength(0);
  });

  it("adds corner contacts for queen adjacency", () => {
    const { map, graph } = compileUnits(gridUnits(3, 3), "queen");
    expect(neighboursOf(graph, map.ids, "c0r0")).toEqual(["c0r1", "c1r0", "c1r1"]);
    expect(neighboursOf(graph, map.ids, "c1r1")).toHaveLength(8);
  });

  it("measures the shared boundary length of rook neighbours and zero for corners", () => {
    const { map, graph } = compileUnits(gridUnits(2, 2), "queen");
    const u = map.ids.indexOf("c0r0");
    const lengths = new Map<string, number>();
    for (let e = graph.start[u]; e < graph.start[u + 1]; e++) lengths.set(map.ids[graph.neighbor[e]], graph.sharedKm[e]);
    // 0.1° of latitude is ~11.1 km; 0.1° of longitude at 40° N is ~8.5 km.
    expect(lengths.get("c0r1")).toBeCloseTo(8.52, 1);
    expect(lengths.get("c1r0")).toBeCloseTo(11.12, 1);
    expect(lengths.get("c1r1")).toBe(0);
  });

  it("links a diagonal-only contact under rook, since the map must be connected", () => {
    // Two cells touching at one corner: not rook neighbours, so the island rule links them.
    const units = gridUnits(2, 2, { skip: (c, r) => c !== r });
    const rook = compileUnits(units, "rook");
    expect(Array.from(rook.graph.links)).toHaveLength(2);
    expect(rook.graph.sharedKm[0]).toBe(0);
    const queen = compileUnits(units, "queen");
    expect(queen.graph.links).toHaveLength(0);
  });

  it("links islands to the unit with the nearest boundary, smallest component first", () => {
    const mainland = gridUnits(3, 3);
    // An island of one cell east of c2r1, and a two-cell island far north-west.
    const islands = gridUnits(1, 1, { lng0: -99.65, lat0: 40.12, step: 0.05, prefix: "east-" });
    const far = gridUnits(2, 1, { lng0: -101, lat0: 41, prefix: "nw-" });
    const units: Units = { type: "FeatureCollection", features: [...mainland.features, ...islands.features, ...far.features] };
    const { map, graph } = compileUnits(units, "rook");
    const links: [string, string][] = [];
    for (let i = 0; i < graph.links.length; i += 2) links.push([map.ids[graph.links[i]], map.ids[graph.links[i + 1]]]);
    expect(links).toEqual([
      ["east-c0r0", "c2r1"],
      ["nw-c1r0", "c0r2"],
    ]);
    expect(neighboursOf(graph, map.ids, "east-c0r0")).toEqual(["c2r1"]);
  });

  it("treats a multi-part unit as one node adjacent to what any part touches", () => {
    const units = gridUnits(3, 1, { skip: (c) => c !== 1 });
    units.features.push({
      type: "Feature",
      id: "split",
      properties: {},
      geometry: { type: "MultiPolygon", coordinates: [[square(0, 0)], [square(2, 0)]] },
    });
    const { map, graph } = compileUnits(units, "rook");
    expect(neighboursOf(graph, map.ids, "split")).toEqual(["c1r0"]);
    expect(graph.links).toHaveLength(0);
  });

  it("reads TopoJSON: units sharing an arc are rook neighbours", () => {
    // Two squares side by side sharing the middle arc; quantized with a transform.
    const topology: Units = {
      type: "Topology",
      transform: { scale: [0.25, 0.25], translate: [-100, 40] },
      objects: {
        units: {
          type: "GeometryCollection",
          geometries: [
            { type: "Polygon", id: "west", arcs: [[0, 1]] },
            { type: "Polygon", properties: { id: 7 }, arcs: [[2, ~1]] },
          ],
        },
      },
      arcs: [
        [[2, 2], [-2, 0], [0, -2], [2, 0]], // (1,1) → (0,1) → (0,0) → (1,0)
        [[2, 0], [0, 2]], // (1,0) → (1,1)
        [[2, 0], [2, 0], [0, 2], [-2, 0]], // (1,0) → (2,0) → (2,1) → (1,1)
      ],
    };
    const { map, graph, measures } = compileUnits(topology, "rook");
    expect(map.ids).toEqual(["west", "7"]);
    expect(neighboursOf(graph, map.ids, "west")).toEqual(["7"]);
    expect(Array.from(map.polygons[0][0][0])).toEqual([-99.5, 40.5, -100, 40.5, -100, 40, -99.5, 40]);
    expect(measures.areaKm2[0]).toBeCloseTo(measures.areaKm2[1], 6);
  });
});
