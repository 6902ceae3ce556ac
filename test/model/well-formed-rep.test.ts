import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseProblem } from "../../src/model/parse.js";
import { repSchema } from "../../src/model/problem-schema.js";
import { isWellFormedRep } from "../../src/model/well-formed-rep.js";
import { FC_SEED } from "../support/arbitrary-problem.js";

const keys = ["id", "home", "capacity", "region", "district", "segments", "maxTravelMinutes", "attributes", "extra", "__proto__"];

/** Values of every kind a field might be given, good and bad. */
const anyValue = fc.oneof(
  fc.string(),
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, null, undefined, true),
  fc.tuple(fc.double(), fc.double()),
  fc.array(fc.double(), { maxLength: 3 }),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.array(fc.oneof(fc.string(), fc.double()), { minLength: 2, maxLength: 2 }),
  fc.constant(["a", , "b"]),
  fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.double())),
  fc.constant(Object.create(null) as object),
  fc.constant(new Date(0)),
  fc.constant({ [Symbol("s")]: 1 }),
);

/** Reps near a valid one: some fields replaced by anything, some removed, some added. */
const nearRep = fc
  .record({
    id: fc.string(),
    home: fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true })),
    capacity: fc.double({ min: 0, max: 100, noNaN: true }),
  })
  .chain((rep) =>
    fc.array(fc.tuple(fc.constantFrom(...keys), fc.oneof(anyValue, fc.constant("delete" as const))), { maxLength: 4 }).map((edits) => {
      const out: Record<string, unknown> = { ...rep };
      for (const [key, value] of edits) {
        if (value === "delete") delete out[key];
        else Object.defineProperty(out, key, { value, enumerable: true, configurable: true, writable: true });
      }
      return out;
    }),
  );

describe("isWellFormedRep", () => {
  it("never accepts a rep the schema rejects", () => {
    let accepted = 0;
    fc.assert(
      fc.property(nearRep, (rep) => {
        if (!isWellFormedRep(rep)) return;
        accepted++;
        expect(repSchema.safeParse(rep).success).toBe(true);
      }),
      { seed: FC_SEED, numRuns: 3000 },
    );
    // The property means something only if the quick test says yes often enough.
    expect(accepted).toBeGreaterThan(300);
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
