import type { CompiledProblem } from "./compiled-problem.js";

/**
 * Travel minutes from rep r's home to account a when r may serve a, else NaN: a locked account
 * only its locked rep (whatever the trip), any other account every rep that segment/region allow
 * within the rep's `maxTravelMinutes`.
 */
export function eligibleMinutes(p: CompiledProblem, r: number, a: number): number {
  const locked = p.lockedRep[a];
  if (locked >= 0) return r === locked ? p.travel(r, a) : NaN;
  if (!p.compatible(r, a)) return NaN;
  const t = p.travel(r, a);
  return t <= p.maxTravel[r] ? t : NaN;
}
