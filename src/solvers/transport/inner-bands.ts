import type { CompiledProblem } from "../../compile/compiled-problem.js";

/** Relative slack inside each band that repaired and improved loads keep, so float noise never flags a rep. */
const INNER = 1e-12;

/** Each rep's band pulled in by `INNER` × its target at both ends, hours. */
export function innerBands(p: CompiledProblem): { lower: Float64Array; upper: Float64Array } {
  const lower = new Float64Array(p.m);
  const upper = new Float64Array(p.m);
  for (let j = 0; j < p.m; j++) {
    lower[j] = p.lower[j] + INNER * p.target[j];
    upper[j] = p.upper[j] - INNER * p.target[j];
  }
  return { lower, upper };
}

