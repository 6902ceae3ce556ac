import type { CompiledProblem } from "../../compile/compiled-problem.js";
import { chordAngle, isEligible, travelMinutes, type GreatCircle } from "./great-circle.js";
import { LOW, searchTree } from "./rep-search.js";
import type { SphereTree } from "./sphere-tree.js";

/**
 * The cheapest reps of each point at given prices: up to `want` reps, cheapest first by
 * travel + price (ties: lower rep index), keeping only reps within `tau` minutes of the cheapest.
 * Layout: point i's reps are `rep[i × want + q]` for q < `count[i]`, with their travel minutes
 * (per hour of workload) in `travel`.
 */
export interface NearestReps {
  readonly want: number;
  readonly rep: Int32Array;
  readonly travel: Float64Array;
  readonly count: Uint8Array;
}

export function createNearestReps(points: number, want: number): NearestReps {
  return { want, rep: new Int32Array(points * want), travel: new Float64Array(points * want), count: new Uint8Array(points) };
}

/**
 * For every account in the tree, its cheapest eligible reps over *all* reps (exact: the tree search
 * only skips reps that provably cannot make the list, and an account whose list could reach past
 * the search's threshold, which happens only when eligibility rules remove reps, scans every rep).
 * Travel is the problem's own model, bit for bit. Accounts no rep may serve get count 0. With
 * `reuse`, the lists already in `out` (the cheapest reps at earlier prices, as this function left
 * them) seed each account's search; the result is the same, found with less work.
 */
export function nearestRepsOfAccounts(
  p: CompiledProblem,
  tree: SphereTree,
  geo: GreatCircle | undefined,
  prices: Float64Array,
  tau: number,
  out: NearestReps,
  reuse = false,
): void {
  const want = out.want;
  const values = new Float64Array(want + 1);
  const seedRep = new Int32Array(want);
  const seedTravel = new Float64Array(want);
  const { order, unit } = tree;
  const repUnit = geo?.rep;
  const mpr = geo ? geo.minutesPerRadian * LOW : 0;
  const insert = (a: number, found: number, j: number, t: number, v: number) => insertNearest(out, values, a, found, j, t, v);
  const cutOf = (found: number) => (found === want ? Math.min(values[want - 1], values[0] + tau) : found > 0 ? values[0] + tau : Infinity);
  const finish = (a: number, found: number) => (out.count[a] = keptWithin(values, found, tau));
  searchTree(tree, geo, prices, want, tau, undefined, (node, reps, bounds, count, threshold) => {
    for (let i = tree.lo[node]; i < tree.hi[node]; i++) {
      const a = order[i];
      const ux = unit[3 * a], uy = unit[3 * a + 1], uz = unit[3 * a + 2];
      let found = 0;
      let cut = Infinity;
      // The reps listed at earlier prices start the list: their travel is known, and the cut
      // they set spares most reps the exact travel computation.
      const seeds = reuse ? out.count[a] : 0;
      for (let q = 0; q < seeds; q++) {
        seedRep[q] = out.rep[a * want + q];
        seedTravel[q] = out.travel[a * want + q];
      }
      for (let q = 0; q < seeds; q++) {
        found = insert(a, found, seedRep[q], seedTravel[q], seedTravel[q] + prices[seedRep[q]]);
        cut = cutOf(found);
      }
      for (let q = 0; q < count; q++) {
        if (bounds[q] > cut) break;
        const j = reps[q];
        if (seeds > 0 && isSeed(seedRep, seeds, j)) continue;
        if (repUnit) {
          const dx = ux - repUnit[3 * j], dy = uy - repUnit[3 * j + 1], dz = uz - repUnit[3 * j + 2];
          if (Math.sqrt(dx * dx + dy * dy + dz * dz) * mpr + prices[j] > cut) continue;
        }
        const t = travelMinutes(p, geo, j, a);
        if (!isEligible(p, j, a, t)) continue;
        found = insert(a, found, j, t, t + prices[j]);
        cut = cutOf(found);
      }
      if (cut > threshold) {
        // Eligibility removed reps the search counted on: scan them all.
        found = 0;
        for (let j = 0; j < p.m; j++) {
          const t = travelMinutes(p, geo, j, a);
          if (isEligible(p, j, a, t)) found = insert(a, found, j, t, t + prices[j]);
        }
      }
      finish(a, found);
    }
  });
}

function isSeed(seedRep: Int32Array, seeds: number, j: number): boolean {
  for (let q = 0; q < seeds; q++) if (seedRep[q] === j) return true;
  return false;
}

/**
 * For every atom (node of `atoms`, a cut of the tree), its cheapest reps at the atom's centre:
 * travel = great-circle minutes from the rep to the centre (an approximation used only to warm
 * up prices). Eligibility rules are not applied here. Needs the great-circle model.
 */
export function nearestRepsOfAtoms(tree: SphereTree, geo: GreatCircle, atoms: Int32Array, prices: Float64Array, tau: number, out: NearestReps): void {
  const want = out.want;
  const atomOf = new Int32Array(tree.nodeCount).fill(-1);
  for (let i = 0; i < atoms.length; i++) atomOf[atoms[i]] = i;
  const values = new Float64Array(want);
  const { center } = tree;
  const mpr = geo.minutesPerRadian;
  searchTree(tree, geo, prices, want, tau, atomOf, (node, reps, _bounds, count) => {
    const g = atomOf[node];
    let found = 0;
    for (let q = 0; q < count; q++) {
      const j = reps[q];
      const dx = center[3 * node] - geo.rep[3 * j], dy = center[3 * node + 1] - geo.rep[3 * j + 1], dz = center[3 * node + 2] - geo.rep[3 * j + 2];
      const t = chordAngle(Math.sqrt(dx * dx + dy * dy + dz * dz)) * mpr;
      found = insertNearest(out, values, g, found, j, t, t + prices[j]);
    }
    out.count[g] = keptWithin(values, found, tau);
  });
}

/**
 * Inserts rep j (travel t, value v = travel + price) into point i's list of `found` reps, kept
 * sorted by value (ties: lower rep index) in `values` (scratch, one slot per listed rep) and `out`;
 * drops it when the list is full and j is not better than the last. Returns the new count.
 */
function insertNearest(out: NearestReps, values: Float64Array, i: number, found: number, j: number, t: number, v: number): number {
  const want = out.want;
  const base = i * want;
  if (found === want && !(v < values[want - 1] || (v === values[want - 1] && j < out.rep[base + want - 1]))) return found;
  let q = found < want ? found++ : want - 1;
  while (q > 0 && (values[q - 1] > v || (values[q - 1] === v && out.rep[base + q - 1] > j))) {
    values[q] = values[q - 1];
    out.rep[base + q] = out.rep[base + q - 1];
    out.travel[base + q] = out.travel[base + q - 1];
    q--;
  }
  values[q] = v;
  out.rep[base + q] = j;
  out.travel[base + q] = t;
  return found;
}

/** How many of the `found` listed reps are within `tau` of the cheapest (at least one). */
function keptWithin(values: Float64Array, found: number, tau: number): number {
  let keep = found;
  while (keep > 1 && values[keep - 1] > values[0] + tau) keep--;
  return keep;
}
