import { describe, expect, it } from "vitest";
import { TerralignError } from "../../src/errors.js";
import { readAssignments, restateAssignmentError } from "../../src/io/read-assignments.js";
import { readOptions } from "../../src/io/read-options.js";

function errorOf(run: () => unknown): TerralignError {
  try {
    run();
  } catch (error) {
    if (error instanceof TerralignError) return error;
    throw error;
  }
  throw new Error("expected a TerralignError");
}

describe("readAssignments", () => {
  it("reads account_id,rep_id rows, ignores other columns and skips rows with a blank rep", () => {
    const records = readAssignments({ file: "crm.csv", text: "Account_ID,rep_id,owner\nA1,R1,Ana\nA2,,\nA3,R2,Bo\n" });
    expect(records.rows).toEqual([
      { accountId: "A1", repId: "R1" },
      { accountId: "A3", repId: "R2" },
    ]);
    expect([0, 1].map(records.originOf)).toEqual(["crm.csv line 2", "crm.csv line 4"]);
  });

  it("reads quoted cells and trims them, and words a malformed row as the CSV reader does", () => {
    expect(readAssignments({ file: "crm.csv", text: 'account_id;rep_id\r\n"A;1"; R1 \r\n\r\nA2;""\r\n' }).rows).toEqual([{ accountId: "A;1", repId: "R1" }]);
    expect(errorOf(() => readAssignments({ file: "crm.csv", text: 'account_id,rep_id\nA1,R1\nA"2,R1\n' })).message).toBe(
      'crm.csv line 3, column 1: a quote inside an unquoted field; wrap the whole field in quotes and double the inner quote ("")',
    );
    expect(errorOf(() => readAssignments({ file: "crm.csv", text: "account_id,rep_id\nA1,R1,x\n" })).message).toMatch(/^crm\.csv line 2, column 3: found 3 fields but the header has 2/);
  });

  it("names the missing column", () => {
    expect(errorOf(() => readAssignments({ file: "crm.csv", text: "account,owner\nA1,R1\n" })).message).toBe(
      'crm.csv: missing required column "rep_id" (or "rep"); columns found: account, owner',
    );
  });

  it("restates an evaluate error about assignment[i] as the file line", () => {
    const records = readAssignments({ file: "crm.csv", text: "account_id,rep_id\nA1,R1\nA2,R9\n" });
    const error = new TerralignError("unknown_reference", 'assignment[1].repId: "R9" is not the id of any rep');
    expect((restateAssignmentError(error, records) as Error).message).toBe('crm.csv line 3, rep_id: "R9" is not the id of any rep');
  });
});

describe("readOptions", () => {
  it("returns the options object when every field is known and well typed", () => {
    expect(readOptions({ file: "o.json", text: '{"balance":{"workload":0.05},"seed":3}' })).toEqual({ balance: { workload: 0.05 }, seed: 3 });
  });

  it("names an unknown field with the file", () => {
    const error = errorOf(() => readOptions({ file: "o.json", text: '{"balanse":{"workload":0.05}}' }));
    expect(error.code).toBe("invalid_option");
    expect(error.message).toBe('o.json: unknown field "balanse"');
  });

  it("names an ill-typed nested field and an unknown strategy", () => {
    expect(errorOf(() => readOptions({ file: "o.json", text: '{"balance":{"workload":"ten"}}' })).message).toBe('o.json, field balance.workload: expected number, got "ten"');
    expect(errorOf(() => readOptions({ file: "o.json", text: '{"strategy":"fast"}' })).message).toMatch(/^o\.json, field strategy: expected one of "auto", "heuristic"/);
  });

  it("rejects JSON that is not an object, and text that is not JSON", () => {
    expect(errorOf(() => readOptions({ file: "o.json", text: "[1]" })).message).toBe("o.json: expected a JSON object of options, got an array of 1");
    expect(errorOf(() => readOptions({ file: "o.json", text: "{balance" })).message).toMatch(/^o\.json: not valid JSON/);
  });
});
