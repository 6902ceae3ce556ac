import type { Plan } from "../model/plan.js";
import { dissolveTerritories } from "../units/dissolve.js";
import { createPolygonIndex } from "../units/polygon-index.js";
import { readUnitMap } from "../units/unit-map.js";
import { measureUnits } from "../units/unit-measures.js";
import { repIndexByAccount } from "./account-sites.js";
import type { Position } from "./geojson-types.js";
import { roundPolygons } from "./round-coordinates.js";
import type { TerritoryShape } from "./territory-polygons.js";
import { signedArea } from "./ring-geometry.js";

/**
 * Territory outlines of a unit-based plan: each territory's units dissolved into one Polygon or
 * MultiPolygon (`dissolveTerritories`: inner borders removed, holes kept), coordinates rounded to
 * 6 decimals and wound as RFC 7946 asks (exterior rings counter-clockwise, holes clockwise). Every
 * rep with at least one unit gets an outline, with or without accounts; reps without units get
 * none. Territories never overlap, since every unit belongs to one territory.
 *
 * `accountsNotCovered` counts the rep's accounts whose location lies outside its outline: accounts
 * placed by a `unit` id that does not contain them, or placed in the nearest unit from outside
 * every unit.
 */
export function unitTerritoryShapes(plan: Plan): TerritoryShape[] {
  const dissolved = dissolveTerritories(plan);
  if (dissolved.length === 0) return [];
  const outside = accountsOutsideTerritory(plan);
  return dissolved.map((d) => {
    const polygons = d.geometry.type === "Polygon" ? [d.geometry.coordinates] : d.geometry.coordinates;
    return { repIndex: d.repIndex, polygons: roundPolygons(polygons).map(windPolygon), accountsNotCovered: outside[d.repIndex] };
  });
}

/** Per rep index: its assigned accounts whose location is not inside one of its units. */
function accountsOutsideTerritory(plan: Plan): Int32Array {
  const { accounts, reps } = plan.problem;
  const map = readUnitMap(plan.problem.units!);
  const index = createPolygonIndex(map, measureUnits(map));
  const unitOwner = new Int32Array(map.count).fill(-1);
  plan.territories.forEach((t, r) => {
    for (const id of t.unitIds ?? []) {
      const u = map.index.get(id);
      if (u !== undefined) unitOwner[u] = r;
    }
  });
  const repOf = repIndexByAccount(plan);
  const out = new Int32Array(reps.length);
  accounts.forEach((account, a) => {
    const r = repOf[a];
    if (r < 0) return;
    const u = index.unitAt(account.location[0], account.location[1]);
    if (u < 0 || unitOwner[u] !== r) out[r]++;
  });
  return out;
}

/** The exterior counter-clockwise and the holes clockwise (rounding can flip a sliver). */
function windPolygon(rings: Position[][]): Position[][] {
  return rings.map((ring, k) => (signedArea(ring) > 0 === (k === 0) ? ring : [...ring].reverse()));
}
