import type { CompiledProblem } from "../compile/compiled-problem.js";
import type { ResolvedOptions } from "../model/defaults.js";
import type { Diagnostic } from "../model/plan.js";
import type { Problem } from "../model/problem-schema.js";
import { territoryCompactness } from "../units/compactness.js";
import { compileUnits } from "../units/compile-units.js";
import { createUnitLocator, placeAccounts } from "../units/place-accounts.js";
import type { UnitMap } from "../units/unit-map.js";
import type { UnitMeasures } from "../units/unit-measures.js";
import { pinUnits } from "../solvers/contiguity/pin-units.js";
import type { UnitLayout } from "../rules/check-units.js";
import { readUnitWork, withUnitWork, type CompiledWithUnits } from "../units/unit-work.js";

/** Units seen through an account-level assignment. */
export interface UnitView {
  /** The compiled problem with the units' own work (targets and bands include it). */
  readonly p: CompiledWithUnits;
  /** The account assignment followed by each unit's holder (rep index or −1), as `measure` reads it; length n + U. */
  readonly assign: Int32Array;
  /** Unit ids held by each rep, in unit input order; length m. */
  readonly unitIds: string[][];
  /** Polsby–Popper compactness of each rep's units (0 without units); length m. */
  readonly compactness: Float64Array;
  /** What the unit rules read (`checkUnitRules`). */
  readonly layout: UnitLayout;
  readonly diagnostics: Diagnostic[];
}

/** Units named in a diagnostic message before "…". */
const NAMED = 3;

/**
 * Maps an account-level assignment onto the problem's units. Accounts are placed in units as
 * `align` places them (their `unit`, else the unit containing their location; outside every unit
 * per `options.units.assignOutside`). A unit is held by the rep with the most workload among its
 * assigned accounts (then the most accounts, then the earliest rep); a unit whose accounts are split
 * between reps is named in a `unit_split` warning, and one with no assigned account is held by no
 * rep (`units_without_rep`: a warning when it carries work of its own, which then counts in no
 * territory; info otherwise). Accounts outside every unit still count for their rep.
 */
export function viewUnits(problem: Problem, compiled: CompiledProblem, accountRep: Int32Array, options: ResolvedOptions): UnitView {
  const { map, measures, graph } = compileUnits(problem.units!, options.units.adjacency);
  const minutesPerKm = (options.travel.circuity / options.travel.speedKmh) * 60;
  const p = withUnitWork(compiled, readUnitWork(problem.units!, measures, compiled, minutesPerKm));
  const placement = placeAccounts(problem.accounts, map, measures, options.units.assignOutside);
  const { n, m } = p;
  const U = map.count;

  // Hours and accounts per (unit, rep) pair present in the assignment, keyed u·m + r.
  const shares = new Map<number, { hours: number; count: number }>();
  for (let a = 0; a < n; a++) {
    const u = placement.unitOf[a], r = accountRep[a];
    if (u < 0 || r < 0) continue;
    const share = shares.get(u * m + r);
    if (share) (share.hours += p.workload[a]), share.count++;
    else shares.set(u * m + r, { hours: p.workload[a], count: 1 });
  }
  const holder = new Int32Array(U).fill(-1);
  const best = new Map<number, { hours: number; count: number }>();
  for (const key of [...shares.keys()].sort((x, y) => x - y)) {
    const u = Math.floor(key / m), r = key % m, share = shares.get(key)!;
    const top = best.get(u);
    if (!top || share.hours > top.hours || (share.hours === top.hours && share.count > top.count)) {
      holder[u] = r;
      best.set(u, share);
    }
  }

  const assign = new Int32Array(n + U);
  assign.set(accountRep);
  assign.set(holder, n);
  const unitIds: string[][] = Array.from({ length: m }, () => []);
  for (let u = 0; u < U; u++) if (holder[u] >= 0) unitIds[holder[u]].push(map.ids[u]);
  const compactness = territoryCompactness(graph, measures, holder, m);

  const diagnostics: Diagnostic[] = [];
  const free: number[] = [];
  let hours = 0, potential = 0;
  for (let u = 0; u < U; u++) {
    if (holder[u] >= 0) continue;
    free.push(u);
    hours += p.unitWork.workload[u];
    potential += p.unitWork.potential[u];
  }
  if (free.length > 0) {
    const own = hours > 0 || potential > 0;
    diagnostics.push({
      severity: own ? "warning" : "info",
      code: "units_without_rep",
      message:
        `${free.length} unit(s) hold no assigned account, so no territory holds them, e.g. ${free.slice(0, NAMED).map((u) => map.ids[u]).join(", ")}` +
        (own ? `; their own ${formatHours(hours)} of workload and ${Math.round(potential).toLocaleString("en-US")} of potential count in no territory (but in the targets)` : ""),
    });
  }
  if (placement.outside.length > 0) {
    const ids = placement.outside.map((a) => problem.accounts[a].id);
    diagnostics.push({
      severity: "info",
      code: "outside_units",
      message: `${ids.length} account(s) lie outside every unit and name none, e.g. ${ids[0]}; they count for their rep but in no unit`,
      accountIds: ids,
    });
  }
  const homeUnit = options.contiguity ? homeUnits(problem, p, map, measures, placement.unitOf) : new Int32Array(m).fill(-1);
  const layout: UnitLayout = { unitIds: map.ids, unitOf: placement.unitOf, holder, graph, homeUnit, contiguity: options.contiguity };
  return { p, assign, unitIds, compactness, layout, diagnostics };
}

/** Each rep's home unit as contiguous alignment anchors it (see `pinUnits`). */
function homeUnits(problem: Problem, p: CompiledProblem, map: UnitMap, measures: UnitMeasures, unitOf: Int32Array): Int32Array {
  const locate = createUnitLocator(map, measures);
  const homes = Int32Array.from(problem.reps, (rep) => locate(rep.home[0], rep.home[1]).unit);
  return pinUnits(problem, p, map.ids, unitOf, homes, measures.centroidLng, measures.centroidLat, true).anchor;
}

function formatHours(hours: number): string {
  return `${(Math.round(hours * 10) / 10).toLocaleString("en-US")} h`;
}
