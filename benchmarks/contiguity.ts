/**
 * Benchmark of contiguous alignment on US counties (run: `npm run bench:contiguity`).
 *
 * Instances come from `examples/us-counties/scenario.ts` (seeded; real county boundaries from
 * us-atlas, synthetic accounts around real towns, reps placed where the work is): Texas (254
 * counties, 12 reps) and the Census Midwest region (12 states, 1,055 counties, 40 reps), three
 * seeds each, band ±10 %. For each instance it reports:
 *
 * - the contiguous plan (`contiguity: true`): wall time of `align` end to end (validation, units,
 *   solve, plan), status, reps outside the band, whether every territory is connected and holds its
 *   rep's home county (checked here by a breadth-first search over topojson-client's shared-arc
 *   neighbours, not the library's adjacency), boundary-move evaluations per second in the local
 *   search (the solver's own counters, from its `contiguity` diagnostic), mean compactness;
 * - travel (Σ workload × minutes) against the same data solved without contiguity by strategy
 *   `transport`: at unit level (whole counties, not connected) and at account level, and the
 *   unit-level LP lower bound when the transport solve proves one;
 * - the CLI end to end (`terralign align --units …`), when the built CLI has `--units`;
 * - travel against the county-level plan on four more seeds of each instance (contiguous and
 *   county-level solves only), so that no figure above rests on three seeds alone.
 *
 * Writes benchmarks/results/contiguity.md.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { neighbors } from "topojson-client";
import { countyScenario, MIDWEST, type Scenario } from "../examples/us-counties/scenario.js";
import { align } from "../src/align.js";
import type { Plan } from "../src/model/plan.js";
import { createUnitLocator } from "../src/units/place-accounts.js";
import { readUnitMap } from "../src/units/unit-map.js";
import { measureUnits } from "../src/units/unit-measures.js";

const BAND = 0.1;
const SEEDS = [1, 2, 3];
/** Further seeds of each instance for the travel comparison only. */
const MORE_SEEDS = [4, 5, 6, 7];
const CASES = [
  { name: "Texas", states: ["48"], reps: 12 },
  { name: "Midwest", states: MIDWEST, reps: 40 },
] as const;
const root = fileURLToPath(new URL("..", import.meta.url));

interface Row {
  name: string;
  seed: number;
  counties: number;
  accounts: number;
  reps: number;
  seconds: number;
  cliSeconds: number | null;
  status: string;
  outside: number;
  maxDeviation: number;
  connected: boolean;
  evaluationsPerSecond: number;
  compactness: number;
  contiguous: number;
  units: number;
  unitsStatus: string;
  accountsObjective: number;
  accountsStatus: string;
  /** County-level LP bound with every rep's home county pinned to the rep (as a contiguous plan must have it). */
  lowerBound: number | null;
  /** The same bound with home counties free (the non-contiguous county-level solve's). */
  freeBound: number | null;
  /** Reps whose home county lies outside their own territory in the non-contiguous county-level plan. */
  homesAway: number;
}

interface TravelRow {
  name: string;
  seed: number;
  seconds: number;
  outside: number;
  connected: boolean;
  contiguous: number;
  units: number;
  lowerBound: number | null;
}

/** Reps whose home county is not in their territory (a contiguous plan must put it there). */
function homesAway(scenario: Scenario, plan: Plan): number {
  const map = readUnitMap(scenario.units);
  const locate = createUnitLocator(map, measureUnits(map));
  return plan.territories.filter((t) => {
    const rep = scenario.reps.find((r) => r.id === t.repId)!;
    return !(t.unitIds ?? []).includes(map.ids[locate(rep.home[0], rep.home[1]).unit]);
  }).length;
}

/** Independent check: every territory connected (shared arcs) and holding its rep's home county. */
function connectedWithHomes(scenario: Scenario, plan: Plan): boolean {
  const geometries = (scenario.units.objects.counties as { geometries: { id?: string | number }[] }).geometries;
  const ids = geometries.map((g) => String(g.id));
  const adjacent = neighbors(geometries as never);
  const owner = new Map<string, string>();
  for (const t of plan.territories) for (const u of t.unitIds ?? []) owner.set(u, t.repId);
  if (owner.size !== ids.length) return false;
  const map = readUnitMap(scenario.units);
  const locate = createUnitLocator(map, measureUnits(map));
  return plan.territories.every((t) => {
    const rep = scenario.reps.find((r) => r.id === t.repId)!;
    const home = map.ids[locate(rep.home[0], rep.home[1]).unit];
    if (owner.get(home) !== t.repId) return false;
    const seen = new Set([home]);
    const queue = [home];
    while (queue.length > 0) {
      const u = queue.pop()!;
      for (const v of adjacent[ids.indexOf(u)].map((k) => ids[k])) {
        if (owner.get(v) === t.repId && !seen.has(v)) {
          seen.add(v);
          queue.push(v);
        }
      }
    }
    return seen.size === t.unitIds!.length;
  });
}

function cliSeconds(scenario: Scenario): number | null {
  const cli = join(root, "dist", "cli.js");
  if (!existsSync(cli)) return null;
  const help = execFileSync("node", [cli, "align", "--help"], { encoding: "utf8" });
  if (!help.includes("--units")) return null;
  const dir = mkdtempSync(join(tmpdir(), "terralign-contiguity-"));
  const csv = (rows: (string | number)[][]) => rows.map((row) => row.join(",")).join("\n") + "\n";
  writeFileSync(join(dir, "accounts.csv"), csv([["id", "lng", "lat", "workload", "potential"], ...scenario.accounts.map((a) => [a.id, a.location[0], a.location[1], a.workload, a.potential ?? 0])]));
  writeFileSync(join(dir, "reps.csv"), csv([["id", "lng", "lat", "capacity"], ...scenario.reps.map((r) => [r.id, r.home[0], r.home[1], r.capacity])]));
  writeFileSync(join(dir, "counties.topojson"), JSON.stringify(scenario.units));
  writeFileSync(join(dir, "options.json"), JSON.stringify({ contiguity: true, balance: { workload: BAND }, seed: 1 }));
  const args = [cli, "align", "--units", join(dir, "counties.topojson"), "--accounts", join(dir, "accounts.csv"), "--reps", join(dir, "reps.csv"), "--options", join(dir, "options.json"), "--out", join(dir, "out")];
  const started = performance.now();
  try {
    execFileSync("node", args, { stdio: "ignore" });
  } catch {
    // Exit code 2 is an infeasible plan; the timing still counts.
  }
  return (performance.now() - started) / 1000;
}

function runCase(name: string, states: readonly string[], reps: number, seed: number): Row {
  const scenario = countyScenario({ states, reps, seed });
  const started = performance.now();
  const plan = align(scenario, { contiguity: true, balance: { workload: BAND }, seed: 1 });
  const seconds = (performance.now() - started) / 1000;
  const message = plan.diagnostics.find((d) => d.code === "contiguity")?.message ?? "";
  const rate = /\(([\d,]+)\/s\)/.exec(message);
  const units = align(scenario, { strategy: "transport", balance: { workload: BAND }, seed: 1 });
  const accounts = align({ accounts: scenario.accounts, reps: scenario.reps }, { strategy: "transport", balance: { workload: BAND }, seed: 1 });
  const compactness = plan.territories.reduce((s, t) => s + (t.compactness ?? 0), 0) / plan.territories.length;
  return {
    name,
    seed,
    counties: plan.territories.reduce((s, t) => s + (t.unitIds?.length ?? 0), 0),
    accounts: scenario.accounts.length,
    reps,
    seconds,
    cliSeconds: cliSeconds(scenario),
    status: plan.status,
    outside: plan.metrics.repsOutsideBand,
    maxDeviation: plan.metrics.workload.maxDeviation,
    connected: connectedWithHomes(scenario, plan),
    evaluationsPerSecond: rate ? Number(rate[1].replace(/,/g, "")) : NaN,
    compactness,
    contiguous: plan.metrics.objective,
    units: units.metrics.objective,
    unitsStatus: units.status,
    accountsObjective: accounts.metrics.objective,
    accountsStatus: accounts.status,
    lowerBound: plan.bound?.lowerBound ?? null,
    freeBound: units.bound?.lowerBound ?? null,
    homesAway: homesAway(scenario, units),
  };
}

function runTravel(name: string, states: readonly string[], reps: number, seed: number): TravelRow {
  const scenario = countyScenario({ states, reps, seed });
  const started = performance.now();
  const plan = align(scenario, { contiguity: true, balance: { workload: BAND }, seed: 1 });
  const seconds = (performance.now() - started) / 1000;
  const units = align(scenario, { strategy: "transport", balance: { workload: BAND }, seed: 1 });
  return {
    name,
    seed,
    seconds,
    outside: plan.metrics.repsOutsideBand,
    connected: connectedWithHomes(scenario, plan),
    contiguous: plan.metrics.objective,
    units: units.metrics.objective,
    lowerBound: plan.bound?.lowerBound ?? null,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const bound = (x: number | null) => (x === null ? "—" : Math.round(x).toLocaleString("en-US"));
const above = (a: number, b: number) => `${a >= b ? "+" : "−"}${Math.abs((a / b - 1) * 100).toFixed(1)} %`;

const rows: Row[] = [];
for (const c of CASES) {
  for (const seed of SEEDS) {
    const row = runCase(c.name, c.states, c.reps, seed);
    rows.push(row);
    console.log(`${row.name} seed ${seed}: ${row.seconds.toFixed(2)} s, CLI ${row.cliSeconds?.toFixed(2) ?? "—"} s, ${row.status}, connected ${row.connected}, travel ${above(row.contiguous, row.units)} vs units, ${above(row.contiguous, row.accountsObjective)} vs accounts`);
  }
}
const more: TravelRow[] = [];
for (const c of CASES) {
  for (const seed of MORE_SEEDS) {
    const row = runTravel(c.name, c.states, c.reps, seed);
    more.push(row);
    console.log(`${row.name} seed ${seed}: ${row.seconds.toFixed(2)} s, connected ${row.connected}, travel ${above(row.contiguous, row.units)} vs units`);
  }
}
const allTravel = [...rows, ...more];
const within = allTravel.filter((r) => r.contiguous <= 1.05 * r.units).length;

const lines = [
  "# Contiguous territories on US counties: benchmark",
  "",
  `Machine: ${cpus().length} cores (${cpus()[0]?.model.trim() ?? "unknown CPU"}), Node ${process.version}. Written by \`npm run bench:contiguity\`.`,
  "Shared machine: other benchmarks may run at the same time, so expect noise in times.",
  "",
  "Instances from `examples/us-counties/scenario.ts` (seeded): real county boundaries (us-atlas), about 20",
  "synthetic accounts per county (half spread evenly, half around real towns; no county above half a rep's",
  "mean workload), reps placed where the work is, equal capacities. Band ±10 %. Every run of `align` uses seed 1.",
  "",
  "| instance | seed | counties | accounts | reps | align s | CLI s | status | reps outside band | max deviation | connected, home inside | boundary-move evaluations / s | mean Polsby–Popper |",
  "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
  ...rows.map((r) =>
    `| ${r.name} | ${r.seed} | ${r.counties.toLocaleString("en-US")} | ${r.accounts.toLocaleString("en-US")} | ${r.reps} | ${r.seconds.toFixed(2)} | ${r.cliSeconds === null ? "— (no `--units` yet)" : r.cliSeconds.toFixed(2)} | ${r.status} | ${r.outside} | ${pct(r.maxDeviation)} | ${r.connected ? "yes" : "**no**"} | ${Number.isFinite(r.evaluationsPerSecond) ? r.evaluationsPerSecond.toLocaleString("en-US") : "—"} | ${r.compactness.toFixed(2)} |`,
  ),
  "",
  "## Travel against the same data without contiguity",
  "",
  "Travel is the objective Σ workload × minutes from the rep's home. \"Units\" solves the same county-level problem",
  "(whole counties, not necessarily connected) with strategy `transport`; \"accounts\" solves the account-level",
  "problem (no counties) with `transport`. The lower bounds are county-level LP bounds from the transport solves",
  "(valid for every plan of whole counties, contiguous or not): \"homes free\" from the non-contiguous solve,",
  "\"homes pinned\" from the contiguous solve's own unit-level solve, in which every rep's home county is locked",
  "to the rep (as in any contiguous plan).",
  "",
  "| instance | seed | contiguous | units (status) | contiguous vs units | reps whose home county is outside their units territory | accounts (status) | contiguous vs accounts | LP bound, homes free | LP bound, homes pinned | contiguous vs pinned bound |",
  "|---|---|---|---|---|---|---|---|---|---|---|",
  ...rows.map((r) =>
    `| ${r.name} | ${r.seed} | ${Math.round(r.contiguous).toLocaleString("en-US")} | ${Math.round(r.units).toLocaleString("en-US")} (${r.unitsStatus}) | ${above(r.contiguous, r.units)} | ${r.homesAway} of ${r.reps} | ${Math.round(r.accountsObjective).toLocaleString("en-US")} (${r.accountsStatus}) | ${above(r.contiguous, r.accountsObjective)} | ${bound(r.freeBound)} | ${bound(r.lowerBound)} | ${r.lowerBound === null ? "—" : above(r.contiguous, r.lowerBound)} |`,
  ),
  "",
  "Both bounds are Lagrangian bounds at the transport solve's prices, not exact LP optima, so they may differ by a",
  "little either way; pinning the home counties moves them by less than 1 %, so homes left outside their",
  "territory by the non-contiguous plan do not explain the gap. Where the gap is large, the balance binds around",
  "an overloaded metropolitan rep (reps are placed by k-means but have equal capacities), and the non-contiguous",
  "plan hands part of the surplus to reps whose territories lie across a lake (Lake Michigan, Lake Erie) or",
  "beyond their neighbours' territories; a contiguous plan must pass that load along a chain of adjacent",
  "territories instead, each a little farther from its home.",
  "",
  "## Travel on more seeds",
  "",
  "The same comparison (contiguous against the county-level plan, band ±10 %) on four more seeds of each",
  "instance, without the CLI and account-level runs.",
  "",
  "| instance | seed | align s | reps outside band | connected, home inside | contiguous | units | contiguous vs units | contiguous vs pinned bound |",
  "|---|---|---|---|---|---|---|---|---|",
  ...more.map((r) =>
    `| ${r.name} | ${r.seed} | ${r.seconds.toFixed(2)} | ${r.outside} | ${r.connected ? "yes" : "**no**"} | ${Math.round(r.contiguous).toLocaleString("en-US")} | ${Math.round(r.units).toLocaleString("en-US")} | ${above(r.contiguous, r.units)} | ${r.lowerBound === null ? "—" : above(r.contiguous, r.lowerBound)} |`,
  ),
  "",
  `Within 5 % of the county-level plan: ${within} of ${allTravel.length} runs (both tables).`,
  "",
];
mkdirSync(join(root, "benchmarks", "results"), { recursive: true });
writeFileSync(join(root, "benchmarks", "results", "contiguity.md"), lines.join("\n"));
console.log(lines.join("\n"));
