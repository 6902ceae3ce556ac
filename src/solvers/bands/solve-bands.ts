import type { CompiledProblem } from "../../compile/compiled-problem.js";
import type { Diagnostic } from "../../model/plan.js";
import type { SolverInput, SolverResult } from "../solver.js";
import { formatNumber } from "../../util/format-number.js";
import { solveBudgeted } from "../budget/solve-budgeted.js";
import { runTransport } from "../transport/solve-transport.js";
import { BandDual } from "./band-dual.js";
import { bandRows, type BandRows } from "./band-rows.js";
import { BandSearch } from "./band-search.js";
import { PairTable } from "./pair-table.js";

/** Subgradient iterations at most. */
const MAX_ITERATIONS = 300;
/** The LP's assignment is rounded and repaired every this many iterations (and whenever the bound improves a lot). */
const ROUND_EVERY = 4;
/** Stop once the best plan is within this share of the bound. */
const TARGET_GAP = 5e-4;
/** Stop after this many iterations without a plan 0.001 % better and this many without a bound 0.01 % higher. */
const STALE_PLANS = 120;
const STALE_BOUND = 60;
/** Iterations without a better bound before the step halves. */
const PATIENCE = 3;
/** The final shortening of the best plan: passes, trade partners per rep, nearest reps per account. */
const FINAL_PASSES = 20;
const FINAL_PARTNERS = 400;
const FINAL_REPS = 16;
/** A repaired plan is shortened when it is within this share of the best plan's travel. */
const IMPROVE_WITHIN = 0.02;
/** Moves or swaps per repair: this many per rep, or one per account if more. */
const REPAIR_ROUNDS_PER_REP = 50;
/** Repair rounds per rep and iteration so far, at most (before a repair starts). */
const REPAIR_WORK = 5;
/** A plan is repaired only when its violation is at most this many times the least of any plan tried before. */
const REPAIR_WITHIN = 1.25;
/** Violation (normalised units) that counts as none. */
const CLEAN = 1e-9;

/**
 * Several hard bands at once (`p.bands`, beside workload; with `p.budgets` when there are any):
 * the bands besides workload are side rows priced into the transportation LP by Lagrangian
 * multipliers (subgradient steps of Polyak's length towards the best plan, halved when the
 * bound stalls), the workload band stays in the network. Every priced LP gives a valid lower
 * bound over every eligible rep; its assignment, rounded, is repaired into every band by moves
 * and swaps and then shortened by moves and swaps that keep them. When the bound rises above the
 * dearest possible plan, no plan keeps every band: that is the infeasibility proof.
 */
export function solveBands(input: SolverInput, iterations = MAX_ITERATIONS): SolverResult {
  const { problem: p, context } = input;
  const stop = () => context.stopped();
  const base = p.budgets.length > 0 ? solveBudgeted(input) : runTransport(input);
  const rows = bandRows(p);
  const c = input.candidates;
  const pairs = new PairTable(p);
  let best: Int32Array | undefined;
  let bestCost = Infinity;
  let leastOutside = Infinity;
  let iteration = 0;
  let lastGain = 0;
  let lastRise = 0;
  let closest = Int32Array.from(base.assign);
  // Least violation of any plan tried so far: a plan much further out is not repaired (its repair
  // would be long and its plan dear), only one no worse than `REPAIR_WITHIN` × it. And repairs
  // share the work with the priced solves: once they have taken `REPAIR_WORK` × m rounds per
  // iteration so far (a round looks at a rep's accounts, ~n/m of them; a solve at all n), the
  // next plans wait. Where plans are far from the bands and the repair is long, the multipliers
  // so get time to converge between repairs.
  let leastStart = Infinity;
  let repairRounds = 0;
  const tryPlan = (start: Int32Array) => {
    const search = new BandSearch(p, c, rows, pairs, start);
    const outsideAtStart = search.violation();
    const far = outsideAtStart > REPAIR_WITHIN * leastStart || (outsideAtStart > CLEAN && repairRounds > REPAIR_WORK * (iteration + 1) * p.m);
    leastStart = Math.min(leastStart, outsideAtStart);
    const left = far ? outsideAtStart : search.repair(stop, Math.max(REPAIR_ROUNDS_PER_REP * p.m, p.n));
    repairRounds += search.rounds;
    if (left > CLEAN) {
      if (left < leastOutside) {
        leastOutside = left;
        closest = Int32Array.from(search.assign);
      }
      return;
    }
    leastOutside = 0;
    // Shortening is the dear part: only for plans that could beat the best.
    if (search.cost > bestCost * (1 + IMPROVE_WITHIN)) return;
    search.improve(stop);
    if (search.cost < bestCost * (1 - 1e-5)) lastGain = iteration;
    if (search.cost < bestCost) {
      bestCost = search.cost;
      best = Int32Array.from(search.assign);
      context.progress("bands", 0, bestCost);
    }
  };
  tryPlan(base.assign);

  // The plan without the extra bands bounds the banded problem too (it is a relaxation).
  let lower = base.lowerBound ?? -Infinity;
  const dual = new BandDual(p, c, rows, pairs, base.assign);
  const ceiling = dual.dearestObjective();
  let theta = 1;
  let stall = 0;
  let proof: SolverResult["infeasibleProof"] = countProof(p, pairs);
  let done = 0;
  let tried = 1;
  for (let t = 0; t < iterations && !stop() && !proof; t++, done++) {
    iteration = t;
    if (t === PHASE_ONE_AFTER && !best) {
      // No plan yet: first ask whether there is any (phase one), then go on from the same multipliers.
      const saved = dual.mu.map((mu) => mu.slice());
      const savedDelta = dual.delta.slice();
      proof = phaseOne(p, rows, dual, stop);
      if (proof) {
        proof = { code: "bands_conflict", message: `${proof.message}${widenings(p, c, pairs, base.assign, pressed(rows, dual), stop)}` };
        break;
      }
      dual.travelWeight = 1;
      saved.forEach((mu, k) => dual.mu[k].set(mu));
      dual.delta.set(savedDelta);
    }
    if (best && bestCost - lower <= TARGET_GAP * bestCost) break;
    // Neither the bound nor the plans move any more.
    if (best && t - lastGain >= STALE_PLANS && t - lastRise >= STALE_BOUND) break;
    dual.solve(stop);
    if (!dual.bandsHeld()) break;
    const { bound } = dual.bound();
    if (bound > lower + 1e-9 * Math.abs(lower)) {
      if (bound > lower + 1e-4 * Math.abs(lower)) lastRise = t;
      lower = bound;
      stall = 0;
    } else if (++stall >= PATIENCE) {
      theta /= 2;
      stall = 0;
      if (theta < 1e-3) break;
    }
    if (lower > ceiling * (1 + 1e-9) + 1e-9) {
      proof = { code: "bands_conflict", message: `${conflictMessage(rows, dual, lower, ceiling)}${widenings(p, c, pairs, base.assign, pressed(rows, dual), stop)}` };
      break;
    }
    const { loads, used, rounded } = dual.fractional();
    dual.accumulate();
    if (t % ROUND_EVERY === ROUND_EVERY - 1 || t === 0) {
      tryPlan(dual.roundedAverage(rounded));
      tried++;
    }
    if (t % (4 * ROUND_EVERY) === 2 * ROUND_EVERY - 1) {
      tryPlan(rounded);
      tried++;
    }
    context.progress("bands", t / iterations, best ? bestCost : undefined);
    if (!step(p, rows, dual, loads, used, theta, best ? bestCost : Math.max(lower + 0.05 * Math.abs(lower), lower + 1), bound)) {
      // The LP's assignment keeps every side row: rounding it is all that is left.
      tryPlan(rounded);
      break;
    }
  }
  if (!best && !proof && !stop()) proof = phaseOne(p, rows, dual, stop);
  if (proof?.code === "bands_phase_one") proof = { code: "bands_conflict", message: `${proof.message}${stop() ? "" : widenings(p, c, pairs, base.assign, pressed(rows, dual), stop)}` };
  if (best && !stop()) {
    // The best plan, shortened harder: every member of more of the nearest reps as trade partners.
    const search = new BandSearch(p, c, rows, pairs, best);
    search.improve(stop, FINAL_PASSES, FINAL_PARTNERS, FINAL_REPS);
    if (search.cost < bestCost && search.violation() <= CLEAN) {
      bestCost = search.cost;
      best = Int32Array.from(search.assign);
    }
  }
  const diagnostics: Diagnostic[] = [...(base.diagnostics ?? [])];
  if (!best && !proof) diagnostics.push(unsolvedDiagnostic(rows, leastOutside, dual));
  const gap = best && Number.isFinite(lower) ? ` (gap ${formatNumber((100 * (bestCost - lower)) / bestCost, 2)} %)` : "";
  diagnostics.push({ severity: "info", code: "side_bands", message: `bands on ${rows.names.join(", ")}: ${formatNumber(done)} priced LP solve(s), ${formatNumber(tried)} plan(s) rounded and repaired${gap}` });
  return {
    assign: best ?? closest,
    status: stop() ? "timeout" : "feasible",
    ...(best && Number.isFinite(lower) ? { lowerBound: Math.min(lower, bestCost) } : {}),
    ...(proof ? { infeasibleProof: proof } : {}),
    diagnostics,
    ...(base.unassignedReasons ? { unassignedReasons: base.unassignedReasons } : {}),
  };
}

/**
 * One projected subgradient step of Polyak's length θ·(target − bound)/‖g‖² on the multipliers of
 * the side rows and budgets; false when the LP's assignment keeps every row (g = 0).
 */
function step(p: CompiledProblem, rows: BandRows, dual: BandDual, loads: Float64Array[], used: Float64Array, theta: number, target: number, bound: number): boolean {
  let norm = 0;
  // ‖g‖² over the multipliers that are positive or would become so (α for the upper end, β for the lower).
  const gradient = (k: number, r: number) => {
    const mu = dual.mu[k][r];
    const over = loads[k][r] - rows.upper[k][r];
    const under = rows.lower[k][r] - loads[k][r];
    return (mu > 0 || over > 0 ? over * over : 0) + (mu < 0 || under > 0 ? under * under : 0);
  };
  for (let k = 1; k < rows.count; k++) for (let r = 0; r < p.m; r++) norm += gradient(k, r);
  for (let q = 0; q < p.budgets.length; q++) {
    const over = used[q] - p.budgets[q].limit;
    if (over > 0 || dual.delta[q] > 0) norm += (over / Math.max(1, p.budgets[q].limit)) ** 2;
  }
  if (norm <= 1e-18) return false;
  const length = (theta * Math.max(target - bound, 1e-9 * Math.abs(target))) / norm;
  for (let k = 1; k < rows.count; k++) {
    const next = new Float64Array(p.m);
    for (let r = 0; r < p.m; r++) {
      const mu = dual.mu[k][r];
      const alpha = Math.max(0, Math.max(mu, 0) + length * (loads[k][r] - rows.upper[k][r]));
      const beta = Math.max(0, Math.max(-mu, 0) + length * (rows.lower[k][r] - loads[k][r]));
      next[r] = alpha - beta;
    }
    dual.mu[k].set(next);
  }
  for (let q = 0; q < p.budgets.length; q++) {
    const scale = Math.max(1, p.budgets[q].limit);
    dual.delta[q] = Math.max(0, dual.delta[q] + (length * (used[q] - p.budgets[q].limit)) / scale / scale);
  }
  return true;
}

/**
 * Metrics whose multipliers carry at least a tenth of the largest Σ |μ| over reps: the bands the
 * bound leans on, i.e. the ones in conflict.
 */
function pressed(rows: BandRows, dual: BandDual): string[] {
  const pressure = rows.names.map((_, k) => (k === 0 ? 0 : dual.mu[k].reduce((s, x) => s + Math.abs(x), 0)));
  const most = Math.max(...pressure);
  return rows.names.filter((_, k) => k > 0 && most > 0 && pressure[k] >= 0.1 * most);
}

function conflictMessage(rows: BandRows, dual: BandDual, lower: number, ceiling: number): string {
  const names = ["workload", ...pressed(rows, dual)];
  return `the bands on ${names.join(", ")} cannot all hold: a Lagrangian bound of ${formatNumber(lower)} exceeds the dearest plan possible (${formatNumber(ceiling)})`;
}

function unsolvedDiagnostic(rows: BandRows, left: number, dual: BandDual): Diagnostic {
  const names = pressed(rows, dual);
  return {
    severity: "warning",
    code: "bands_not_met",
    message: `no plan found that keeps every band at once (closest: ${formatNumber(left, 3)} rep-targets outside${names.length > 0 ? `, mostly ${names.join(", ")}` : ""}); widen the tightest bands`,
  };
}

/**
 * Counting proofs, band by band: the reps' lower ends add up to more than the metric's total (or
 * the upper ends to less), or a rep cannot reach its lower end with every account it may serve.
 */
function countProof(p: CompiledProblem, pairs: PairTable): SolverResult["infeasibleProof"] {
  const amount = (name: string, x: number) => formatNumber(x, name === "accounts" ? 0 : 2);
  for (const band of p.bands) {
    let lowers = 0;
    let uppers = 0;
    for (let r = 0; r < p.m; r++) {
      lowers += band.lower[r];
      uppers += band.upper[r];
    }
    const total = band.total;
    let targets = 0;
    for (let r = 0; r < p.m; r++) targets += band.target[r];
    // The least band at which none of these counts rules the plan out (each grows as the band narrows).
    const reach = reachOf(p, pairs, band.value);
    let least = Math.max(targets > 0 ? 1 - total / targets : 0, targets > 0 ? total / targets - 1 : 0);
    for (let r = 0; r < p.m; r++) if (band.target[r] > 0) least = Math.max(least, 1 - reach[r] / band.target[r]);
    const widen = least < 1 ? `widen balance.${band.name} to at least ±${formatNumber(Math.ceil(least * 1000 - 1e-9) / 10, 1)} % (narrower, this count rules every plan out)` : `no band on ${band.name} is wide enough`;
    if (lowers > total * (1 + 1e-9) + 1e-9) {
      return { code: "bands_conflict", message: `the reps' ${band.name} bands need at least ${amount(band.name, lowers)} in all, but the accounts hold ${amount(band.name, total)}; ${widen}, or fix targets.${band.name}` };
    }
    if (uppers < total * (1 - 1e-9) - 1e-9) {
      return { code: "bands_conflict", message: `the reps' ${band.name} bands hold at most ${amount(band.name, uppers)} in all, but the accounts hold ${amount(band.name, total)}; ${widen}, or fix targets.${band.name}` };
    }
    for (let r = 0; r < p.m; r++) {
      if (reach[r] < band.lower[r] * (1 - 1e-9) - 1e-9) {
        return {
          code: "bands_conflict",
          message: `rep ${p.repIds[r]} may serve accounts holding ${amount(band.name, reach[r])} of ${band.name} in all (segments, regions, travel limits and locks), below the lower end of its ${band.name} band (${amount(band.name, band.lower[r])}); ${widen}, lower rep ${p.repIds[r]}'s share in targets.${band.name}, or let it serve more accounts`,
        };
      }
    }
  }
  return undefined;
}

/** Σ of a metric over the accounts each rep may serve. */
function reachOf(p: CompiledProblem, pairs: PairTable, value: Float64Array): Float64Array {
  const reach = new Float64Array(p.m);
  for (let r = 0; r < p.m; r++) for (let a = 0; a < p.n; a++) if (!Number.isNaN(pairs.minutes(r, a))) reach[r] += value[a];
  return reach;
}

/** Phase-one runs at most per band when looking for the least widening that no certificate rules out. */
const WIDEN_STEPS = 6;
/** Widest band tried. */
const WIDEST = 0.99;

/**
 * For each band in conflict (`names`), others as they are: bisection on its width with phase one,
 * from the width given (proven impossible) up to ±99 %. Narrowing a band only removes plans, so a
 * width phase one rules out rules out every narrower one too: the text says the width the band
 * must exceed, and the width at which no certificate was found (a plan may exist there).
 */
function widenings(p: CompiledProblem, c: SolverInput["candidates"], pairs: PairTable, start: Int32Array, names: readonly string[], stop: () => boolean): string {
  const parts: string[] = [];
  for (const name of names) {
    const k = p.bands.findIndex((band) => band.name === name);
    if (k < 0) continue;
    const ruledOut = (fraction: number) => {
      const band = p.bands[k];
      const widened = { ...band, fraction, lower: band.target.map((t) => t * (1 - fraction)), upper: band.target.map((t) => t * (1 + fraction)) };
      const q = { ...p, bands: p.bands.map((b, j) => (j === k ? widened : b)) };
      const rows = bandRows(q);
      return phaseOne(q, rows, new BandDual(q, c, rows, pairs, start), stop) !== undefined;
    };
    let lo = p.bands[k].fraction;
    let hi = WIDEST;
    if (stop() || ruledOut(hi)) {
      if (!stop()) parts.push(`balance.${name} alone cannot mend it (ruled out even at ±99 %)`);
      continue;
    }
    for (let step = 1; step < WIDEN_STEPS && hi - lo > 0.001 && !stop(); step++) {
      const mid = (lo + hi) / 2;
      if (ruledOut(mid)) lo = mid;
      else hi = mid;
    }
    const pct = (x: number) => `±${formatNumber(x * 100, 1)} %`;
    parts.push(`balance.${name} must be wider than ${pct(Math.floor(lo * 1000) / 1000)} (no certificate rules out ${pct(Math.ceil(hi * 1000) / 1000)}, the others as they are)`);
  }
  return parts.length > 0 ? `. Widening one band: ${parts.join("; ")}` : "";
}

/** Iterations without a plan after which phase one asks whether there is any. */
const PHASE_ONE_AFTER = 40;
/** Phase-one iterations at most. */
const PHASE_ONE_ITERATIONS = 150;

/**
 * Phase one: the same priced LP with travel costing nothing. Its Lagrangian bound is then
 * positively homogeneous in the multipliers, so any multipliers with a bound above 0 prove that
 * no plan — not even one splitting accounts — keeps every band (Farkas). Subgradient steps aim at a
 * bound of 1; returns the proof when found.
 */
function phaseOne(p: CompiledProblem, rows: BandRows, dual: BandDual, stop: () => boolean): SolverResult["infeasibleProof"] {
  dual.travelWeight = 0;
  for (const mu of dual.mu) mu.fill(0);
  dual.delta.fill(0);
  let theta = 1;
  let best = -Infinity;
  let stall = 0;
  for (let t = 0; t < PHASE_ONE_ITERATIONS && !stop(); t++) {
    dual.solve(stop);
    if (!dual.bandsHeld()) break;
    const { bound } = dual.bound();
    if (bound > 1e-6) {
      const names = pressed(rows, dual);
      return {
        code: "bands_phase_one",
        message: `the bands on ${["workload", ...names].join(", ")} cannot all hold, not even with accounts split between reps (a Lagrangian certificate over every eligible rep); widen ${names.map((name) => `balance.${name}`).join(" or ") || "the bands"}`,
      };
    }
    if (bound > best + 1e-12) {
      best = bound;
      stall = 0;
    } else if (++stall >= PATIENCE) {
      theta /= 2;
      stall = 0;
    }
    const { loads, used } = dual.fractional();
    if (!step(p, rows, dual, loads, used, theta, 1, bound)) break;
  }
  return undefined;
}
