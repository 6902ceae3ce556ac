/**
 * Benchmark of the HTML report (run: `npm run bench:report`): for seeded instances of 10k and 100k
 * accounts (`generate-instance.ts`, with current reps — every 10th account owned today by another
 * rep — and a `sales` attribute, so every section is drawn), the time `toHtml` takes, the file's
 * size, and the time headless Chromium takes to open it from disk until the map is drawn (median
 * of 3 loads in a fresh page). Needs /usr/bin/chromium (or CHROMIUM_PATH).
 * Writes benchmarks/results/report.md.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { align } from "../src/align.js";
import type { Problem } from "../src/model/problem-schema.js";
import { territoryFeatures } from "../src/output/territory-features.js";
import { diffFromToday } from "../src/realign/today-of.js";
import { toHtml } from "../src/report/to-html.js";
import { generateInstance } from "./generate-instance.js";

const SIZES = [
  { accounts: 10_000, reps: 40 },
  { accounts: 100_000, reps: 200 },
];
const LOADS = 3;

/** Today's owners from a first solve (every 10th account given to another rep), and sales of 0–100 % of potential. */
function withHistory(problem: Problem): Problem {
  const first = align(problem, { strategy: "transport" });
  const owner = new Map(first.assignment.map((r) => [r.accountId, r.repId]));
  const reps = problem.reps.map((r) => r.id);
  return {
    ...problem,
    accounts: problem.accounts.map((a, i) => ({
      ...a,
      currentRep: i % 10 === 0 ? reps[(i / 10) % reps.length] : owner.get(a.id),
      attributes: { sales: Math.round((a.potential ?? 0) * (((i * 7919) % 101) / 100)) },
    })),
  };
}

const folder = mkdtempSync(join(tmpdir(), "terralign-bench-report-"));
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "terralign-bench-chromium-")), {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  headless: true,
  viewport: { width: 1280, height: 900 },
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const rows: string[] = [];
for (const size of SIZES) {
  const problem = withHistory(generateInstance({ ...size, seed: 1 }));
  const plan = align(problem, { strategy: "transport" });
  // Outlines and the diff against today are made once per plan and shared with map.svg,
  // territories.geojson, moved.csv and the printed gains and losses: timed apart.
  const shared = performance.now();
  territoryFeatures(plan);
  diffFromToday(plan);
  const sharedMs = performance.now() - shared;
  const started = performance.now();
  const html = toHtml(plan);
  const buildMs = performance.now() - started;
  const file = join(folder, `report-${size.accounts}.html`);
  writeFileSync(file, html);
  const loads: number[] = [];
  for (let run = 0; run < LOADS; run++) {
    const page = await context.newPage();
    const t = performance.now();
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    await page.waitForFunction(() => (document.getElementById("map-canvas") as HTMLCanvasElement).width > 0);
    loads.push(performance.now() - t);
    await page.close();
  }
  loads.sort((a, b) => a - b);
  const mb = Buffer.byteLength(html) / 1e6;
  const row = `| ${size.accounts.toLocaleString("en-US")} × ${size.reps} | ${(sharedMs / 1000).toFixed(1)} s | ${(buildMs / 1000).toFixed(1)} s | ${mb.toFixed(1)} MB | ${((mb * 1e6) / size.accounts).toFixed(0)} B | ${(loads[1] / 1000).toFixed(1)} s (${(loads[0] / 1000).toFixed(1)}–${(loads[LOADS - 1] / 1000).toFixed(1)}) | ${plan.metrics.disruption.accountsMoved.toLocaleString("en-US")} |`;
  console.log(row);
  rows.push(row);
}
await context.close();

const text = [
  "# HTML report",
  "",
  `Seeded instances (\`benchmarks/generate-instance.ts\`, seed 1) with current reps and sales, aligned by \`transport\`. Territory outlines and the diff against today's owners are made once per plan and shared with \`map.svg\`, \`territories.geojson\`, \`moved.csv\` and the printed gains and losses, so they are timed apart from the rest of \`toHtml\`. File size, and the median of ${LOADS} loads from disk in headless Chromium until the map is drawn.`,
  `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim() ?? "unknown"}), shared; Node ${process.version}; Chromium from the system package manager.`,
  "",
  "| accounts × reps | outlines + diff (shared) | toHtml after them | file | per account | open and draw (min–max) | moved accounts |",
  "|---|--:|--:|--:|--:|--:|--:|",
  ...rows,
  "",
].join("\n");
writeFileSync(new URL("results/report.md", import.meta.url), text);
console.log("wrote benchmarks/results/report.md");
