import type { CompiledProblem } from "../compile/compiled-problem.js";
import type { Metrics, Territory } from "../model/plan.js";
import type { Problem } from "../model/problem-schema.js";
import { countViolations, type Violation } from "../rules/violation.js";
import type { UnitWork } from "../units/unit-work.js";
import { spreadOf } from "./spread.js";
import { accountHours, bandTargets } from "../compile/travel-hours.js";

/**
 * Territories and metrics of an indexed assignment (`assign[a]` = rep index or −1), recomputed
 * from scratch. This is the single definition of every reported number. `violations` (the rule
 * checker's findings on this assignment) are counted per rule in the metrics and per rep in each
 * territory.
 *
 * When the problem's units carry work of their own (`p.unitWork`, see `withUnitWork`), `assign`
 * goes on past the n accounts with the rep holding each unit (`assign[n + u]`, −1 for none), and
 * each unit's own workload, potential and travel count in its holder's territory like an account
 * at its centroid (not in `accountCount`, `accountIds`, accounts assigned or disruption).
 */
export function measure(
  problem: Problem,
  p: CompiledProblem & { readonly unitWork?: UnitWork },
  assign: Int32Array,
  violations: readonly Violation[],
): { territories: Territory[]; metrics: Metrics } {
  const { n, m } = p;
  const load = new Float64Array(m);
  const work = new Float64Array(m);
  const potential = new Float64Array(m);
  const travel = new Float64Array(m);
  const weighted = new Float64Array(m);
  const longest = new Float64Array(m);
  const members: number[][] = Array.from({ length: m }, () => []);
  let assigned = 0, moved = 0, movedHours = 0, currentHours = 0;
  for (let a = 0; a < n; a++) {
    const r = assign[a];
    if (p.currentRep[a] >= 0) currentHours += p.workload[a];
    if (r < 0) continue;
    assigned++;
    const t = p.travel(r, a);
    load[r] += p.travelHours ? accountHours(p, a, t) : p.workload[a];
    work[r] += p.workload[a];
    potential[r] += p.potential[a];
    travel[r] += t;
    weighted[r] += p.workload[a] * t;
    longest[r] = Math.max(longest[r], t);
    members[r].push(a);
    if (p.currentRep[a] >= 0 && p.currentRep[a] !== r) {
      moved++;
      movedHours += p.workload[a];
    }
  }
  const units = p.unitWork;
  for (let u = 0; units !== undefined && u < units.count; u++) {
    const r = assign[n + u];
    if (r < 0) continue;
    const w = units.workload[u];
    load[r] += w;
    work[r] += w;
    potential[r] += units.potential[u];
    if (w <= 0) continue;
    const t = units.travel(r, u);
    travel[r] += t;
    weighted[r] += w * t;
    longest[r] = Math.max(longest[r], t);
  }

  const repIndex = new Map(p.repIds.map((id, r) => [id, r]));
  const perRep: Violation[][] = Array.from({ length: m }, () => []);
  for (const v of violations) if (v.repId !== undefined) perRep[repIndex.get(v.repId)!].push(v);
  const territories: Territory[] = [];
  let objective = 0, totalTravel = 0, maxDeviation = 0, outside = 0;
  const targets = bandTargets(p, assign, load);
  for (let r = 0; r < m; r++) {
    const deviation = targets[r] > 0 ? (load[r] - targets[r]) / targets[r] : 0;
    maxDeviation = Math.max(maxDeviation, Math.abs(deviation));
    if (perRep[r].some((v) => v.rule === "band")) outside++;
    objective += weighted[r];
    totalTravel += travel[r];
    territories.push({
      repId: problem.reps[r].id,
      accountIds: members[r].map((a) => problem.accounts[a].id),
      accountCount: members[r].length,
      workloadHours: load[r],
      potential: potential[r],
      ...(p.travelHours ? { travelHours: load[r] - work[r] } : {}),
      targetHours: targets[r],
      ...(p.repBalance ? { balance: p.repBalance[r] } : {}),
      deviation,
      utilisation: load[r] / p.capacity[r],
      travelMinutes: travel[r],
      weightedTravel: weighted[r],
      maxTravelMinutes: longest[r],
      violations: countViolations(perRep[r]),
    });
  }
  const potentialSpread = spreadOf(potential);
  // Reps with different capacities have different fair shares: compare workload to target.
  const relative = new Float64Array(m);
  for (let r = 0; r < m; r++) relative[r] = targets[r] > 0 ? load[r] / targets[r] : 0;
  const relativeSpread = spreadOf(relative);
  return {
    territories,
    metrics: {
      objective,
      totalTravelMinutes: totalTravel,
      workload: {
        ...spreadOf(load),
        coefficientOfVariation: relativeSpread.coefficientOfVariation,
        gini: relativeSpread.gini,
        maxDeviation,
      },
      potential: { ...potentialSpread, spread: potentialSpread.max - potentialSpread.min },
      repsOutsideBand: outside,
      accountsAssigned: assigned,
      accountsUnassigned: n - assigned,
      violations: countViolations(violations),
      disruption: {
        accountsMoved: moved,
        workloadMovedHours: movedHours,
        fractionMoved: currentHours > 0 ? movedHours / currentHours : 0,
      },
    },
  };
}
