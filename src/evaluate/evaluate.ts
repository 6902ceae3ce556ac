import { compileProblem } from "../compile/compile.js";
import { TerralignError } from "../errors.js";
import type { AssignmentRow, Diagnostic, Metrics, Territory, UnassignedAccount } from "../model/plan.js";
import type { ResolvedOptions } from "../model/defaults.js";
import type { AlignOptions } from "../model/options-schema.js";
import { parseProblem, resolveOptions } from "../model/parse.js";
import type { Problem } from "../model/problem-schema.js";
import { checkAssignment } from "../rules/check-assignment.js";
import { checkUnitRules } from "../rules/check-units.js";
import type { Violation } from "../rules/violation.js";
import { describeViolations } from "../settle/describe-violations.js";
import { viewUnits } from "./evaluate-units.js";
import { measure } from "./measure.js";

/** Metrics of any assignment, e.g. the one in a CRM today, and every rule it breaks. */
export interface Evaluation {
  readonly territories: readonly Territory[];
  readonly metrics: Metrics;
  /** Accounts the assignment does not cover. */
  readonly unassigned: readonly UnassignedAccount[];
  /** Every rule the assignment breaks, as the rule checker finds them (the same checker `align` runs). */
  readonly violations: readonly Violation[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Scores an assignment (account id → rep id, as a Map or as rows) with the same definitions
 * `align` uses, and lists every rule it breaks (`violations`, counted per rule in the metrics and
 * per rep in each territory): capacity, band, segment, region, lock, travel limit, unassigned
 * accounts, and with units the unit rules. The travel model, band and contiguity come from
 * `options`. An id that names no account or rep throws (with the id that was probably meant when
 * one differs only in case or surrounding spaces), as does an account given two different reps.
 *
 * With `problem.units`, the assignment is read onto the units as `viewUnits` describes: each
 * territory reports its `unitIds` and `compactness` as `align` does, units' own work counts with
 * the rep that holds the unit (and in every target).
 */
export function evaluate(problem: Problem, assignment: ReadonlyMap<string, string> | readonly AssignmentRow[], options?: AlignOptions): Evaluation {
  return evaluateResolved(problem, assignment, resolveOptions(options));
}

/** `evaluate` with options already resolved (a plan's own, `planOptions`). Internal. */
export function evaluateResolved(problem: Problem, assignment: ReadonlyMap<string, string> | readonly AssignmentRow[], resolved: ResolvedOptions): Evaluation {
  const valid = parseProblem(problem, { orphans: resolved.disruption.orphans === "assign" });
  const p = compileProblem(valid, resolved);
  const assign = indexAssignment(valid, assignment);
  const units = valid.units !== undefined ? viewUnits(valid, p, assign, resolved) : undefined;
  const full = units?.assign ?? assign;
  const violations = [...checkAssignment(valid, units?.p ?? p, full), ...(units ? checkUnitRules(units.layout, assign, p.accountIds, p.repIds) : [])];
  const measured = measure(valid, units?.p ?? p, full, violations);
  const territories = units ? measured.territories.map((t, r) => ({ ...t, unitIds: units.unitIds[r], compactness: units.compactness[r] })) : measured.territories;
  const unassigned: UnassignedAccount[] = [];
  for (let a = 0; a < p.n; a++) if (assign[a] < 0) unassigned.push({ accountId: valid.accounts[a].id, reason: "not in the assignment" });
  const diagnostics: Diagnostic[] = [...describeViolations(violations), ...(units?.diagnostics ?? [])];
  return { territories, metrics: measured.metrics, unassigned, violations, diagnostics };
}

/** Rep index per account (−1: not in the assignment), with every id checked. */
export function indexAssignment(problem: Problem, assignment: ReadonlyMap<string, string> | readonly AssignmentRow[]): Int32Array {
  const accountIndex = new Map(problem.accounts.map((a, i) => [a.id, i]));
  const repIndex = new Map(problem.reps.map((r, i) => [r.id, i]));
  const rows: Iterable<readonly [string, string]> = assignment instanceof Map ? assignment : (assignment as readonly AssignmentRow[]).map((row) => [row.accountId, row.repId] as const);
  const assign = new Int32Array(problem.accounts.length).fill(-1);
  let i = 0;
  for (const [accountId, repId] of rows) {
    const a = accountIndex.get(accountId);
    if (a === undefined) throw new TerralignError("unknown_reference", `assignment[${i}].accountId: ${JSON.stringify(accountId)} is not the id of any account${didYouMean(accountId, accountIndex.keys())}`);
    const r = repIndex.get(repId);
    if (r === undefined) throw new TerralignError("unknown_reference", `assignment[${i}].repId: ${JSON.stringify(repId)} is not the id of any rep${didYouMean(repId, repIndex.keys())}`);
    if (assign[a] >= 0 && assign[a] !== r) {
      throw new TerralignError("invalid_input", `assignment[${i}]: account ${JSON.stringify(accountId)} is given to rep ${JSON.stringify(repId)} here and to rep ${JSON.stringify(problem.reps[assign[a]].id)} before; give each account one rep`);
    }
    assign[a] = r;
    i++;
  }
  return assign;
}

/** "; did you mean "Rep-7"?" when one known id equals `id` up to case and surrounding spaces. */
function didYouMean(id: string, known: Iterable<string>): string {
  const key = id.trim().toLowerCase();
  for (const candidate of known) if (candidate.trim().toLowerCase() === key) return `; did you mean ${JSON.stringify(candidate)}?`;
  return "";
}
