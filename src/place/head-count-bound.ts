import { createDisjointSets } from "../util/disjoint-sets.js";
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
  /** The Lagrangian covering bound below (capacity and reach, no band), rounded up; at least the other two. */
  readonly lagrangian: number;
  /**
   * The smallest count k from the Lagrangian one up that no check rules out: every account must
   * have a site within reach whose accounts within reach add up to the band's lower end for k reps
   * (other sites cannot be homes); then, group by group over the accounts no rep can straddle from
   * those sites, each group's share of the k reps must fit the band in hours
   * (`smallestBalancedCount`) and cover the group's accounts within their reach with every rep's
   * workload inside the band for k reps (the Lagrangian covering bound per group, with the band as
   * the knapsack's window). Infinity when no k up to the number of accounts and of sites passes.
   * The head-count lower bound.
   */
  readonly balanced: number;
}

/** Subgradient iterations of each Lagrangian bound, and knapsack nodes per site. */
const ITERATIONS = 150;
const KNAPSACK_NODES = 2_000;

/**
 * Lower bounds on the head count, with every rep at its own site (two reps never share a site).
 * The Lagrangian one relaxes "each account served once" in the covering model (open sites, each
 * serving reachable accounts with a workload in a window): for prices λ, L(λ) = Σ λ_a −
 * Σ_k max(0, K_k(λ) − 1) with K_k(λ) the best knapsack of prices among the accounts site k
 * reaches. Every L(λ) is a valid bound (knapsacks solved exactly or bounded by their LP); the
 * prices start at workload / capacity (L = total / capacity) and improve by subgradient steps
 * towards `target` (a head count known to work, or a guess). Sites that reach the same accounts
 * share one knapsack. Accounts no site reaches make `travel` Infinity. With a `balance` band
 * (default 1: none), `balanced` checks each count from there up, group by group, with the band's
 * window in hours for that count.
 */
export function headCountBounds(input: CoverInput, target: number, balance = 1): HeadCountBounds {
  const { workload, capacity } = input;
  const n = workload.length;
  let total = 0;
  for (let a = 0; a < n; a++) total += workload[a];
  const byCapacity = Math.max(1, Math.ceil(total / capacity - 1e-9));
  const byTravel = packingBound(input);
  if (!Number.isFinite(byTravel)) return { capacity: byCapacity, travel: Infinity, lagrangian: Infinity, balanced: Infinity };

  const cover = createCover(input);
  const everyone = Int32Array.from({ length: n }, (_, a) => a);
  const goal = Math.max(target, byCapacity, byTravel);
  const best = coverBound(cover, everyone, distinctReach(input.reachStart, input.reach), 0, capacity, goal);
  const lagrangian = Math.max(byCapacity, byTravel, Math.ceil(best - 1e-9));
  // Each rep has a site of its own: there are never more reps than sites.
  const balanced = smallestCoveredCount(cover, balance, lagrangian, Math.min(Math.max(lagrangian, n), input.reachStart.length - 1));
  return { capacity: byCapacity, travel: byTravel, lagrangian, balanced };
}

/** The covering input with the prices and scratch the subgradient reuses (prices carry over: warm starts). */
interface Cover {
  readonly input: CoverInput;
  readonly lambda: Float64Array;
  readonly values: Float64Array;
  readonly weights: Float64Array;
  readonly chosen: Uint8Array;
  readonly members: Int32Array;
  readonly covered: Float64Array;
  readonly scratch: ReturnType<typeof createKnapsackScratch>;
}

function createCover(input: CoverInput): Cover {
  const n = input.workload.length;
  return {
    input,
    lambda: Float64Array.from(input.workload, (w) => w / input.capacity),
    values: new Float64Array(n),
    weights: new Float64Array(n),
    chosen: new Uint8Array(n),
    members: new Int32Array(n),
    covered: new Float64Array(n),
    scratch: createKnapsackScratch(64),
  };
}

/**
 * The Lagrangian covering bound over `accounts` (the sites in `sites` reach only these), each
 * open site serving a workload in [lo, hi]: the best L(λ) found by subgradient steps, stopping once
 * it rounds up to `goal`. Starts from the prices left in `cover` and leaves its own there.
 */
function coverBound(cover: Cover, accounts: Int32Array, sites: readonly [number, number][], lo: number, hi: number, goal: number): number {
  const { input, lambda, values, weights, chosen, members, covered, scratch } = cover;
  const { workload, reachStart, reach } = input;
  let best = -Infinity;
  let step = 1;
  let since = 0;
  for (let iteration = 0; iteration < ITERATIONS && Math.ceil(best - 1e-9) < goal; iteration++) {
    let value = 0;
    for (const a of accounts) {
      value += lambda[a];
      covered[a] = 0;
    }
    for (const [k, copies] of sites) {
      let count = 0;
      for (let e = reachStart[k]; e < reachStart[k + 1]; e++) {
        const a = reach[e];
        // Accounts priced at 0 add nothing, unless the window's lower end needs their hours.
        if (lambda[a] <= 0 && lo <= 0) continue;
        members[count] = a;
        values[count] = -lambda[a];
        weights[count] = workload[a];
        count++;
      }
      // Only selections worth more than 1 matter.
      const outcome = minKnapsack(values, weights, count, lo, hi, chosen, scratch, KNAPSACK_NODES, -1);
      const worth = -outcome.bound;
      if (worth > 1) {
        value -= copies * (worth - 1);
        for (let q = 0; q < count; q++) if (chosen[q]) covered[members[q]] += copies;
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
    for (const a of accounts) norm += (1 - covered[a]) ** 2;
    if (norm === 0 || step < 1e-3) break;
    const t = (step * Math.max(goal - value, 0.5)) / norm;
    for (const a of accounts) lambda[a] = Math.max(0, lambda[a] + t * (1 - covered[a]));
  }
  return best;
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
 * The groups of accounts that no rep can straddle: accounts are joined when one of the `open`
 * sites reaches both (union–find over their reach lists). A rep serves accounts of one group only.
 * Returns the group of each account (0 … count − 1, in order of first account), −1 for an account
 * no open site reaches.
 */
function reachGroups(input: CoverInput, open: readonly [number, number][]): { readonly groupOf: Int32Array; readonly count: number } {
  const n = input.workload.length;
  const sets = createDisjointSets(n);
  const reached = new Uint8Array(n);
  for (const [k] of open) {
    const first = input.reachStart[k];
    for (let e = first; e < input.reachStart[k + 1]; e++) {
      reached[input.reach[e]] = 1;
      sets.union(input.reach[first], input.reach[e]);
    }
  }
  const number = new Map<number, number>();
  const groupOf = new Int32Array(n).fill(-1);
  for (let a = 0; a < n; a++) {
    if (!reached[a]) continue;
    const r = sets.find(a);
    if (!number.has(r)) number.set(r, number.size);
    groupOf[a] = number.get(r)!;
  }
  return { groupOf, count: number.size };
}

/**
 * The smallest head count k in [from, to] that no check rules out. With k reps every workload
 * lies in the band's window [lo, hi] for k; a site whose accounts within reach add up to less than
 * lo cannot be a home, so k is out when some account is left with no site that can. Over the
 * other sites, accounts form groups no rep can straddle; k is out when the groups' shares of the
 * reps cannot fit the band in hours (`bandShares`) or when a group's accounts need more reps than
 * its share allows (its own Lagrangian covering bound, prices carried over from one k to the
 * next). Infinity when every k in the range is ruled out.
 */
function smallestCoveredCount(cover: Cover, balance: number, from: number, to: number): number {
  const { input } = cover;
  const sites = distinctReach(input.reachStart, input.reach);
  const reachWork = sites.map(([k]) => {
    let w = 0;
    for (let e = input.reachStart[k]; e < input.reachStart[k + 1]; e++) w += input.workload[input.reach[e]];
    return w;
  });
  let total = 0;
  for (const w of input.workload) total += w;
  let lastOpen = -1;
  let groups: ReturnType<typeof groupsOver> | undefined;
  for (let k = from; k <= to; k++) {
    const lo = balance >= 1 ? 0 : (((1 - balance) * total) / k) * (1 - 1e-9);
    const open = sites.filter((_, q) => reachWork[q] >= lo);
    // The open sites only grow with k: regroup when they do.
    if (open.length !== lastOpen) {
      groups = groupsOver(input, open);
      lastOpen = open.length;
    }
    const { groupOf, accountsOf, sitesOf, work, heaviestFirst } = groups!;
    if (groupOf.includes(-1)) continue;
    const shares = bandShares(work, input.capacity, balance, k);
    if (!shares) continue;
    const { fewest, most, hi } = shares;
    let least = shares.least;
    let ruledOut = false;
    for (const g of heaviestFirst) {
      if (work[g] <= 0) continue; // accounts without work ride along with any rep
      // This many reps in group g would leave too few for the others, or too little work each.
      const excessive = Math.min(k - (least - fewest[g]) + 1, most[g] + 1);
      const needed = Math.ceil(coverBound(cover, accountsOf[g], sitesOf[g], shares.lo, hi, excessive) - 1e-9);
      if (needed > fewest[g]) {
        least += needed - fewest[g];
        fewest[g] = needed;
      }
      if (least > k || fewest[g] > most[g]) {
        ruledOut = true;
        break;
      }
    }
    if (!ruledOut) return k;
  }
  return Infinity;
}

/** The groups over the open sites with their accounts, sites and workloads, heaviest first. */
function groupsOver(input: CoverInput, open: readonly [number, number][]) {
  const { groupOf, count } = reachGroups(input, open);
  const members: number[][] = Array.from({ length: count }, () => []);
  const work = new Float64Array(count);
  groupOf.forEach((g, a) => {
    if (g < 0) return;
    members[g].push(a);
    work[g] += input.workload[a];
  });
  const accountsOf = members.map((list) => Int32Array.from(list));
  const sitesOf: [number, number][][] = Array.from({ length: count }, () => []);
  for (const site of open) {
    const k = site[0];
    if (input.reachStart[k + 1] > input.reachStart[k]) sitesOf[groupOf[input.reach[input.reachStart[k]]]].push(site);
  }
  const heaviestFirst = Array.from({ length: count }, (_, g) => g).sort((x, y) => work[y] - work[x] || x - y);
  return { groupOf, accountsOf, sitesOf, work, heaviestFirst };
}

/**
 * What the band allows with k reps: each rep's workload in [lo, hi] = [(1 − balance) W / k,
 * min(capacity, (1 + balance) W / k)] (with balance ≥ 1: [0, capacity]), so a group of workload w needs between ⌈w / hi⌉ and
 * ⌊w / lo⌋ reps (`fewest`, `most`). Undefined when those ranges cannot add up to k.
 */
function bandShares(groups: Float64Array, capacity: number, balance: number, k: number) {
  let total = 0;
  for (const w of groups) total += w;
  // A band of ±100 % or more is no band.
  const hi = (balance >= 1 ? capacity : Math.min(capacity, ((1 + balance) * total) / k)) * (1 + 1e-9);
  const lo = balance >= 1 ? 0 : (((1 - balance) * total) / k) * (1 - 1e-9);
  const fewest = new Float64Array(groups.length);
  const most = new Float64Array(groups.length);
  let least = 0;
  let largest = 0;
  for (let g = 0; g < groups.length; g++) {
    const w = groups[g];
    if (w <= 0) continue;
    fewest[g] = Math.max(1, Math.ceil(w / hi));
    most[g] = lo > 0 ? Math.floor(w / lo) : Infinity;
    if (fewest[g] > most[g]) return undefined;
    least += fewest[g];
    largest += most[g];
  }
  return least <= k && k <= largest ? { fewest, most, least, lo, hi } : undefined;
}

/**
 * The smallest head count k in [from, to] whose balance band can work group by group, in hours
 * only (`bandShares`: each group's share of the reps must fit the band). Returns Infinity when
 * no k in the range passes.
 */
export function smallestBalancedCount(groups: Float64Array, capacity: number, balance: number, from: number, to: number): number {
  for (let k = from; k <= to; k++) if (bandShares(groups, capacity, balance, k)) return k;
  return Infinity;
}
