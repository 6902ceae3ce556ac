import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { StringIndex } from "../../src/util/string-index.js";

describe("StringIndex", () => {
  it("keeps the first number each string was added with, as a Map would, through growth", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 6 }), fc.integer())), fc.integer({ min: 1, max: 40 }), (entries, expected) => {
        const index = new StringIndex(expected);
        const map = new Map<string, number>();
        for (const [key, value] of entries) {
          expect(index.addIfAbsent(key, value)).toBe(map.get(key));
          if (!map.has(key)) map.set(key, value);
        }
        for (const [key] of entries) expect(index.get(key)).toBe(map.get(key));
        expect(index.get("not added \u0000")).toBeUndefined();
      }),
      { seed: 3, numRuns: 300 },
    );
  });

  it("finds a key inside a longer text as get finds it cut out", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 4 })), fc.string({ maxLength: 12 }), fc.nat(), fc.nat(), (keys, text, a, b) => {
        const index = new StringIndex(4);
        keys.forEach((key, i) => index.addIfAbsent(key, i));
        const start = a % (text.length + 1), end = start + (b % (text.length - start + 1));
        expect(index.getRange(text, start, end)).toBe(index.get(text.slice(start, end)));
        for (const key of keys) expect(index.getRange(`x${key}y`, 1, key.length + 1)).toBe(index.get(key));
      }),
      { seed: 4, numRuns: 500 },
    );
  });

  it("finds the duplicate among a hundred thousand distinct ids", () => {
    const index = new StringIndex(1000);
    for (let i = 0; i < 100_000; i++) expect(index.addIfAbsent(`A${i}`, i)).toBeUndefined();
    expect(index.addIfAbsent("A77777", 5)).toBe(77777);
    expect(index.get("A99999")).toBe(99999);
  });
});
