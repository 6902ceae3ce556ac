import type { UnitGraph } from "../units/adjacency.js";
import type { Violation } from "./violation.js";

/** Units of a plan, as the unit rules read them. */
export interface UnitLayout {
  /** Unit ids, input order; length U. */
  readonly unitIds: readonly string[];
  /** Unit of each account, or −1 when it lies in none; length n. */
  readonly unitOf: Int32Array;
  /** Rep holding each unit, or −1; length U. */
  readonly holder: Int32Array;
  /** Unit adjacency. */
  readonly graph: UnitGraph;
  /** Home unit of each rep (−1 when it has none); length m. */
  readonly homeUnit: Int32Array;
  /** Check `contiguity` (only when the plan was asked to be contiguous). */
  readonly contiguity: boolean;
}

/**
 * The unit rules (see `ruleNames`): `unit_split`, one violation per account that lies in a unit held
 * by another rep (value: the unit, limit: its holder); and, with `contiguity`, one per rep whose
 * units are not one connected piece holding its home unit (value: the pieces, a home unit it does
 * not hold counting as one more; limit: 1). `assign[a]` is the rep of account a or −1.
 */
export function checkUnitRules(layout: UnitLayout, assign: Int32Array, accountIds: readonly string[], repIds: readonly string[]): Violation[] {
  const { unitOf, holder, unitIds } = layout;
  const out: Violation[] = [];
  for (let a = 0; a < unitOf.length; a++) {
    const u = unitOf[a];
    const r = assign[a];
    if (u < 0 || r < 0 || holder[u] < 0 || holder[u] === r) continue;
    const owner = repIds[holder[u]];
    out.push({ rule: "unit_split", accountId: accountIds[a], repId: repIds[r], value: unitIds[u], limit: owner, message: `account ${accountIds[a]} is with rep ${repIds[r]} but lies in unit ${unitIds[u]}, held by rep ${owner}` });
  }
  if (!layout.contiguity) return out;
  const pieces = countPieces(layout, repIds.length);
  for (let r = 0; r < repIds.length; r++) {
    const home = layout.homeUnit[r];
    const missingHome = home >= 0 && holder[home] !== r;
    const value = pieces[r] + (missingHome ? 1 : 0);
    if (pieces[r] <= 1 && !missingHome) continue;
    const homeText = missingHome ? `, and not its home unit ${unitIds[home]}` : "";
    out.push({ rule: "contiguity", repId: repIds[r], value, limit: 1, message: `rep ${repIds[r]}'s territory is in ${pieces[r]} piece(s)${homeText}` });
  }
  return out;
}

/** Connected pieces of each rep's units (0 for a rep holding none). */
function countPieces(layout: UnitLayout, m: number): Int32Array {
  const { holder, graph } = layout;
  const pieces = new Int32Array(m);
  const seen = new Uint8Array(holder.length);
  const stack: number[] = [];
  for (let u = 0; u < holder.length; u++) {
    const r = holder[u];
    if (r < 0 || seen[u]) continue;
    pieces[r]++;
    seen[u] = 1;
    stack.push(u);
    while (stack.length > 0) {
      const x = stack.pop()!;
      for (let e = graph.start[x]; e < graph.start[x + 1]; e++) {
        const y = graph.neighbor[e];
        if (!seen[y] && holder[y] === r) {
          seen[y] = 1;
          stack.push(y);
        }
      }
    }
  }
  return pieces;
}
