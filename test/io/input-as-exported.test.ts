import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { align } from "../../src/align.js";
import { detectDelimiter, parseCsv } from "../../src/io/csv.js";
import { decodeText } from "../../src/io/decode-text.js";
import { readNumber } from "../../src/util/read-number.js";
import { runCli, smallProblem, workspace } from "../cli/cli-harness.js";
import { errorOf } from "../support/error-of.js";

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
const utf16be = (text: string) => Buffer.from(utf16le(text).map((_, i, bytes) => bytes[i ^ 1]));

describe("decodeText", () => {
  it("reads UTF-16 little- and big-endian files by their byte-order mark, and drops a UTF-8 mark", () => {
    const text = "id,name\n1,Café Ñandú\n";
    expect(decodeText(utf16le(text), "a.csv")).toBe(text);
    expect(decodeText(utf16be(text), "a.csv")).toBe(text);
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), "a.csv")).toBe(text);
  });

  it("names the line and the byte of a Latin-1 file read as UTF-8, and reads it with latin1", () => {
    const bytes = Buffer.from("id,name\n1,Cafe\n2,Caf\xe9\n", "latin1");
    const error = errorOf(() => decodeText(bytes, "accounts.csv"));
    expect(error.code).toBe("invalid_file");
    expect(error.message).toMatch(/^accounts\.csv line 3: byte 0xE9 \(byte 21 of the file, 6 of the line\) is not UTF-8; .*--encoding latin1$/);
    expect(decodeText(bytes, "accounts.csv", "latin1")).toBe("id,name\n1,Cafe\n2,Café\n");
    // Windows-1252, as Excel writes it: 0x80 is the euro sign.
    expect(decodeText(Buffer.from([0x80]), "a.csv", "latin1")).toBe("€");
  });

  it("rejects overlong and truncated UTF-8 sequences at the right byte", () => {
    expect(errorOf(() => decodeText(Buffer.from([0x61, 0x0a, 0x62, 0xc0, 0xaf]), "a.csv")).message).toMatch(/^a\.csv line 2: byte 0xC0 /);
    expect(errorOf(() => decodeText(Buffer.from([0x61, 0x62, 0xe2, 0x82]), "a.csv")).message).toMatch(/^a\.csv line 1: byte 0xE2 \(byte 3 /);
  });
});

describe("delimiters", () => {
  it("detects semicolons and tabs from the header line, outside quotes", () => {
    expect(detectDelimiter("id;lng;lat\n1,5;2;3")).toBe(";");
    expect(detectDelimiter("id\tlng\tlat\n")).toBe("\t");
    expect(detectDelimiter('"a;b;c",x\n')).toBe(",");
    expect(detectDelimiter("id\n1\n")).toBe(",");
  });

  it("reads a semicolon file with quoted semicolons and decimal commas as cells", () => {
    const table = parseCsv('id;name;workload\r\n1;"a; b";1,5\r\n', "t.csv");
    expect(table.delimiter).toBe(";");
    expect(table.records.map((r) => r.cells)).toEqual([["1", "a; b", "1,5"]]);
  });

  it("names the delimiter when a row has too many fields", () => {
    expect(errorOf(() => parseCsv("a;b\n1;2;3\n", "t.csv")).message).toMatch(/quote values that contain semicolons \(the semicolon is this file's delimiter\)$/);
  });
});

describe("decimal commas", () => {
  it("are read only when asked, and then dots are not guessed at", () => {
    expect(readNumber("1,5")).toBeUndefined();
    expect(readNumber("1,5", true)).toBe(1.5);
    expect(readNumber("-0,25e2", true)).toBe(-25);
    expect(readNumber("12", true)).toBe(12);
    expect(readNumber("1.5", true)).toBeUndefined();
    expect(readNumber("1.234,5", true)).toBeUndefined();
  });
});

describe("tiny workloads", () => {
  it("an account of workload 1e-300 is assigned by every strategy, even when the plan is short of capacity", () => {
    // Seeded: accounts of 1–5 h, reps with 0.9–1.3 of an equal share; some instances are infeasible.
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let trial = 0; trial < 6; trial++) {
      const accounts = [];
      let total = 0;
      const n = 5 + Math.floor(random() * 60);
      const m = 2 + Math.floor(random() * 5);
      for (let i = 0; i < n; i++) {
        const workload = i === 0 ? 1e-300 : 1 + Math.floor(random() * 5);
        total += workload;
        accounts.push({ id: `a${i}`, location: [-99 + random(), 19 + random()] as [number, number], workload });
      }
      const reps = Array.from({ length: m }, (_, r) => ({ id: `r${r}`, home: [-99 + random(), 19 + random()] as [number, number], capacity: (total / m) * (0.9 + random() * 0.4) }));
      for (const strategy of ["auto", "transport", "heuristic", "gap"] as const) {
        const plan = align({ accounts, reps }, { strategy });
        expect(plan.unassigned.map((u) => u.accountId), `trial ${trial}, ${strategy}`).not.toContain("a0");
      }
    }
  });
});

describe("the CLI reads files as spreadsheets export them", () => {
  const { accounts, reps } = smallProblem();
  const args = (accountsFile: string, repsFile: string, out: string, ...more: string[]) => ["align", "--accounts", accountsFile, "--reps", repsFile, "--seed", "3", "--out", out, ...more];
  /** The comma file rewritten the European way: semicolons between fields, decimal commas. */
  const outsideQuotes = /,(?=(?:[^"]*"[^"]*")*[^"]*$)/;
  const european = (csv: string) =>
    csv
      .split("\n")
      .map((line) => line.split(outsideQuotes).map((cell) => (/^-?\d+\.\d+$/.test(cell) ? cell.replace(".", ",") : cell)).join(";"))
      .join("\n");

  it("a semicolon file with decimal commas (--decimal-comma) gives the same plan as the comma file", () => {
    const dir = workspace({ "accounts.csv": accounts, "reps.csv": reps, "accounts-eu.csv": european(accounts), "reps-eu.csv": european(reps) });
    expect(european(accounts)).toContain(";-103,");
    expect(runCli(args("accounts.csv", "reps.csv", "plain"), dir).code).toBe(0);
    const run = runCli(args("accounts-eu.csv", "reps-eu.csv", "eu", "--decimal-comma"), dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, "eu/assignments.csv"), "utf8")).toBe(readFileSync(join(dir, "plain/assignments.csv"), "utf8"));
  });

  it("without --decimal-comma, a decimal comma is exit 2 naming the line, column and value, with the flag as the fix", () => {
    const dir = workspace({ "accounts.csv": european(accounts), "reps.csv": reps });
    const run = runCli(args("accounts.csv", "reps.csv", "out"), dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^terralign: accounts\.csv line 2, column lng: "-103,\d+" is not a number; use a dot as the decimal separator, or read the file with --decimal-comma\n$/);
  });

  it("a tab-separated file is read", () => {
    const dir = workspace({ "accounts.tsv": accounts.split("\n").map((line) => line.split(outsideQuotes).join("\t")).join("\n"), "reps.csv": reps });
    const run = runCli(args("accounts.tsv", "reps.csv", "out"), dir);
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, "out/assignments.csv"), "utf8")).toContain('"Store 0, R1"');
  });

  it("a UTF-16 file with a byte-order mark is read", () => {
    const dir = workspace({ "reps.csv": reps });
    writeFileSync(join(dir, "accounts.csv"), utf16le(accounts.replace("Store 0, R1", "Tienda Ñandú, R1")));
    const run = runCli(args("accounts.csv", "reps.csv", "out"), dir);
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, "out/assignments.csv"), "utf8")).toContain('"Tienda Ñandú, R1"');
  });

  it("Latin-1 bytes are exit 2 naming the line, and are read with --encoding latin1", () => {
    const dir = workspace({ "reps.csv": reps });
    writeFileSync(join(dir, "accounts.csv"), Buffer.from(accounts.replace('"Store 3, R1"', '"Caf\xe9 3, R1"'), "latin1"));
    const bad = runCli(args("accounts.csv", "reps.csv", "out"), dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^terralign: accounts\.csv line 5: byte 0xE9 .* is not UTF-8; .*--encoding latin1\n$/);
    expect(bad.stderr).not.toContain("    at ");
    const good = runCli(args("accounts.csv", "reps.csv", "out", "--encoding", "latin1"), dir);
    expect(good.code).toBe(0);
    expect(readFileSync(join(dir, "out/assignments.csv"), "utf8")).toContain('"Café 3, R1"');
    expect(runCli(args("accounts.csv", "reps.csv", "out", "--encoding", "ebcdic"), dir).stderr).toMatch(/^terralign: --encoding: unknown encoding "ebcdic"; expected utf8 or latin1\n$/);
  });

  it("an accounts file with a header and no rows is exit 2: no accounts", () => {
    const dir = workspace({ "accounts.csv": `${accounts.split("\n")[0]}\n`, "reps.csv": reps });
    const run = runCli(args("accounts.csv", "reps.csv", "out"), dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^terralign: accounts\.csv: no accounts: /);
    expect(run.stdout).toBe("");
  });
});
