import { compileProblem } from "../compile/compile.js";
import { TerralignError } from "../errors.js";
import type { AssignmentRow, Diagnostic, Metrics, Territory, UnassignedAccount } from "../model/plan.js";
import type { AlignOptions } from "../model/options-schema.js";
import { parseProblem, resolveOptions } from "../model/parse.js";
import type { Problem } from "../model/problem-schema.js";
import { viewUnits } from "./evaluate-units.js";
import { measure } from "./measure.js";

/** Metrics of any assignment, e.g. the one in a CRM today. */
export interface Evaluation {
  readonly territories: readonly Territory[];
  readonly metrics: Metrics;
  /** Accounts the assignment does not cover. */
  readonly unassigned: readonly UnassignedAccount[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Scores an assignment (account id → rep id, as a Map or as rows) with the same definitions
 * `align` uses. The travel model and balance band come from `options`. Unknown ids throw.
 *
 * With `problem.units`, the assignment is read onto the units as `viewUnits` describes: each
 * territory reports its `unitIds` and `compactness` as `align` does, units' own work counts with
 * the rep that holds the unit (and in every target), and units split between reps or held by no
 * rep are reported in diagnostics (`unit_split`, `units_without_rep`).
 */
export function evaluate(problem: Problem, assignment: ReadonlyMap<string, string> | readonly AssignmentRow[], options?: AlignOptions): Evaluation {
  const valid = parseProblem(problem);
  const resolved = resolveOptions(options);
  const p = compileProblem(valid, resolved);
  const accountIndex = new Map(valid.accounts.map((a, i) => [a.id, i]));
  const repIndex = new Map(valid.reps.map((r, i) => [r.id, i]));
  const rows: Iterable<readonly [string, string]> = isMap(assignment) ? assignment : assignment.map((row) => [row.accountId, row.repId] as const);
  const assign = new Int32Array(p.n).fill(-1);
  let i = 0;
  for (const [accountId, repId] of rows) {
    const a = accountIndex.get(accountId);
    if (a === undefined) throw new TerralignError("unknown_reference", `assignment[${i}].accountId: ${JSON.stringify(accountId)} is not the id of any account`);
    const r = repIndex.get(repId);
    if (r === undefined) throw new TerralignError("unknown_reference", `assignment[${i}].repId: ${JSON.stringify(repId)} is not the id of any rep`);
    if (assign[a] >= 0 && assign[a] !== r) throw new TerralignError("invalid_input", `assignment[${i}]: account ${JSON.stringify(accountId)} is assigned twice`);
    assign[a] = r;
    i++;
  }
  const units = valid.units !== undefined ? viewUnits(valid, p, assign, resolved) : undefined;
  const measured = measure(valid, units?.p ?? p, units?.assign ?? assign);
  const { metrics } = measured;
  const territories = units ? measured.territories.map((t, r) => ({ ...t, unitIds: units.unitIds[r], compactness: units.compactness[r] })) : measured.territories;
  const unassigned: UnassignedAccount[] = [];
  for (let a = 0; a < p.n; a++) if (assign[a] < 0) unassigned.push({ accountId: valid.accounts[a].id, reason: "not in the assignment" });
  const diagnostics: Diagnostic[] = [...(units?.diagnostics ?? [])];
  if (unassigned.length > 0) {
    diagnostics.push({ severity: "warning", code: "accounts_unassigned", message: `${unassigned.length} account(s) have no rep in this assignment`, accountIds: unassigned.map((u) => u.accountId) });
  }
  if (metrics.repsOutsideBand > 0) {
    diagnostics.push({ severity: "info", code: "band_violated", message: `${metrics.repsOutsideBand} rep(s) outside the ±${(resolved.balance.workload * 100).toFixed(1)} % workload band` });
  }
  return { territories, metrics, unassigned, diagnostics };
}

function isMap(x: unknown): x is ReadonlyMap<string, string> {
  return x instanceof Map;
}
