import * as z from "zod/mini";

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

const fraction = z.number().check(z.minimum(0), z.maximum(0.99));
const positive = z.number().check(z.positive());

export const optionsSchema = z.strictObject({
  strategy: z.optional(z.enum(strategies)),
  /** Bands by metric: `workload`, `potential`, `accounts` or a numeric attribute of the accounts; see `ResolvedOptions.balance`. */
  balance: z.optional(z.record(z.string(), fraction)),
  /** Target shares by metric and rep id; see `ResolvedOptions.targets`. */
  targets: z.optional(z.record(z.string(), z.record(z.string(), z.number().check(z.minimum(0), z.maximum(1))))),
  travel: z.optional(z
    .strictObject({
      speedKmh: z.optional(positive),
      circuity: z.optional(z.number().check(z.minimum(1))),
      stopsPerDay: z.optional(z.int().check(z.minimum(1), z.maximum(100))),
      minutes: z.optional(z.custom<TravelFunction>((v) => typeof v === "function", { message: "expected a function (repIndex, accountIndex) => minutes" })),
    })
    ),
  workload: z.optional(z.strictObject({ includeTravel: z.optional(z.boolean()) })),
  /** Workload targets as shares of the whole team's work (`"national"`) or of each region's (`"regional"`); see `ResolvedOptions.regionTargets`. */
  regionTargets: z.optional(z.enum(["national", "regional"])),
  /** Parameters by the accounts' region; see `ResolvedOptions.regions`. */
  regions: z.optional(z.record(z.string(), z.strictObject({
    travel: z.optional(z.strictObject({ speedKmh: z.optional(positive), circuity: z.optional(z.number().check(z.minimum(1))) })),
    workload: z.optional(z.strictObject({ factor: z.optional(positive) })),
    balance: z.optional(z.strictObject({ workload: z.optional(fraction) })),
  }))),
  candidates: z.optional(z.strictObject({ k: z.optional(z.int().check(z.minimum(1))) })),
  /** Make every territory one connected piece of units containing its rep's home unit (needs `problem.units`). Default false. */
  contiguity: z.optional(z.boolean()),
  /** How units are read; see `ResolvedOptions.units`. */
  units: z.optional(z
    .strictObject({
      adjacency: z.optional(z.enum(["rook", "queen"])),
      assignOutside: z.optional(z.enum(["nearest", "report"])),
    })
    ),
  /** Disruption budget against the accounts' current reps; see `ResolvedOptions.disruption`. */
  disruption: z.optional(z
    .strictObject({
      maxMoves: z.optional(z.int().check(z.minimum(0))),
      maxMovedShare: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
      maxMoveCost: z.optional(z.number().check(z.minimum(0))),
      orphans: z.optional(z.enum(["error", "assign"])),
    })
    ),
  seed: z.optional(z.int()),
  timeLimitMs: z.optional(positive),
  signal: z.optional(z.custom<AbortSignal>((v) => typeof AbortSignal !== "undefined" && v instanceof AbortSignal, { message: "expected an AbortSignal" })),
  onProgress: z.optional(z.custom<(progress: Progress) => void>((v) => typeof v === "function", { message: "expected a function" })),
});

/**
 * Options for `align`, all optional. `defaultOptions` holds every default; any field left out
 * takes its value from there.
 */
export type AlignOptions = z.input<typeof optionsSchema>;
