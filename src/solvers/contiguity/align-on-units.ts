import { compileProblem } from "../../compile/compile.js";
import { TerralignError } from "../../errors.js";
import type { ResolvedOptions } from "../../model/defaults.js";
import type { Diagnostic, Plan } from "../../model/plan.js";
import type { Problem } from "../../model/problem-schema.js";
import { diagnoseInput } from "../../settle/diagnose.js";
import { finalizePlan } from "../../settle/finalize-plan.js";
import { settlePlan } from "../../settle/settle-plan.js";
import { checkUnitRules, type UnitLayout } from "../../rules/check-units.js";
import type { SolveContext } from "../solve-context.js";
import { territoryCompactness } from "../../units/compactness.js";
import { compileUnits, type CompiledUnits } from "../../units/compile-units.js";
import { createUnitLocator, placeAccounts, type Placement } from "../../units/place-accounts.js";
import { readUnitWork, withUnitWork, type CompiledWithUnits } from "../../units/unit-work.js";
import { constructOnUnits } from "./construct.js";
import { pinUnits } from "./pin-units.js";
import { solveContiguous } from "./solve-contiguous.js";
import { buildUnitProblem, type UnitProblem } from "./unit-problem.js";

/**
 * `align` for a problem with units: accounts are placed in units, units are assigned whole
 * (contiguously when `options.contiguity`), and the plan lists each territory's units and
 * compactness. Units' own work (`workload` / `potential` properties, see `UnitWork`) goes with the
 * unit and counts in its territory's figures, the targets and the bands. Accounts outside every
 * unit (policy `report`) and accounts no rep may serve stay unassigned with the reason.
 */
export function alignOnUnits(problem: Problem, options: ResolvedOptions, context: SolveContext): Plan {
  const { p, input, units, placement, up, diagnostics } = prepareUnits(problem, options);
  const { map, measures, graph } = units;

  let owner: Int32Array;
  let strategy;
  let lowerBound: number | undefined;
  let stopped: boolean;
  if (options.contiguity) {
    const solution = solveContiguous(up, p, options, context);
    ({ owner, strategy, lowerBound, stopped } = solution);
    const s = solution.stats;
    const perSecond = s.searchMs > 0 ? ` (${Math.round(s.evaluations / (s.searchMs / 1000)).toLocaleString("en-US")}/s)` : "";
    diagnostics.push({
      severity: "info",
      code: "contiguity",
      message: `${map.count} units, ${graph.links.length / 2} island link(s); ${s.starts} starts; ${s.moves.toLocaleString("en-US")} boundary moves from ${s.evaluations.toLocaleString("en-US")} evaluations${perSecond}, ${s.recombinations.toLocaleString("en-US")} recombinations, ${s.rounds} rounds, ${s.annealSteps.toLocaleString("en-US")} annealing steps`,
    });
  } else {
    const built = constructOnUnits(up, p, options, context);
    ({ owner, strategy, lowerBound } = built);
    fillCheapest(up, owner);
    stopped = context.stopped();
  }
  // Accounts first, then the holder of each unit, for the units' own work (see `measure`).
  const assign = new Int32Array(p.n + map.count).fill(-1);
  assign.set(owner, p.n);
  const unassignedReasons = new Map<number, string>();
  for (let a = 0; a < p.n; a++) {
    const u = placement.unitOf[a];
    if (u < 0) unassignedReasons.set(a, "lies outside every unit (options.units.assignOutside is \"report\")");
    else if (!input.unservable.has(a)) assign[a] = owner[u];
  }
  for (const [a, reason] of input.unservable) unassignedReasons.set(a, reason);
  const layout: UnitLayout = { unitIds: map.ids, unitOf: placement.unitOf, holder: owner, graph, homeUnit: up.anchor, contiguity: options.contiguity };
  const result = { assign, status: "feasible" as const, unassignedReasons, ...(lowerBound !== undefined ? { lowerBound } : {}) };
  const settled = settlePlan(problem, p, result, {
    inputDiagnostics: diagnostics,
    stopped: () => stopped,
    repair: false,
    extraViolations: (a) => checkUnitRules(layout, a, p.accountIds, p.repIds),
  });
  const unitCount = `${map.count.toLocaleString("en-US")} units`;
  const method = options.contiguity ? `contiguity search on ${unitCount} (starts from ${strategy})` : `${strategy} on ${unitCount}`;
  const plan = { ...finalizePlan(problem, p, settled, strategy, context.elapsedMs(), options), method };

  const compactness = territoryCompactness(graph, measures, owner, p.m);
  const unitIds: string[][] = Array.from({ length: p.m }, () => []);
  for (let u = 0; u < map.count; u++) if (owner[u] >= 0) unitIds[owner[u]].push(map.ids[u]);
  return { ...plan, territories: plan.territories.map((t, r) => ({ ...t, unitIds: unitIds[r], compactness: compactness[r] })) };
}

/** Unit–rep pairs beyond which the dense unit cost table (8 bytes a pair) is refused. */
const MAX_UNIT_REP_PAIRS = 20_000_000;

/** Everything `alignOnUnits` solves from: the compiled problem (with the units' own work), the units, where accounts lie, and the unit-level problem. */
export interface PreparedUnits {
  readonly p: CompiledWithUnits;
  readonly input: ReturnType<typeof diagnoseInput>;
  readonly units: CompiledUnits;
  readonly placement: Placement;
  readonly up: UnitProblem;
  readonly diagnostics: Diagnostic[];
}

/**
 * Compiles the problem and its units (the units' own work counted in the total workload, so in
 * every target and band), places accounts and reps in units, and builds the unit-level problem.
 */
export function prepareUnits(problem: Problem, options: ResolvedOptions): PreparedUnits {
  const regional = Object.keys(options.regions).find((name) => options.regions[name].travel !== undefined || options.regions[name].workload !== undefined || options.regions[name].balance !== undefined);
  if (regional !== undefined) throw new TerralignError("unsupported", `options.regions.${regional}: regional travel, workload and band parameters are not supported together with problem.units`);
  if (options.workload.includeTravel) {
    throw new TerralignError("unsupported", "options.workload.includeTravel: travel counted in workload is not supported together with problem.units");
  }
  const units = compileUnits(problem.units!, options.units.adjacency);
  const { map, measures, graph } = units;
  const minutesPerKm = (options.travel.circuity / options.travel.speedKmh) * 60;
  const compiled = compileProblem(problem, options);
  const p = withUnitWork(compiled, readUnitWork(problem.units!, measures, compiled, minutesPerKm));
  // Eligibility checked directly (first eligible rep ends the scan): account-level candidate arcs
  // would cost more than the whole unit-level solve and nothing here uses them.
  const input = diagnoseInput(problem, p);
  const diagnostics: Diagnostic[] = [...input.diagnostics];
  if (map.count * p.m > MAX_UNIT_REP_PAIRS) {
    throw new TerralignError(
      "unsupported",
      `units: ${map.count.toLocaleString("en-US")} units × ${p.m.toLocaleString("en-US")} reps is more unit–rep pairs than this version handles (${MAX_UNIT_REP_PAIRS.toLocaleString("en-US")}); use fewer, larger units`,
    );
  }
  const placement = placeAccounts(problem.accounts, map, measures, options.units.assignOutside);
  const locate = createUnitLocator(map, measures);
  const homes = problem.reps.map((rep) => locate(rep.home[0], rep.home[1]));
  diagnostics.push(...placementDiagnostics(problem, placement.outside, placement.snapped));
  const away = problem.reps.filter((_, r) => !homes[r].inside).map((rep) => rep.id);
  if (away.length > 0 && options.contiguity) {
    diagnostics.push({ severity: "info", code: "home_outside_units", message: `${away.length} rep home(s) lie outside every unit, e.g. ${away[0]}; each is anchored at the unit with the nearest boundary`, repIds: away });
  }
  const base = buildUnitProblem(p, graph, measures, placement.unitOf, (a) => !input.unservable.has(a), minutesPerKm);
  const homeUnit = Int32Array.from(homes, (h) => h.unit);
  const pins = pinUnits(problem, p, map.ids, placement.unitOf, homeUnit, measures.centroidLng, measures.centroidLat, options.contiguity);
  diagnostics.push(...pins.diagnostics);
  return { p, input, units, placement, up: { ...base, pin: pins.pin, anchor: pins.anchor }, diagnostics };
}

/** Units the unit-level solve left open (no workload, or no room) go to their cheapest allowed rep. */
function fillCheapest(up: UnitProblem, owner: Int32Array): void {
  for (let u = 0; u < up.U; u++) {
    if (owner[u] >= 0) continue;
    let best = -1;
    for (let r = 0; r < up.m; r++) {
      if (up.allowed[u * up.m + r] && (best < 0 || up.cost[u * up.m + r] < up.cost[u * up.m + best])) best = r;
    }
    owner[u] = best >= 0 ? best : 0;
  }
}

function placementDiagnostics(problem: Problem, outside: readonly number[], snapped: readonly number[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (outside.length > 0) {
    const ids = outside.map((a) => problem.accounts[a].id);
    out.push({
      severity: "error",
      code: "outside_units",
      message: `${ids.length} account(s) lie outside every unit and name none, e.g. ${ids[0]} at [${problem.accounts[outside[0]].location.join(", ")}]; set their unit, or options.units.assignOutside to "nearest"`,
      accountIds: ids,
    });
  }
  if (snapped.length > 0) {
    const ids = snapped.map((a) => problem.accounts[a].id);
    out.push({ severity: "info", code: "placed_in_nearest_unit", message: `${ids.length} account(s) outside every unit were placed in the nearest unit, e.g. ${ids[0]}`, accountIds: ids });
  }
  return out;
}
