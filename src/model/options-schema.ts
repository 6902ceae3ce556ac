import * as z from "zod";

/** Solver strategies. `auto` picks one from the problem and reports which on the plan. */
export const strategies = ["auto", "heuristic", "transport", "gap", "mip"] as const;
export type Strategy = (typeof strategies)[number];

/** Progress report passed to `onProgress`. */
export interface Progress {
  /** Stage of the solve, e.g. `"candidates"`, `"construct"`, `"improve"`, `"pricing"`, `"repair"`. */
  readonly phase: string;
  /** Fraction of the stage (or of the time limit) done, in [0, 1]. */
  readonly fraction: number;
  /** Objective of the best plan so far, when there is one. */
  readonly objective?: number;
  /** Milliseconds since the solve started. */
  readonly elapsedMs: number;
}

/** Travel time in minutes from rep `repIndex`'s home to account `accountIndex` (input order). */
export type TravelFunction = (repIndex: number, accountIndex: number) => number;

const fraction = z.number().min(0).max(0.99);
const positive = z.number().positive();

export const optionsSchema = z.strictObject({
  strategy: z.enum(strategies).optional(),
  /** Bands by metric: `workload`, `potential`, `accounts` or a numeric attribute of the accounts; see `ResolvedOptions.balance`. */
  balance: z.record(z.string(), fraction).optional(),
  /** Target shares by metric and rep id; see `ResolvedOptions.targets`. */
  targets: z.record(z.string(), z.record(z.string(), z.number().min(0).max(1))).optional(),
  travel: z
    .strictObject({
      speedKmh: positive.optional(),
      circuity: z.number().min(1).optional(),
      minutes: z.custom<TravelFunction>((v) => typeof v === "function", { message: "expected a function (repIndex, accountIndex) => minutes" }).optional(),
    })
    .optional(),
  workload: z.strictObject({ includeTravel: z.boolean().optional() }).optional(),
  candidates: z.strictObject({ k: z.number().int().min(1).optional() }).optional(),
  /** Make every territory one connected piece of units containing its rep's home unit (needs `problem.units`). Default false. */
  contiguity: z.boolean().optional(),
  /** How units are read; see `ResolvedOptions.units`. */
  units: z
    .strictObject({
      adjacency: z.enum(["rook", "queen"]).optional(),
      assignOutside: z.enum(["nearest", "report"]).optional(),
    })
    .optional(),
  /** Disruption budget against the accounts' current reps; see `ResolvedOptions.disruption`. */
  disruption: z
    .strictObject({
      maxMoves: z.number().int().min(0).optional(),
      maxMovedShare: z.number().min(0).max(1).optional(),
      maxMoveCost: z.number().min(0).optional(),
      orphans: z.enum(["error", "assign"]).optional(),
    })
    .optional(),
  seed: z.number().int().optional(),
  timeLimitMs: positive.optional(),
  signal: z.custom<AbortSignal>((v) => typeof AbortSignal !== "undefined" && v instanceof AbortSignal, { message: "expected an AbortSignal" }).optional(),
  onProgress: z.custom<(progress: Progress) => void>((v) => typeof v === "function", { message: "expected a function" }).optional(),
});

/**
 * Options for `align`, all optional. `defaultOptions` holds every default; any field left out
 * takes its value from there.
 */
export type AlignOptions = z.input<typeof optionsSchema>;
