import { readFileSync } from "node:fs";
import { euclideanInstance } from "../../src/place/cpmp/euclidean-instance.js";
import type { CpmpInstance } from "../../src/place/cpmp/cpmp-instance.js";
import { createRandom } from "../../src/util/random.js";

/** Text of a file under test/fixtures/cpmp. */
export function fixtureText(name: string): string {
  return readFileSync(new URL(`../fixtures/cpmp/${name}`, import.meta.url), "utf8");
}

/** A small random instance in the plane: integer coordinates and demands, capacity with slack `slack`. */
export function randomInstance(n: number, p: number, seed: number, slack = 1.3, floor = true): CpmpInstance {
  const random = createRandom(seed);
  const x = Float64Array.from({ length: n }, () => Math.floor(random() * 100));
  const y = Float64Array.from({ length: n }, () => Math.floor(random() * 100));
  const demand = Float64Array.from({ length: n }, () => 1 + Math.floor(random() * 9));
  const total = demand.reduce((a, b) => a + b, 0);
  const capacity = new Float64Array(n).fill(Math.max(Math.ceil((slack * total) / p), ...demand));
  return euclideanInstance({ x, y, demand, capacity, p, floor });
}

/**
 * The optimum by enumeration: every set of p sites, each point (medians to themselves) to every
 * open median, capacities checked. Only for tiny instances.
 */
export function bruteForce(instance: CpmpInstance): number {
  const { n, p, demand, capacity, cost } = instance;
  const s = instance.sites.length;
  let best = Infinity;
  const open: number[] = [];
  const chooseMedians = (from: number) => {
    if (open.length === p) {
      best = Math.min(best, assignRest(open));
      return;
    }
    for (let k = from; k < s; k++) {
      open.push(k);
      chooseMedians(k + 1);
      open.pop();
    }
  };
  const assignRest = (medians: number[]): number => {
    const load = medians.map((k) => demand[instance.sites[k]]);
    const isMedian = new Set(medians.map((k) => instance.sites[k]));
    const rest = Array.from({ length: n }, (_, i) => i).filter((i) => !isMedian.has(i));
    if (load.some((l, t) => l > capacity[instance.sites[medians[t]]])) return Infinity;
    let bestHere = Infinity;
    const go = (r: number, sum: number) => {
      if (sum >= bestHere) return;
      if (r === rest.length) {
        bestHere = sum;
        return;
      }
      const i = rest[r];
      for (let t = 0; t < medians.length; t++) {
        const k = medians[t];
        if (load[t] + demand[i] > capacity[instance.sites[k]]) continue;
        load[t] += demand[i];
        go(r + 1, sum + cost[i * s + k]);
        load[t] -= demand[i];
      }
    };
    go(0, 0);
    return bestHere;
  };
  chooseMedians(0);
  return best;
}
