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
  // Flows out of each atom as (rep, hours), CSR by atom; most atoms have exactly one.
  const firstArc = s.nodeCount + lp.repCount;
  const flowStart = new Int32Array(S + 1);
  for (let e = firstArc; e < s.arcCount; e++) if (s.flow[e] > 0) flowStart[s.source[e] + 1]++;
  for (let i = 0; i < S; i++) flowStart[i + 1] += flowStart[i];
  const flowRep = new Int32Array(flowStart[S]);
  const flowHours = new Float64Array(flowStart[S]);
  const flowFill = flowStart.slice(0, S);
  for (let e = firstArc; e < s.arcCount; e++) {
    if (!(s.flow[e] > 0)) continue;
    const k = flowFill[s.source[e]]++;
    flowRep[k] = s.target[e] - S;
    flowHours[k] = s.flow[e] / lp.unitsPerHour;
  }
  const members = unitsByAtom(tree, atoms, units, accounts);
  const rep = new Int32Array(units.length).fill(-1);
  const position = (u: number, axis: number) => (accounts ? tree.unit[3 * units[u] + axis] : tree.center[3 * units[u] + axis]);
  const hours = (u: number) => (accounts ? workload[units[u]] : tree.workload[units[u]]);
  const cost = (u: number, j: number) => {
    const dx = position(u, 0) - geo.rep[3 * j], dy = position(u, 1) - geo.rep[3 * j + 1], dz = position(u, 2) - geo.rep[3 * j + 2];
    return Math.sqrt(dx * dx + dy * dy + dz * dz);
  };
  for (let i = 0; i < S; i++) {
    const from = flowStart[i], to = flowStart[i + 1];
    if (to === from) continue;
    const list = members.unit.subarray(members.start[i], members.start[i + 1]);
    if (to - from === 1) {
      for (const u of list) rep[u] = flowRep[from];
      continue;
    }
    const reps = flowRep.subarray(from, to);
    const left = flowHours.slice(from, to);
    const regret = new Map<number, number>();
    for (const u of list) {
      const c = Array.from(reps, (j) => cost(u, j)).sort((x, y) => x - y);
      regret.set(u, (c[1] - c[0]) * hours(u));
    }
    const order = Array.from(list).sort((x, y) => regret.get(y)! - regret.get(x)! || x - y);
    for (const u of order) {
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

/**
 * The units inside each atom, CSR by atom (`start` of length atoms + 1, `unit` indices into
 * `units`, in unit order). Fine atoms lie inside coarse ones (cuts of one tree by a smaller
 * workload cap); accounts lie inside the atom whose range of the tree order holds them.
 */
function unitsByAtom(tree: SphereTree, atoms: Int32Array, units: Int32Array, accounts: boolean): { start: Int32Array; unit: Int32Array } {
  const atomOfUnit = new Int32Array(units.length).fill(-1);
  if (accounts) {
    const atomOfAccount = new Int32Array(tree.unit.length / 3).fill(-1);
    for (let i = 0; i < atoms.length; i++) for (let k = tree.lo[atoms[i]]; k < tree.hi[atoms[i]]; k++) atomOfAccount[tree.order[k]] = i;
    for (let u = 0; u < units.length; u++) atomOfUnit[u] = atomOfAccount[units[u]];
  } else {
    const unitOfNode = new Int32Array(tree.nodeCount).fill(-1);
    for (let u = 0; u < units.length; u++) unitOfNode[units[u]] = u;
    const stack: number[] = [];
    for (let i = 0; i < atoms.length; i++) {
      stack.push(atoms[i]);
      while (stack.length > 0) {
        const k = stack.pop()!;
        if (unitOfNode[k] >= 0) atomOfUnit[unitOfNode[k]] = i;
        else if (tree.left[k] >= 0) stack.push(tree.right[k], tree.left[k]);
      }
    }
  }
  const start = new Int32Array(atoms.length + 1);
  for (let u = 0; u < units.length; u++) if (atomOfUnit[u] >= 0) start[atomOfUnit[u] + 1]++;
  for (let i = 0; i < atoms.length; i++) start[i + 1] += start[i];
  const fill = start.slice(0, atoms.length);
  const unit = new Int32Array(start[atoms.length]);
  for (let u = 0; u < units.length; u++) if (atomOfUnit[u] >= 0) unit[fill[atomOfUnit[u]]++] = u;
  return { start, unit };
}
