import { createLnsState, LNS_DEFAULTS, lnsSweep } from "./agent-lns.js";
import { relateAgents } from "./agent-relatedness.js";
import type { GapArcs } from "./gap-arcs.js";
import { runSearch, SEARCH_DEFAULTS, type SearchSession } from "./search.js";
import { resetTo } from "./search-state.js";

/** Options of `improve`. */
export interface ImproveOptions {
  readonly integerCosts: boolean;
  /** Usable arcs (1) after fixing, if any. */
  readonly allowed?: Uint8Array;
  /** True when time, effort or proof says stop. */
  readonly over: () => boolean;
  /** Effort units used so far are added here (descents + sub-problems). */
  readonly effort: { used: number };
  readonly target: () => number;
  readonly onImprove: (cost: number) => void;
  /**
   * Return after a full cycle — neighbourhood sweeps up to the largest size, then an oscillation
   * chunk — that found nothing better (used before branch and bound). Default false.
   */
  readonly untilStuck?: boolean;
}

/**
 * The main improvement loop: sweeps of exact re-optimisation over subsets of related agents
 * (`lnsSweep`) from the best assignment, and — whenever a sweep finds nothing at its largest
 * size — a chunk of strategic oscillation and path relinking to move elsewhere.
 */
export function improve(arcs: GapArcs, session: SearchSession, options: ImproveOptions): void {
  const relatedness = relateAgents(arcs, session.lists, 12);
  const lns = createLnsState();
  let cycleStart = session.bestCost;
  while (!options.over()) {
    if (session.bestCost < Infinity) {
      const trial = Int32Array.from(session.best);
      const before = lns.solved;
      const change = lnsSweep(arcs, trial, relatedness, lns, session.random, options.integerCosts, options.over, options.allowed);
      options.effort.used += Math.max(1, lns.solved - before);
      if (change < 0) {
        session.best.set(trial);
        session.bestCost += change;
        options.onImprove(session.bestCost);
      }
    }
    if (options.over()) break;
    if (session.bestCost === Infinity || lns.exhausted) {
      lns.exhausted = false;
      lns.size = LNS_DEFAULTS.firstAgents;
      if (session.bestCost < Infinity) resetTo(session.state, session.best);
      const before = session.rounds;
      const costBefore = session.bestCost;
      runSearch(session, {
        stopped: options.over,
        maxRounds: session.rounds + 4 * SEARCH_DEFAULTS.rounds,
        target: options.target(),
        onImprove: (_, cost) => options.onImprove(cost),
      });
      // At least one unit per pass, so that the effort limit always ends the loop.
      options.effort.used += Math.max(1, session.rounds - before);
      if (options.untilStuck && session.bestCost === costBefore && costBefore === cycleStart) return;
      cycleStart = session.bestCost;
    }
  }
}
