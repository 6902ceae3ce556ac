import { createKnapsackScratch, minKnapsack } from "./cpmp/min-knapsack.js";

/** What the head-count bound needs: workloads, one capacity, and which sites can reach which accounts. */
export interface CoverInput {
  /** Workload of each account, hours; length n. */
  readonly workload: Float64Array;
  /** Hours one rep can work. */
  readonly capacity: number;
  /**
   * Accounts each site can serve within the travel limit, in CSR layout: those of site k are
   * `reach[reachStart[k]] .. reach[reachStart[k + 1] − 1]`; length s + 1 and the total.
   */
  readonly reachStart: Int32Array;
  readonly reach: Int32Array;
}

/** Lower bounds on the number of reps, each an integer. */
export interface HeadCountBounds {
  /** ⌈total workload / capacity⌉. */
  readonly capacity: number;
  /** Accounts no two of which a single site can reach: each needs a rep of its own. */
  readonly travel: number;
  /** The Lagrangian bound below, rounded up; at least the other two. */
  readonly lagrangian: number;
  /**
   * The smallest count from the Lagrangian one up whose balance band can work in every group of
   * accounts that no rep can straddle (`smallestBalancedCount`); Infinity when none up to the
   * number of accounts can. The head-count lower bound.
   */
  readonly balanced: number;
}

/** Subgradient iterations of the Lagrangian bound, and knapsack nodes per site. */
const ITERATIONS = 150;
const KNAPSACK_NODES = 2_000;

/**
 * Lower bounds on the head count. The Lagrangian one relaxes "each account served once" in the
 * covering model (open sites, each serving reachable accounts within one capacity): for prices λ,
 * L(λ) = Σ λ_a − Σ_k max(0, K_k(λ) − 1) with K_k(λ) the best knapsack of prices among the
 * accounts site k reaches. Every L(λ) is a valid bound (knapsacks solved exactly or bounded by
 * their LP); the prices start at workload / capacity (L = total / capacity) and improve by
 * subgradient steps towards `target` (a head count known to work, or a guess). Sites that reach the
 * same accounts share one knapsack. Accounts no site reaches make `travel` Infinity. With a
 * `balance` band (default 1: none), `balanced` checks the band group by group from there up.
 */
export function headCountBounds(input: CoverInput, target: number, balance = 1): HeadCountBounds {
  const { workload, capacity, reachStart, reach } = input;
  const n = workload.length;
  let total = 0;
  for (let a = 0; a < n; a++) total += workload[a];
  const byCapacity = Math.max(1, Math.ceil(total / capacity - 1e-9));
  const byTravel = packingBound(input);
  if (!Number.isFinite(byTravel)) return { capacity: byCapacity, travel: Infinity, lagrangian: Infinity, balanced: Infinity };

  const groups = distinctReach(reachStart, reach);
  const lambda = Float64Array.from(workload, (w) => w / capacity);
  const values = new Float64Array(n);
  const weights = new Float64Array(n);
  const chosen = new Uint8Array(n);
  const members = new Int32Array(n);
  const scratch = createKnapsackScratch(64);
  const cover = new Float64Array(n);
  let best = total / capacity;
  let step = 1;
  let since = 0;
  const goal = Math.max(target, byCapacity, byTravel);
  for (let iteration = 0; iteration < ITERATIONS && Math.ceil(best - 1e-9) < goal; iteration++) {
    let value = 0;
    for (let a = 0; a < n; a++) value += lambda[a];
    cover.fill(0);
    for (const [k, copies] of groups) {
      let count = 0;
      for (let e = reachStart[k]; e < reachStart[k + 1]; e++) {
        const a = reach[e];
        if (lambda[a] <= 0) continue;
        members[count] = a;
        values[count] = -lambda[a];
        weights[count] = workload[a];
        count++;
      }
      const outcome = minKnapsack(values, weights, count, 0, capacity, chosen, scratch, KNAPSACK_NODES);
      const worth = -outcome.bound;
      if (worth > 1) {
        value -= copies * (worth - 1);
        for (let q = 0; q < count; q++) if (chosen[q]) cover[members[q]] += copies;
      }
    }
    if (value > best + 1e-12) {
      best = value;
      since = 0;
    } else if (++since >= 10) {
      step /= 2;
      since = 0;
    }
    let norm = 0;
    for (let a = 0; a < n; a++) norm += (1 - cover[a]) ** 2;
    if (norm === 0 || step < 1e-3) break;
    const t = (step * Math.max(goal - value, 0.5)) / norm;
    for (let a = 0; a < n; a++) lambda[a] = Math.max(0, lambda[a] + t * (1 - cover[a]));
  }
  const lagrangian = Math.max(byCapacity, byTravel, Math.ceil(best - 1e-9));
  const balanced = smallestBalancedCount(reachGroups(input), capacity, balance, lagrangian, Math.max(lagrangian, n));
  return { capacity: byCapacity, travel: byTravel, lagrangian, balanced };
}

/**
 * A greedy packing: accounts taken rarest-reach first, each only when no site reaching it reaches
 * an account already taken. No rep can serve two of them.
 */
function packingBound(input: CoverInput): number {
  const { reachStart, reach, workload } = input;
  const n = workload.length;
  const s = reachStart.length - 1;
  const sitesOf: number[][] = Array.from({ length: n }, () => []);
  for (let k = 0; k < s; k++) for (let e = reachStart[k]; e < reachStart[k + 1]; e++) sitesOf[reach[e]].push(k);
  for (let a = 0; a < n; a++) if (sitesOf[a].length === 0) return Infinity;
  const order = Array.from({ length: n }, (_, a) => a).sort((x, y) => sitesOf[x].length - sitesOf[y].length || x - y);
  const blocked = new Uint8Array(n);
  let taken = 0;
  for (const a of order) {
    if (blocked[a]) continue;
    taken++;
    // Every account that shares a site with a is now out.
    for (const k of sitesOf[a]) for (let e = reachStart[k]; e < reachStart[k + 1]; e++) blocked[reach[e]] = 1;
  }
  return taken;
}

/** One site per distinct reach set and how many sites share it (they are worth the same). */
function distinctReach(reachStart: Int32Array, reach: Int32Array): [number, number][] {
  const seen = new Map<string, [number, number]>();
  for (let k = 0; k + 1 < reachStart.length; k++) {
    const key = Array.from(reach.subarray(reachStart[k], reachStart[k + 1])).join(",");
    const group = seen.get(key);
    if (group) group[1]++;
    else seen.set(key, [k, 1]);
  }
  return [...seen.values()];
}

/**
 * Workloads of the groups of accounts that no rep can straddle: accounts are joined when one site
 * reaches both (union–find over the reach lists). A rep serves accounts of one group only.
 */
export function reachGroups(input: CoverInput): Float64Array {
  const n = input.workload.length;
  const parent = Int32Array.from({ length: n }, (_, a) => a);
  const root = (a: number): number => {
    while (parent[a] !== a) {
      parent[a] = parent[parent[a]];
      a = parent[a];
    }
    return a;
  };
  for (let k = 0; k + 1 < input.reachStart.length; k++) {
    const first = input.reachStart[k];
    for (let e = first + 1; e < input.reachStart[k + 1]; e++) {
      const [x, y] = [root(input.reach[first]), root(input.reach[e])];
      if (x !== y) parent[x] = y;
    }
  }
  const load = new Map<number, number>();
  for (let a = 0; a < n; a++) load.set(root(a), (load.get(root(a)) ?? 0) + input.workload[a]);
  return Float64Array.from(load.values());
}

/**
 * The smallest head count k in [from, to] whose balance band can work group by group: with k reps
 * each rep's workload lies in [(1 − balance) W / k, min(capacity, (1 + balance) W / k)], so a group
 * of workload w needs between ⌈w / upper⌉ and ⌊w / lower⌋ reps, and these must add up to k.
 * Returns Infinity when no k in the range passes.
 */
export function smallestBalancedCount(groups: Float64Array, capacity: number, balance: number, from: number, to: number): number {
  let total = 0;
  for (const w of groups) total += w;
  for (let k = from; k <= to; k++) {
    const upper = Math.min(capacity, ((1 + balance) * total) / k) * (1 + 1e-9);
    const lower = (((1 - balance) * total) / k) * (1 - 1e-9);
    let least = 0;
    let most = 0;
    let possible = true;
    for (const w of groups) {
      if (w <= 0) continue;
      const fewest = Math.max(1, Math.ceil(w / upper));
      const largest = lower > 0 ? Math.floor(w / lower) : Infinity;
      if (fewest > largest) {
        possible = false;
        break;
      }
      least += fewest;
      most += largest;
    }
    if (possible && least <= k && k <= most) return k;
  }
  return Infinity;
}
