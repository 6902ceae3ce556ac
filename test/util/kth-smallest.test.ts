import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kthSmallest } from "../../src/util/kth-smallest.js";

describe("kthSmallest", () => {
  it("returns the value a full sort puts at position k, duplicates and negatives included", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 200 }), fc.nat(), (list, seed) => {
        const k = seed % list.length;
        const sorted = [...list].sort((x, y) => x - y);
        expect(kthSmallest(Float64Array.from(list), k)).toBe(sorted[k]);
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
