/**
 * `npm run readme`: runs the demo and writes what it printed into README.md (between the
 * demo-output markers) and the map it drew into docs/demo-map.svg, so the README shows a real run.
 * `test/readme.test.ts` fails when they drift apart.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { BLOCK_END, BLOCK_START, demoBlock, runDemo } from "./demo-run.js";

const root = resolve(import.meta.dirname, "..");
const run = runDemo(root);
const readmePath = resolve(root, "README.md");
const readme = readFileSync(readmePath, "utf8");
const start = readme.indexOf(BLOCK_START);
const end = readme.indexOf(BLOCK_END);
if (start < 0 || end < start) throw new Error(`README.md has no demo-output block (${BLOCK_START} … ${BLOCK_END})`);
writeFileSync(readmePath, readme.slice(0, start) + demoBlock(run) + readme.slice(end + BLOCK_END.length));
writeFileSync(resolve(root, "docs/demo-map.svg"), run.svg);
console.log("README.md demo block and docs/demo-map.svg written from a real run");
