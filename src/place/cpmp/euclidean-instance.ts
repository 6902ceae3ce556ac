import type { CpmpInstance } from "./cpmp-instance.js";

/** Points in the plane for `euclideanInstance`. */
export interface PlanePoints {
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly demand: Float64Array;
  /** Capacity of each point as a median. */
  readonly capacity: Float64Array;
  readonly p: number;
  /** Floor every distance to an integer (the OR-Library `pmedcap` convention). Default false. */
  readonly floor?: boolean;
}

/** A CPMP on points in the plane: every point is a site, cost = (floored) Euclidean distance. */
export function euclideanInstance(points: PlanePoints): CpmpInstance {
  const { x, y, demand, capacity, p } = points;
  const n = x.length;
  const floor = points.floor === true;
  const cost = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dx = x[i] - x[j];
      const dy = y[i] - y[j];
      const d = Math.sqrt(dx * dx + dy * dy);
      cost[i * n + j] = cost[j * n + i] = floor ? Math.floor(d) : d;
    }
  }
  const sites = new Int32Array(n);
  for (let i = 0; i < n; i++) sites[i] = i;
  return { n, p, demand, capacity, sites, cost, integerCosts: floor };
}
