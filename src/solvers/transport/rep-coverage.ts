import type { CompiledProblem } from "../../compile/compiled-problem.js";
import { MinHeap } from "../../util/min-heap.js";
import type { GreatCircle } from "./great-circle.js";
import type { SphereTree } from "./sphere-tree.js";

/**
 * Rep-centric coverage (a local Hall condition): candidate lists built around supply points can
 * starve a rep whose neighbourhood is claimed by closer reps, so each rep may be linked to its
 * nearest supply until that holds `factor` × its lower band end, and at least the lower ends of
 * all reps within the radius reached (co-located reps share one neighbourhood). Nearness is the chord distance from the rep's home to tree nodes.
 */
export interface CoverageTarget {
  /** Terminal supply nodes: tree node → supply index (atoms), or undefined to walk down to accounts. */
  readonly terminal?: Int32Array;
  /** Supply hours of a terminal node (atoms) or of an account (leaves). */
  hours(item: number): number;
  /** Links rep j to the item (atom index or account): 1 when linked now, 0 when already linked, −1 when not allowed (it then does not count as covered). */
  link(item: number, j: number): number;
}

/**
 * Links rep j to nearby supply in increasing distance until the hours passed (already linked or
 * linked now) reach the need. Returns the number of links made.
 */
export function coverRep(p: CompiledProblem, tree: SphereTree, geo: GreatCircle, lower: Float64Array, j: number, factor: number, target: CoverageTarget): number {
  const rx = geo.rep[3 * j], ry = geo.rep[3 * j + 1], rz = geo.rep[3 * j + 2];
  const distance = (k: number) => {
    const dx = tree.center[3 * k] - rx, dy = tree.center[3 * k + 1] - ry, dz = tree.center[3 * k + 2] - rz;
    return Math.max(0, Math.sqrt(dx * dx + dy * dy + dz * dz) - tree.radius[k]);
  };
  const heap = new MinHeap(64);
  heap.push(0, distance(0));
  let covered = 0;
  let need = factor * lower[j];
  let checkedRadius = -1;
  let links = 0;
  while (heap.size > 0) {
    const radius = heap.topKey();
    const k = heap.pop();
    if (radius > checkedRadius) {
      // Reps whose homes lie within this radius compete for the same supply.
      checkedRadius = Math.max(radius, 2 * checkedRadius, 1e-4);
      let shared = 0;
      for (let r = 0; r < p.m; r++) {
        const dx = geo.rep[3 * r] - rx, dy = geo.rep[3 * r + 1] - ry, dz = geo.rep[3 * r + 2] - rz;
        if (dx * dx + dy * dy + dz * dz <= checkedRadius * checkedRadius) shared += lower[r];
      }
      need = Math.max(need, shared);
    }
    if (covered >= need) break;
    const terminal = target.terminal;
    if (terminal !== undefined && terminal[k] >= 0) {
      const item = terminal[k];
      const linked = target.link(item, j);
      if (linked > 0) links++;
      if (linked >= 0) covered += target.hours(item);
    } else if (tree.left[k] < 0) {
      for (let i = tree.lo[k]; i < tree.hi[k]; i++) {
        const a = tree.order[i];
        const linked = target.link(a, j);
        if (linked > 0) links++;
        if (linked >= 0) covered += target.hours(a);
      }
    } else {
      heap.push(tree.left[k], distance(tree.left[k]));
      heap.push(tree.right[k], distance(tree.right[k]));
    }
  }
  return links;
}
