import type { GapInstance } from "./gap-instance.js";

/**
 * The allowed (job, agent) pairs of a GAP in CSR layout, which is what every algorithm in
 * `src/gap` works on. Dense instances keep all m × n arcs; problems with candidate lists keep only
 * the candidates. Always minimisation.
 */
export interface GapArcs {
  readonly m: number;
  readonly n: number;
  /** Arcs of job j are `start[j] .. start[j + 1] - 1`, sorted by agent; length n + 1. */
  readonly start: Int32Array;
  /** Agent of each arc. */
  readonly agent: Int32Array;
  /** Cost of each arc. */
  readonly cost: Float64Array;
  /** Resource each arc uses at its agent. */
  readonly resource: Float64Array;
  /** Capacity of each agent; length m. */
  readonly capacity: Float64Array;
  /** Minimum load of each agent (0 when none); length m. */
  readonly minLoad: Float64Array;
  /** True when every job has every agent, so the arc of (j, i) is `start[j] + i`. */
  readonly complete: boolean;
}

/**
 * Arcs of a dense instance. Forbidden arcs (infinite cost or resource) are dropped, and so are
 * arcs whose resource alone exceeds the agent's capacity — unless that would leave a job with no
 * arc at all, in which case its least-overfull arc is kept so every job still has one (the
 * instance is then infeasible, and the search reports it).
 */
export function arcsFromInstance(instance: GapInstance): GapArcs {
  const { m, n } = instance;
  const start = new Int32Array(n + 1);
  const keep = new Uint8Array(m * n);
  let total = 0;
  for (let j = 0; j < n; j++) {
    let kept = 0;
    let fallback = -1;
    let fallbackExcess = Infinity;
    for (let i = 0; i < m; i++) {
      const c = instance.cost[i * n + j];
      const a = instance.resource[i * n + j];
      if (!Number.isFinite(c) || !Number.isFinite(a)) continue;
      if (a <= instance.capacity[i]) {
        keep[i * n + j] = 1;
        kept++;
      } else if (a - instance.capacity[i] < fallbackExcess) {
        fallbackExcess = a - instance.capacity[i];
        fallback = i;
      }
    }
    if (kept === 0 && fallback >= 0) {
      keep[fallback * n + j] = 1;
      kept = 1;
    }
    total += kept;
    start[j + 1] = total;
  }
  const agent = new Int32Array(total);
  const cost = new Float64Array(total);
  const resource = new Float64Array(total);
  let at = 0;
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < m; i++) {
      if (!keep[i * n + j]) continue;
      agent[at] = i;
      cost[at] = instance.cost[i * n + j];
      resource[at] = instance.resource[i * n + j];
      at++;
    }
  }
  return {
    m,
    n,
    start,
    agent,
    cost,
    resource,
    capacity: instance.capacity,
    minLoad: instance.minLoad ?? new Float64Array(m),
    complete: total === m * n,
  };
}

/** Arc index of (job j, agent i), or −1 when the pair is not allowed. */
export function arcOf(arcs: GapArcs, j: number, i: number): number {
  if (arcs.complete) return arcs.start[j] + i;
  let lo = arcs.start[j];
  let hi = arcs.start[j + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const a = arcs.agent[mid];
    if (a === i) return mid;
    if (a < i) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Jobs that have no arc at all (nothing can serve them). */
export function jobsWithoutArcs(arcs: GapArcs): number[] {
  const out: number[] = [];
  for (let j = 0; j < arcs.n; j++) if (arcs.start[j + 1] === arcs.start[j]) out.push(j);
  return out;
}
