import type { Progress, Strategy, TravelFunction } from "./options-schema.js";

/** Options with every default filled in (what solvers see). */
export interface ResolvedOptions {
  /** Solver strategy. Default `"auto"`. */
  readonly strategy: Strategy;
  readonly balance: {
    /**
     * Allowed deviation of each rep's workload from its target, as a fraction (0.1 = ±10 %).
     * The target is total workload × rep capacity / total capacity (or `targets.workload`). Default 0.1.
     */
    readonly workload: number;
    /**
     * Further hard bands, all held together with the workload band: `potential`, `accounts`
     * (account count) or any numeric attribute of the accounts, each a fraction around the rep's
     * target = the metric's total × the rep's share (capacity / total capacity unless `targets`
     * gives shares).
     */
    readonly [metric: string]: number;
  };
  /**
   * Each rep's share of a balanced metric's total, by metric and rep id (shares add up to 1; a rep
   * left out gets 0). Default: shares proportional to capacity.
   */
  readonly targets: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly travel: {
    /** Average door-to-door speed in km/h. Default 50. */
    readonly speedKmh: number;
    /** Road distance over great-circle distance (≥ 1). Default 1.3. */
    readonly circuity: number;
    /**
     * Visits a rep makes on one day trip (home → several accounts → home) when travel counts in
     * workload: each visit then costs `(2 × minutes from home + (stopsPerDay − 1) × hop) / stopsPerDay`
     * minutes of travel, where `hop` is the account's local distance between stops (see
     * `accountHours`). 1 = a round trip per visit. Default 1.
     */
    readonly stopsPerDay: number;
    /** Replaces the built-in model when given. */
    readonly minutes?: TravelFunction;
  };
  readonly workload: {
    /**
     * Count travel in each rep's hours: account a costs rep r its workload plus its visits' travel
     * (`visits[a]` visits, default 1, chained `travel.stopsPerDay` to a day trip; see
     * `accountHours`). Targets, bands and capacity are then on total hours: a rep's target is its
     * share of the plan's total hours (work + travel). Workload then depends on the rep, which
     * makes the problem a generalised assignment problem (strategy `gap`). Default false.
     */
    readonly includeTravel: boolean;
  };
  /**
   * Parameters by region, applied to the accounts of that region (`Account.region`): `travel`
   * (`speedKmh`, `circuity`: trips to its accounts at that speed and road factor — slower roads in
   * the mountains) and `workload.factor` (its accounts' workload × factor — longer visits in one
   * market); `balance.workload` is the workload band of the reps based in that region (`Rep.region`:
   * a looser band where accounts are sparse). Regions no account or rep has are named in a warning.
   * Default: none.
   */
  readonly regions: Readonly<Record<string, { readonly travel?: { readonly speedKmh?: number; readonly circuity?: number }; readonly workload?: { readonly factor?: number }; readonly balance?: { readonly workload?: number } }>>;
  /**
   * How workload targets are set between regions. `"national"` (flat): each rep's target is its
   * share of the whole team's workload. `"regional"` (top-down): the work is first split by region
   * (the accounts' own), and each rep's target is its capacity share of its region's work (reps
   * by their region; accounts and reps without one form one more group); `align` then also solves
   * with national targets and reports what the top-down split costs (diagnostic `top_down_loss`).
   * Not with `targets.workload`. Default `"national"`.
   */
  readonly regionTargets: "national" | "regional";
  readonly candidates: {
    /** Nearest eligible reps considered per account (more are added to guarantee coverage). Default 16. */
    readonly k: number;
  };
  /**
   * Make every territory contiguous: one connected piece of units (by `units.adjacency`) that
   * contains its rep's home unit. Needs `problem.units`; with units but without contiguity,
   * territories are still made of whole units, just not necessarily connected. Default false.
   */
  readonly contiguity: boolean;
  readonly units: {
    /**
     * When two units are neighbours: `"rook"` (they share a stretch of boundary) or `"queen"` (they
     * share at least a corner point). Islands are linked to the nearest unit. Default `"rook"`.
     */
    readonly adjacency: "rook" | "queen";
    /**
     * An account that names no unit and lies outside every unit: `"report"` leaves it unassigned
     * (the plan is then infeasible, with a diagnostic naming it); `"nearest"` places it in the unit
     * with the nearest boundary (an info diagnostic counts them). Default `"report"`.
     */
    readonly assignOutside: "nearest" | "report";
  };
  /**
   * How far a plan may move away from today's owners (`currentRep`). An account *moves* when its
   * new rep differs from its current rep; accounts without a current rep never count. Each budget
   * given is hard, like the bands and capacities:
   * - `maxMoves`: at most this many accounts move (an integer ≥ 0);
   * - `maxMovedShare`: at most this fraction (0 … 1) of the workload of the accounts that have a
   *   current rep moves;
   * - `maxMoveCost`: Σ `moveCost` (default 1 per account) of the accounts that move is at most this.
   * `orphans`: an account whose current rep is not among the reps is an error (`"error"`, default:
   * it is usually a typo), or is placed freely, outside every budget (`"assign"`: its owner left).
   */
  readonly disruption: {
    readonly maxMoves?: number;
    readonly maxMovedShare?: number;
    readonly maxMoveCost?: number;
    readonly orphans: "error" | "assign";
  };
  /** Seed for every random choice; the same seed gives the same plan. Default 1. */
  readonly seed: number;
  /** Wall-clock limit in milliseconds; the best plan so far is returned with status `timeout`. Default 60,000. */
  readonly timeLimitMs: number;
  /** Aborts the solve; the best plan so far is returned with status `timeout`. */
  readonly signal?: AbortSignal;
  /** Called with progress now and then (at most every ~100 ms). */
  readonly onProgress?: (progress: Progress) => void;
}

/** Every option's default. */
export const defaultOptions: ResolvedOptions = Object.freeze({
  strategy: "auto",
  balance: Object.freeze({ workload: 0.1 }),
  targets: Object.freeze({}),
  travel: Object.freeze({ speedKmh: 50, circuity: 1.3, stopsPerDay: 1 }),
  workload: Object.freeze({ includeTravel: false }),
  regions: Object.freeze({}),
  regionTargets: "national",
  candidates: Object.freeze({ k: 16 }),
  contiguity: false,
  units: Object.freeze({ adjacency: "rook", assignOutside: "report" }),
  disruption: Object.freeze({ orphans: "error" }),
  seed: 1,
  timeLimitMs: 60_000,
});
