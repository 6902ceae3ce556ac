/**
 * terralign's CSV reader (`src/io/csv.ts`) against two maintained parsers, csv-parse (sync API)
 * and papaparse, on what the CLI reads: speed and peak heap on the 1M-account file of
 * `generate-instance.ts` (seed 2026, 5 columns, plus a variant with a quoted text column), and
 * correctness on the cases users' files bring (quotes, embedded delimiters and newlines, CRLF,
 * BOM, semicolons and tabs, ragged rows and unclosed quotes, which must be errors naming the line).
 *
 * The rivals are not dependencies: `npm install --no-save csv-parse@5 papaparse@5` first.
 * Writes benchmarks/results/csv.md. Usage: node --expose-gc --import tsx benchmarks/csv-parsers.ts
 */
import { writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseCsv } from "../src/io/csv.js";
import { generateInstance, toCsv } from "./generate-instance.js";

type Parse = (text: string) => string[][];
interface Rival {
  readonly name: string;
  readonly parse: Parse;
}

const root = fileURLToPath(new URL("..", import.meta.url));
const rivalModules = { csvParse: "csv-parse/sync", papaparse: "papaparse" };

interface Papa {
  parse(text: string, options: object): { data: string[][]; errors: { message: string; row?: number }[] };
}

async function rivals(): Promise<Rival[]> {
  const ours: Parse = (text) => {
    const table = parseCsv(text, "t.csv");
    return [table.header as string[], ...table.records.map((r) => r.cells as string[])];
  };
  const list: Rival[] = [{ name: "terralign parseCsv", parse: ours }];
  try {
    // Not dependencies of the project: imported by a name the type checker does not resolve.
    const { parse } = (await import(rivalModules.csvParse)) as { parse: (text: string, options: object) => unknown };
    // Delimiter detection is not built in: the candidates are given, as terralign detects them.
    list.push({ name: "csv-parse 5 (sync)", parse: (text) => parse(text, { bom: true, delimiter: [",", ";", "\t"], relax_column_count: false, skip_empty_lines: true }) as string[][] });
  } catch {
    console.error("csv-parse not installed: npm install --no-save csv-parse@5");
  }
  try {
    const papa = ((await import(rivalModules.papaparse)) as { default: Papa }).default;
    list.push({
      name: "papaparse 5",
      parse: (text) => {
        const result = papa.parse(text, { skipEmptyLines: true, delimitersToGuess: [",", ";", "\t"] });
        if (result.errors.length > 0) throw new Error(`${result.errors[0].message} (row ${result.errors[0].row})`);
        return result.data;
      },
    });
  } catch {
    console.error("papaparse not installed: npm install --no-save papaparse@5");
  }
  return list;
}

/** Cases: text, and the rows expected (header included), or "error" when the file must be refused. */
const cases: [string, string, string[][] | "error"][] = [
  ["plain", "id,x\n1,a\n2,b\n", [["id", "x"], ["1", "a"], ["2", "b"]]],
  ["quoted comma, doubled quote", 'id,x\n1,"a, b"\n2,"say ""hi"""\n', [["id", "x"], ["1", "a, b"], ["2", 'say "hi"']]],
  ["newline inside quotes", 'id,x\n1,"two\nlines"\n', [["id", "x"], ["1", "two\nlines"]]],
  ["CRLF", "id,x\r\n1,a\r\n", [["id", "x"], ["1", "a"]]],
  ["UTF-8 BOM", "\uFEFFid,x\n1,a\n", [["id", "x"], ["1", "a"]]],
  ["no final newline", "id,x\n1,a", [["id", "x"], ["1", "a"]]],
  ["blank lines", "id,x\n\n1,a\n\n", [["id", "x"], ["1", "a"]]],
  ["semicolons, decimal comma", "id;w\n1;1,5\n", [["id", "w"], ["1", "1,5"]]],
  ["tabs", "id\tx\n1\ta b\n", [["id", "x"], ["1", "a b"]]],
  ["semicolons inside quotes of a comma file", 'id,x\n1,"a;b;c"\n', [["id", "x"], ["1", "a;b;c"]]],
  ["a row with an extra field", "id,x\n1,a,b\n", "error"],
  ["a row with a missing field", "id,x\n1\n", "error"],
  ["an unclosed quote", 'id,x\n1,"a\n', "error"],
  ["a quote inside an unquoted field", 'id,x\n1,a"b\n', "error"],
];

function correctness(rival: Rival): { passed: number; failed: string[] } {
  const failed: string[] = [];
  for (const [name, text, expected] of cases) {
    let got: string[][] | "error";
    try {
      got = rival.parse(text);
    } catch {
      got = "error";
    }
    if (JSON.stringify(got) !== JSON.stringify(expected)) failed.push(name);
  }
  return { passed: cases.length - failed.length, failed };
}

function timeIt(parse: Parse, text: string, runs: number): { seconds: number[]; heapMb: number; rows: number } {
  const seconds: number[] = [];
  let heapMb = 0;
  let rows = 0;
  for (let run = 0; run < runs; run++) {
    globalThis.gc?.();
    const before = process.memoryUsage().heapUsed;
    const started = performance.now();
    const table = parse(text);
    seconds.push((performance.now() - started) / 1000);
    heapMb = Math.max(heapMb, (process.memoryUsage().heapUsed - before) / 2 ** 20);
    rows = table.length - 1;
  }
  return { seconds, heapMb, rows };
}

const fmt = (x: number, digits = 2) => x.toFixed(digits);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const list = await rivals();
  const plain = toCsv(generateInstance({ accounts: 1_000_000, reps: 2_000, seed: 2026 })).accounts;
  const quoted = plain
    .split("\n")
    .map((line, i) => (line === "" ? line : `${line},${i === 0 ? "name" : `"Store ${i}, ""Main"" St"`}`))
    .join("\n");
  const files: [string, string][] = [
    ["1M accounts, 5 columns", plain],
    ["1M accounts, 6 columns, one quoted", quoted],
  ];
  const lines = [
    "# CSV readers",
    "",
    `Generated by \`node --expose-gc --import tsx benchmarks/csv-parsers.ts\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}; shared machine (load average ${loadavg().map((x) => x.toFixed(1)).join(" / ")} at the start on 2 cores), times carry noise.`,
    "Text in memory, parsed to rows of strings (each parser's own output), 3 runs each; on a loaded machine the fastest run is the fairest figure. Heap: growth of the used heap over the parse, largest of the runs (with --expose-gc, after a collection).",
    "",
    "| parser | file | rows | seconds (runs) | fastest | median | heap MB |",
    "|---|---|---:|---|---:|---:|---:|",
  ];
  for (const [label, text] of files) {
    for (const rival of list) {
      const t = timeIt(rival.parse, text, 3);
      lines.push(`| ${rival.name} | ${label} (${fmt(text.length / 2 ** 20, 0)} MB) | ${t.rows.toLocaleString("en-US")} | ${t.seconds.map((s) => fmt(s)).join(", ")} | ${fmt(Math.min(...t.seconds))} | ${fmt(median(t.seconds))} | ${fmt(t.heapMb, 0)} |`);
      console.log(lines.at(-1));
    }
  }
  lines.push("", `## Correctness (${cases.length} cases: ${cases.map(([name]) => name).join("; ")})`, "", "| parser | passed | failed |", "|---|---:|---|");
  for (const rival of list) {
    const { passed, failed } = correctness(rival);
    lines.push(`| ${rival.name} | ${passed} / ${cases.length} | ${failed.join("; ") || "—"} |`);
    console.log(lines.at(-1));
  }
  writeFileSync(join(root, "benchmarks/results/csv.md"), `${lines.join("\n")}\n`);
}

await main();
