/**
 * Benchmark of travel counted in the hours (run: `npm run bench:hours`).
 *
 * 1. The day-trip estimate against real day routes. For each instance the territories come from
 *    `align` (workload bands, travel not counted, so the territories do not depend on the estimate);
 *    then, per rep, its visits are built into real day routes of `stopsPerDay` stops — visit k of
 *    each account in round k (an account with 3 visits is in rounds 1–3), each round cut into days
 *    by two route builders (a sweep by angle around home, and farthest-first clusters of nearest
 *    stops), each day's route by nearest neighbour + 2-opt with home at both ends, the better
 *    builder kept per rep — and the routes' minutes are compared with the estimate's travel hours
 *    (`accountHours` − workload). Reported: the bias over all reps (Σ estimate / Σ routes − 1) and
 *    the mean and worst error per rep.
 * 2. Mexico (`examples/mexico`, capacities × 1.4 in `reps-hours.csv`) with travel in the hours,
 *    4 stops a day, ±10 %: status, reps outside the band, largest deviation of a rep's hours from
 *    its share of the plan's total, gap and time.
 *
 * Writes benchmarks/results/travel-hours.md.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { align } from "../src/align.js";
import { compileProblem } from "../src/compile/compile.js";
import type { CompiledProblem } from "../src/compile/compiled-problem.js";
import { accountHours } from "../src/compile/travel-hours.js";
import { haversineKm } from "../src/geo/haversine.js";
import { readProblem } from "../src/io/read-problem.js";
import type { AlignOptions } from "../src/model/options-schema.js";
import { parseProblem, resolveOptions } from "../src/model/parse.js";
import type { Problem } from "../src/model/problem-schema.js";
import { createRandom } from "../src/util/random.js";
import { generateInstance } from "./generate-instance.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const STOPS = [1, 2, 4, 6, 8];

interface Instance {
  readonly name: string;
  readonly problem: Problem;
  readonly travel: { speedKmh: number; circuity: number };
}

function mexico(reps = "reps.csv"): Problem {
  const read = (file: string) => ({ file, text: readFileSync(`${root}examples/mexico/${file}`, "utf8") });
  return readProblem(read("accounts.csv"), read(reps));
}

/** A generated instance with 1–4 visits per account. */
function generated(accounts: number, reps: number, seed: number): Problem {
  const problem = generateInstance({ accounts, reps, seed });
  const random = createRandom(seed + 1000);
  return { ...problem, accounts: problem.accounts.map((a) => ({ ...a, visits: 1 + Math.floor(random() * 4) })) };
}

/** Minutes of the route home → stops (in this order) → home. */
function routeMinutes(p: CompiledProblem, r: number, stops: readonly number[], perKm: number): number {
  if (stops.length === 0) return 0;
  let total = p.travel(r, stops[0]) + p.travel(r, stops[stops.length - 1]);
  for (let i = 1; i < stops.length; i++) total += hop(p, stops[i - 1], stops[i], perKm);
  return total;
}

function hop(p: CompiledProblem, a: number, b: number, perKm: number): number {
  return haversineKm(p.accountLng[a], p.accountLat[a], p.accountLng[b], p.accountLat[b]) * perKm;
}

/** A day's route: nearest neighbour from home, then 2-opt (home fixed at both ends). */
function dayRoute(p: CompiledProblem, r: number, stops: readonly number[], perKm: number): number {
  const left = [...stops];
  const order: number[] = [];
  let here = -1;
  while (left.length > 0) {
    let best = 0;
    let bestT = Infinity;
    left.forEach((a, i) => {
      const t = here < 0 ? p.travel(r, a) : hop(p, here, a, perKm);
      if (t < bestT) {
        bestT = t;
        best = i;
      }
    });
    here = left[best];
    order.push(here);
    left.splice(best, 1);
  }
  let length = routeMinutes(p, r, order, perKm);
  for (let improved = true; improved; ) {
    improved = false;
    for (let i = 0; i < order.length - 1; i++) {
      for (let j = i + 1; j < order.length; j++) {
        const tried = [...order.slice(0, i), ...order.slice(i, j + 1).reverse(), ...order.slice(j + 1)];
        const t = routeMinutes(p, r, tried, perKm);
        if (t < length - 1e-9) {
          order.splice(0, order.length, ...tried);
          length = t;
          improved = true;
        }
      }
    }
  }
  return length;
}

/** Days by sweep: stops sorted by angle around home, cut into consecutive groups of `s`. */
function sweepDays(p: CompiledProblem, r: number, stops: number[], s: number): number[][] {
  const angle = (a: number) => Math.atan2(p.accountLat[a] - p.repLat[r], (p.accountLng[a] - p.repLng[r]) * Math.cos((p.repLat[r] * Math.PI) / 180));
  const sorted = [...stops].sort((a, b) => angle(a) - angle(b) || a - b);
  const days: number[][] = [];
  for (let i = 0; i < sorted.length; i += s) days.push(sorted.slice(i, i + s));
  return days;
}

/** Days by clusters: the farthest stop left from home, with its s − 1 nearest stops left. */
function clusterDays(p: CompiledProblem, r: number, stops: number[], s: number, perKm: number): number[][] {
  const left = new Set(stops);
  const days: number[][] = [];
  while (left.size > 0) {
    let far = -1;
    for (const a of left) if (far < 0 || p.travel(r, a) > p.travel(r, far)) far = a;
    left.delete(far);
    const near = [...left].sort((a, b) => hop(p, far, a, perKm) - hop(p, far, b, perKm) || a - b).slice(0, s - 1);
    for (const a of near) left.delete(a);
    days.push([far, ...near]);
  }
  return days;
}

/** Real travel minutes of rep r's visits: the better of the two day builders, round by round. */
function realMinutes(p: CompiledProblem, r: number, members: number[], s: number, perKm: number): number {
  let total = 0;
  const rounds = Math.max(0, ...members.map((a) => p.visits[a]));
  for (let k = 1; k <= rounds; k++) {
    const stops = members.filter((a) => p.visits[a] >= k);
    const cost = (days: number[][]) => days.reduce((sum, day) => sum + dayRoute(p, r, day, perKm), 0);
    total += Math.min(cost(sweepDays(p, r, stops, s)), cost(clusterDays(p, r, stops, s, perKm)));
  }
  return total;
}

interface EstimateRow {
  instance: string;
  stops: number;
  bias: number;
  meanError: number;
  worstError: number;
  routeHours: number;
}

function validate(instance: Instance): EstimateRow[] {
  const base = align(instance.problem, { travel: instance.travel, balance: { workload: 0.1 }, timeLimitMs: 120_000 });
  const repIndex = new Map(instance.problem.reps.map((rep, r) => [rep.id, r]));
  const accountIndex = new Map(instance.problem.accounts.map((a, i) => [a.id, i]));
  const members: number[][] = instance.problem.reps.map(() => []);
  for (const row of base.assignment) members[repIndex.get(row.repId)!].push(accountIndex.get(row.accountId)!);
  const perKm = (instance.travel.circuity / instance.travel.speedKmh) * 60;
  const rows: EstimateRow[] = [];
  for (const s of STOPS) {
    const p = compileProblem(parseProblem(instance.problem), resolveOptions({ travel: { ...instance.travel, stopsPerDay: s }, workload: { includeTravel: true } }));
    let estimated = 0, real = 0, sumError = 0, worst = 0, counted = 0;
    members.forEach((list, r) => {
      if (list.length === 0) return;
      let est = 0;
      for (const a of list) est += accountHours(p, a, p.travel(r, a)) - p.workload[a];
      const routes = realMinutes(p, r, list, s, perKm) / 60;
      estimated += est;
      real += routes;
      const error = est / routes - 1;
      sumError += Math.abs(error);
      worst = Math.max(worst, Math.abs(error));
      counted++;
    });
    rows.push({ instance: instance.name, stops: s, bias: estimated / real - 1, meanError: sumError / counted, worstError: worst, routeHours: real });
    console.log(instance.name, s, (100 * (estimated / real - 1)).toFixed(1), (100 * sumError / counted).toFixed(1), (100 * worst).toFixed(1));
  }
  return rows;
}

interface MexicoRow {
  status: string;
  outside: number;
  maxDeviation: number;
  gap: number | undefined;
  seconds: number;
  hours: number;
  work: number;
}

function mexicoInHours(): MexicoRow {
  const problem = mexico("reps-hours.csv");
  const options: AlignOptions = JSON.parse(readFileSync(`${root}examples/mexico/options-hours.json`, "utf8"));
  const t0 = performance.now();
  const plan = align(problem, { ...options, timeLimitMs: 1_200_000 });
  const seconds = (performance.now() - t0) / 1000;
  const hours = plan.territories.reduce((s, t) => s + t.workloadHours, 0);
  return {
    status: plan.status,
    outside: plan.territories.filter((t) => t.violations.band > 0).length,
    maxDeviation: Math.max(...plan.territories.map((t) => Math.abs(t.deviation))),
    gap: plan.bound?.gap,
    seconds,
    hours,
    work: problem.accounts.reduce((s, a) => s + a.workload, 0),
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

function main(): void {
  const instances: Instance[] = [
    { name: "Mexico 3,000 × 16", problem: mexico(), travel: { speedKmh: 55, circuity: 1.3 } },
    { name: "generated 3,000 × 20 (seed 1)", problem: generated(3000, 20, 1), travel: { speedKmh: 60, circuity: 1.3 } },
    { name: "generated 5,000 × 60 (seed 2)", problem: generated(5000, 60, 2), travel: { speedKmh: 60, circuity: 1.3 } },
  ];
  const estimate = instances.flatMap(validate);
  const mx = mexicoInHours();
  const lines = [
    "# Travel in the hours",
    "",
    `Generated by \`npm run bench:hours\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}; the machine is shared with other jobs, so times carry noise.`,
    "",
    "## The day-trip estimate against real day routes",
    "",
    "Territories from `align` (travel not counted); each rep's visits built into day routes of `stopsPerDay` stops (visit k of each account in round k; days by sweep or by farthest-first clusters, whichever is shorter; each day nearest neighbour + 2-opt). Error = estimated travel hours / route hours − 1.",
    "",
    "| instance | stops per day | route hours | bias (all reps) | mean error per rep | worst rep |",
    "|---|---:|---:|---:|---:|---:|",
    ...estimate.map((r) => `| ${r.instance} | ${r.stops} | ${Math.round(r.routeHours).toLocaleString("en-US")} | ${pct(r.bias)} | ${pct(r.meanError)} | ${pct(r.worstError)} |`),
    "",
    "## Mexico with travel in the hours",
    "",
    "`examples/mexico/accounts.csv` with `reps-hours.csv` (capacities × 1.4) and `options-hours.json` (travel in the hours, 4 stops a day, ±10 %).",
    "",
    "| status | reps outside the band | largest deviation | work h | total h (work + travel) | gap | seconds |",
    "|---|---:|---:|---:|---:|---:|---:|",
    `| ${mx.status} | ${mx.outside} | ${pct(mx.maxDeviation)} | ${Math.round(mx.work).toLocaleString("en-US")} | ${Math.round(mx.hours).toLocaleString("en-US")} | ${mx.gap === undefined ? "—" : pct(mx.gap)} | ${mx.seconds.toFixed(1)} |`,
    "",
  ];
  writeFileSync(`${root}benchmarks/results/travel-hours.md`, lines.join("\n"));
  console.log(lines.join("\n"));
}

main();
