import type { AlignOptions } from "../model/options-schema.js";
import type { Account } from "../model/problem-schema.js";

/** How new accounts are given an owner. */
export type RoutePolicy = "territory" | "balanced";

/** Options of `createRouter`: the align options that define travel and the band, plus the policy. */
export interface RouterOptions extends AlignOptions {
  /**
   * `territory` (default): the rep whose territory the account falls in, by the plan's own
   * geography: the owners of its nearest assigned accounts (on a border between territories, the
   * owner with the shortest trip). `balanced`: the
   * eligible rep with room in its band that minimises travel minutes plus a pull towards reps below
   * their target; never a rep above its band's upper end while an eligible rep has room.
   */
  readonly policy?: RoutePolicy;
  /** `territory`: nearest assigned accounts (of reps that may take the account) that define its territory; a whole number ≥ 1. Default 3. */
  readonly neighbours?: number;
  /**
   * `balanced`: strength of the pull towards reps behind their target, in units of the plan's mean
   * trip (minutes): a rep z band-widths from its target costs steering × mean trip × ±(d + d³) with
   * d = min(2, 2 · max(0, |z| − ½)) (0: travel only; ≥ 0). Default 1.
   */
  readonly steering?: number;
  /**
   * `balanced`: hours of new work expected over the routing (e.g. the whole file being routed).
   * The pull then measures each rep against the target it will have once that work has arrived, so
   * reps that will fall behind attract accounts from the start, while there is still a choice. Room
   * in a band is always judged against the targets of the work routed so far. Hours ≥ 0; default 0.
   */
  readonly expectedWorkload?: number;
}

/** Why a new account went where it went. */
export type RouteReason = "lock" | "owner" | "territory" | "balance" | "unroutable";

/** Where one new account went. */
export interface RouteResult {
  readonly accountId: string;
  /** The rep, or null when no rep may take the account (`reason` "unroutable", `message` says why). */
  readonly repId: string | null;
  /** `lock` (its locked rep), `owner` (its named current rep, who may serve it), `territory`, `balance`, or `unroutable`. */
  readonly reason: RouteReason;
  /** One-way minutes from the rep's home; null when unroutable. */
  readonly travelMinutes: number | null;
  /** Hours the account adds to the rep's load (its workload, plus round trips when travel counts in workload). */
  readonly hours: number;
  /** One sentence with the reason. */
  readonly message: string;
}

/** One rep's load before and after routing, in hours. */
export interface RepLoad {
  readonly repId: string;
  /** Load from the plan's accounts. */
  readonly before: number;
  /** Hours routed to the rep. */
  readonly routed: number;
  readonly after: number;
  /** Target after routing: every account's workload (plan and new, routed or not) × capacity / total capacity. */
  readonly target: number;
  /** (after − target) / target. */
  readonly deviation: number;
  /** Inside target × (1 ± balance) (and within capacity) before routing, against the targets then. */
  readonly inBandBefore: boolean;
  readonly inBandAfter: boolean;
}

/** Routes new accounts one at a time against a plan, keeping running loads. */
export interface Router {
  readonly policy: RoutePolicy;
  /** Routes one account and adds it to its rep's load. Throws for an id already assigned or routed, or a bad field. */
  route(account: Account): RouteResult;
  /** Every rep's load now, in rep order. */
  loads(): RepLoad[];
}
