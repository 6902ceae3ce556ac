import * as z from "zod";
import type { ResponseModel } from "./response-model.js";
import type { WhiteSpaceOptions } from "./white-space.js";
import { whiteSpaceOptionsSchema } from "./white-space.js";

/** A setting given once for every account or per tier: `45` or `{"A": 60, "B": 45, "C": 30}`. */
export type PerTier<T> = T | Readonly<Record<string, T>>;

/** Options of `callPlan`. */
export interface CallPlanOptions {
  /** Minutes per visit (travel share included), once or per tier; > 0. */
  readonly minutesPerVisit: PerTier<number>;
  /** Most visits per period an account can get, once or per tier; an integer ≥ 0. Default 24. */
  readonly maxVisits?: PerTier<number>;
  /** Response of expected sales to visits: one model, one per tier, or one per account (input order). */
  readonly response: ResponseModel | Readonly<Record<string, ResponseModel>> | readonly ResponseModel[];
  /**
   * The plain tier rule the plan is compared with: visits per period per tier. Default: each
   * account's own `visits` (e.g. from `planAccounts`); accounts with neither are left out of the
   * comparison.
   */
  readonly tierVisits?: Readonly<Record<string, number>>;
  /** White space (potential − sales) per account and rep, and under-covered accounts. Default: not computed. */
  readonly whiteSpace?: WhiteSpaceOptions;
  /**
   * Work limit of the exact stage per rep: cells of the dynamic programme over whole minutes (its
   * memory is 2 bytes a cell), or states when minutes are not whole. A rep whose proof needs more
   * keeps the best plan found, reported with status `feasible` and its bound. Default 20,000,000.
   */
  readonly maxStates?: number;
}

/** Defaults of the optional `CallPlanOptions` fields. */
export const defaultCallPlanOptions = { maxVisits: 24, maxStates: 20_000_000 } as const;

const positiveMinutes = z.number("expected a number of minutes, or one per tier").finite().gt(0, "minutes per visit must be > 0");
const visitCount = z.number("expected a number of visits, or one per tier").int("max visits must be a whole number").min(0, "max visits must not be negative").max(10_000);
const ruleVisits = z.number().finite().min(0, "visits must not be negative");

/** One value, or an object of values per tier: the shape is picked by the input's type, so messages stay precise. */
function perTier<T extends z.ZodType>(single: T) {
  const byTier = z.record(z.string(), single);
  return z.unknown().superRefine((value, ctx) => {
    const schema = value !== null && typeof value === "object" && !Array.isArray(value) ? byTier : single;
    const result = schema.safeParse(value, { reportInput: true });
    if (!result.success) for (const issue of result.error.issues) ctx.addIssue({ ...issue, input: (issue as { input?: unknown }).input } as never);
  }) as unknown as z.ZodType<z.infer<T> | Record<string, z.infer<T>>>;
}

/** The option fields other than `response`, whose three shapes are told apart before checking. */
export const callPlanOptionsSchema = z.strictObject({
  minutesPerVisit: perTier(positiveMinutes),
  maxVisits: perTier(visitCount).optional(),
  response: z.custom<unknown>((value) => value !== undefined, 'is required: expected a response model such as {"model": "adbudg", "min": 0.2, "max": 1.5, "c": 1.8, "d": 30}, one per tier, or one per account'),
  tierVisits: z.record(z.string(), ruleVisits).optional(),
  whiteSpace: whiteSpaceOptionsSchema.optional(),
  maxStates: z.int().min(1).optional(),
});
