import type { AssignmentRow } from "../model/plan.js";
import type { Problem } from "../model/problem-schema.js";

/** Today's owners: each account that has a `currentRep`, as assignment rows in input order. */
export function todayOf(problem: Problem): AssignmentRow[] {
  return problem.accounts.filter((a) => a.currentRep !== undefined).map((a) => ({ accountId: a.id, repId: a.currentRep! }));
}
