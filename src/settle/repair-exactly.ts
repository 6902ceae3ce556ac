import type { CompiledProblem } from "../compile/compiled-problem.js";
import type { Problem } from "../model/problem-schema.js";
import { checkAssignment } from "../rules/check-assignment.js";
import type { Violation } from "../rules/violation.js";
import { solveExactly, type ExactOutcome } from "../solvers/exact/solve-exact.js";

/** Problems up to this many accounts (and `WHOLE_MAX_ARCS` account–rep pairs) are searched whole. */
export const WHOLE_MAX_ACCOUNTS = 200;
const WHOLE_MAX_ARCS = 8_000;
/** Nodes of the whole search, and of each neighbourhood search. */
const WHOLE_NODES = 4_000;
const NEIGHBOURHOOD_NODES = 1_500;
/** Neighbourhoods: reps added around each rep in trouble per round, the most reps and free accounts in one. */
const RINGS = [2, 5, 11] as const;
const MAX_REPS = 30;
const MAX_FREE = 400;
/** Work (arc evaluations / 12) of the Lagrangian fallback search. */
const LAGRANGE_WORK = 20_000_000;

/** What `repairExactly` did. */
export interface ExactRepair {
  /** The plan after repair (the input when nothing better was found). */
  readonly assign: Int32Array;
  /** The whole-problem search, when the problem was small enough for one. */
  readonly whole?: ExactOutcome;
  /** Accounts freed in the neighbourhood that repaired the plan (0 when none did). */
  readonly freed: number;
}

/**
 * Repairs a plan that breaks rules by exact search: a small problem is searched whole (which finds
 * a plan keeping every rule whenever one exists, or proves that none does, within the node budget);
 * a larger one in neighbourhoods of growing size around the reps in trouble — the reps whose load
 * breaks a rule, and those holding or able to take an account that breaks one — where every account
 * of those reps (the ones nearest to another rep of the neighbourhood first) is placed again, the
 * rest kept. Deterministic: every search stops on node counts; `stopped` is the safety net.
 */
export function repairExactly(problem: Problem, p: CompiledProblem, assign: Int32Array, violations: readonly Violation[], stopped: () => boolean, budgetPrices?: Float64Array): ExactRepair {
  if (p.n <= WHOLE_MAX_ACCOUNTS && p.n * p.m <= WHOLE_MAX_ARCS) {
    const scope = { free: Int32Array.from({ length: p.n }, (_, a) => a), fixed: new Int32Array(p.n).fill(-1), ...(budgetPrices ? { budgetPrices } : {}) };
    let whole = solveExactly(p, scope, { maxNodes: WHOLE_NODES, start: assign, stopped });
    if (!whole.assign && whole.status === "stopped") whole = solveExactly(p, scope, { maxNodes: lagrangeNodes(whole.arcs), start: assign, stopped, relaxation: "lagrange" });
    return { assign: whole.assign ?? assign, whole, freed: whole.assign ? p.n : 0 };
  }
  const trouble = troubledReps(problem, p, assign, violations);
  let count = violations.length;
  for (const ring of RINGS) {
    if (stopped()) break;
    const reps = neighbourhood(p, trouble, ring);
    const free = freeAccounts(p, assign, reps, violations);
    const scope = { free, fixed: assign, reps, ...(budgetPrices ? { budgetPrices } : {}) };
    let outcome = solveExactly(p, scope, { maxNodes: NEIGHBOURHOOD_NODES, start: assign, stopped });
    if (!outcome.assign && outcome.status === "stopped") outcome = solveExactly(p, scope, { maxNodes: lagrangeNodes(outcome.arcs), start: assign, stopped, relaxation: "lagrange" });
    if (!outcome.assign) continue;
    const left = checkAssignment(problem, p, outcome.assign).length;
    if (left < count) {
      count = left;
      assign = outcome.assign;
    }
    if (left === 0) return { assign, freed: free.length };
  }
  return { assign, freed: 0 };
}

/**
 * Nodes for the second, Lagrangian search when the LP search found no plan: its nodes cost about
 * arcs × (subgradient steps) operations, so the budget is a fixed amount of work.
 */
function lagrangeNodes(arcs: number): number {
  return Math.max(2_000, Math.min(200_000, Math.floor(LAGRANGE_WORK / Math.max(1, arcs))));
}

/** Reps whose load breaks a rule, and the reps of (or eligible for) accounts that break one. */
function troubledReps(problem: Problem, p: CompiledProblem, assign: Int32Array, violations: readonly Violation[]): Uint8Array {
  const repIndex = new Map(p.repIds.map((id, r) => [id, r]));
  const accountIndex = new Map<string, number>();
  const mark = new Uint8Array(p.m);
  for (const v of violations) {
    if (v.repId !== undefined) mark[repIndex.get(v.repId)!] = 1;
    if (v.accountId === undefined) continue;
    if (accountIndex.size === 0) problem.accounts.forEach((account, a) => accountIndex.set(account.id, a));
    const a = accountIndex.get(v.accountId)!;
    // An account in trouble: the nearest reps that may take it join.
    const locked = p.lockedRep[a];
    if (locked >= 0) mark[locked] = 1;
    else for (const r of nearestEligible(p, a, 3)) mark[r] = 1;
    if (assign[a] >= 0) mark[assign[a]] = 1;
  }
  return mark;
}

function nearestEligible(p: CompiledProblem, a: number, count: number): number[] {
  const reps: { r: number; t: number }[] = [];
  for (let r = 0; r < p.m; r++) {
    if (!p.compatible(r, a)) continue;
    const t = p.travel(r, a);
    if (t <= p.maxTravel[r]) reps.push({ r, t });
  }
  reps.sort((x, y) => x.t - y.t || x.r - y.r);
  return reps.slice(0, count).map((x) => x.r);
}

/** The reps in trouble and, around each, the `ring` reps with the nearest homes (at most `MAX_REPS`). */
function neighbourhood(p: CompiledProblem, trouble: Uint8Array, ring: number): Uint8Array {
  const chosen = Uint8Array.from(trouble);
  let size = chosen.reduce((s, x) => s + x, 0);
  const centres: number[] = [];
  for (let r = 0; r < p.m; r++) if (trouble[r]) centres.push(r);
  const near = centres.map((c) =>
    Array.from({ length: p.m }, (_, r) => r)
      .filter((r) => r !== c)
      .sort((x, y) => homeDistance(p, c, x) - homeDistance(p, c, y) || x - y),
  );
  for (let k = 0; k < ring && size < MAX_REPS; k++) {
    for (const list of near) {
      if (k < list.length && !chosen[list[k]] && size < MAX_REPS) {
        chosen[list[k]] = 1;
        size++;
      }
    }
  }
  return chosen;
}

function homeDistance(p: CompiledProblem, r: number, s: number): number {
  const dLng = (p.repLng[r] - p.repLng[s]) * Math.cos(((p.repLat[r] + p.repLat[s]) * Math.PI) / 360);
  const dLat = p.repLat[r] - p.repLat[s];
  return dLng * dLng + dLat * dLat;
}

/**
 * Accounts placed again: every account that breaks a rule or has no rep, then the accounts of the
 * neighbourhood's reps that lie nearest to another rep of it (relative to their own), up to `MAX_FREE`.
 */
function freeAccounts(p: CompiledProblem, assign: Int32Array, reps: Uint8Array, violations: readonly Violation[]): Int32Array {
  const accountIndex = new Map(p.accountIds.map((id, a) => [id, a]));
  const must = new Set<number>();
  for (const v of violations) if (v.accountId !== undefined) must.add(accountIndex.get(v.accountId)!);
  const scored: { a: number; margin: number }[] = [];
  for (let a = 0; a < p.n; a++) {
    const r = assign[a];
    if (must.has(a) || r < 0 || !reps[r]) continue;
    const own = p.travel(r, a);
    let other = Infinity;
    for (let s = 0; s < p.m; s++) if (reps[s] && s !== r && p.compatible(s, a)) other = Math.min(other, p.travel(s, a));
    scored.push({ a, margin: other - own });
  }
  scored.sort((x, y) => x.margin - y.margin || x.a - y.a);
  const free = [...must].sort((x, y) => x - y);
  for (const { a } of scored) {
    if (free.length >= MAX_FREE) break;
    free.push(a);
  }
  return Int32Array.from(free);
}
