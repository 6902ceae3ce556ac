import { haversineKm } from "../../geo/haversine.js";
import { MinHeap } from "../../util/min-heap.js";
import type { UnitProblem } from "./unit-problem.js";

/**
 * Cost of giving each unit to each rep when travel must follow the unit graph: the unit's
 * workload (`costWeight`) × the minutes of the shortest path from the rep's home to the unit,
 * the home joined to its anchor unit's centroid and each step going from one unit centroid to a
 * neighbour's, at `minutesPerKm` along great circles. Row-major by unit (`u * m + r`), like
 * `UnitProblem.cost`; Infinity where a rep has no anchor.
 *
 * Why: a plan that is cheapest in these costs puts each unit with a rep whose shortest path to it
 * runs through that rep's own units (shortest paths are nested: the unit before u on r's path is
 * at least as cheap for r, relative to any other rep, as u is), so its territories are connected
 * apart from rounding, and it does not count on crossing lakes, bays or the region's outer
 * corners the way straight-line travel does. It serves only as a start for the search, which
 * always optimises the real travel. One Dijkstra per rep: O(m · E log E) for E adjacencies.
 */
export function graphTravelCost(up: UnitProblem, repLng: Float64Array, repLat: Float64Array, minutesPerKm: number): Float64Array {
  const { U, m, graph, anchor, costWeight, centroidLng, centroidLat } = up;
  const step = new Float64Array(graph.neighbor.length);
  for (let u = 0; u < U; u++) {
    for (let e = graph.start[u]; e < graph.start[u + 1]; e++) {
      const v = graph.neighbor[e];
      step[e] = haversineKm(centroidLng[u], centroidLat[u], centroidLng[v], centroidLat[v]) * minutesPerKm;
    }
  }
  const out = new Float64Array(U * m).fill(Infinity);
  const minutes = new Float64Array(U);
  const heap = new MinHeap(4 * U + 16);
  for (let r = 0; r < m; r++) {
    const a = anchor[r];
    if (a < 0) continue;
    minutes.fill(Infinity);
    heap.push(a, haversineKm(repLng[r], repLat[r], centroidLng[a], centroidLat[a]) * minutesPerKm);
    while (heap.size > 0) {
      const key = heap.topKey();
      const u = heap.pop();
      if (minutes[u] <= key) continue;
      minutes[u] = key;
      for (let e = graph.start[u]; e < graph.start[u + 1]; e++) {
        const v = graph.neighbor[e];
        if (key + step[e] < minutes[v]) heap.push(v, key + step[e]);
      }
    }
    for (let u = 0; u < U; u++) out[u * m + r] = costWeight[u] * minutes[u];
  }
  return out;
}
