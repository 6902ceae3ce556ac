import type { Plan } from "../model/plan.js";
import type { Feature, MultiPolygon, Polygon } from "./geojson-types.js";
import type { TerritoryProperties } from "./geojson-properties.js";
import { territoryShapes, type TerritoryShape, type TerritoryShapeOptions } from "./territory-polygons.js";

/**
 * One Polygon (or MultiPolygon, when the territory is in pieces) per rep that owns at least one
 * account, in rep input order; reps with no accounts get none. `shapes` may be passed in when
 * already computed.
 */
export function territoryFeatures(
  plan: Plan,
  options: TerritoryShapeOptions = {},
  shapes: readonly TerritoryShape[] = territoryShapes(plan, options),
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
      },
    });
  }
  return features;
}
