import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimalText } from "../../src/output/decimal-text.js";

/** The rule decimalText states, by the general conversion. */
const reference = (value: number, decimals: number) => {
  const f = 10 ** decimals;
  const rounded = Math.round(value * f) / f;
  return Object.is(rounded, -0) ? "0" : String(rounded);
};

describe("decimalText", () => {
  it("writes what String writes for the rounded value, for every magnitude and number of places", () => {
    const value = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.double({ min: -1e7, max: 1e7, noNaN: true }),
      fc.integer({ min: -1e9, max: 1e9 }).chain((n) => fc.integer({ min: 0, max: 8 }).map((k) => n / 10 ** k)),
      fc.constantFrom(0, -0, 0.005, -0.005, 1e15, -1e15, 999999999999999.9, 1e-7, NaN, Infinity, -Infinity),
    );
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 8 }), (x, decimals) => {
        expect(decimalText(x, decimals)).toBe(reference(x, decimals));
      }),
      { seed: 11, numRuns: 50_000 },
    );
  });

  it("drops trailing zeros and writes -0 as 0", () => {
    expect([decimalText(1.5, 4), decimalText(12, 2), decimalText(-0.0001, 2), decimalText(0.105, 2), decimalText(-3.10004, 4)]).toEqual(["1.5", "12", "0", "0.11", "-3.1"]);
  });
});
