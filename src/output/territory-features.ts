import type { Plan } from "../model/plan.js";
import type { Feature, MultiPolygon, Polygon } from "./geojson-types.js";
import type { TerritoryProperties } from "./geojson-properties.js";
import { territoryShapes, type TerritoryShape, type TerritoryShapeOptions } from "./territory-polygons.js";
import { isUnitPlan } from "./unit-plan.js";
import { unitTerritoryShapes } from "./unit-territory-shapes.js";

/** Outlines already drawn, per plan and options (plans are never modified, so they stay valid). */
const drawn = new WeakMap<Plan, Map<string, readonly TerritoryShape[]>>();

/**
 * Territory outlines of any plan: its units dissolved when the plan is unit-based
 * (`unitTerritoryShapes`), otherwise Voronoi outlines around the accounts (`territoryShapes`,
 * which `options` tune). Outlines are drawn once per plan object and options (writing a plan's
 * GeoJSON and its SVG map draws them once); each call returns its own copy.
 */
export function planTerritoryShapes(plan: Plan, options: TerritoryShapeOptions = {}): TerritoryShape[] {
  return sharedTerritoryShapes(plan, options).map((shape) => ({ ...shape, polygons: shape.polygons.map((polygon) => polygon.map((ring) => ring.map(([x, y]) => [x, y] as typeof ring[number]))) }));
}

/**
 * The outlines `planTerritoryShapes` copies: drawn once per plan and options, and shared — for
 * writers that only read them (GeoJSON text, SVG, HTML), which at 1M accounts would otherwise copy
 * tens of megabytes of rings each.
 */
export function sharedTerritoryShapes(plan: Plan, options: TerritoryShapeOptions = {}): readonly TerritoryShape[] {
  const key = String(options.bufferKm);
  let byOptions = drawn.get(plan);
  if (!byOptions) drawn.set(plan, (byOptions = new Map()));
  let shapes = byOptions.get(key);
  if (!shapes) byOptions.set(key, (shapes = isUnitPlan(plan) ? unitTerritoryShapes(plan) : territoryShapes(plan, options)));
  return shapes;
}

/**
 * One Polygon (or MultiPolygon, when the territory is in pieces) per territory that has an outline
 * (see `planTerritoryShapes`: every rep with accounts, or with units in a unit-based plan), in rep
 * input order. Territories made of units also carry `unitCount` and `compactness`. `shapes` may be
 * passed in when already computed.
 */
export function territoryFeatures(
  plan: Plan,
  options: TerritoryShapeOptions = {},
  shapes: readonly TerritoryShape[] = planTerritoryShapes(plan, options),
): Feature<Polygon | MultiPolygon, TerritoryProperties>[] {
  const territories = new Map(plan.territories.map((t) => [t.repId, t]));
  const features: Feature<Polygon | MultiPolygon, TerritoryProperties>[] = [];
  for (const shape of shapes) {
    if (shape.polygons.length === 0) continue;
    const repId = plan.problem.reps[shape.repIndex].id;
    const t = territories.get(repId);
    if (!t) continue;
    features.push({
      type: "Feature",
      geometry:
        shape.polygons.length === 1
          ? { type: "Polygon", coordinates: shape.polygons[0] }
          : { type: "MultiPolygon", coordinates: shape.polygons },
      properties: {
        kind: "territory",
        repId,
        accountCount: t.accountCount,
        workloadHours: t.workloadHours,
        potential: t.potential,
        targetHours: t.targetHours,
        deviation: t.deviation,
        utilisation: t.utilisation,
        travelMinutes: t.travelMinutes,
        weightedTravel: t.weightedTravel,
        maxTravelMinutes: t.maxTravelMinutes,
        accountsNotCovered: shape.accountsNotCovered,
        ...(t.unitIds !== undefined ? { unitCount: t.unitIds.length } : {}),
        ...(t.compactness !== undefined ? { compactness: t.compactness } : {}),
      },
    });
  }
  return features;
}
