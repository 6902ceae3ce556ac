import { tolerances } from "./assignment-descent.js";
import { copyClusters, recount, type Clusters } from "./clusters.js";
import type { CpmpInstance } from "./cpmp-instance.js";
import { improve, type ImproveContext } from "./improve.js";
import type { Neighbourhoods } from "./neighbourhoods.js";
import { createPairScratch } from "./pair-reoptimise.js";
import { perturb } from "./perturb.js";
import { shuffle } from "../../util/random.js";
import type { WorkMeter } from "./work-meter.js";

/** The search context for one instance: neighbourhoods, tolerances, scratch space. */
export function createImproveContext(instance: CpmpInstance, hoods: Neighbourhoods, start: Clusters, meter: WorkMeter, random: () => number): ImproveContext {
  const s = instance.sites.length;
  const pinned = new Uint8Array(s);
  for (const k of instance.forced ?? []) pinned[k] = 1;
  return {
    hoods,
    closed: new Uint8Array(s),
    pinned,
    tol: tolerances(start),
    pairScratch: createPairScratch(instance.n),
    meter,
    order: shuffle(Int32Array.from({ length: instance.n }, (_, i) => i), random),
    triedPairs: new Map(),
  };
}

/** Less excess, or as little and cheaper. */
export function isBetterSolution(x: Clusters, y: Clusters, ctx: ImproveContext): boolean {
  if (x.excess < y.excess - ctx.tol.excess) return true;
  return x.excess <= y.excess + ctx.tol.excess && x.cost < y.cost - ctx.tol.cost;
}

/** How an iterated search ends, besides its round count. */
export interface SearchLimits {
  readonly rounds: number;
  /** Rounds without a better solution after which it stops. */
  readonly patience: number;
  /** Stops early when this says the best solution cannot be beaten (e.g. the bound meets it). */
  readonly done?: (best: Clusters) => boolean;
  /** Called with every new best solution. */
  readonly onBetter?: (best: Clusters) => void;
}

/**
 * Iterated local search from `start` (already improved): each round copies the best solution,
 * moves one or a few medians (`perturb`) and improves the copy; a better copy becomes the best.
 * The kick grows by one median after every 50 rounds without progress (up to four, and a quarter
 * of p) and falls back to one on success. Returns the best solution and the rounds run.
 */
export function iteratedSearch(start: Clusters, ctx: ImproveContext, random: () => number, limits: SearchLimits): { best: Clusters; rounds: number } {
  const p = start.median.length;
  let best = start;
  let round = 0;
  let sinceBetter = 0;
  let strength = 1;
  while (round < limits.rounds && sinceBetter < limits.patience && !ctx.meter.stopped() && !(limits.done?.(best) ?? false)) {
    round++;
    const trial = copyClusters(best);
    ctx.meter.add(start.instance.n);
    perturb(trial, ctx, random, 1 + Math.floor(random() * strength));
    improve(trial, ctx);
    if (isBetterSolution(trial, best, ctx)) {
      recount(trial);
      best = trial;
      sinceBetter = 0;
      strength = 1;
      limits.onBetter?.(best);
    } else {
      sinceBetter++;
      if (sinceBetter % 50 === 0) strength = Math.min(strength + 1, Math.max(1, Math.ceil(p / 4)), 4);
    }
  }
  return { best, rounds: round };
}
