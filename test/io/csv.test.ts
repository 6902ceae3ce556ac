import { describe, expect, it } from "vitest";
import { TerralignError } from "../../src/errors.js";
import { parseCsv } from "../../src/io/csv.js";

const cellsOf = (text: string) => parseCsv(text, "t.csv").records.map((r) => r.cells);

function errorOf(text: string): TerralignError {
  try {
    parseCsv(text, "t.csv");
  } catch (error) {
    if (error instanceof TerralignError) return error;
    throw error;
  }
  throw new Error("expected a TerralignError");
}

describe("parseCsv", () => {
  it("reads a header and records", () => {
    const table = parseCsv("id,name\n1,a\n2,b\n", "t.csv");
    expect(table.header).toEqual(["id", "name"]);
    expect(table.records).toEqual([
      { line: 2, cells: ["1", "a"] },
      { line: 3, cells: ["2", "b"] },
    ]);
  });

  it("unquotes fields and keeps embedded commas, doubled quotes and newlines", () => {
    expect(cellsOf('id,note\n1,"a, b"\n2,"say ""hi"""\n3,"two\nlines"\n4,""\n')).toEqual([
      ["1", "a, b"],
      ["2", 'say "hi"'],
      ["3", "two\nlines"],
      ["4", ""],
    ]);
  });

  it("counts lines inside quoted fields so later records keep their real line numbers", () => {
    const table = parseCsv('id,note\n1,"a\nb\nc"\n2,x\n', "t.csv");
    expect(table.records.map((r) => r.line)).toEqual([2, 5]);
  });

  it("drops a UTF-8 byte order mark before the first column name", () => {
    expect(parseCsv("\uFEFFid,lng\n1,2\n", "t.csv").header).toEqual(["id", "lng"]);
  });

  it("accepts CRLF line ends, including inside quoted fields", () => {
    const table = parseCsv('id,note\r\n1,"x\r\ny"\r\n2,z\r\n', "t.csv");
    expect(table.records).toEqual([
      { line: 2, cells: ["1", "x\r\ny"] },
      { line: 4, cells: ["2", "z"] },
    ]);
  });

  it("accepts a file without a final newline and skips blank lines", () => {
    expect(cellsOf("id,v\n1,a\n\n2,b")).toEqual([
      ["1", "a"],
      ["2", "b"],
    ]);
    expect(cellsOf("id,v\n1,a\n\n")).toEqual([["1", "a"]]);
  });

  it("keeps empty fields, including a trailing one", () => {
    expect(cellsOf("a,b,c\n,,\n1,2,\n")).toEqual([
      ["", "", ""],
      ["1", "2", ""],
    ]);
  });

  it("rejects a row with too many fields, naming the line and the extra value", () => {
    const error = errorOf("id,lng,lat\n1,2,3\n4,5,6,7\n");
    expect(error.code).toBe("invalid_file");
    expect(error.message).toBe('t.csv line 3, column 4: found 4 fields but the header has 3 (extra value "7"); quote values that contain commas');
  });

  it("rejects a row with too few fields, naming the line and the missing column", () => {
    expect(errorOf("id,lng,lat\n1,2\n").message).toBe("t.csv line 2, column lat: found 2 fields but the header has 3; the value for column lat is missing");
  });

  it("rejects an unclosed quote, naming where the field starts", () => {
    expect(errorOf('id,note\n1,ok\n2,"open\n3,x\n').message).toBe('t.csv line 3, column 2: a quoted field is never closed (missing ")');
  });

  it("rejects a quote inside an unquoted field and text after a closing quote", () => {
    expect(errorOf('id,note\n1,ab"c\n').message).toMatch(/^t\.csv line 2, column 2: a quote inside an unquoted field/);
    expect(errorOf('id,note\n1,"ab"c\n').message).toMatch(/^t\.csv line 2, column 2: unexpected "c" after a closing quote/);
  });

  it("rejects an empty file, an empty column name and a repeated column name", () => {
    expect(errorOf("").message).toBe("t.csv: the file is empty; expected a header line with column names");
    expect(errorOf("id,,lat\n").message).toBe("t.csv line 1, column 2: the header has an empty column name");
    expect(errorOf("id,lat,LAT\n").message).toBe('t.csv line 1: column "LAT" appears twice (columns 2 and 3)');
  });
});
