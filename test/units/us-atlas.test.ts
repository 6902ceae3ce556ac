import { createRequire } from "node:module";
import { feature, neighbors } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { describe, expect, it } from "vitest";
import { compileUnits } from "../../src/units/compile-units.js";
import type { UnitTopology } from "../../src/units/units-schema.js";

const require = createRequire(import.meta.url);
const us = require("us-atlas/counties-10m.json") as Topology<{ counties: GeometryCollection<{ name: string }> }>;

/** The counties of the states whose FIPS codes are given, as a one-object topology. */
function countiesOf(...states: string[]): UnitTopology {
  const geometries = us.objects.counties.geometries.filter((g) => states.includes(String(g.id).slice(0, 2)));
  return { ...us, objects: { counties: { ...us.objects.counties, geometries } } } as unknown as UnitTopology;
}

describe("US counties (us-atlas TopoJSON)", () => {
  const texas = countiesOf("48");

  it("finds the same rook neighbours as topojson-client's shared arcs", () => {
    const { map, graph } = compileUnits(texas, "rook");
    const geometries = (texas.objects.counties as unknown as GeometryCollection).geometries;
    const expected = neighbors(geometries as never);
    expect(map.count).toBe(254);
    expect(graph.links).toHaveLength(0);
    for (let u = 0; u < map.count; u++) {
      const mine = Array.from(graph.neighbor.subarray(graph.start[u], graph.start[u + 1]));
      // A ring that runs out and back along one arc (a spike) makes topojson-client list the unit as its own neighbour.
      const theirs = [...expected[u]].filter((v) => v !== u).sort((a, b) => a - b);
      expect(mine, `neighbours of ${map.ids[u]}`).toEqual(theirs);
    }
  });

  it("decodes the same coordinates as topojson-client", () => {
    const { map } = compileUnits(texas, "rook");
    const collection = feature(texas as never, texas.objects.counties as never) as unknown as { features: { geometry: { type: string; coordinates: number[][][] | number[][][][] } }[] };
    collection.features.forEach((f, u) => {
      const polygons = (f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates) as number[][][][];
      expect(map.polygons[u]).toHaveLength(polygons.length);
      polygons.forEach((polygon, p) =>
        polygon.forEach((ring, r) => {
          expect(Array.from(map.polygons[u][p][r])).toEqual(ring.slice(0, -1).flat());
        }),
      );
    });
  });

  it("links Michigan's Lower Peninsula across the Straits of Mackinac when Michigan and Wisconsin stand alone", () => {
    const { map, graph } = compileUnits(countiesOf("26", "55"), "rook");
    // Emmet County (26047) on the Lower Peninsula, Mackinac County (26097) across the straits.
    expect(Array.from(graph.links, (u) => map.ids[u])).toEqual(["26047", "26097"]);
    const seen = new Uint8Array(map.count);
    const stack = [0];
    seen[0] = 1;
    while (stack.length > 0) {
      const u = stack.pop()!;
      for (let e = graph.start[u]; e < graph.start[u + 1]; e++) if (!seen[graph.neighbor[e]]) stack.push(graph.neighbor[e]), (seen[graph.neighbor[e]] = 1);
    }
    expect(seen.every((s) => s === 1)).toBe(true);
  });
});
