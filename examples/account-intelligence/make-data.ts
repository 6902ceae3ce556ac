/**
 * Derives this example's inputs from the bundled central-Mexico data (examples/mexico), byte for
 * byte the same on every run: `accounts.csv` is the Mexico accounts less one in ten held back, with
 * their `potential` column replaced by `revenue` (what each customer bought last quarter: its
 * potential × a share of wallet between 0.3 and 0.9, for accounts that have a current rep; blank
 * for prospects) and without tier, visits and workload (derived from that potential);
 * `new-accounts.csv` holds the accounts held back (id, location, segment, and the workload of a
 * C-tier account under plan.json: 0.25 h), as if
 * they had just arrived; `purchases.csv` lists which of eight product lines each customer buys,
 * driven by segment and size. Run: npx tsx examples/account-intelligence/make-data.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseCsv } from "../../src/io/csv.js";
import { toCsv } from "../../src/output/csv-writer.js";
import { createRandom } from "../../src/util/random.js";

const here = dirname(fileURLToPath(import.meta.url));
const mexico = parseCsv(readFileSync(join(here, "../mexico/accounts.csv"), "utf8"), "accounts.csv");
const col = (name: string) => mexico.header.indexOf(name);
const random = createRandom(2026);
const keep: string[][] = [], fresh: string[][] = [], purchases: string[][] = [];
// Tier, visits and workload were derived from the potential this example pretends not to know: dropped (plan derives them again).
const dropped = new Set(["tier", "visits", "workload"].map(col));
const header = mexico.header.filter((_, c) => !dropped.has(c)).map((name) => (name === "potential" ? "revenue" : name));
const LINES = ["consumables", "diagnostics", "equipment", "service", "software", "training", "logistics", "finance"];
// How likely each segment is to buy each product line.
const AFFINITY: Record<string, number[]> = {
  hospital: [0.9, 0.7, 0.6, 0.5, 0.3, 0.4, 0.2, 0.3],
  pharmacy: [0.8, 0.2, 0.1, 0.2, 0.5, 0.1, 0.6, 0.2],
  retail: [0.6, 0.05, 0.15, 0.1, 0.2, 0.2, 0.4, 0.4],
};
for (const record of mexico.records) {
  const cells = [...record.cells];
  if (random() < 0.1) {
    // A new account starts as a C-tier prospect: plan.json gives C half a visit of 30 minutes a quarter.
    fresh.push([cells[col("id")], cells[col("lng")], cells[col("lat")], "0.25", cells[col("segment")]]);
    continue;
  }
  const potential = Number(cells[col("potential")]);
  const customer = cells[col("current_rep")] !== "";
  cells[col("potential")] = customer ? String(Math.round(potential * (0.3 + 0.6 * random()))) : "";
  keep.push(cells.filter((_, c) => !dropped.has(c)));
  if (!customer) continue;
  const size = Math.min(1.5, Math.max(0.5, Math.log10(potential) - 3.3));
  AFFINITY[cells[col("segment")]].forEach((p, j) => {
    if (random() < Math.min(0.95, p * size)) purchases.push([cells[col("id")], LINES[j], String(Math.round(potential * (0.02 + 0.05 * random())))]);
  });
}
writeFileSync(join(here, "accounts.csv"), toCsv([header, ...keep]));
writeFileSync(join(here, "new-accounts.csv"), toCsv([["id", "lng", "lat", "workload", "segment"], ...fresh]));
writeFileSync(join(here, "purchases.csv"), toCsv([["account_id", "product", "value"], ...purchases]));
console.log(`${keep.length} accounts, ${fresh.length} new, ${purchases.length} purchases`);
