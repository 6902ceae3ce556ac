import { z } from "zod";
import { TerralignError, type ErrorCode } from "../errors.js";
import { checkProblem } from "./check-problem.js";
import { defaultOptions, type ResolvedOptions } from "./defaults.js";
import { optionsSchema, type AlignOptions } from "./options-schema.js";
import { problemSchema, type Account, type Problem } from "./problem-schema.js";
import { isWellFormedAccount } from "./well-formed-account.js";
import { toTerralignError } from "./zod-issues.js";
import { checkUnits } from "../units/check-units.js";

const validatedProblemSchema = problemSchema.superRefine(checkProblem).superRefine(checkUnits);
/** The same, for a problem whose accounts are all well formed (`isWellFormedAccount`): the schema skips them, the checks do not. */
const checkedAccountsSchema = problemSchema
  .extend({ accounts: z.array(z.custom<Account>()) })
  .superRefine(checkProblem)
  .superRefine(checkUnits);

/**
 * The one gate for problems: returns the problem unchanged (same objects) when valid, throws a
 * `TerralignError` naming the first bad field and its value otherwise.
 */
export function parseProblem(input: unknown): Problem {
  if (input === null || typeof input !== "object") {
    throw new TerralignError("invalid_input", `problem: expected an object with accounts and reps, got ${input === null ? "null" : typeof input}`);
  }
  const wellFormed = allWellFormed((input as { accounts?: unknown }).accounts);
  const result = (wellFormed ? checkedAccountsSchema : validatedProblemSchema).safeParse(input, { reportInput: true });
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
    balance: { workload: o.balance?.workload ?? defaultOptions.balance.workload },
    travel: {
      speedKmh: o.travel?.speedKmh ?? defaultOptions.travel.speedKmh,
      circuity: o.travel?.circuity ?? defaultOptions.travel.circuity,
      minutes: o.travel?.minutes,
    },
    workload: { includeTravel: o.workload?.includeTravel ?? defaultOptions.workload.includeTravel },
    candidates: { k: o.candidates?.k ?? defaultOptions.candidates.k },
    contiguity: o.contiguity ?? defaultOptions.contiguity,
    units: {
      adjacency: o.units?.adjacency ?? defaultOptions.units.adjacency,
      assignOutside: o.units?.assignOutside ?? defaultOptions.units.assignOutside,
    },
    seed: o.seed ?? defaultOptions.seed,
    timeLimitMs: o.timeLimitMs ?? defaultOptions.timeLimitMs,
    signal: o.signal,
    onProgress: o.onProgress,
  };
}
