import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/io/csv.js";
import { readAssignments } from "../../src/io/read-assignments.js";
import type { Problem } from "../../src/model/problem-schema.js";
import { toCsv } from "../../src/output/csv-writer.js";
import { toAssignmentsCsv } from "../../src/output/to-assignments-csv.js";
import { deepFreeze } from "./geometry-checks.js";
import { makePlan } from "./make-plan.js";

describe("toCsv", () => {
  it("quotes only fields holding a comma, quote, CR or LF, doubling quotes", () => {
    expect(toCsv([["plain", "a,b", 'say "hi"', "line\nbreak", "cr\rhere", " spaced ", ""]])).toBe(
      'plain,"a,b","say ""hi""","line\nbreak","cr\rhere", spaced ,\n',
    );
  });

  it("ends every line with LF and writes a lone empty field as a quoted empty string", () => {
    expect(toCsv([["a"], [""], ["b", ""]])).toBe('a\n""\nb,\n');
    expect(toCsv([])).toBe("");
  });

  it("round-trips any text through an RFC 4180 reader", () => {
    const cell = fc.string({ unit: fc.constantFrom("a", "Z", " ", ",", '"', "\n", "\r", "é", "😀", "\t"), maxLength: 8 });
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell), { maxLength: 6 }), (rows) => {
        const table = parseCsv(toCsv([["x", "y", "z"], ...rows]), "test.csv");
        expect(table.records.map((r) => r.cells)).toEqual(rows);
      }),
      { seed: 4180, numRuns: 300 },
    );
  });
});

describe("toAssignmentsCsv", () => {
  const problem: Problem = {
    accounts: [
      { id: "a,1", location: [0, 0], workload: 1.5, potential: 200, attributes: { name: 'Café "Sol", Lima', notes: "line1\nline2" } },
      { id: "__proto__", location: [0.1, 0], workload: 2, attributes: { rep_id: "crm-9", tags: ["x", "y"], owner: null, ok: true } },
      { id: 'quote"d', location: [0.2, 0], workload: 0.25, attributes: { name: "Plain", extra: 7 } },
    ],
    reps: [
      { id: "r,1", home: [0, 0], capacity: 10 },
      { id: "r2", home: [0.2, 0], capacity: 10 },
    ],
  };

  it("writes one row per account with every input field, then the union of attribute columns in first-seen order", () => {
    const csv = toAssignmentsCsv(makePlan(problem, ["r,1", null, "r2"]));
    const table = parseCsv(csv, "assignments.csv");
    expect(table.header).toEqual(["account_id", "rep_id", "workload", "potential", "reason", "lng", "lat", "name", "notes", "attributes.rep_id", "tags", "owner", "ok", "extra"]);
    expect(table.records.map((r) => r.cells)).toEqual([
      ["a,1", "r,1", "1.5", "200", "", "0", "0", 'Café "Sol", Lima', "line1\nline2", "", "", "", "", ""],
      ["__proto__", "", "2", "0", "no eligible rep within reach", "0.1", "0", "", "", "crm-9", '["x","y"]', "", "true", ""],
      ['quote"d', "r2", "0.25", "0", "", "0.2", "0", "Plain", "", "", "", "", "", "7"],
    ]);
  });

  it("keeps the optional fields an account has, empty where another lacks them", () => {
    const withFields: Problem = {
      accounts: [
        { id: "x", location: [1, 2], workload: 1, segment: "retail", currentRep: "r2", tier: "A", attributes: { segment: "crm-seg" } },
        { id: "y", location: [3, 4], workload: 2, lockedRep: "r2", visits: 4 },
      ],
      reps: problem.reps,
    };
    const table = parseCsv(toAssignmentsCsv(makePlan(withFields, ["r2", "r2"])), "assignments.csv");
    expect(table.header).toEqual(["account_id", "rep_id", "workload", "potential", "reason", "lng", "lat", "visits", "tier", "segment", "current_rep", "locked_rep", "attributes.segment"]);
    expect(table.records.map((r) => r.cells)).toEqual([
      ["x", "r2", "1", "0", "", "1", "2", "", "A", "retail", "r2", "", "crm-seg"],
      ["y", "r2", "2", "0", "", "3", "4", "4", "", "", "", "r2", ""],
    ]);
  });

  it("reads back through the assignment reader with unassigned rows left out", () => {
    const plan = makePlan(problem, ["r,1", null, "r2"]);
    const records = readAssignments({ file: "assignments.csv", text: toAssignmentsCsv(plan) });
    expect(records.rows).toEqual(plan.assignment);
  });

  it("does not modify the plan", () => {
    const plan = makePlan(problem, ["r2", "r,1", null]);
    const before = JSON.stringify(plan);
    deepFreeze(plan);
    toAssignmentsCsv(plan);
    expect(JSON.stringify(plan)).toBe(before);
  });
});
