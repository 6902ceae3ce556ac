/**
 * Contiguous territories on the 254 counties of Texas: 12 reps, about 5,000 seeded synthetic
 * accounts (see scenario.ts), a ±10 % workload band, and every territory one connected piece of
 * counties holding its rep's home county.
 *
 *   npx tsx examples/us-counties/run.ts          prints the plan, writes map.svg and territories.geojson
 *   npx tsx examples/us-counties/run.ts --files  also writes the inputs as CLI files (accounts.csv,
 *                                                 reps.csv, counties.topojson, options.json)
 */
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { align } from "../../src/index.js";
import { dissolveTerritories } from "../../src/units/dissolve.js";
import { renderMap } from "./render-map.js";
import { countyScenario } from "./scenario.js";

const here = dirname(fileURLToPath(import.meta.url));
const options = { contiguity: true, balance: { workload: 0.1 }, seed: 1 };
const scenario = countyScenario({ states: ["48"], reps: 12, seed: 1 });

const plan = align(scenario, options);
console.log(`status ${plan.status} in ${Math.round(plan.elapsedMs)} ms; objective (workload × minutes) ${Math.round(plan.metrics.objective).toLocaleString("en-US")}`);
for (const t of plan.territories) {
  const town = (scenario.reps.find((r) => r.id === t.repId)!.attributes as { town: string }).town;
  console.log(
    `${t.repId} (${town.padEnd(14)}) ${String(t.unitIds!.length).padStart(3)} counties, ${String(t.accountCount).padStart(4)} accounts, ` +
      `${t.workloadHours.toFixed(0).padStart(5)} h (${(t.deviation * 100).toFixed(1).padStart(5)} %), compactness ${t.compactness!.toFixed(2)}`,
  );
}
for (const d of plan.diagnostics) console.log(`${d.severity}: ${d.message}`);

const title = `Texas, 254 counties, 12 contiguous territories (±10 %)`;
writeFileSync(join(here, "map.svg"), renderMap(plan, title) + "\n");
const features = dissolveTerritories(plan).map((d) => ({ type: "Feature", properties: { repId: d.repId }, geometry: d.geometry }));
writeFileSync(join(here, "territories.geojson"), JSON.stringify({ type: "FeatureCollection", features }) + "\n");

if (process.argv.includes("--files")) {
  const csv = (rows: (string | number)[][]) => rows.map((row) => row.join(",")).join("\n") + "\n";
  writeFileSync(join(here, "accounts.csv"), csv([["id", "lng", "lat", "workload", "potential"], ...scenario.accounts.map((a) => [a.id, a.location[0], a.location[1], a.workload, a.potential ?? 0])]));
  writeFileSync(join(here, "reps.csv"), csv([["id", "lng", "lat", "capacity", "town"], ...scenario.reps.map((r) => [r.id, r.home[0], r.home[1], r.capacity, (r.attributes as { town: string }).town])]));
  writeFileSync(join(here, "counties.topojson"), JSON.stringify(scenario.units) + "\n");
  writeFileSync(join(here, "options.json"), JSON.stringify(options, null, 2) + "\n");
}
