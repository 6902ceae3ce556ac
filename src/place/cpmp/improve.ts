import { assignmentDescent, refreshNearClusters, type Tolerance } from "./assignment-descent.js";
import type { Clusters } from "./clusters.js";
import { updateMedians } from "./median-update.js";
import type { Neighbourhoods } from "./neighbourhoods.js";
import { neighbourPairs, reoptimisePair, type PairScratch } from "./pair-reoptimise.js";
import type { WorkMeter } from "./work-meter.js";

/** Neighbouring clusters each cluster is re-optimised with, pair by pair. */
const PAIR_NEIGHBOURS = 5;
/** Rounds of descent and median moves between two pair passes, at most. */
const INNER_ROUNDS = 20;

/** What `improve` needs besides the clusters; shared by every call of one solve. */
export interface ImproveContext {
  readonly hoods: Neighbourhoods;
  /** Sites ruled out by the bound (never opened). */
  closed: Uint8Array;
  /** Sites that must stay open (forced). */
  readonly pinned: Uint8Array;
  readonly tol: Tolerance;
  readonly pairScratch: PairScratch;
  readonly meter: WorkMeter;
  /** Order in which points are offered moves (shuffled once per solve). */
  readonly order: Int32Array;
  /** Stamps of the two clusters when a pair was last re-optimised without change, by pair key. */
  readonly triedPairs: Map<number, readonly [number, number]>;
}

/**
 * Local search to a local optimum of three neighbourhoods, cheapest first: shifts and swaps with
 * the medians fixed, median moves, then exact re-optimisation of pairs of neighbouring clusters.
 * A pair is skipped when neither cluster has changed since it was last re-optimised in vain.
 */
export function improve(c: Clusters, ctx: ImproveContext): void {
  for (;;) {
    for (let round = 0; round < INNER_ROUNDS; round++) {
      if (ctx.meter.stopped()) return;
      refreshNearClusters(c, ctx.hoods, ctx.meter);
      assignmentDescent(c, ctx.hoods, ctx.order, ctx.tol, ctx.meter);
      if (!updateMedians(c, ctx.hoods, ctx.closed, ctx.tol, ctx.meter)) break;
    }
    refreshNearClusters(c, ctx.hoods, ctx.meter);
    const pairs = neighbourPairs(c, PAIR_NEIGHBOURS);
    ctx.meter.add(c.instance.n);
    const p = c.median.length;
    let changed = false;
    for (let e = 0; e < pairs.length; e += 2) {
      if (ctx.meter.stopped()) return;
      const a = pairs[e];
      const b = pairs[e + 1];
      const key = a * p + b;
      const seen = ctx.triedPairs.get(key);
      if (seen && seen[0] === c.version[a] && seen[1] === c.version[b]) continue;
      if (reoptimisePair(c, a, b, ctx.hoods, ctx.closed, ctx.pinned, ctx.tol, ctx.pairScratch, ctx.meter)) changed = true;
      else ctx.triedPairs.set(key, [c.version[a], c.version[b]]);
    }
    if (!changed) return;
  }
}
