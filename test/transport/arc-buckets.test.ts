import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addBucket, bucketMin, createArcBuckets, placeArc, removeArc } from "../../src/solvers/transport/arc-buckets.js";

describe("arc buckets", () => {
  it("keep each bucket's cheapest arc right through random moves, key changes and removals, as a plain map does", () => {
    const op = fc.record({ kind: fc.constantFrom("place", "place", "remove", "min"), arc: fc.nat(39), bucket: fc.nat(5), d: fc.integer({ min: -20, max: 20 }) });
    fc.assert(
      fc.property(fc.array(op, { minLength: 100, maxLength: 400 }), (ops) => {
        // A tiny pool and no room at first, so segments move and the pool gets packed.
        const bk = createArcBuckets(40, 2);
        for (let b = 0; b < 6; b++) addBucket(bk);
        const model = new Map<number, { bucket: number; d: number }>();
        for (const { kind, arc, bucket, d } of ops) {
          if (kind === "place") {
            placeArc(bk, arc, bucket, d);
            model.set(arc, { bucket, d });
          } else if (kind === "remove") {
            removeArc(bk, arc);
            model.delete(arc);
          } else {
            const members = [...model].filter(([, v]) => v.bucket === bucket);
            const found = bucketMin(bk, bucket);
            if (members.length === 0) expect(found).toBe(-1);
            else {
              const least = Math.min(...members.map(([, v]) => v.d));
              expect(model.get(found)).toEqual({ bucket, d: least });
              expect(bk.minD[bucket]).toBe(least);
            }
          }
        }
        for (let b = 0; b < 6; b++) expect(bk.size[b]).toBe([...model.values()].filter((v) => v.bucket === b).length);
      }),
      { seed: 11, numRuns: 300 },
    );
  });
});
