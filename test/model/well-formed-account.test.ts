import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseProblem } from "../../src/model/parse.js";
import { accountSchema } from "../../src/model/problem-schema.js";
import { isWellFormedAccount } from "../../src/model/well-formed-account.js";
import { FC_SEED } from "../support/arbitrary-problem.js";

const keys = ["id", "location", "workload", "potential", "visits", "moveCost", "tier", "segment", "region", "district", "unit", "currentRep", "lockedRep", "attributes", "extra", "__proto__"];

/** Values of every kind a field might be given, good and bad. */
const anyValue = fc.oneof(
  fc.string(),
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, 0, -0, null, undefined, true),
  fc.tuple(fc.double(), fc.double()),
  fc.array(fc.double(), { maxLength: 3 }),
  fc.array(fc.oneof(fc.string(), fc.double()), { minLength: 2, maxLength: 2 }),
  fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.double())),
  fc.constant(Object.create(null) as object),
  fc.constant(new Date(0)),
  fc.constant({ [Symbol("s")]: 1 }),
);

/** Accounts near a valid one: some fields replaced by anything, some removed, some added. */
const nearAccount = fc
  .record({
    id: fc.string(),
    location: fc.tuple(fc.double({ min: -180, max: 180, noNaN: true }), fc.double({ min: -90, max: 90, noNaN: true })),
    workload: fc.double({ min: 0, max: 100, noNaN: true }),
  })
  .chain((account) =>
    fc.array(fc.tuple(fc.constantFrom(...keys), fc.oneof(anyValue, fc.constant("delete" as const))), { maxLength: 4 }).map((edits) => {
      const out: Record<string, unknown> = { ...account };
      for (const [key, value] of edits) {
        if (value === "delete") delete out[key];
        else Object.defineProperty(out, key, { value, enumerable: true, configurable: true, writable: true });
      }
      return out;
    }),
  );

describe("isWellFormedAccount", () => {
  it("never accepts an account the schema rejects", () => {
    let accepted = 0;
    fc.assert(
      fc.property(nearAccount, (account) => {
        if (!isWellFormedAccount(account)) return;
        accepted++;
        expect(accountSchema.safeParse(account).success).toBe(true);
      }),
      { seed: FC_SEED, numRuns: 3000 },
    );
    // The property means something only if the quick test says yes often enough.
    expect(accepted).toBeGreaterThan(300);
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
