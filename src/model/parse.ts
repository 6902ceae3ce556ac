import * as z from "zod/mini";
import { TerralignError, type ErrorCode } from "../errors.js";
import { checkProblemWith } from "./check-problem.js";
import { defaultOptions, type ResolvedOptions } from "./defaults.js";
import { optionsSchema, type AlignOptions } from "./options-schema.js";
import { problemSchema, type Account, type Problem, type Rep } from "./problem-schema.js";
import { isWellFormedAccount } from "./well-formed-account.js";
import { isWellFormedRep } from "./well-formed-rep.js";
import { toTerralignError } from "./zod-issues.js";
import { checkUnits } from "../units/check-units.js";

/** What `parseProblem` asks of a problem schema. */
interface ProblemGate {
  safeParse(input: unknown, params: { reportInput: boolean }): { success: true } | { success: false; error: z.core.$ZodError };
}

/**
 * The problem schema with every check, one per case (built when first needed): `orphans` lets a
 * current rep name no rep; accounts or reps all well formed (`isWellFormedAccount`,
 * `isWellFormedRep`) are taken whole by the schema, with no step per record (the checks still
 * see every one).
 */
const gates = new Map<string, ProblemGate>();

function gateFor(orphans: boolean, accountsWellFormed: boolean, repsWellFormed: boolean): ProblemGate {
  const key = `${orphans} ${accountsWellFormed} ${repsWellFormed}`;
  let gate = gates.get(key);
  if (gate === undefined) {
    const shape = { ...(accountsWellFormed ? { accounts: z.custom<Account[]>() } : {}), ...(repsWellFormed ? { reps: z.custom<Rep[]>() } : {}) };
    const schema = accountsWellFormed || repsWellFormed ? z.extend(problemSchema, shape) : problemSchema;
    gate = schema.check(
      z.superRefine((p, ctx) => checkProblemWith(p as Problem, ctx, orphans)),
      z.superRefine((p, ctx) => checkUnits(p as Problem, ctx)),
    );
    gates.set(key, gate);
  }
  return gate;
}

/**
 * The one gate for problems: returns the problem unchanged (same objects) when valid, throws a
 * `TerralignError` naming the first bad field and its value otherwise. With `orphans` (see
 * `disruption.orphans`), a `currentRep` that names no rep is allowed.
 */
export function parseProblem(input: unknown, check: { readonly orphans?: boolean } = {}): Problem {
  if (input === null || typeof input !== "object") {
    throw new TerralignError("invalid_input", `problem: expected an object with accounts and reps, got ${input === null ? "null" : typeof input}`);
  }
  const { accounts, reps } = input as { accounts?: unknown; reps?: unknown };
  const result = gateFor(check.orphans === true, allWellFormed(accounts, isWellFormedAccount), allWellFormed(reps, isWellFormedRep)).safeParse(input, { reportInput: true });
  if (!result.success) {
    const custom = result.error.issues.find((i) => i.code === "custom");
    const code = ((custom as { params?: { code?: ErrorCode } } | undefined)?.params?.code ?? "invalid_input") as ErrorCode;
    throw toTerralignError(result.error, code);
  }
  return input as Problem;
}

/** Whether `records` is an array whose every slot (holes included) passes `wellFormed`. */
function allWellFormed(records: unknown, wellFormed: (record: unknown) => boolean): boolean {
  if (!Array.isArray(records)) return false;
  for (let i = 0; i < records.length; i++) if (!wellFormed(records[i])) return false;
  return true;
}

/** Validates options and fills in defaults. Throws `TerralignError` (`invalid_option`). */
export function resolveOptions(options: AlignOptions | undefined): ResolvedOptions {
  if (options === undefined) return defaultOptions;
  const result = optionsSchema.safeParse(options, { reportInput: true });
  if (!result.success) throw toTerralignError(result.error, "invalid_option", ["options"]);
  const o = result.data;
  return {
    strategy: o.strategy ?? defaultOptions.strategy,
    balance: { ...o.balance, workload: o.balance?.workload ?? defaultOptions.balance.workload },
    targets: o.targets ?? defaultOptions.targets,
    travel: {
      speedKmh: o.travel?.speedKmh ?? defaultOptions.travel.speedKmh,
      circuity: o.travel?.circuity ?? defaultOptions.travel.circuity,
      stopsPerDay: o.travel?.stopsPerDay ?? defaultOptions.travel.stopsPerDay,
      minutes: o.travel?.minutes,
    },
    workload: { includeTravel: o.workload?.includeTravel ?? defaultOptions.workload.includeTravel },
    regions: o.regions ?? defaultOptions.regions,
    regionTargets: o.regionTargets ?? defaultOptions.regionTargets,
    candidates: { k: o.candidates?.k ?? defaultOptions.candidates.k },
    contiguity: o.contiguity ?? defaultOptions.contiguity,
    units: {
      adjacency: o.units?.adjacency ?? defaultOptions.units.adjacency,
      assignOutside: o.units?.assignOutside ?? defaultOptions.units.assignOutside,
    },
    disruption: {
      ...(o.disruption?.maxMoves !== undefined ? { maxMoves: o.disruption.maxMoves } : {}),
      ...(o.disruption?.maxMovedShare !== undefined ? { maxMovedShare: o.disruption.maxMovedShare } : {}),
      ...(o.disruption?.maxMoveCost !== undefined ? { maxMoveCost: o.disruption.maxMoveCost } : {}),
      orphans: o.disruption?.orphans ?? defaultOptions.disruption.orphans,
    },
    seed: o.seed ?? defaultOptions.seed,
    timeLimitMs: o.timeLimitMs ?? defaultOptions.timeLimitMs,
    signal: o.signal,
    onProgress: o.onProgress,
  };
}
