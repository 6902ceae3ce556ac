import type { GapInstance } from "../../src/gap/gap-instance.js";
import { createRandom } from "../../src/util/random.js";

/** Best cost over all m^n assignments (Infinity when none is feasible), by exhaustive enumeration. */
export function bruteForce(instance: GapInstance): { cost: number; assignment: number[] | null } {
  const { m, n, cost, resource, capacity, minLoad } = instance;
  const assignment = new Array<number>(n).fill(0);
  const load = new Float64Array(m);
  let best = Infinity;
  let bestAssignment: number[] | null = null;
  const visit = (j: number, total: number): void => {
    if (j === n) {
      for (let i = 0; i < m; i++) if (minLoad && load[i] < minLoad[i] - 1e-9) return;
      if (total < best) {
        best = total;
        bestAssignment = [...assignment];
      }
      return;
    }
    for (let i = 0; i < m; i++) {
      const c = cost[i * n + j];
      const a = resource[i * n + j];
      if (!Number.isFinite(c) || load[i] + a > capacity[i] + 1e-9) continue;
      load[i] += a;
      assignment[j] = i;
      visit(j + 1, total + c);
      load[i] -= a;
    }
  };
  visit(0, 0);
  return { cost: best, assignment: bestAssignment };
}

/**
 * A random GAP in the style of Chu & Beasley type C (integer costs 10–50, resources 5–25,
 * capacity = tightness × Σ resources / m), seeded.
 */
export function randomInstance(m: number, n: number, seed: number, tightness = 0.8): GapInstance {
  const random = createRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const cost = new Float64Array(m * n);
  const resource = new Float64Array(m * n);
  for (let k = 0; k < m * n; k++) {
    cost[k] = int(10, 50);
    resource[k] = int(5, 25);
  }
  const capacity = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let total = 0;
    for (let j = 0; j < n; j++) total += resource[i * n + j];
    capacity[i] = Math.floor((tightness * total) / m);
  }
  return { m, n, cost, resource, capacity };
}

/** The instance as OR-Library text (single instance). */
export function toGapText(instance: GapInstance): string {
  const { m, n } = instance;
  const rows = (values: Float64Array) => Array.from({ length: m }, (_, i) => Array.from(values.subarray(i * n, (i + 1) * n)).join(" ")).join("\n");
  return `${m} ${n}\n${rows(instance.cost)}\n${rows(instance.resource)}\n${Array.from(instance.capacity).join(" ")}\n`;
}
