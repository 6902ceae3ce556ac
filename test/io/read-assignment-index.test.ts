import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TerralignError } from "../../src/errors.js";
import { readAssignmentIndex } from "../../src/io/read-assignment-index.js";
import { readAssignments } from "../../src/io/read-assignments.js";
import { StringIndex } from "../../src/util/string-index.js";

const indexOf = (ids: readonly string[]) => {
  const index = new StringIndex(ids.length);
  ids.forEach((id, i) => index.addIfAbsent(id, i));
  return index;
};
const accounts = ["A1", "A2", "A3", "Ä4", "a,5"];
const reps = ["R1", "R2", "R 3"];

/** What readAssignmentIndex must give: readAssignments' rows, looked up; or its error. */
function expected(text: string, file = "asg.csv") {
  try {
    const records = readAssignments({ file, text });
    return {
      rows: records.rows.map(({ accountId, repId }, k) => [accounts.indexOf(accountId), reps.indexOf(repId), records.originOf(k)]),
      unknown: records.rows.flatMap(({ accountId, repId }) => (accounts.includes(accountId) && reps.includes(repId) ? [] : [[accounts.includes(accountId) ? undefined : accountId, reps.includes(repId) ? undefined : repId]])),
    };
  } catch (error) {
    if (error instanceof TerralignError) return error.message;
    throw error;
  }
}

function actual(text: string, file = "asg.csv") {
  try {
    const index = readAssignmentIndex({ file, text }, indexOf(accounts), indexOf(reps));
    return {
      rows: Array.from({ length: index.count }, (_, k) => [index.account[k], index.rep[k], index.originOf(k)]),
      unknown: [...index.unknown.values()].map(({ accountId, repId }) => [accountId, repId]),
    };
  } catch (error) {
    if (error instanceof TerralignError) return error.message;
    throw error;
  }
}

// Ids known and unknown, written plain, padded, quoted, with a no-break space, or blank.
const id = (known: readonly string[]) =>
  fc.tuple(fc.constantFrom(...known, "Z9", "A", ""), fc.constantFrom("", " ", "\t", "\u00a0"), fc.integer({ min: 0, max: 3 })).map(([value, pad, style]) => {
    const padded = style === 1 ? `${pad}${value}${pad}` : value;
    return style >= 2 || /[,"\s]/.test(value) ? `"${padded.replace(/"/g, '""')}"` : padded;
  });

describe("readAssignmentIndex", () => {
  it("gives readAssignments' rows, places and errors as numbers, the unknown ids as written", () => {
    const text = fc
      .tuple(fc.array(fc.tuple(id(accounts), id(reps), fc.boolean()), { maxLength: 12 }), fc.constantFrom("\n", "\r\n"), fc.boolean(), fc.boolean())
      .map(([rows, lineEnd, extraColumn, stray]) => {
        const lines = rows.map(([account, rep, blankLine]) => (blankLine ? "" : extraColumn ? `${account},x,${rep}` : `${account},${rep}`));
        if (stray && lines.length > 0) lines[0] = `A"1,R1`;
        return [extraColumn ? "Account ID,note,rep" : "account_id,rep_id", ...lines].join(lineEnd);
      });
    fc.assert(
      fc.property(text, (t) => {
        expect(actual(t)).toEqual(expected(t));
      }),
      { seed: 8, numRuns: 2000 },
    );
  });

  it("reads JSON records the same way", () => {
    const json = '[{"account":"A1","rep":"R2"},{"account":"Q","rep":"R 3"},{"account":"A2","rep":""}]';
    expect(actual(json, "asg.json")).toEqual(expected(json, "asg.json"));
    expect(actual(json, "asg.json")).toMatchObject({ rows: [[0, 1, "asg.json [0]"], [-1, 2, "asg.json [1]"]], unknown: [["Q", undefined]] });
  });
});
