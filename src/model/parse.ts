import * as z from "zod/mini";
import { TerralignError, type ErrorCode } from "../errors.js";
import { checkProblemWith } from "./check-problem.js";
import { defaultOptions, type ResolvedOptions } from "./defaults.js";
import { optionsSchema, type AlignOptions } from "./options-schema.js";
import { problemSchema, type Account, type Problem } from "./problem-schema.js";
import { isWellFormedAccount } from "./well-formed-account.js";
import { toTerralignError } from "./zod-issues.js";
import { checkUnits } from "../units/check-units.js";

/** The problem schema with every check; `orphans` lets a current rep name no rep. */
const schemas = [false, true].map((orphans) => ({
  validated: problemSchema.check(
    z.superRefine((p, ctx) => checkProblemWith(p, ctx, orphans)),
    z.superRefine(checkUnits),
  ),
  /** The same, for a problem whose accounts are all well formed (`isWellFormedAccount`): the schema skips them, the checks do not. */
  checkedAccounts: z.extend(problemSchema, { accounts: z.array(z.custom<Account>()) }).check(
    z.superRefine((p, ctx) => checkProblemWith(p, ctx, orphans)),
    z.superRefine(checkUnits),
  ),
}));

/**
 * The one gate for problems: returns the problem unchanged (same objects) when valid, throws a
 * `TerralignError` naming the first bad field and its value otherwise. With `orphans` (see
 * `disruption.orphans`), a `currentRep` that names no rep is allowed.
 */
export function parseProblem(input: unknown, check: { readonly orphans?: boolean } = {}): Problem {
  if (input === null || typeof input !== "object") {
    throw new TerralignError("invalid_input", `problem: expected an object with accounts and reps, got ${input === null ? "null" : typeof input}`);
  }
  const wellFormed = allWellFormed((input as { accounts?: unknown }).accounts);
  const schema = schemas[check.orphans ? 1 : 0];
  const result = (wellFormed ? schema.checkedAccounts : schema.validated).safeParse(input, { reportInput: true });
  if (!result.success) {
    const custom = result.error.issues.find((i) => i.code === "custom");
    const code = ((custom as { params?: { code?: ErrorCode } } | undefined)?.params?.code ?? "invalid_input") as ErrorCode;
    throw toTerralignError(result.error, code);
  }
  return input as Problem;
}

/** Whether `accounts` is an array whose every slot (holes included) holds a well-formed account. */
function allWellFormed(accounts: unknown): boolean {
  if (!Array.isArray(accounts)) return false;
  for (let a = 0; a < accounts.length; a++) if (!isWellFormedAccount(accounts[a])) return false;
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
