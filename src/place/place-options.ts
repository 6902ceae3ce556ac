import type { AlignOptions } from "../model/options-schema.js";
import type { Bound, Plan } from "../model/plan.js";
import type { Rep } from "../model/problem-schema.js";

/** A candidate home base. */
export interface Site {
  /** Name shown in outputs; default `site-<k>` (1-based position in the list). */
  readonly id?: string;
  /** `[lng, lat]` in degrees. */
  readonly location: readonly [number, number];
}

/**
 * Options of `placeReps`: where reps may live and how many there are, plus every `align` option
 * for the territories built with the chosen homes (balance band, travel model, seed, time limit).
 */
export interface PlaceOptions extends AlignOptions {
  /**
   * Reps in the plan, fixed ones included; ≥ 1. Default: the number of reps in the problem. Reps
   * are added (ids `new-1`, `new-2`, … with capacity `capacity`) when the problem has fewer.
   */
  readonly count?: number;
  /**
   * Candidate homes: `"accounts"` (default) — every distinct account location — or a list of
   * sites. With more than 400 accounts, `"accounts"` keeps a spread of 300 account locations, and
   * more where needed so that every account is within the reps' travel limit of one (the plan's
   * diagnostics say how many); the lower bound then holds over those.
   */
  readonly sites?: "accounts" | readonly Site[];
  /** Ids of reps that keep the home they have. Default: none (every rep is placed). */
  readonly fixed?: readonly string[];
  /** Capacity in hours of the reps added to reach `count`. Default: the mean capacity of the problem's reps. */
  readonly capacity?: number;
  /** Effort of the home search: rounds of its iterated local search (see `CpmpOptions.iterations`). Default 60 + 5 × count. */
  readonly iterations?: number;
}

/** Where one rep of a placement lives. */
export interface PlacedHome {
  readonly repId: string;
  readonly home: readonly [number, number];
  /** Id of the site chosen (an account id with `sites: "accounts"`), or the rep's own id when fixed. */
  readonly siteId: string;
  readonly fixed: boolean;
}

/** What `placeReps` adds to the plan. */
export interface PlacementSummary {
  /** The reps with their chosen homes, in plan order (also `plan.problem.reps`). */
  readonly reps: readonly Rep[];
  readonly homes: readonly PlacedHome[];
  /**
   * Lower bound on Σ workload × travel minutes over every choice of homes among the candidate
   * sites and every assignment within the capacities (the plan's `bound` uses it).
   */
  readonly lowerBound: number;
  /** Objective of the homes and territories the home search found, before `align`. */
  readonly searchObjective: number;
  /** Candidate sites considered, and how many there were to choose from. */
  readonly candidateSites: number;
  readonly availableSites: number;
  /** The bound `align` proved for the chosen homes alone, when it proved one. */
  readonly alignBound?: Bound;
}

/** A plan whose homes were chosen by `placeReps`. */
export type PlacementPlan = Plan & { readonly placement: PlacementSummary };
