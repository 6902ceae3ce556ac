import { TerralignError } from "../errors.js";
import type { Account, Problem, Rep } from "../model/problem-schema.js";
import { toTerralignError } from "../model/zod-issues.js";
import { scenarioSchema, type Scenario } from "./scenario-schema.js";

/** A scenario applied: the problem to solve, and the territories it keeps frozen. */
export interface AppliedScenario {
  readonly scenario: Scenario;
  /** The edited problem without the frozen reps and their accounts (what is solved). */
  readonly problem: Problem;
  /** Frozen reps and the accounts they keep (today's owners), outside the solve. */
  readonly frozen: { readonly reps: readonly Rep[]; readonly accounts: readonly Account[] };
  /** The whole edited problem: `problem`'s reps and accounts, then the frozen ones (a travel matrix re-indexed alike). */
  readonly whole: Problem;
  /** Accounts whose current rep left (their owner was removed): placed freely, outside every budget. */
  readonly orphans: number;
  /** Locks dropped because the locked rep left. */
  readonly droppedLocks: number;
  /**
   * Where each rep and account of `whole` was in today's problem (−1: a rep the scenario adds, or
   * splits off with a home of its own), so that a travel model indexed by today's problem (a
   * `problem.travel` matrix, re-indexed here; an `options.travel.minutes` function,
   * `scenarioOptions`) prices the edited one. `problem`'s reps and accounts are the first ones.
   */
  readonly sources: { readonly reps: readonly number[]; readonly accounts: readonly number[] };
  /** The first rep with no place in today's problem (added, or split off at another home): the scenario field naming it, and its id. */
  readonly unpriced?: { readonly field: string; readonly id: string };
}

/**
 * Applies one scenario's edits to today's problem, a pure function (the input is not changed):
 * `capacity`, then `mergeReps` (the merged reps' accounts count as the surviving rep's today),
 * `splitRep`, `removeReps`, `addReps`, `freezeReps`. A travel matrix (`problem.travel`) is
 * re-indexed to the reps and accounts that remain. Throws `TerralignError` naming the scenario,
 * the field and the value for a rep id that does not exist (or, for `addReps` and `splitRep`, one
 * that does), for a scenario that leaves no rep to balance, and, under a travel matrix, for a rep it
 * adds or splits off at another home (the matrix has no row for it).
 */
export function applyScenario(problem: Problem, input: unknown, index = 0): AppliedScenario {
  const parsed = scenarioSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) throw toTerralignError(parsed.error, "invalid_input", ["scenarios", index]);
  const scenario = parsed.data;
  const where = `scenarios[${index}] (${JSON.stringify(scenario.name)})`;
  const fail = (field: string, message: string): never => {
    throw new TerralignError("invalid_input", `${where}.${field}: ${message}`);
  };
  let reps: Rep[] = problem.reps.map((rep) => ({ ...rep }));
  let accounts: Account[] = problem.accounts.map((account) => ({ ...account }));
  const has = (id: string) => reps.some((rep) => rep.id === id);
  // Reps the scenario adds or splits off (an id may be one a removed rep had): where their trips come from, −1 for nowhere.
  const added = new Map<string, { readonly field: string; readonly source: number }>();
  const todayRep = new Map(problem.reps.map((rep, r) => [rep.id, r]));
  const sourceOf = (id: string) => added.get(id)?.source ?? todayRep.get(id)!;
  const known = (field: string, id: string) => {
    if (!has(id)) fail(field, `${JSON.stringify(id)} is not the id of any rep${nearMiss(id, reps)}`);
  };

  for (const [id, capacity] of Object.entries(scenario.capacity ?? {})) {
    known(`capacity.${id}`, id);
    reps = reps.map((rep) => (rep.id === id ? { ...rep, capacity } : rep));
  }
  for (const [k, merge] of listOf(scenario.mergeReps).entries()) {
    known(`mergeReps[${k}].into`, merge.into);
    let capacity = reps.find((rep) => rep.id === merge.into)!.capacity;
    for (const id of merge.reps) {
      known(`mergeReps[${k}].reps`, id);
      if (id === merge.into) fail(`mergeReps[${k}].reps`, `${JSON.stringify(id)} is merged into itself`);
      capacity += reps.find((rep) => rep.id === id)!.capacity;
    }
    const gone = new Set(merge.reps);
    reps = reps.filter((rep) => !gone.has(rep.id)).map((rep) => (rep.id === merge.into ? { ...rep, capacity } : rep));
    accounts = accounts.map((a) => ({
      ...a,
      ...(a.currentRep !== undefined && gone.has(a.currentRep) ? { currentRep: merge.into } : {}),
      ...(a.lockedRep !== undefined && gone.has(a.lockedRep) ? { lockedRep: merge.into } : {}),
    }));
  }
  for (const [k, split] of listOf(scenario.splitRep).entries()) {
    known(`splitRep[${k}].rep`, split.rep);
    if (has(split.id)) fail(`splitRep[${k}].id`, `${JSON.stringify(split.id)} is already the id of a rep`);
    const rep = reps.find((r) => r.id === split.rep)!;
    const capacity = split.capacity ?? rep.capacity / 2;
    const home: [number, number] = [split.lng ?? rep.home[0], split.lat ?? rep.home[1]];
    reps = reps.map((r) => (r.id === split.rep && split.capacity === undefined ? { ...r, capacity: rep.capacity / 2 } : r));
    const { id: _old, attributes: _a, ...rules } = rep;
    reps.push({ ...rules, id: split.id, home, capacity });
    // At the same home its trips are the split rep's.
    added.set(split.id, { field: `splitRep[${k}].id`, source: home[0] === rep.home[0] && home[1] === rep.home[1] ? sourceOf(split.rep) : -1 });
  }
  let orphans = 0;
  let droppedLocks = 0;
  if (scenario.removeReps && scenario.removeReps.length > 0) {
    scenario.removeReps.forEach((id, k) => known(`removeReps[${k}]`, id));
    const gone = new Set(scenario.removeReps);
    reps = reps.filter((rep) => !gone.has(rep.id));
    accounts = accounts.map((a) => {
      if (a.currentRep !== undefined && gone.has(a.currentRep)) orphans++;
      if (a.lockedRep === undefined || !gone.has(a.lockedRep)) return a;
      droppedLocks++;
      const { lockedRep: _dropped, ...rest } = a;
      return rest;
    });
  }
  for (const [k, addedRep] of (scenario.addReps ?? []).entries()) {
    if (has(addedRep.id)) fail(`addReps[${k}].id`, `${JSON.stringify(addedRep.id)} is already the id of a rep`);
    const { lng, lat, ...rest } = addedRep;
    reps.push({ ...rest, home: [lng, lat] });
    added.set(addedRep.id, { field: `addReps[${k}].id`, source: -1 });
  }
  const frozenIds = new Set(scenario.freezeReps ?? []);
  (scenario.freezeReps ?? []).forEach((id, k) => known(`freezeReps[${k}]`, id));
  const frozenReps = reps.filter((rep) => frozenIds.has(rep.id));
  const frozenAccounts = accounts.filter((a) => a.currentRep !== undefined && frozenIds.has(a.currentRep));
  reps = reps.filter((rep) => !frozenIds.has(rep.id));
  accounts = accounts.filter((a) => !(a.currentRep !== undefined && frozenIds.has(a.currentRep)));
  if (reps.length === 0) fail("removeReps", "the scenario leaves no rep to balance (every rep is removed, merged away or frozen)");
  const lockedToFrozen = accounts.find((a) => a.lockedRep !== undefined && frozenIds.has(a.lockedRep));
  if (lockedToFrozen) fail("freezeReps", `account ${JSON.stringify(lockedToFrozen.id)} is locked to the frozen rep ${JSON.stringify(lockedToFrozen.lockedRep)} but is not in its territory today`);
  const wholeReps = [...reps, ...frozenReps], wholeAccounts = [...accounts, ...frozenAccounts];
  const todayAccount = new Map(problem.accounts.map((account, a) => [account.id, a]));
  const sources = { reps: wholeReps.map((rep) => sourceOf(rep.id)), accounts: wholeAccounts.map((a) => todayAccount.get(a.id)!) };
  // The first rep that no travel model indexed by today's problem can price.
  const newRep = wholeReps.find((rep) => sourceOf(rep.id) < 0);
  const unpriced = newRep ? { field: `${where}.${added.get(newRep.id)!.field}`, id: newRep.id } : undefined;
  if (problem.travel && unpriced) throw new TerralignError("invalid_input", unpricedMessage(unpriced, "the travel matrix (problem.travel) has no row for it"));
  const pick = (r: readonly number[], a: readonly number[]) => (problem.travel ? { travel: { minutes: pickMatrix(problem.travel.minutes, r, a) } } : {});
  const solved: Problem = { ...problem, accounts, reps, ...pick(sources.reps.slice(0, reps.length), sources.accounts.slice(0, accounts.length)) };
  return {
    scenario,
    problem: solved,
    frozen: { reps: frozenReps, accounts: frozenAccounts },
    whole: frozenReps.length === 0 ? solved : { ...problem, accounts: wholeAccounts, reps: wholeReps, ...pick(sources.reps, sources.accounts) },
    orphans,
    droppedLocks,
    sources,
    ...(unpriced ? { unpriced } : {}),
  };
}

/** The message for a rep with a home of its own under a travel model indexed by today's problem (`why`: what that model lacks). Internal. */
export function unpricedMessage(unpriced: { readonly field: string; readonly id: string }, why: string): string {
  return `${unpriced.field}: rep ${JSON.stringify(unpriced.id)} has a home of its own, and ${why}; a scenario that adds a rep, or splits one off at another home, needs the built-in travel model`;
}

/** The rows `reps` and columns `accounts` of a travel matrix. */
export function pickMatrix(minutes: readonly (readonly number[])[], reps: readonly number[], accounts: readonly number[]): number[][] {
  return reps.map((r) => accounts.map((a) => minutes[r][a]));
}

function listOf<T>(x: T | readonly T[] | undefined): readonly T[] {
  return x === undefined ? [] : Array.isArray(x) ? x : [x as T];
}

/** "; did you mean "rep-7"?" when an id differs only in case or surrounding spaces. */
function nearMiss(id: string, reps: readonly Rep[]): string {
  const key = id.trim().toLowerCase();
  const match = reps.find((rep) => rep.id.trim().toLowerCase() === key);
  return match ? `; did you mean ${JSON.stringify(match.id)}?` : "";
}
