/**
 * The floor of the potential benchmark: reads a CSV with terralign's CSV reader and writes it back
 * with its writer, nothing else. Prints the milliseconds from the first read to the last write.
 *
 * Usage: tsx benchmarks/csv-round-trip.ts IN.csv OUT.csv
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseCsv } from "../src/io/csv.js";
import { toCsv } from "../src/output/csv-writer.js";

const [inPath, outPath] = process.argv.slice(2);
const started = performance.now();
const table = parseCsv(readFileSync(inPath, "utf8"), inPath);
writeFileSync(outPath, toCsv([table.header, ...table.records.map((r) => r.cells)]));
console.log(JSON.stringify({ ms: performance.now() - started }));
