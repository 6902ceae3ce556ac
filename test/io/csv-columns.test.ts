import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TerralignError } from "../../src/errors.js";
import { scanCsvColumns } from "../../src/io/csv-columns.js";
import { accountFields } from "../../src/io/read-accounts.js";
import { readCsvRecords, readCsvTable } from "../../src/io/read-table.js";

/** The rows (copied: `readCsvTable` hands `make` one values array for all) and where each came from, or the error message. */
function outcome(read: typeof readCsvTable, text: string, decimalComma: boolean): unknown {
  try {
    const { items, originOf } = read(text, "a.csv", decimalComma, accountFields, "location", (row) => ({ ...row, values: [...row.values] }));
    return { items, origins: items.map((_, i) => [originOf(i).where, originOf(i).at(["workload"]), originOf(i).at(["location", 1])]) };
  } catch (error) {
    if (error instanceof TerralignError) return error.message;
    throw error;
  }
}

// Cells as exported files hold them: plain and odd numbers, blanks, text with delimiters, quotes and line breaks.
const cell = fc.oneof(
  { weight: 24, arbitrary: fc.double({ min: -200, max: 200, noNaN: true }).map((x) => String(Math.round(x * 1e6) / 1e6)) },
  { weight: 8, arbitrary: fc.integer({ min: -5, max: 500 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom("", " ", " 3.5 ", "1e3", "-0", "+2.", ".5", "1,5", "1.5.5", "12345678901234567", "0.0000000000000001", "abc", "NaN", "-", "x y") },
  { weight: 1, arbitrary: fc.constantFrom('"4.25"', '"a, b"', '"say ""hi"""', '"two\nlines"', '""', 'a"b', '"open', '"x"y') },
);
const names = ["id", "lng", "lat", "workload", "visits", "segment", "note", "attributes", "current_rep"];

/** A CSV text: a header of some of `names` (id, lng, lat and workload most of the time), rows of cells, assorted line ends. */
const csvText = fc
  .record({
    columns: fc.shuffledSubarray(names, { minLength: 1 }),
    keepRequired: fc.boolean(),
    rows: fc.array(fc.array(cell, { minLength: 1, maxLength: 10 }), { maxLength: 8 }),
    ragged: fc.boolean(),
    delimiter: fc.constantFrom(",", ";", "\t"),
    lineEnd: fc.constantFrom("\n", "\r\n", "\r"),
    blankLines: fc.boolean(),
    bom: fc.boolean(),
    finalNewline: fc.boolean(),
    decimalComma: fc.boolean(),
  })
  .map(({ columns, keepRequired, rows, ragged, delimiter, lineEnd, blankLines, bom, finalNewline, decimalComma }) => {
    const header = keepRequired ? [...new Set(["id", "lng", "lat", "workload", ...columns])] : columns;
    const lines = rows.map((cells, r) => {
      const width = ragged && r === rows.length - 1 ? cells.length : header.length;
      const row = Array.from({ length: width }, (_, i) => (header[i] === "id" ? `A${r}` : cells[i % cells.length]));
      return row.join(delimiter);
    });
    if (blankLines && lines.length > 1) lines.splice(1, 0, "");
    const text = `${bom ? "\uFEFF" : ""}${[header.join(delimiter), ...lines].join(lineEnd)}${finalNewline ? lineEnd : ""}`;
    return { text, decimalComma };
  });

describe("scanCsvColumns", () => {
  it("gives readCsvTable the rows, places and errors of the record-by-record reader", () => {
    let scanned = 0;
    fc.assert(
      fc.property(csvText, ({ text, decimalComma }) => {
        const fast = outcome(readCsvTable, text, decimalComma);
        expect(fast).toEqual(outcome(readCsvRecords, text, decimalComma));
        if (typeof fast !== "string" && (fast as { items: unknown[] }).items.length > 0) scanned++;
      }),
      { seed: 20, numRuns: 3000 },
    );
    expect(scanned).toBeGreaterThan(400);
  });

  it("reads a plain file in one pass: numbers, trimmed text and the line of each record", () => {
    const text = "id,lng,lat,note\r\nA1, -99.5,19.25,x \r\n\r\n\"A,2\",1e2,.5,\"two\nlines\"\r\nA3,3,4,\r\n";
    const columns = scanCsvColumns(text, "a.csv", false, () => ["text", "number", "number", "raw"]);
    expect(columns?.count).toBe(3);
    expect([...columns!.lines]).toEqual([2, 4, 6]);
    expect(columns!.columns[0]).toEqual(["A1", "A,2", "A3"]);
    expect([...(columns!.columns[1] as Float64Array)]).toEqual([-99.5, 100, 3]);
    expect([...(columns!.columns[2] as Float64Array)]).toEqual([19.25, 0.5, 4]);
    expect(columns!.columns[3]).toEqual(["x ", "two\nlines", ""]);
  });

  it("leaves to the general reader a short row, a stray quote and a number column cell that is not a number", () => {
    const kinds = () => ["text", "number"] as const;
    expect(scanCsvColumns("id,v\nA1\n", "a.csv", false, kinds)).toBeUndefined();
    expect(scanCsvColumns('id,v\nA"1,2\n', "a.csv", false, kinds)).toBeUndefined();
    expect(scanCsvColumns("id,v\nA1,two\n", "a.csv", false, kinds)).toBeUndefined();
    expect(scanCsvColumns("id,v\nA1,2,3\n", "a.csv", false, kinds)).toBeUndefined();
  });
});
