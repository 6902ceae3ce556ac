import type { Diagnostic } from "../../model/plan.js";
import type { Problem } from "../../model/problem-schema.js";
import type { UnitProblem } from "./unit-problem.js";

/**
 * Checks a unit assignment before it becomes a plan and returns an error for each broken rule:
 * a unit given to a rep that may not serve all its accounts (`unit_rule_violated`) and, with
 * contiguity, a territory in several pieces or without its anchor unit (`territory_disconnected`).
 */
export function checkUnitPlan(problem: Problem, up: UnitProblem, unitIds: readonly string[], owner: Int32Array, contiguity: boolean): Diagnostic[] {
  const { U, m, graph, anchor, allowed } = up;
  const out: Diagnostic[] = [];
  const ruled: number[] = [];
  for (let u = 0; u < U; u++) if (owner[u] >= 0 && !allowed[u * m + owner[u]]) ruled.push(u);
  if (ruled.length > 0) {
    out.push({
      severity: "error",
      code: "unit_rule_violated",
      message: `${ruled.length} unit(s) went to a rep whose segment, region or travel limit excludes some of their accounts, e.g. unit ${unitIds[ruled[0]]} to ${problem.reps[owner[ruled[0]]].id}`,
    });
  }
  if (!contiguity) return out;
  const size = new Int32Array(m);
  for (let u = 0; u < U; u++) if (owner[u] >= 0) size[owner[u]]++;
  const seen = new Uint8Array(U);
  const broken: string[] = [];
  for (let r = 0; r < m; r++) {
    const root = anchor[r];
    if (root < 0 || owner[root] !== r) {
      if (size[r] > 0 || root >= 0) broken.push(problem.reps[r].id);
      continue;
    }
    const stack = [root];
    seen[root] = 1;
    let count = 0;
    while (stack.length > 0) {
      const u = stack.pop()!;
      count++;
      for (let e = graph.start[u]; e < graph.start[u + 1]; e++) {
        const v = graph.neighbor[e];
        if (owner[v] === r && !seen[v]) {
          seen[v] = 1;
          stack.push(v);
        }
      }
    }
    if (count !== size[r]) broken.push(problem.reps[r].id);
  }
  if (broken.length > 0) {
    out.push({
      severity: "error",
      code: "territory_disconnected",
      message: `${broken.length} territory(ies) are not one connected piece holding the rep's home unit (locks that cannot be joined), e.g. ${broken[0]}`,
      repIds: broken,
    });
  }
  return out;
}
