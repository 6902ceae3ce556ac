import type { CandidateLists } from "./candidate-lists.js";
import { findCycle, type CycleWork } from "./cyclic-exchange.js";
import { arcOf } from "./gap-arcs.js";
import { moveJob, type SearchState } from "./search-state.js";

/** Jobs waiting to be examined, each at most once (a FIFO ring with membership flags). */
export interface JobQueue {
  readonly ring: Int32Array;
  readonly queued: Uint8Array;
  head: number;
  size: number;
}

export function createJobQueue(n: number): JobQueue {
  return { ring: new Int32Array(Math.max(1, n)), queued: new Uint8Array(n), head: 0, size: 0 };
}

export function enqueue(queue: JobQueue, j: number): void {
  if (queue.queued[j]) return;
  queue.queued[j] = 1;
  queue.ring[(queue.head + queue.size) % queue.ring.length] = j;
  queue.size++;
}

function dequeue(queue: JobQueue): number {
  const j = queue.ring[queue.head];
  queue.head = (queue.head + 1) % queue.ring.length;
  queue.size--;
  queue.queued[j] = 0;
  return j;
}

/** Wakes every job that a change at agent i can affect: its members and the jobs listing it. */
export function wakeAgent(state: SearchState, lists: CandidateLists, queue: JobQueue, i: number): void {
  for (const j of state.members[i]) enqueue(queue, j);
  for (let t = lists.agentStart[i]; t < lists.agentStart[i + 1]; t++) enqueue(queue, lists.job[t]);
}

/**
 * Cache of each job's two best "outward" shifts (to distinct agents), valid while no load or
 * weight has changed since `version`. A double shift ejects job k from an agent and needs k's
 * best destination other than one agent; caching makes that O(1).
 */
export interface OutCache {
  readonly version: Int32Array;
  readonly firstValue: Float64Array;
  readonly firstArc: Int32Array;
  readonly secondValue: Float64Array;
  readonly secondArc: Int32Array;
  /** Bumped on every change of loads or weights. */
  current: number;
}

export function createOutCache(n: number): OutCache {
  return {
    version: new Int32Array(n).fill(-1),
    firstValue: new Float64Array(n),
    firstArc: new Int32Array(n),
    secondValue: new Float64Array(n),
    secondArc: new Int32Array(n),
    current: 0,
  };
}

/** Moves per job after which a descent stops even if the queue is not empty. */
const MOVES_PER_JOB = 50;

/** Options of one descent. */
export interface DescentOptions {
  /** Also try double shifts (j to h, one job of h on to a third agent). */
  readonly chains: boolean;
  /** Checked every few hundred moves. */
  readonly stopped: () => boolean;
  /** Called after every applied move, e.g. to record a new best feasible assignment. */
  readonly afterMove?: () => void;
  /** Also try cyclic exchanges up to `maxLength` jobs, `budget` edge evaluations per job. */
  readonly cycles?: { readonly maxLength: number; readonly budget: number; readonly work: CycleWork };
}

/**
 * First-improvement descent on the penalised cost, driven by the queue (the clock is checked
 * every 64 jobs examined): each job taken from the
 * queue tries its best shift, then its best swap, then (with `chains`) its best double shift
 * (ejection chain of length two), then (with `cycles`) an improving cyclic exchange, all on
 * candidate arcs; an improving move wakes the jobs of the agents it touched. Returns the number of moves made; the state is a local optimum when the
 * queue runs empty.
 */
export function descend(state: SearchState, lists: CandidateLists, queue: JobQueue, cache: OutCache, options: DescentOptions): number {
  const { arcs, load, weight, members, arcOfJob } = state;
  const { agent, cost, resource, capacity, minLoad } = arcs;
  const pen = (i: number, l: number): number => {
    const over = l - capacity[i];
    if (over > 0) return weight[i] * over;
    const under = minLoad[i] - l;
    return under > 0 ? weight[i] * under : 0;
  };
  // Best two destinations of job k other than its own agent (distinct agents), cached.
  const refreshOut = (k: number): void => {
    if (cache.version[k] === cache.current) return;
    cache.version[k] = cache.current;
    const own = agent[arcOfJob[k]];
    let v1 = Infinity, a1 = -1, v2 = Infinity, a2 = -1;
    for (let s = lists.start[k]; s < lists.start[k + 1]; s++) {
      const f = lists.arc[s];
      const g = agent[f];
      if (g === own) continue;
      const lg = load[g];
      const v = cost[f] + pen(g, lg + resource[f]) - pen(g, lg);
      if (v < v1) {
        v2 = v1;
        a2 = a1;
        v1 = v;
        a1 = f;
      } else if (v < v2) {
        v2 = v;
        a2 = f;
      }
    }
    cache.firstValue[k] = v1;
    cache.firstArc[k] = a1;
    cache.secondValue[k] = v2;
    cache.secondArc[k] = a2;
  };
  const eps = 1e-9 * (1 + Math.abs(state.cost) / Math.max(1, arcs.n));
  let moves = 0;
  let pops = 0;
  // A descent ends at a local optimum; with huge penalty weights, rounding can make moves look
  // improving in a cycle, so the number of moves is capped too (a work count, not the clock).
  const maxMoves = MOVES_PER_JOB * arcs.n + 1_000;
  while (queue.size > 0 && moves < maxMoves) {
    if ((++pops & 63) === 0 && options.stopped()) break;
    const j = dequeue(queue);
    const aj = arcOfJob[j];
    const i = agent[aj];
    const li = load[i];
    const pi = pen(i, li);
    const leave = pen(i, li - resource[aj]) - pi - cost[aj];

    let bestDelta = -eps;
    let kind = 0;
    let e1 = -1, k2 = -1, e2 = -1;
    for (let t = lists.start[j]; t < lists.start[j + 1]; t++) {
      const e = lists.arc[t];
      const h = agent[e];
      if (h === i) continue;
      const lh = load[h];
      const d = leave + cost[e] + pen(h, lh + resource[e]) - pen(h, lh);
      if (d < bestDelta) {
        bestDelta = d;
        kind = 1;
        e1 = e;
      }
    }
    if (kind === 0) {
      for (let t = lists.start[j]; t < lists.start[j + 1]; t++) {
        const e = lists.arc[t];
        const h = agent[e];
        if (h === i) continue;
        const lh = load[h];
        const ph = pen(h, lh);
        const base = cost[e] - cost[aj] - pi - ph;
        const chainBase = leave + cost[e] - ph;
        const list = members[h];
        for (let q = 0; q < list.length; q++) {
          const k = list[q];
          const ak = arcOfJob[k];
          const lhOut = lh - resource[ak] + resource[e];
          const f = arcOf(arcs, k, i);
          if (f >= 0 && lists.isCandidate[f]) {
            const d = base + cost[f] - cost[ak] + pen(i, li - resource[aj] + resource[f]) + pen(h, lhOut);
            if (d < bestDelta) {
              bestDelta = d;
              kind = 2;
              e1 = e;
              k2 = k;
              e2 = f;
            }
          }
          if (options.chains) {
            refreshOut(k);
            const useFirst = cache.firstArc[k] >= 0 && agent[cache.firstArc[k]] !== i;
            const out = useFirst ? cache.firstValue[k] : cache.secondValue[k];
            if (out === Infinity) continue;
            const d = chainBase - cost[ak] + pen(h, lhOut) + out;
            if (d < bestDelta) {
              bestDelta = d;
              kind = 3;
              e1 = e;
              k2 = k;
              e2 = useFirst ? cache.firstArc[k] : cache.secondArc[k];
            }
          }
        }
      }
    }
    if (kind === 0 && options.cycles) {
      const { work } = options.cycles;
      const length = findCycle(state, lists, j, options.cycles.maxLength, options.cycles.budget, work);
      if (length > 0) {
        const touched = new Int32Array(length);
        for (let t = 0; t < length; t++) touched[t] = agent[arcOfJob[work.jobs[t]]];
        for (let t = 0; t < length; t++) moveJob(state, work.jobs[t], work.arcs[t]);
        cache.current++;
        moves++;
        for (let t = 0; t < length; t++) wakeAgent(state, lists, queue, touched[t]);
        options.afterMove?.();
      }
      continue;
    }
    if (kind === 0) continue;
    moveJob(state, j, e1);
    if (kind >= 2) moveJob(state, k2, e2);
    cache.current++;
    moves++;
    wakeAgent(state, lists, queue, i);
    wakeAgent(state, lists, queue, agent[e1]);
    if (kind === 3) wakeAgent(state, lists, queue, agent[e2]);
    options.afterMove?.();
  }
  return moves;
}
