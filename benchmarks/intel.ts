/**
 * Benchmark of account intelligence (run: `npm run bench:intel`; smaller sizes: `--small`).
 *
 * 1. Potential: generated accounts whose true wallet is known (benchmarks/wallet-data.ts: industry ×
 *    size, a regional effect, log-normal noise; sales = wallet × a Beta(4, 2) share for 70 % of the
 *    accounts). `terralign potential` through the built CLI on 100,000 accounts × 12 features, 5
 *    folds, against the time to read and write the same CSV (benchmarks/csv-round-trip.ts: its work
 *    only). Rank correlation of the estimate with the true wallet on prospects against that of the
 *    noise-free wallet; coverage at three quantiles (in process, 20,000 accounts).
 * 2. Next product: planted latent customer groups (benchmarks/purchase-data.ts); hit rate at 3 of
 *    `recommendProducts`' own evaluation against popularity and against an oracle ranking by the
 *    true purchase probabilities on the same held-out products; and the same with no signal.
 * 3. Routing: instances from benchmarks/generate-instance.ts with 15 % of the accounts held back as
 *    new; the plan = align over the rest; the batch optimum = align over all with the plan's
 *    accounts locked. Travel of the new accounts under each policy against the batch optimum's;
 *    band deviations; per-account time at 2,000 reps; 100,000 new accounts through the CLI against
 *    the nearest-rep floor (benchmarks/nearest-rep-floor.ts on the new accounts).
 * Writes benchmarks/results/intel.md (with `--only=potential|product|routing`, that part alone to intel-<part>.md).
 */
import { spawnSync } from "node:child_process";
import { buildSync } from "esbuild";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { align, createRouter, estimatePotential, recommendProducts, type Account, type Plan } from "../src/index.js";
import { haversineKm } from "../src/geo/haversine.js";
import { leaveOneOut } from "../src/intel/hold-out.js";
import { indexOwnership } from "../src/intel/ownership.js";
import { evaluateRanking } from "../src/intel/rank-products.js";
import { spearman } from "../src/intel/rank-correlation.js";
import { parseCsv } from "../src/io/csv.js";
import { toCsv as rowsToCsv } from "../src/output/csv-writer.js";
import { createRandom } from "../src/util/random.js";
import { generateInstance } from "./generate-instance.js";
import { generatePurchases } from "./purchase-data.js";
import { generateWallets, type WalletData } from "./wallet-data.js";
import { timedProcess } from "./timed-process.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const cli = join(root, "dist", "cli.js");
const small = process.argv.includes("--small");
const only = process.argv.find((a) => a.startsWith("--only="))?.slice(7);
if (only !== undefined && !["potential", "product", "routing"].includes(only)) throw new Error(`--only=${only}: expected potential, product or routing`);
const RUNS = small ? 1 : 3;
const out: string[] = [];
const log = (line: string) => {
  console.log(line);
  out.push(line);
};
const fmt = (x: number, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : "–");
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface Timing {
  seconds: number;
  peakMb: number;
  stdout: string;
}


/** Bundles a benchmark helper to plain JavaScript in `dir`, so node starts it as it starts the CLI. */
function bundle(name: string, dir: string): string {
  const outfile = join(dir, `${name}.mjs`);
  buildSync({ entryPoints: [join(root, "benchmarks", `${name}.ts`)], bundle: true, platform: "node", format: "esm", outfile, logLevel: "silent" });
  return outfile;
}

function floorMs(script: string, args: readonly string[], cwd: string): number {
  const run = spawnSync(process.execPath, [script, ...args], { cwd, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`${script} failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split("\n").at(-1)!).ms / 1000;
}

// ---------- 1. Potential ----------

const WALLET_COLUMNS = ["industry", "employees", "revenue", "age", "ownership", "state", "noise1", "noise2", "noise3", "noise4", "noise5", "noise6"];

function walletCsv(data: WalletData): string {
  const header = ["id", "lng", "lat", ...WALLET_COLUMNS, "sales"];
  const rows = data.accounts.map((a) => [a.id, String(a.location![0]), String(a.location![1]), ...WALLET_COLUMNS.map((c) => String(a.attributes![c])), String(a.attributes!.sales ?? "")]);
  return rowsToCsv([header, ...rows]);
}

/** Spearman of estimate and true wallet over prospects, and the same for the noise-free wallet. */
function prospectRanks(data: WalletData, estimate: Float64Array): { model: number; truth: number } {
  const prospects = Array.from({ length: data.wallet.length }, (_, i) => i).filter((i) => Number.isNaN(data.sales[i]));
  const pick = (a: Float64Array) => Float64Array.from(prospects, (i) => a[i]);
  return { model: spearman(pick(estimate), pick(data.wallet)), truth: spearman(pick(data.noiseFree), pick(data.wallet)) };
}

function potentialBenchmark(): void {
  const n = small ? 20_000 : 100_000;
  const data = generateWallets({ accounts: n, seed: 2026 });
  const dir = mkdtempSync(join(tmpdir(), "terralign-bench-intel-"));
  try {
    writeFileSync(join(dir, "accounts.csv"), walletCsv(data));
    const roundTrip = bundle("csv-round-trip", dir);
    const floor: number[] = [], runs: Timing[] = [];
    for (let run = 0; run < RUNS; run++) {
      floor.push(floorMs(roundTrip, ["accounts.csv", "copy.csv"], dir));
      runs.push(timedProcess([process.execPath, cli, "potential", "--accounts", "accounts.csv", "--target", "sales", "--seed", "1", "--out", "potential"], dir, [0]));
    }
    const written = parseCsv(readFileSync(join(dir, "potential", "accounts.csv"), "utf8"), "accounts.csv");
    const c = written.header.indexOf("potential_est");
    const estimate = Float64Array.from(written.records, (r) => Number(r.cells[c]));
    const ranks = prospectRanks(data, estimate);
    const report = JSON.parse(readFileSync(join(dir, "potential", "potential.json"), "utf8"));
    const ratio = median(runs.map((r) => r.seconds)) / median(floor);
    log(`## Potential: ${n.toLocaleString("en-US")} accounts × 12 features, 5 folds, quantile 0.8 (CLI)`);
    log("");
    log(`Generated wallets (seed 2026): ${report.customers.toLocaleString("en-US")} customers, ${report.prospects.toLocaleString("en-US")} prospects. Floor: read and write the same CSV (${(readFileSync(join(dir, "accounts.csv")).length / 1e6).toFixed(1)} MB) with terralign's CSV reader and writer, its work only. \`terralign potential\`: the built CLI, process start included, every output written. ${RUNS} run(s) each, interleaved; ratio of medians.`);
    log("");
    log("| measure | value | target | met |");
    log("|---|---:|---:|---|");
    const rho = ranks.model / ranks.truth;
    log(`| Spearman(estimate, true wallet) on prospects | ${fmt(ranks.model)} | | |`);
    log(`| Spearman(noise-free wallet, true wallet) on prospects | ${fmt(ranks.truth)} | | |`);
    log(`| ratio | ${fmt(rho)} | ≥ 0.97 | ${rho >= 0.97 ? "yes" : "no"} |`);
    const cov = report.fits[0].coverage;
    log(`| coverage (customers, out of fold) | ${fmt(cov)} | 0.80 ± 0.03 | ${Math.abs(cov - 0.8) <= 0.03 ? "yes" : "no"} |`);
    log(`| floor: CSV read + write, s | ${floor.map((f) => fmt(f, 2)).join(", ")} | | |`);
    log(`| terralign potential, s (peak MB) | ${runs.map((r) => fmt(r.seconds, 1)).join(", ")} (${Math.round(Math.max(...runs.map((r) => r.peakMb)))}) | | |`);
    log(`| time / floor | ${fmt(ratio, 1)} × | ≤ 60 × | ${ratio <= 60 ? "yes" : "no"} |`);
    log(`| peak memory | ${Math.round(Math.max(...runs.map((r) => r.peakMb)))} MB | ≤ 1,024 MB | ${Math.max(...runs.map((r) => r.peakMb)) <= 1024 ? "yes" : "no"} |`);
    log(`| trees per fold after early stopping | ${report.treesPerFold.join(", ")} | | |`);
    log("");
    log("Out-of-fold fit on customers, from potential.json:");
    log("");
    log("| model | R² (log) | Spearman | pinball loss | coverage |");
    log("|---|---:|---:|---:|---:|");
    for (const f of report.fits) log(`| ${f.model} | ${fmt(f.r2Log)} | ${fmt(f.spearman)} | ${fmt(f.pinballLoss, 0)} | ${fmt(f.coverage)} |`);
    log("");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const m = small ? 5000 : 20_000;
  const data2 = generateWallets({ accounts: m, seed: 7 });
  log(`Coverage at other quantiles (in process, ${m.toLocaleString("en-US")} accounts, seed 7); target: within ± 0.03 of the quantile:`);
  log("");
  log("| quantile | coverage | Spearman ratio on prospects | time s |");
  log("|---:|---:|---:|---:|");
  for (const q of [0.5, 0.8, 0.9]) {
    const started = performance.now();
    const e = estimatePotential(data2.accounts, { target: "sales", quantile: q, seed: 1 });
    const r = prospectRanks(data2, e.estimates);
    log(`| ${q} | ${fmt(e.fits[0].coverage)} | ${fmt(r.model / r.truth)} | ${fmt((performance.now() - started) / 1000, 1)} |`);
  }
  log("");
}

// ---------- 2. Next product ----------

function productBenchmark(): void {
  const accounts = small ? 2000 : 5000;
  log(`## Next product: planted customer groups (${accounts.toLocaleString("en-US")} accounts, 30 products, 6 groups)`);
  log("");
  log("Leave-one-out: one product of each account owning two or more is hidden (recommendProducts' own evaluation); the oracle ranks the same accounts' unowned products by the true purchase probabilities. Targets: hit rate at 3 ≥ 1.1 × popularity and ≥ 0.78 × the oracle.");
  log("");
  log("| data | seed | accounts evaluated | hit@3 model | popularity | oracle | model / popularity | model / oracle | blend (items / attributes / popularity) | met | time s |");
  log("|---|---:|---:|---:|---:|---:|---:|---:|---|---|---:|");
  for (const signal of [true, false]) {
    for (const seed of [1, 2, 3]) {
      const data = generatePurchases({ accounts, seed, signal });
      const started = performance.now();
      const r = recommendProducts(data.purchases, { accounts: data.accounts, top: 5, seed: 1 });
      const seconds = (performance.now() - started) / 1000;
      const o = indexOwnership(data.purchases, data.accounts.map((a) => a.id));
      const h = leaveOneOut(o, 1 + 101);
      const column = o.products.map((name) => data.products.indexOf(name));
      const oracle = evaluateRanking(h, (a, scores) => column.forEach((c, j) => (scores[j] = data.probability[a][c])), [3])[0].hitRate;
      const model = r.evaluation.model.find((f) => f.k === 3)!.hitRate;
      const pop = r.evaluation.popularity.find((f) => f.k === 3)!.hitRate;
      const w = r.evaluation.blend;
      const met = signal ? model >= 1.1 * pop && model >= 0.78 * oracle : model >= pop - 0.01;
      log(`| ${signal ? "planted groups" : "no signal"} | ${seed} | ${r.evaluation.accounts} | ${fmt(model)} | ${fmt(pop)} | ${fmt(oracle)} | ${fmt(model / pop, 2)} | ${fmt(model / oracle, 2)} | ${fmt(w.items, 1)} / ${fmt(w.attributes, 1)} / ${fmt(w.popularity, 1)} | ${met ? "yes" : "no"} | ${fmt(seconds, 1)} |`);
    }
  }
  log("");
  log("No signal: every group buys with the same probabilities; the target there is never more than 0.01 below popularity (the issue asks it of real sales data held out, which this machine does not have).");
  log("");
}

// ---------- 3. Routing ----------

interface RoutingCase {
  readonly existing: Account[];
  readonly fresh: Account[];
  readonly reps: ReturnType<typeof generateInstance>["reps"];
  readonly plan: Plan;
}

function routingCase(accounts: number, reps: number, seed: number, options: object): RoutingCase {
  const inst = generateInstance({ accounts, reps, seed });
  const random = createRandom(seed + 1);
  const isNew = inst.accounts.map(() => random() < 0.15);
  const existing = inst.accounts.filter((_, i) => !isNew[i]);
  const fresh = inst.accounts.filter((_, i) => isNew[i]).map((a) => ({ ...a, id: `N${a.id}` }));
  const plan = align({ accounts: existing, reps: inst.reps }, options);
  return { existing, fresh, reps: inst.reps, plan };
}

function routingBenchmark(): void {
  const options = { balance: { workload: 0.1 }, timeLimitMs: 60_000 };
  const minutes = (rep: { home: [number, number] }, a: Account) => haversineKm(rep.home[0], rep.home[1], a.location[0], a.location[1]) * (1.3 / 50) * 60;
  log("## Routing against the batch optimum");
  log("");
  log("15 % of each instance's accounts arrive as new, one at a time in file order. Plan: align over the others (band ± 10 %). Batch optimum: align over all accounts with the plan's accounts locked to their reps. Travel: Σ one-way minutes of the new accounts (the measure the targets name; `met` judges it), and beside it Σ workload × minutes (what align minimises). Deviations against the final targets (all accounts). Targets: territory travel ≤ 1.03 × batch; balanced: every rep within the band + 5 points (|deviation| ≤ 15 %), none above the band, travel ≤ 1.20 × batch.");
  log("");
  log("| accounts × reps | seed | new | batch status | batch travel min | policy | travel / batch | workload × travel / batch | worst deviation | reps above band | reps beyond band + 5 | reps that left the band | met |");
  log("|---|---:|---:|---|---:|---|---:|---:|---:|---:|---:|---:|---|");
  const sizes: [number, number][] = small ? [[5000, 50]] : [[5000, 50], [20_000, 200]];
  const seeds = small ? [1] : [1, 2, 3];
  for (const [accounts, repCount] of sizes) {
    for (const seed of seeds) {
      const c = routingCase(accounts, repCount, seed, options);
      const repOf = new Map(c.plan.assignment.map((row) => [row.accountId, row.repId]));
      const batch = align({ accounts: [...c.existing.map((a) => ({ ...a, lockedRep: repOf.get(a.id) })), ...c.fresh], reps: c.reps }, options);
      const batchRep = new Map(batch.assignment.map((row) => [row.accountId, row.repId]));
      const repById = new Map(c.reps.map((r) => [r.id, r]));
      let batchTravel = 0, batchWeighted = 0;
      for (const a of c.fresh) {
        const t = minutes(repById.get(batchRep.get(a.id)!)!, a);
        batchTravel += t;
        batchWeighted += t * a.workload;
      }
      for (const policy of ["territory", "balanced"] as const) {
        const router = createRouter({ accounts: c.existing, reps: c.reps }, c.plan, { ...options, policy });
        let travel = 0, weighted = 0;
        for (const a of c.fresh) {
          const t = router.route(a).travelMinutes ?? 0;
          travel += t;
          weighted += t * a.workload;
        }
        const loads = router.loads();
        const worst = Math.max(...loads.map((l) => Math.abs(l.deviation)));
        const above = loads.filter((l) => l.deviation > 0.1 + 1e-9).length;
        const beyond = loads.filter((l) => Math.abs(l.deviation) > 0.15 + 1e-9).length;
        const left = loads.filter((l) => l.inBandBefore && !l.inBandAfter).length;
        const ratio = travel / batchTravel, weightedRatio = weighted / batchWeighted;
        const limit = policy === "territory" ? 1.03 : 1.2;
        const met = ratio <= limit && (policy === "territory" || (above === 0 && beyond === 0));
        log(`| ${accounts.toLocaleString("en-US")} × ${repCount} | ${seed} | ${c.fresh.length} | ${batch.status} | ${Math.round(batchTravel).toLocaleString("en-US")} | ${policy} | ${fmt(ratio)} | ${fmt(weightedRatio)} | ${fmt(worst * 100, 1)} % | ${above} | ${beyond} | ${left} | ${met ? "yes" : "no"} |`);
      }
    }
  }
  log("");

  // Per-account time at 2,000 reps, and the CLI at 100,000 new accounts.
  const accounts = small ? 20_000 : 200_000;
  const reps = small ? 200 : 2000;
  const inst = generateInstance({ accounts, reps, seed: 2026 });
  const half = accounts / 2;
  const existing = inst.accounts.slice(0, half);
  const fresh = inst.accounts.slice(half).map((a) => ({ ...a, id: `N${a.id}` }));
  const started = performance.now();
  const plan = align({ accounts: existing, reps: inst.reps }, { ...options, timeLimitMs: 120_000 });
  const alignSeconds = (performance.now() - started) / 1000;
  log(`### Speed: ${half.toLocaleString("en-US")} plan accounts × ${reps.toLocaleString("en-US")} reps, ${fresh.length.toLocaleString("en-US")} new accounts`);
  log("");
  log(`Plan: align (${plan.status}, ${fmt(alignSeconds, 1)} s). In process: every new account routed one call at a time after 1,000 warm-up calls on a separate router; target p99 ≤ 1 ms per account. CLI: \`terralign route\` (process start, reading the plan's accounts, reps, assignments and the new accounts, writing both outputs) against the nearest-rep floor on the new accounts and reps: its work only (the target's measure, ≤ 3 ×), and as a process, its start included.`);
  log("");
  log("| policy | median µs | p99 µs | max µs | p99 ≤ 1 ms |");
  log("|---|---:|---:|---:|---|");
  for (const policy of ["territory", "balanced"] as const) {
    const warm = createRouter({ accounts: existing, reps: inst.reps }, plan, { ...options, policy });
    for (let k = 0; k < 1000; k++) warm.route({ ...fresh[k], id: `W${k}` });
    const router = createRouter({ accounts: existing, reps: inst.reps }, plan, { ...options, policy });
    const times = new Float64Array(fresh.length);
    fresh.forEach((a, k) => {
      const t = performance.now();
      router.route(a);
      times[k] = (performance.now() - t) * 1000;
    });
    times.sort();
    const p99 = times[Math.floor(0.99 * times.length)];
    log(`| ${policy} | ${fmt(times[Math.floor(times.length / 2)], 1)} | ${fmt(p99, 1)} | ${fmt(times[times.length - 1], 0)} | ${p99 <= 1000 ? "yes" : "no"} |`);
  }
  log("");
  const dir = mkdtempSync(join(tmpdir(), "terralign-bench-route-"));
  try {
    const accountRows = (list: Account[]) => rowsToCsv([["id", "lng", "lat", "workload"], ...list.map((a) => [a.id, String(a.location[0]), String(a.location[1]), String(a.workload)])]);
    writeFileSync(join(dir, "accounts.csv"), accountRows(existing));
    writeFileSync(join(dir, "new.csv"), accountRows(fresh));
    writeFileSync(join(dir, "reps.csv"), rowsToCsv([["id", "lng", "lat", "capacity"], ...inst.reps.map((r) => [r.id, String(r.home[0]), String(r.home[1]), String(r.capacity)])]));
    writeFileSync(join(dir, "assignments.csv"), rowsToCsv([["account_id", "rep_id"], ...plan.assignment.map((r) => [r.accountId, r.repId])]));
    writeFileSync(join(dir, "options.json"), JSON.stringify({ balance: { workload: 0.1 } }));
    const floorScript = bundle("nearest-rep-floor", dir);
    // The target compares with the floor's work alone; the floor as a process (its start included, as
    // `bench:cli-scale` times it) is shown beside it, since `route` is timed with its process start.
    log("| policy | floor s (work) | floor s (process) | route s (peak MB) | route / floor's work | route / floor's process | met (against the work) |");
    log("|---|---|---|---|---:|---:|---|");
    for (const policy of ["territory", "balanced"]) {
      const floor: number[] = [], floorProcess: number[] = [], runs: Timing[] = [];
      for (let run = 0; run < RUNS; run++) {
        floor.push(floorMs(floorScript, ["new.csv", "reps.csv", "nearest.csv"], dir));
        floorProcess.push(timedProcess([process.execPath, floorScript, "new.csv", "reps.csv", "nearest.csv"], dir).seconds);
        runs.push(timedProcess([process.execPath, cli, "route", "--accounts", "accounts.csv", "--reps", "reps.csv", "--assignments", "assignments.csv", "--new", "new.csv", "--options", "options.json", "--policy", policy, "--out", "routed"], dir, [0, 1]));
      }
      const ratio = median(runs.map((r) => r.seconds)) / median(floor);
      const processRatio = median(runs.map((r) => r.seconds)) / median(floorProcess);
      log(`| ${policy} | ${floor.map((f) => fmt(f, 2)).join(", ")} | ${floorProcess.map((f) => fmt(f, 2)).join(", ")} | ${runs.map((r) => fmt(r.seconds, 2)).join(", ")} (${Math.round(Math.max(...runs.map((r) => r.peakMb)))}) | ${fmt(ratio, 1)} × | ${fmt(processRatio, 1)} × | ${ratio <= 3 ? "yes" : "no"} |`);
    }
    log("");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const cpu = cpus()[0]?.model ?? "unknown CPU";
out.push(
  "# Account intelligence: benchmark",
  "",
  `Machine: ${cpus().length} cores (${cpu.trim()}), ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
  "Shared machine: other jobs run at the same time, so times carry noise. Written by `npm run bench:intel`" + (small ? " --small" : "") + ".",
  "",
);
if (!only || only === "potential") potentialBenchmark();
if (!only || only === "product") productBenchmark();
if (!only || only === "routing") routingBenchmark();
// One part (`--only=…`) goes to a file of its own, so that it never replaces the whole table with a part.
mkdirSync(join(root, "benchmarks", "results"), { recursive: true });
writeFileSync(join(root, "benchmarks", "results", only ? `intel-${only}.md` : "intel.md"), `${out.join("\n")}\n`);
