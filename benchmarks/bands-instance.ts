import type { Problem } from "../src/model/problem-schema.js";
import { createRandom } from "../src/util/random.js";

/** What `bandsInstance` draws. */
export interface BandsSpec {
  readonly accounts: number;
  readonly reps: number;
  readonly seed: number;
}

/**
 * Accounts spread over a 8° × 6° box with workload 0.5–3.5 h and a potential that grows tenfold
 * from west to east (times a random factor up to e), so that a potential band makes western reps
 * reach east; reps at random homes with capacity 1.3 × the mean workload. An attribute `revenue`
 * (half potential, half noise) for attribute bands.
 */
export function bandsInstance(spec: BandsSpec): Problem {
  const random = createRandom(spec.seed);
  const accounts = Array.from({ length: spec.accounts }, (_, i) => {
    const lng = -100 + random() * 8;
    const lat = 35 + random() * 6;
    const potential = Math.round(1000 * Math.exp(((lng + 100) / 8) * 2.3 + random()));
    return { id: `A${i + 1}`, location: [lng, lat] as [number, number], workload: Math.round((0.5 + random() * 3) * 100) / 100, potential, attributes: { revenue: Math.round(potential * (0.25 + random() * 0.5)) } };
  });
  const total = accounts.reduce((t, a) => t + a.workload, 0);
  const reps = Array.from({ length: spec.reps }, (_, r) => ({ id: `R${r + 1}`, home: [-100 + random() * 8, 35 + random() * 6] as [number, number], capacity: Math.round((1.3 * total) / spec.reps) }));
  return { accounts, reps };
}
