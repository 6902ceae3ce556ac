import type { GreatCircle } from "./great-circle.js";
import type { SphereTree } from "./sphere-tree.js";
import type { TransportLp } from "./transport-lp.js";

/**
 * Hands an atom LP's plan down to finer units (the finer cut's atoms, or accounts): the units
 * inside an atom the LP sent to one rep go to that rep; those of an atom it split are dealt out so
 * that each of its reps receives about its LP share, units with the strongest preference (largest
 * gap between their two cheapest of those reps, in great-circle minutes) choosing first. The
 * result's loads stay within a unit of the LP's, so the finer LP starts (nearly) feasible.
 *
 * `units` are tree nodes (`accounts` false) or account indices (`accounts` true); returns the rep of
 * each unit (−1 where the atom had no flow).
 */
export function refinePlan(
  tree: SphereTree,
  geo: GreatCircle,
  lp: TransportLp,
  atoms: Int32Array,
  units: Int32Array,
  accounts: boolean,
  workload: Float64Array,
): Int32Array {
  const s = lp.simplex;
  const S = lp.supplyCount;
  // Flows out of each atom: (rep, hours) pairs; most atoms have exactly one.
  const flows: number[][] = Array.from({ length: S }, () => []);
  for (let e = s.nodeCount + lp.repCount; e < s.arcCount; e++) if (s.flow[e] > 0) flows[s.source[e]].push(s.target[e] - S, s.flow[e] / lp.unitsPerHour);
  // The units inside each atom.
  const unitsOf: number[][] = Array.from({ length: S }, () => []);
  if (accounts) {
    const atomOfAccount = new Int32Array(tree.unit.length / 3).fill(-1);
    for (let i = 0; i < atoms.length; i++) for (let k = tree.lo[atoms[i]]; k < tree.hi[atoms[i]]; k++) atomOfAccount[tree.order[k]] = i;
    for (let u = 0; u < units.length; u++) if (atomOfAccount[units[u]] >= 0) unitsOf[atomOfAccount[units[u]]].push(u);
  } else {
    // Fine atoms lie inside coarse ones (cuts of one tree by a smaller workload cap).
    const unitOfNode = new Int32Array(tree.nodeCount).fill(-1);
    for (let u = 0; u < units.length; u++) unitOfNode[units[u]] = u;
    const stack: number[] = [];
    for (let i = 0; i < atoms.length; i++) {
      stack.push(atoms[i]);
      while (stack.length > 0) {
        const k = stack.pop()!;
        if (unitOfNode[k] >= 0) unitsOf[i].push(unitOfNode[k]);
        else if (tree.left[k] >= 0) stack.push(tree.right[k], tree.left[k]);
      }
    }
  }
  const rep = new Int32Array(units.length).fill(-1);
  const position = (u: number, axis: number) => (accounts ? tree.unit[3 * units[u] + axis] : tree.center[3 * units[u] + axis]);
  const hours = (u: number) => (accounts ? workload[units[u]] : tree.workload[units[u]]);
  for (let i = 0; i < S; i++) {
    const list = flows[i];
    const members = unitsOf[i];
    if (list.length === 2) {
      for (const u of members) rep[u] = list[0];
      continue;
    }
    if (list.length === 0) continue;
    const reps = list.filter((_, q) => q % 2 === 0);
    const left = list.filter((_, q) => q % 2 === 1);
    const cost = (u: number, j: number) => {
      const dx = position(u, 0) - geo.rep[3 * j], dy = position(u, 1) - geo.rep[3 * j + 1], dz = position(u, 2) - geo.rep[3 * j + 2];
      return Math.sqrt(dx * dx + dy * dy + dz * dz);
    };
    const regret = new Map<number, number>();
    for (const u of members) {
      const c = reps.map((j) => cost(u, j)).sort((x, y) => x - y);
      regret.set(u, (c[1] - c[0]) * hours(u));
    }
    members.sort((x, y) => regret.get(y)! - regret.get(x)! || x - y);
    for (const u of members) {
      const w = hours(u);
      let best = -1;
      for (let q = 0; q < reps.length; q++) if (left[q] >= w / 2 && (best < 0 || cost(u, reps[q]) < cost(u, reps[best]))) best = q;
      if (best < 0) for (let q = 0; q < reps.length; q++) if (best < 0 || left[q] > left[best]) best = q;
      rep[u] = reps[best];
      left[best] -= w;
    }
  }
  return rep;
}
