import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MinHeap } from "../../src/util/min-heap.js";

type Entry = readonly [id: number, key: number];

const byKeyThenId = (x: Entry, y: Entry) => (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : x[0] - y[0]);
/** The entries with −0 written as 0: the two are one key to the heap, but `toEqual` tells them apart. */
const plain = (entries: readonly Entry[]) => entries.map(([id, k]) => [id, k + 0]);
/** Keys from a few values (many ties, −0 beside 0, ±Infinity) or anywhere in a wide range. */
const key = fc.oneof(fc.constantFrom(0, -0, 1, 2.5, -3, Infinity, -Infinity), fc.double({ min: -1e6, max: 1e6, noNaN: true }));
const entry = fc.tuple(fc.integer({ min: 0, max: 40 }), key);

function drain(heap: MinHeap): Entry[] {
  const out: Entry[] = [];
  while (heap.size > 0) {
    const k = heap.topKey();
    out.push([heap.pop(), k]);
  }
  return out;
}

describe("MinHeap", () => {
  it("pops what it was given in the order of a sort by key, then id, ties and repeated ids included", () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 300 }), (entries) => {
        const heap = new MinHeap(1);
        for (const [id, k] of entries) heap.push(id, k);
        expect(heap.size).toBe(entries.length);
        expect(plain(drain(heap))).toEqual(plain([...entries].sort(byKeyThenId)));
      }),
      { seed: 15, numRuns: 300 },
    );
  });

  it("agrees with a sorted list under any mix of push, pop, replaceTop and clear", () => {
    const op = fc.oneof(
      fc.tuple(fc.constant("push" as const), entry),
      fc.tuple(fc.constant("pop" as const), fc.constant(null)),
      fc.tuple(fc.constant("replaceTop" as const), entry),
      fc.tuple(fc.constant("clear" as const), fc.constant(null)),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        const heap = new MinHeap(4);
        let list: Entry[] = [];
        for (const [name, e] of ops) {
          if (name === "push") {
            heap.push(e[0], e[1]);
            list.push(e);
          } else if (name === "clear") {
            heap.clear();
            list = [];
          } else if (list.length > 0) {
            list.sort(byKeyThenId);
            expect(plain([[heap.topId(), heap.topKey()]])).toEqual(plain([list[0]]));
            if (name === "pop") expect(heap.pop()).toBe(list.shift()![0]);
            else {
              heap.replaceTop(e[0], e[1]);
              list[0] = e;
            }
          }
          expect(heap.size).toBe(list.length);
        }
        expect(plain(drain(heap))).toEqual(plain(list.sort(byKeyThenId)));
      }),
      { seed: 16, numRuns: 300 },
    );
  });

  it("settles each id once at its least key when decreases are pushed again and stale entries skipped", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 20 })), { minLength: 1, maxLength: 200 }), (offers) => {
        const heap = new MinHeap();
        const best = new Map<number, number>();
        for (const [id, k] of offers) {
          if (k < (best.get(id) ?? Infinity)) {
            best.set(id, k);
            heap.push(id, k);
          }
        }
        const settled: Entry[] = [];
        const done = new Set<number>();
        while (heap.size > 0) {
          const k = heap.topKey();
          const id = heap.pop();
          if (done.has(id)) continue;
          done.add(id);
          settled.push([id, k]);
        }
        expect(settled).toEqual([...best].sort(byKeyThenId));
      }),
      { seed: 17, numRuns: 300 },
    );
  });
});
