import { describe, expect, it } from "vitest";
import { readCpmpFile } from "../../src/place/cpmp/read-cpmp-instance.js";
import { errorOf } from "../plan/error-of.js";
import { fixtureText } from "./cpmp-fixtures.js";

/** The error reading `text` must throw. */
const readError = (text: string, file = "bad.txt") => errorOf(() => readCpmpFile(text, file));

describe("readCpmpFile", () => {
  it("reads an OR-Library pmedcap file with floored distances and its header value", () => {
    const file = readCpmpFile(fixtureText("pmedcap01.txt"), "pmedcap01.txt");
    expect(file.format).toBe("orlib");
    expect([file.n, file.p, file.declaredBest]).toEqual([50, 5, 713]);
    expect(file.capacity.every((q) => q === 120)).toBe(true);
    expect(file.instance.integerCosts).toBe(true);
    // Points 1 (2, 62) and 2 (80, 25): distance 86.33… floors to 86.
    expect(file.instance.cost[0 * 50 + 1]).toBe(86);
  });

  it("reads a Lorena–Senne file with real distances, whatever the whitespace (tabs, CRLF)", () => {
    const text = "3\t2\r\n0 0 10 4\r\n3\t4 10 5\r\n6 8 12 1\r\n";
    const file = readCpmpFile(text, "tiny.dat");
    expect(file.format).toBe("lorena-senne");
    expect(Array.from(file.capacity)).toEqual([10, 10, 12]);
    expect(Array.from(file.demand)).toEqual([4, 5, 1]);
    expect(file.instance.cost[0 * 3 + 1]).toBe(5);
    expect(file.instance.integerCosts).toBe(false);
    expect(readCpmpFile(fixtureText("tsplib-30x3.dat")).n).toBe(30);
  });

  it("rejects a wrong count of numbers, naming the file and both formats", () => {
    const error = readError("3 2\n0 0 10 4\n3 4 10 5\n6 8 12\n", "short.dat");
    expect(error.code).toBe("invalid_file");
    expect(error.message).toMatch(/^short\.dat: wrong number of values: found 13/);
    expect(error.message).toContain("Lorena–Senne");
    expect(error.message).toContain("OR-Library");
  });

  it("rejects a negative demand with its line", () => {
    expect(readError("3 2\n0 0 10 4\n3 4 10 -5\n6 8 12 1\n").message).toBe("bad.txt: line 3: point 2 has a negative demand (-5)");
    expect(readError("1 0\n2 1 120\n1 5 5 3\n2 6 6 -1\n").message).toMatch(/line 4: point 2 has a negative demand/);
  });

  it("rejects text that is not a number, p above n, zero capacity and ids out of order", () => {
    expect(readError("3 2\n0 0 10 4\n3 x 10 5\n6 8 12 1\n").message).toBe('bad.txt: line 3: expected a number, got "x"');
    expect(readError("2 3\n0 0 10 4\n3 4 10 5\n").message).toMatch(/p = 3 medians cannot be chosen among n = 2 points/);
    expect(readError("2 1\n0 0 0 4\n3 4 10 5\n").message).toMatch(/line 2: point 1 has capacity 0; capacities must be > 0/);
    expect(readError("1 0\n2 1 120\n2 5 5 3\n1 6 6 1\n").message).toMatch(/line 3: expected point id 1, got 2/);
    expect(readError("").message).toMatch(/found 0/);
  });
});
