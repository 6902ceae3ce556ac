import { buildAdjacency, type AdjacencyRule, type UnitGraph } from "./adjacency.js";
import { readUnitMap, type UnitMap } from "./unit-map.js";
import { measureUnits, type UnitMeasures } from "./unit-measures.js";
import type { Units } from "./units-schema.js";

/** Units ready for solving: decoded polygons, their measures and the connected adjacency graph. */
export interface CompiledUnits {
  readonly map: UnitMap;
  readonly measures: UnitMeasures;
  readonly graph: UnitGraph;
}

/** Decodes validated units, measures them and builds their adjacency under `rule`. */
export function compileUnits(units: Units, rule: AdjacencyRule): CompiledUnits {
  const map = readUnitMap(units);
  const measures = measureUnits(map);
  return { map, measures, graph: buildAdjacency(map, measures, rule) };
}
