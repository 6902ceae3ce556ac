import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseProblem } from "../../src/model/parse.js";
import { repSchema } from "../../src/model/problem-schema.js";
import { isWellFormedRep } from "../../src/model/well-formed-rep.js";
import { nearRecords, neverAcceptsWhatTheSchemaRejects } from "../support/near-records.js";

const keys = ["id", "home", "capacity", "region", "district", "segments", "maxTravelMinutes", "attributes", "extra", "__proto__"];

/** Reps near a valid one: some fields replaced by anything, some removed, some added. */
const nearRep = nearRecords(
  fc.record({
    id: fc.string(),
    home: fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true })),
    capacity: fc.double({ min: 0, max: 100, noNaN: true }),
  }),
  keys,
);

describe("isWellFormedRep", () => {
  it("never accepts a rep the schema rejects", () => {
    neverAcceptsWhatTheSchemaRejects(nearRep, isWellFormedRep, repSchema);
  });

  it("accepts the reps the readers produce", () => {
    expect(isWellFormedRep({ id: "R1", home: [-99.1, 19.4], capacity: 40, region: "north", district: "n1", segments: ["retail"], maxTravelMinutes: 90, attributes: { name: "Ana" } })).toBe(true);
    expect(isWellFormedRep({ id: "R1", home: [-99.1, 19.4], capacity: 40, region: undefined })).toBe(true);
  });

  it("leaves odd shapes to the schema, which still words the error", () => {
    const accounts = [{ id: "A1", location: [-99.1, 19.4] as [number, number], workload: 3 }];
    expect(isWellFormedRep({ id: "R1", home: [-99.1, 19.4], capacity: 40, colour: "red" })).toBe(false);
    expect(() => parseProblem({ accounts, reps: [{ id: "R1", home: [-99.1, 19.4], capacity: 40, colour: "red" }] })).toThrow(/colour/);
    expect(() => parseProblem({ accounts, reps: [{ id: "R1", home: [-99.1, 19.4], capacity: 40, segments: ["a", 1] }] })).toThrow(/reps\[0\]\.segments\[1\]|segments/);
  });
});
