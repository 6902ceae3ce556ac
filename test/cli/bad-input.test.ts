import { describe, expect, it } from "vitest";
import { column, runCli, setCell, smallProblem, workspace } from "./cli-harness.js";

const { accounts, reps } = smallProblem();
const align = ["align", "--accounts", "accounts.csv", "--reps", "reps.csv", "--out", "out"];
const withOptions = [...align, "--options", "options.json"];

interface BadCase {
  readonly files?: Record<string, string>;
  readonly args?: readonly string[];
  readonly message: string | RegExp;
}

const cases: Record<string, BadCase> = {
  "an empty account id": { files: { "accounts.csv": setCell(accounts, 3, column.id, "") }, message: "accounts.csv line 3, column id: account id is empty" },
  "a duplicate account id": {
    files: { "accounts.csv": setCell(accounts, 4, column.id, "A0-0") },
    message: 'accounts.csv line 4, column id: duplicate account id "A0-0" (also used by accounts.csv line 2)',
  },
  "a duplicate rep id": { files: { "reps.csv": setCell(reps, 3, column.id, "R1") }, message: 'reps.csv line 3, column id: duplicate rep id "R1" (also used by reps.csv line 2)' },
  "swapped latitude and longitude": {
    files: { "accounts.csv": setCell(setCell(accounts, 5, column.lng, "20.6"), 5, column.lat, "-103.4") },
    message: "accounts.csv line 5, column lat: latitude -103.4 is outside [-90, 90]; it looks swapped",
  },
  "a longitude out of range": { files: { "accounts.csv": setCell(accounts, 6, column.lng, "200") }, message: "accounts.csv line 6, column lng: longitude 200 is outside [-180, 180]" },
  "a non-numeric workload": { files: { "accounts.csv": setCell(accounts, 14, column.workload, "abc") }, message: 'accounts.csv line 14, column workload: "abc" is not a number' },
  "an empty workload": { files: { "accounts.csv": setCell(accounts, 7, column.workload, "") }, message: 'accounts.csv line 7, column workload: "" is not a number (the cell is empty)' },
  "a NaN workload": { files: { "accounts.csv": setCell(accounts, 7, column.workload, "NaN") }, message: 'accounts.csv line 7, column workload: "NaN" is not a number; it must be finite' },
  "an infinite workload": { files: { "accounts.csv": setCell(accounts, 7, column.workload, "Infinity") }, message: 'accounts.csv line 7, column workload: "Infinity" is not a number; it must be finite' },
  "a negative workload": { files: { "accounts.csv": setCell(accounts, 8, column.workload, "-2") }, message: "accounts.csv line 8, column workload: workload -2 must not be negative" },
  "a workload with a decimal comma": { files: { "accounts.csv": setCell(accounts, 8, column.workload, '"1,5"') }, message: 'accounts.csv line 8, column workload: "1,5" is not a number; use a dot as the decimal separator' },
  "a non-numeric potential": { files: { "accounts.csv": setCell(accounts, 9, column.potential, "high") }, message: 'accounts.csv line 9, column potential: "high" is not a number' },
  "a negative potential": { files: { "accounts.csv": setCell(accounts, 9, column.potential, "-1") }, message: "accounts.csv line 9, column potential: potential -1 must not be negative" },
  "a non-numeric capacity": { files: { "reps.csv": setCell(reps, 2, 3, "lots") }, message: 'reps.csv line 2, column capacity: "lots" is not a number' },
  "an infinite capacity": { files: { "reps.csv": setCell(reps, 2, 3, "Infinity") }, message: 'reps.csv line 2, column capacity: "Infinity" is not a number; it must be finite' },
  "a negative capacity": { files: { "reps.csv": setCell(reps, 3, 3, "-40") }, message: "reps.csv line 3, column capacity: capacity -40 must be a positive number of hours" },
  "a zero capacity": { files: { "reps.csv": setCell(reps, 4, 3, "0") }, message: "reps.csv line 4, column capacity: capacity 0 must be a positive number of hours" },
  "no reps": { files: { "reps.csv": "id,lng,lat,capacity\n" }, message: "reps.csv: no reps given: at least one rep is needed to build territories" },
  "an unknown locked_rep": { files: { "accounts.csv": setCell(accounts, 10, column.lockedRep, "R9") }, message: 'accounts.csv line 10, column locked_rep: lockedRep "R9" is not the id of any rep' },
  "an unknown current_rep": { files: { "accounts.csv": setCell(accounts, 11, column.currentRep, "R7") }, message: 'accounts.csv line 11, column current_rep: currentRep "R7" is not the id of any rep' },
  "a missing required column": {
    files: { "reps.csv": "id,lng,lat\nR1,1,2\n" },
    message: 'reps.csv: missing required column "capacity"; columns found: id, lng, lat',
  },
  "a ragged row": { files: { "accounts.csv": accounts.replace("\nA0-3,", "\nA0-3,1,") }, message: /^accounts\.csv line 5, column 10: found 10 fields but the header has 9/ },
  "an unknown option": { files: { "options.json": '{"balanse": {"workload": 0.1}}' }, args: withOptions, message: 'options.json: unknown field "balanse"' },
  "an unknown nested option": { files: { "options.json": '{"travel": {"speed": 50}}' }, args: withOptions, message: 'options.json, field travel: unknown field "speed"' },
  "an unknown strategy in the options file": { files: { "options.json": '{"strategy": "fast"}' }, args: withOptions, message: /^options\.json, field strategy: expected one of "auto", "heuristic"/ },
  "an unknown strategy flag": { args: [...align, "--strategy", "fast"], message: '--strategy: unknown strategy "fast"; expected one of auto, heuristic, transport, gap, mip' },
  "an ill-typed option value": { files: { "options.json": '{"balance": {"workload": "ten"}}' }, args: withOptions, message: 'options.json, field balance.workload: expected number, got "ten"' },
  "an out-of-range option value": { files: { "options.json": '{"timeLimitMs": -5}' }, args: withOptions, message: /^options\.json, field timeLimitMs: .*got -5$/ },
  "a non-integer seed option": { files: { "options.json": '{"seed": 1.5}' }, args: withOptions, message: /^options\.json, field seed: .*got 1\.5$/ },
  "a bad --time-limit": { args: [...align, "--time-limit", "soon"], message: '--time-limit: "soon" is not a positive number of seconds' },
  "a bad --seed": { args: [...align, "--seed", "1.5"], message: '--seed: "1.5" is not an integer' },
  "an unknown flag": { args: [...align, "--acounts", "x.csv"], message: "unknown option --acounts for 'terralign align'; see 'terralign align --help'" },
  "a flag without its value": { args: ["align", "--accounts", "accounts.csv", "--reps", "reps.csv", "--out"], message: "--out needs a value; see 'terralign align --help'" },
  "a missing required flag": { args: ["align", "--accounts", "accounts.csv", "--out", "out"], message: "missing --reps for 'terralign align'; see 'terralign align --help'" },
  "a file that does not exist": { args: ["align", "--accounts", "nope.csv", "--reps", "reps.csv", "--out", "out"], message: "cannot read nope.csv: no such file" },
  "an output directory that is a file": {
    args: ["align", "--accounts", "accounts.csv", "--reps", "reps.csv", "--out", "reps.csv"],
    message: "cannot create the output directory reps.csv: a file is in the way of the directory",
  },
  "an unknown command": { args: ["algin"], message: `unknown command "algin"; expected align, evaluate, gap, plan, callplan, tradeoff, diff, scenarios, place, size, cpmp, potential, crosssell or route (see 'terralign --help')` },
};

describe("bad input exits with code 2 and one clear message, no stack trace", () => {
  it.each(Object.entries(cases))("%s", (_name, { files, args, message }) => {
    const dir = workspace({ "accounts.csv": accounts, "reps.csv": reps, ...files });
    const run = runCli(args ?? align, dir);
    expect(run.code).toBe(2);
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0].startsWith("terralign: ")).toBe(true);
    const text = lines[0].slice("terralign: ".length);
    if (typeof message === "string") expect(text.startsWith(message), `stderr: ${run.stderr}`).toBe(true);
    else expect(text).toMatch(message);
    expect(run.stderr).not.toContain("    at ");
    expect(run.stdout).toBe("");
  });
});
