import type { Candidates } from "../../compile/candidates.js";
import type { CompiledProblem } from "../../compile/compiled-problem.js";
import { budgetUsed, type Budget } from "../../compile/budgets.js";
import type { Diagnostic } from "../../model/plan.js";
import type { SolverInput, SolverResult } from "../solver.js";
import { formatNumber } from "../../util/format-number.js";
import { repWindows } from "../exact/exact-problem.js";
import { greatCircle, type GreatCircle } from "../transport/great-circle.js";
import { createNearestReps, nearestRepsOfAccounts } from "../transport/nearest-reps.js";
import { runTransport } from "../transport/solve-transport.js";
import { buildSphereTree, type SphereTree } from "../transport/sphere-tree.js";
import { exceeds, loadsOf } from "../../rules/check-assignment.js";
import { priceAndBound } from "./budget-bound.js";
import { addArcs, budgetPrices, budgetUsage, buildBudgetLp, restoreTravelCosts, roundBudgetLp, type BudgetLp } from "./budget-lp.js";
import { searchMultipliers } from "./budget-multipliers.js";
import { minimumBudgets } from "./minimum-budgets.js";
import { repairWithBudgets } from "./budget-repair.js";
import { repairAlongPaths } from "./path-repair.js";
import { spendBudget } from "./spend-budget.js";
import { exchangeAccounts } from "./exchange-accounts.js";

/** Candidate reps per account at the prices of the plan without budgets (pricing adds the rest). */
const CANDIDATE_REPS = 8;
/** Accounts per leaf of the search tree. */
const LEAF_SIZE = 8;
/** Shares of each budget the LP keeps back, tried in turn until rounding and repair keep every band. */
const RESERVES = [0.005, 0.015, 0.03, 0.06, 0.12];
/**
 * … and at least this many median coefficients (whole moves, for a count), so that a small budget
 * keeps back something to repair with; never more than `MAX_RESERVE` of the limit.
 */
const RESERVE_UNITS = [1, 3, 6, 12, 24];
const MAX_RESERVE = 0.25;
/** A plan this close to the bound (relative) ends the search for a share to hold back. */
const GOOD_ENOUGH = 0.005;
/** The last plan of a session, with the budget it leaves spent, this close to the bound is the answer without any attempt. */
const WARM_ENOUGH = 0.0025;
/**
 * Pricing rounds at most (each a pass over every account and eligible rep, then a warm re-solve),
 * on the first solve of a session and on the next ones (whose arcs are mostly there already).
 */
const PRICING_ROUNDS = 12;
const PRICING_ROUNDS_WARM = 1;
/**
 * Room kept free at each end of a band in the LP, so that rounding its split accounts seldom
 * leaves a band: this many median accounts, at most `MARGIN_SHARE` of the band width, and only with
 * at least `MARGIN_MIN_PER_REP` accounts per rep.
 */
const MARGIN_ACCOUNTS = 0.25;
const MARGIN_SHARE = 0.02;
const MARGIN_MIN_PER_REP = 50;

/**
 * The transportation core with budgets on leaving preferred reps (`p.budgets`: the disruption
 * budget of a realignment) as side constraints. Each budget is priced by a Lagrangian multiplier
 * (a discount on the account's arc to its preferred rep, found by bisection on the warm network,
 * `searchMultipliers`), the LP under the whole budgets is completed by exact pricing over every
 * eligible rep, and the lower bound is its Lagrangian bound over every eligible rep — valid for
 * the budget-constrained problem, and never below the LP bound without budgets (which holds under
 * any budget). The plan comes from the LP with a share of each budget held back: its split accounts
 * are rounded towards their preferred rep (never spending more budget than is left), and bands are
 * repaired by single moves, then paths, that keep every budget. When the LP cannot keep the
 * budgets, the least budget the bands need (an LP bound) is computed; above the limit, it proves
 * the problem infeasible.
 */
export function solveBudgeted(input: SolverInput): SolverResult {
  return createBudgetSession(input).solve(input);
}

/** A warm LP kept between solves of one problem under different budgets (a trade-off curve). */
export interface BudgetSession {
  /**
   * Solves `input.problem` — the session's problem, with its own `budgets` (limits and kinds may
   * differ from call to call), under `input.context` (its own clock) — starting from the network,
   * arcs and multipliers the last solve left, and from the last plan that kept every band and
   * budget when it keeps these budgets too (in a sweep of growing budgets it always does, so no
   * point after a solved one goes unsolved). When the warm network finds no plan, the solve is
   * repeated once on a fresh one.
   */
  solve(input: SolverInput): SolverResult;
}

/**
 * Prepares a budgeted solve of `input.problem` (`solveBudgeted` is one call): the plan without
 * budgets, candidate arcs at its prices and the LP are made once; each `solve` then prices its
 * budgets on the warm network.
 */
export function createBudgetSession(input: SolverInput): BudgetSession {
  const p0 = input.problem;
  // The plan without budgets: when it keeps them, it is the answer; else its prices pick each
  // account's candidate reps, its plan starts the LP, and its LP bound (valid under any budget)
  // is the floor of every bound reported.
  const base = runTransport(input);
  let prepared: Prepared | undefined;
  let lastDelta: Float64Array | undefined;
  let lastKinds = "";
  let lastPlan: Int32Array | undefined;
  return {
    solve({ problem: p, context }) {
      if (keepsBudgets(p, base.assign)) return base;
      const kinds = p.budgets.map((b) => b.kind).join(",");
      if (kinds !== lastKinds) lastDelta = undefined;
      lastKinds = kinds;
      const warm = prepared !== undefined;
      prepared ??= prepare(p0, base);
      let out = solveWith(p, prepared, context, { delta: lastDelta, plan: lastPlan, floor: base.bandBound });
      if (out.broken > 0 && warm && !context.stopped()) {
        prepared = prepare(p0, base);
        out = solveWith(p, prepared, context, { plan: lastPlan, floor: base.bandBound });
      }
      lastDelta = out.delta;
      if (out.broken === 0) lastPlan = out.result.assign;
      return out.result;
    },
  };
}

type Prepared = ReturnType<typeof prepare>;

/** What every solve of a session shares: accounts, arcs, bands, the LP. */
function prepare(p: CompiledProblem, base: SolverResult & { readonly prices: Float64Array }) {
  const assign = new Int32Array(p.n).fill(-1);
  const fixedLoad = new Float64Array(p.m);
  const pool: number[] = [];
  const reasons = new Map<number, string>();
  for (let a = 0; a < p.n; a++) {
    const locked = p.lockedRep[a];
    const pref = p.currentRep[a];
    if (locked >= 0) {
      assign[a] = locked;
      fixedLoad[locked] += p.workload[a];
    } else if (p.workload[a] > 0) pool.push(a);
    else if (pref >= 0 && p.compatible(pref, a) && p.travel(pref, a) <= p.maxTravel[pref]) assign[a] = pref;
    else if (base.assign[a] >= 0) assign[a] = base.assign[a];
    else reasons.set(a, base.unassignedReasons?.get(a) ?? "no rep may serve it");
  }
  const geo = greatCircle(p);
  const tree = buildSphereTree(Int32Array.from(pool), p.accountLng, p.accountLat, p.workload, LEAF_SIZE);
  const c = candidatesAt(p, tree, geo, base.prices, pool);
  const free = pool.filter((a) => {
    if (c.start[a + 1] > c.start[a]) return true;
    reasons.set(a, "no rep may serve it");
    return false;
  });
  const full = repWindows(p, new Float64Array(p.m), p.balance);
  const margin = free.length >= MARGIN_MIN_PER_REP * p.m ? MARGIN_ACCOUNTS * medianWorkload(p, free) : 0;
  const lower = new Float64Array(p.m);
  const upper = new Float64Array(p.m);
  for (let r = 0; r < p.m; r++) {
    const inset = Math.min(margin, MARGIN_SHARE * Math.max(0, full.upper[r] - full.lower[r]));
    upper[r] = Math.max(0, full.upper[r] - inset - fixedLoad[r]);
    lower[r] = Math.min(upper[r], Math.max(0, full.lower[r] + inset - fixedLoad[r]));
  }
  const blp = buildBudgetLp(p, c, Int32Array.from(free), lower, upper, base.assign);
  return { assign, fixedLoad, reasons, c, free, full, blp, search: { tree, geo }, pricedOnce: false };
}

/** Where a solve starts: the multipliers and the plan of the last solve, and a lower bound valid under any budget. */
interface WarmStart {
  readonly delta?: Float64Array | undefined;
  readonly plan?: Int32Array | undefined;
  readonly floor?: number | undefined;
}

/** One budgeted solve on a prepared session; returns the result, the multipliers it ended at and the rules its plan breaks. */
function solveWith(p: CompiledProblem, prep: Prepared, context: SolverInput["context"], warm: WarmStart): { result: SolverResult; delta: Float64Array | undefined; broken: number } {
  const { c, free, full, blp, search, fixedLoad, reasons } = prep;
  const stop = () => context.stopped();
  const assign = Int32Array.from(prep.assign);
  context.progress("realign", 0);
  const lockedUse = lockedOnly(p);
  const room = Float64Array.from(p.budgets, (b) => b.limit - budgetUsed(b, p.currentRep, lockedUse));
  const fullLimits = Float64Array.from(p.budgets, (b) => b.limit);
  const scale = costScale(p, free);
  const diagnostics: Diagnostic[] = [];
  let infeasibleProof: { code: string; message: string } | undefined;
  let solves = 0;
  let added = 0;
  let moves = 0;
  let spent = 0;

  let best: { assign: Int32Array; broken: number; travel: number } | undefined;
  const consider = (trial: Int32Array) => {
    const broken = countBroken(p, trial, full.lower, full.upper, fullLimits);
    const travel = travelOf(p, trial);
    if (!best || broken < best.broken || (broken === best.broken && travel < best.travel)) best = { assign: trial, broken, travel };
    return broken;
  };
  // The last plan, when it keeps these budgets, with the budget it leaves spent.
  if (warm.plan && countBroken(p, warm.plan, full.lower, full.upper, fullLimits) === 0) {
    const trial = Int32Array.from(warm.plan);
    improve(p, c, trial, full, fullLimits);
    consider(trial);
  }

  // The LP under the whole budgets: its Lagrangian bound over every eligible rep (after column
  // generation at its multipliers), or, when it cannot keep them, the least budgets the bands need.
  let found = searchMultipliers(blp, p, room, scale, stop, warm.delta ? { lo: warm.delta } : undefined);
  solves += found.solves;
  let lowerBound = warm.floor;
  for (let round = 0; round < (prep.pricedOnce ? PRICING_ROUNDS_WARM : PRICING_ROUNDS) && !stop(); round++) {
    // Prices of an LP that cannot keep the budgets yet are far off: one arc per account from them.
    const pricing = priceAndBound(p, blp, budgetPrices(blp), found.delta, full, fullLimits, search, found.bandsHeld && found.met ? undefined : 1);
    if (found.bandsHeld && found.met) lowerBound = Math.max(lowerBound ?? -Infinity, pricing.bound);
    if (pricing.arcs.length === 0) break;
    addArcs(blp, pricing.arcs);
    added += pricing.arcs.length;
    found = searchMultipliers(blp, p, room, scale, stop, near(found.delta));
    solves += found.solves;
  }
  prep.pricedOnce = true;
  let lastDelta: Float64Array | undefined = found.bandsHeld && found.met ? found.delta : undefined;
  if (found.bandsHeld && !found.met) {
    const least = minimumBudgets(p, blp, full);
    restoreTravelCosts(blp);
    const short = least.filter((x) => x.bound > x.limit + 1e-9 * Math.max(1, x.limit));
    for (const x of least) diagnostics.push({ severity: short.includes(x) ? "error" : "info", code: "minimum_budget", message: x.message });
    if (short.length > 0) infeasibleProof = { code: "budget_too_small", message: `${short.map((x) => x.message).join("; ")}. To change: raise the budget to at least that, or widen the band` };
  }

  // Rounding keeps back a share of each budget for the moves that bring rounded reps into their
  // bands; the least share that lets them all in is kept (a larger one costs travel).
  const units = p.budgets.map((b) => medianCoef(b.coef, free));
  const ladder = RESERVES.map((share, i) => Float64Array.from(p.budgets, (b, k) => reserveOf(b, i, share, units[k])));
  // Each share held back: the rounded LP repaired by single moves; when those leave a rep outside,
  // by paths too (a plan that may cost much travel, kept only when no single-move repair succeeds
  // with a larger share at less).
  const attempt = (reserve: Float64Array): { repaired: boolean; met: boolean } => {
    const held = Float64Array.from(room, (x, k) => x - reserve[k]);
    // A smaller limit needs a multiplier at least as large as the last one.
    found = searchMultipliers(blp, p, held, scale, stop, lastDelta ? { lo: lastDelta } : undefined);
    solves += found.solves;
    const met = found.bandsHeld && found.met;
    if (met) lastDelta = found.delta;
    const trial = Int32Array.from(assign);
    roundBudgetLp(blp, p, trial, fixedLoad.slice(), full.lower, full.upper, Float64Array.from(room));
    moves = repairWithBudgets(p, c, trial, full.lower, full.upper, fullLimits, found.delta);
    const repaired = countBroken(p, trial, full.lower, full.upper, fullLimits) === 0;
    if (!repaired) moves += repairAlongPaths(p, c, trial, full.lower, full.upper, fullLimits, found.delta);
    spent = improve(p, c, trial, full, fullLimits);
    consider(trial);
    return { repaired, met };
  };
  let failedAt: Float64Array | undefined;
  // The last plan of a sweep, its new budget spent, within `WARM_ENOUGH` of this bound: no attempt needed.
  const warmEnough = best !== undefined && best.broken === 0 && lowerBound !== undefined && best.travel <= lowerBound * (1 + WARM_ENOUGH);
  for (let i = 0; i < ladder.length && !stop() && !warmEnough; i++) {
    const outcome = attempt(ladder[i]);
    if (outcome.repaired) {
      // Halfway between the share that failed and the one that did not: less held back, less travel.
      if (failedAt && !stop()) attempt(Float64Array.from(ladder[i], (x, k) => Math.round((x + failedAt![k]) / 2 / units[k]) * units[k]));
      break;
    }
    // A plan that paths repaired within `GOOD_ENOUGH` of the bound needs no larger share tried.
    if (best && best.broken === 0 && lowerBound !== undefined && best.travel <= lowerBound * (1 + GOOD_ENOUGH)) break;
    failedAt = ladder[i];
    // Too little budget for the share held back: once more with none held back.
    if (!outcome.met && ladder[i].some((x) => x > 0)) ladder.splice(i + 1, ladder.length, new Float64Array(p.budgets.length));
    else if (!outcome.met) break;
  }
  // Stopped before any attempt: the LP as it stands, rounded.
  if (!best) {
    const trial = Int32Array.from(assign);
    roundBudgetLp(blp, p, trial, fixedLoad.slice(), full.lower, full.upper, Float64Array.from(room));
    consider(trial);
  }
  context.progress("realign", 0.8);
  assign.set(best!.assign);

  const usage = budgetUsage(blp, p);
  diagnostics.push({
    severity: "info",
    code: "budget_lp",
    message:
      `LP on ${formatNumber(free.length)} accounts with ${p.budgets.length} budget(s) priced by Lagrangian multipliers (${solves} warm solves, ${formatNumber(added)} arcs added by pricing); ` +
      `LP use ${Array.from(usage, (u, k) => `${formatNumber(u, 1)} of ${formatNumber(room[k], 1)}`).join(", ")}; ${moves} repair move(s), ${spent} improving move(s) with the budget left`,
  });
  context.progress("realign", 1);
  const result: SolverResult = {
    assign,
    status: stop() ? "timeout" : "feasible",
    unassignedReasons: new Map(reasons),
    diagnostics,
    ...(infeasibleProof ? { infeasibleProof } : {}),
    ...(lowerBound !== undefined ? { lowerBound } : {}),
    ...(lastDelta ? { budgetPrices: lastDelta } : {}),
    prices: budgetPrices(blp).reps,
  };
  return { result, delta: lastDelta, broken: best!.broken };
}

/** Spends the budget a plan leaves on moves that lower travel, then exchanges and the budget once more; returns the moves made. */
function improve(p: CompiledProblem, c: Candidates, assign: Int32Array, full: { readonly lower: Float64Array; readonly upper: Float64Array }, limits: Float64Array): number {
  let moves = spendBudget(p, c, assign, full.lower, full.upper, limits);
  const exchanged = exchangeAccounts(p, c, assign, full.lower, full.upper, limits);
  if (exchanged > 0) moves += 2 * exchanged + spendBudget(p, c, assign, full.lower, full.upper, limits);
  return moves;
}

/** Σ workload × minutes of a plan. */
function travelOf(p: CompiledProblem, assign: Int32Array): number {
  let total = 0;
  for (let a = 0; a < p.n; a++) if (assign[a] >= 0) total += p.workload[a] * p.travel(assign[a], a);
  return total;
}

/** A bracket around multipliers found before a small change (a few arcs more). */
function near(delta: Float64Array): { lo: Float64Array; hi: Float64Array } {
  return { lo: delta.map((d) => 0.9 * d), hi: delta.map((d) => 1.1 * d) };
}

/** Whether a plan keeps every budget. */
function keepsBudgets(p: CompiledProblem, assign: Int32Array): boolean {
  return p.budgets.every((b) => !exceeds(budgetUsed(b, p.currentRep, assign), b.limit));
}

/**
 * Candidate arcs of the free accounts: their `CANDIDATE_REPS` cheapest eligible reps at `prices`
 * (exact tree search), plus the arc to the preferred rep when it may serve them.
 */
function candidatesAt(p: CompiledProblem, tree: SphereTree, geo: GreatCircle | undefined, prices: Float64Array, free: readonly number[]): Candidates {
  const near = createNearestReps(p.n, Math.min(CANDIDATE_REPS, p.m));
  nearestRepsOfAccounts(p, tree, geo, prices, Infinity, near);
  const start = new Int32Array(p.n + 1);
  const want = near.want;
  for (const a of free) start[a + 1] = near.count[a];
  for (let a = 0; a < p.n; a++) start[a + 1] += start[a];
  const rep = new Int32Array(start[p.n]);
  const minutes = new Float64Array(start[p.n]);
  for (const a of free) {
    for (let q = 0; q < near.count[a]; q++) {
      rep[start[a] + q] = near.rep[a * want + q];
      minutes[start[a] + q] = near.travel[a * want + q];
    }
  }
  return withPreferred(p, { start, rep, minutes });
}

/** The candidate arcs plus each account's arc to its preferred rep, when that rep may serve it. */
function withPreferred(p: CompiledProblem, c: Candidates): Candidates {
  const extra: number[] = [];
  for (let a = 0; a < p.n; a++) {
    const pref = p.currentRep[a];
    if (pref < 0 || p.lockedRep[a] >= 0 || hasArc(c, a, pref)) continue;
    if (p.compatible(pref, a) && p.travel(pref, a) <= p.maxTravel[pref]) extra.push(a);
  }
  if (extra.length === 0) return c;
  const start = new Int32Array(p.n + 1);
  const rep = new Int32Array(c.rep.length + extra.length);
  const minutes = new Float64Array(rep.length);
  let next = 0;
  let at = 0;
  for (let a = 0; a < p.n; a++) {
    start[a] = at;
    for (let t = c.start[a]; t < c.start[a + 1]; t++, at++) {
      rep[at] = c.rep[t];
      minutes[at] = c.minutes[t];
    }
    if (next < extra.length && extra[next] === a) {
      rep[at] = p.currentRep[a];
      minutes[at] = p.travel(p.currentRep[a], a);
      at++;
      next++;
    }
  }
  start[p.n] = at;
  return { start, rep, minutes };
}

function hasArc(c: Candidates, a: number, r: number): boolean {
  for (let t = c.start[a]; t < c.start[a + 1]; t++) if (c.rep[t] === r) return true;
  return false;
}

/** Locked accounts at their locked rep, the rest unassigned: what the locks alone spend of each budget. */
function lockedOnly(p: CompiledProblem): Int32Array {
  const assign = new Int32Array(p.n);
  for (let a = 0; a < p.n; a++) assign[a] = p.lockedRep[a] >= 0 ? p.lockedRep[a] : p.currentRep[a];
  return assign;
}

/** Per budget: the mean travel cost (workload × minutes to the preferred rep) per unit of its coefficient, the scale of its multiplier. */
function costScale(p: CompiledProblem, free: readonly number[]): Float64Array {
  return Float64Array.from(p.budgets, (b) => {
    let cost = 0;
    let coef = 0;
    for (const a of free) {
      if (p.currentRep[a] < 0) continue;
      cost += p.workload[a] * p.travel(p.currentRep[a], a);
      coef += b.coef[a];
    }
    return coef > 0 && cost > 0 ? cost / coef : 1;
  });
}

/** What attempt `attempt` holds back of a budget: its share of the limit, or its whole units, whichever is more (none when the share is 0). */
function reserveOf(budget: Budget, attempt: number, share: number, unit: number): number {
  if (share <= 0) return 0;
  return Math.min(MAX_RESERVE * budget.limit, Math.max(share * budget.limit, (RESERVE_UNITS[attempt] ?? 0) * unit));
}

/** Median coefficient of a budget over the accounts with one. */
function medianCoef(coef: Float64Array, free: readonly number[]): number {
  const values = free.map((a) => coef[a]).filter((x) => x > 0).sort((x, y) => x - y);
  return values.length > 0 ? values[values.length >> 1] : 0;
}

/** Windows and budgets a plan breaks (0: it keeps them all). */
function countBroken(p: CompiledProblem, assign: Int32Array, lower: Float64Array, upper: Float64Array, limits: Float64Array): number {
  const load = loadsOf(p, assign);
  let broken = 0;
  for (let r = 0; r < p.m; r++) if (exceeds(load[r], upper[r]) || exceeds(lower[r], load[r])) broken++;
  p.budgets.forEach((b, k) => exceeds(budgetUsed(b, p.currentRep, assign), limits[k]) && broken++);
  return broken;
}

function medianWorkload(p: CompiledProblem, accounts: readonly number[]): number {
  if (accounts.length === 0) return 0;
  const sizes = Float64Array.from(accounts, (a) => p.workload[a]).sort();
  return sizes[sizes.length >> 1];
}

export type { BudgetLp };
