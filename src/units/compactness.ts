import type { UnitGraph } from "./adjacency.js";
import type { UnitMeasures } from "./unit-measures.js";

/**
 * Polsby–Popper compactness of each territory, 4π × area / perimeter², in [0, 1] (1 for a disc).
 * Area is the sum of its units' areas; perimeter is the sum of its units' perimeters minus twice
 * the boundary its units share with each other, so inner borders do not count (coasts and holes
 * do). A territory in several pieces is measured over all of them; one without units gets 0.
 */
export function territoryCompactness(graph: UnitGraph, measures: UnitMeasures, owner: Int32Array, m: number): Float64Array {
  const area = new Float64Array(m);
  const perimeter = new Float64Array(m);
  for (let u = 0; u < graph.count; u++) {
    const r = owner[u];
    if (r < 0) continue;
    area[r] += measures.areaKm2[u];
    perimeter[r] += measures.perimeterKm[u];
    for (let e = graph.start[u]; e < graph.start[u + 1]; e++) {
      const v = graph.neighbor[e];
      if (v > u && owner[v] === r) perimeter[r] -= 2 * graph.sharedKm[e];
    }
  }
  return Float64Array.from({ length: m }, (_, r) => (perimeter[r] > 0 ? Math.min(1, (4 * Math.PI * area[r]) / (perimeter[r] * perimeter[r])) : 0));
}
