import type { CompiledProblem } from "./compiled-problem.js";

/**
 * Hours account a costs a rep whose home is `minutes` away: its workload, plus, when travel counts in
 * workload (`p.includeTravel`), `visits[a] × 2 × minutes / 60` (a round trip per visit).
 */
export function accountHours(p: CompiledProblem, a: number, minutes: number): number {
  return p.includeTravel ? p.workload[a] + (p.visits[a] * 2 * minutes) / 60 : p.workload[a];
}
