import fc from "fast-check";
import { expect } from "vitest";
import { FC_SEED } from "./arbitrary-problem.js";

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

/** Records near a valid one (`valid`): some of `keys` replaced by anything, some removed, some added. */
export function nearRecords(valid: fc.Arbitrary<Record<string, unknown>>, keys: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  return valid.chain((record) =>
    fc.array(fc.tuple(fc.constantFrom(...keys), fc.oneof(anyValue, fc.constant("delete" as const))), { maxLength: 4 }).map((edits) => {
      const out: Record<string, unknown> = { ...record };
      for (const [key, value] of edits) {
        if (value === "delete") delete out[key];
        else Object.defineProperty(out, key, { value, enumerable: true, configurable: true, writable: true });
      }
      return out;
    }),
  );
}

/**
 * Checks that `wellFormed` (a fast path that lets records skip the schema) never accepts a record
 * of `records` that `schema` rejects, and accepts often enough for that to mean something.
 */
export function neverAcceptsWhatTheSchemaRejects(records: fc.Arbitrary<Record<string, unknown>>, wellFormed: (record: unknown) => boolean, schema: { safeParse(x: unknown): { success: boolean } }): void {
  let accepted = 0;
  fc.assert(
    fc.property(records, (record) => {
      if (!wellFormed(record)) return;
      accepted++;
      expect(schema.safeParse(record).success).toBe(true);
    }),
    { seed: FC_SEED, numRuns: 3000 },
  );
  // The property means something only if the quick test says yes often enough.
  expect(accepted).toBeGreaterThan(300);
}
