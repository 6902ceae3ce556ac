import type { Plan } from "../model/plan.js";
import { attributeNames, withAttributes } from "./attribute-names.js";
import type { Feature, Point } from "./geojson-types.js";
import { REP_PROPERTY_NAMES, type RepProperties } from "./geojson-properties.js";
import { roundPosition } from "./round-coordinates.js";

/** One Point per rep home, in input order, including reps with no accounts. */
export function repFeatures(plan: Plan): Feature<Point, RepProperties>[] {
  const { reps } = plan.problem;
  const names = attributeNames(REP_PROPERTY_NAMES, reps);
  const territories = new Map(plan.territories.map((t) => [t.repId, t]));
  return reps.map((rep) => {
    const territory = territories.get(rep.id);
    const fixed: [string, unknown][] = [
      ["kind", "rep"],
      ["id", rep.id],
      ["repId", rep.id],
      ["capacity", rep.capacity],
      ["accountCount", territory?.accountCount ?? 0],
      ["workloadHours", territory?.workloadHours ?? 0],
      ["targetHours", territory?.targetHours ?? 0],
      ["utilisation", territory?.utilisation ?? 0],
    ];
    if (rep.region !== undefined) fixed.push(["region", rep.region]);
    if (rep.segments !== undefined) fixed.push(["segments", rep.segments]);
    if (rep.maxTravelMinutes !== undefined) fixed.push(["maxTravelMinutes", rep.maxTravelMinutes]);
    return {
      type: "Feature",
      geometry: { type: "Point", coordinates: roundPosition(rep.home[0], rep.home[1]) },
      properties: withAttributes(fixed, rep.attributes, names) as RepProperties,
    };
  });
}
