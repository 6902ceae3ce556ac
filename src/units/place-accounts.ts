import type { Account } from "../model/problem-schema.js";
import { nearestUnit } from "./nearest-unit.js";
import { createPolygonIndex } from "./polygon-index.js";
import type { UnitMap } from "./unit-map.js";
import type { UnitMeasures } from "./unit-measures.js";

/**
 * What to do with an account that lies outside every unit (and names none):
 * - `report`: leave it unassigned, with the reason, and say so in a diagnostic;
 * - `nearest`: place it in the unit with the nearest boundary.
 */
export type OutsidePolicy = "nearest" | "report";

/** Points this close to a unit's boundary (degrees, about 1 cm) count as inside it. */
const ON_BOUNDARY = 1e-7;

/** Where each account lies. */
export interface Placement {
  /** Unit index of each account, or −1 when it lies outside every unit and is reported; length n. */
  readonly unitOf: Int32Array;
  /** Accounts outside every unit that were placed in the nearest unit (policy `nearest`). */
  readonly snapped: readonly number[];
  /** Accounts outside every unit left unplaced (policy `report`). */
  readonly outside: readonly number[];
}

/**
 * Finds the unit at a point: the first unit in input order whose polygons contain it (grid index,
 * even–odd rule), a point within ~1 cm of a boundary counting as inside; otherwise the unit with
 * the nearest boundary and the distance to it in degrees (`inside` false).
 */
export function createUnitLocator(map: UnitMap, measures: UnitMeasures): (lng: number, lat: number) => { unit: number; inside: boolean } {
  const index = createPolygonIndex(map, measures);
  return (lng, lat) => {
    const u = index.unitAt(lng, lat);
    if (u >= 0) return { unit: u, inside: true };
    const near = nearestUnit(map, measures, lng, lat);
    return { unit: near.unit, inside: near.distance <= ON_BOUNDARY };
  };
}

/**
 * Places accounts in units: by their `unit` id when set (non-empty), otherwise at their location
 * (see `createUnitLocator`). Accounts outside every unit follow `policy`.
 */
export function placeAccounts(accounts: readonly Account[], map: UnitMap, measures: UnitMeasures, policy: OutsidePolicy): Placement {
  const unitOf = new Int32Array(accounts.length).fill(-1);
  const snapped: number[] = [];
  const outside: number[] = [];
  const locate = createUnitLocator(map, measures);
  accounts.forEach((account, a) => {
    if (account.unit !== undefined && account.unit !== "") {
      unitOf[a] = map.index.get(account.unit)!;
      return;
    }
    const { unit, inside } = locate(account.location[0], account.location[1]);
    if (inside) unitOf[a] = unit;
    else if (policy === "nearest") {
      unitOf[a] = unit;
      snapped.push(a);
    } else {
      outside.push(a);
    }
  });
  return { unitOf, snapped, outside };
}
