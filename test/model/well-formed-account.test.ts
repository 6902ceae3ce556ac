import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseProblem } from "../../src/model/parse.js";
import { accountSchema } from "../../src/model/problem-schema.js";
import { isWellFormedAccount } from "../../src/model/well-formed-account.js";
import { nearRecords, neverAcceptsWhatTheSchemaRejects } from "../support/near-records.js";

const keys = ["id", "location", "workload", "potential", "visits", "moveCost", "tier", "segment", "region", "district", "unit", "currentRep", "lockedRep", "attributes", "extra", "__proto__"];

/** Accounts near a valid one: some fields replaced by anything, some removed, some added. */
const nearAccount = nearRecords(
  fc.record({
    id: fc.string(),
    location: fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true })),
    workload: fc.double({ min: 0, max: 100, noNaN: true }),
  }),
  keys,
);

describe("isWellFormedAccount", () => {
  it("never accepts an account the schema rejects", () => {
    neverAcceptsWhatTheSchemaRejects(nearAccount, isWellFormedAccount, accountSchema);
  });

  it("accepts the accounts the readers produce", () => {
    expect(isWellFormedAccount({ id: "A1", location: [-99.1, 19.4], workload: 3, potential: 10, visits: 2, tier: "A", segment: "retail", region: "north", unit: "Z1", currentRep: "R1", lockedRep: "R1", attributes: { name: "x" } })).toBe(true);
    expect(isWellFormedAccount({ id: "A1", location: [-99.1, 19.4], workload: 3, potential: undefined })).toBe(true);
  });

  it("leaves odd but valid shapes to the schema, and parseProblem still judges them", () => {
    const odd = { id: "A1", location: [-99.1, 19.4], workload: 3, attributes: new Map() as unknown as Record<string, unknown> };
    expect(isWellFormedAccount(odd)).toBe(false);
    const reps = [{ id: "R1", home: [-99.1, 19.4] as [number, number], capacity: 10 }];
    expect(() => parseProblem({ accounts: [{ id: "A1", location: [-99.1, 19.4], workload: 3, colour: "red" }], reps })).toThrow(/unknown field "colour"|colour/);
    expect(() => parseProblem({ accounts: [, { id: "A1", location: [-99.1, 19.4], workload: 3 }], reps })).toThrow(/accounts\[0\]/);
  });
});
