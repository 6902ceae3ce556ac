import { compileProblem } from "../compile/compile.js";
import type { AlignOptions } from "../model/options-schema.js";
import { parseProblem, resolveOptions } from "../model/parse.js";
import type { AssignmentRow, Plan } from "../model/plan.js";
import type { Problem } from "../model/problem-schema.js";
import { finalizePlan } from "../settle/finalize-plan.js";
import { settlePlan } from "../settle/settle-plan.js";
import { evaluate } from "./evaluate.js";

/**
 * A given assignment (e.g. today's from a CRM) as a `Plan`, so that every output of a plan — map,
 * GeoJSON, reports — can show it: the same figures and violations as `evaluate`, `method` "given
 * assignment", and a status settled by the rule checker like any plan's (`feasible` when it keeps
 * every rule; no search is run, so one that does not is `unsolved` unless an input count proves
 * that no plan could). Account-level problems only (`evaluate` handles units). Ids are checked as
 * `evaluate` checks them.
 */
export function planOfAssignment(problem: Problem, assignment: ReadonlyMap<string, string> | readonly AssignmentRow[], options?: AlignOptions): Plan {
  evaluate(problem, assignment, options);
  const resolved = resolveOptions(options);
  const valid = parseProblem(problem, { orphans: resolved.disruption.orphans === "assign" });
  const p = compileProblem(valid, resolved);
  const rep = new Map(valid.reps.map((r, i) => [r.id, i]));
  const account = new Map(valid.accounts.map((a, i) => [a.id, i]));
  const assign = new Int32Array(p.n).fill(-1);
  const rows: Iterable<readonly [string, string]> = assignment instanceof Map ? assignment : (assignment as readonly AssignmentRow[]).map((r) => [r.accountId, r.repId] as const);
  for (const [a, r] of rows) assign[account.get(a)!] = rep.get(r)!;
  const reasons = new Map<number, string>();
  for (let a = 0; a < p.n; a++) if (assign[a] < 0) reasons.set(a, "not in the assignment");
  const settled = settlePlan(valid, p, { assign, status: "feasible", unassignedReasons: reasons }, { inputDiagnostics: [], stopped: () => false, repair: false });
  return { ...finalizePlan(valid, p, settled, "heuristic", 0, resolved), method: "given assignment" };
}
