import type { Plan } from "../model/plan.js";
import { accountFeatures } from "./account-features.js";
import { checkOptions } from "./check-options.js";
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from "./geojson-types.js";
import type { AccountProperties, RepProperties, TerritoryProperties } from "./geojson-properties.js";
import { repFeatures } from "./rep-features.js";
import { territoryFeatures } from "./territory-features.js";

/** Options for `toGeoJSON`; every field optional. */
export interface GeoJsonOptions {
  /** Include one outline per territory. Default true. */
  readonly territories?: boolean;
  /** Include one point per account. Default true. */
  readonly accounts?: boolean;
  /** Include one point per rep home. Default true. */
  readonly reps?: boolean;
  /**
   * How far, in km, territory outlines reach beyond the outermost accounts. Default: 5 % of the
   * diagonal of the accounts' bounding box, at least 1 km. Must be > 0. Not used by plans made of
   * units, whose outlines are the units' own.
   */
  readonly bufferKm?: number;
}

/** A feature of `toGeoJSON`'s output; branch on `properties.kind`. */
export type PlanFeature =
  | Feature<Polygon | MultiPolygon, TerritoryProperties>
  | Feature<Point, AccountProperties>
  | Feature<Point, RepProperties>;

/**
 * The plan as a GeoJSON FeatureCollection (RFC 7946): coordinates `[lng, lat]` rounded to 6
 * decimals, features in this order:
 *
 * 1. **territories** (`kind: "territory"`): one Polygon, or MultiPolygon when the territory is in
 *    pieces, with the territory summary (`repId`, `accountCount`, `workloadHours`, `targetHours`,
 *    `deviation`, `utilisation`, travel…). How outlines are drawn depends on the plan:
 *    - **Plans made of geographic units** (`align` on a problem with `units`, whose territories
 *      carry `unitIds`): each territory is the dissolved outline of its units
 *      (`dissolveTerritories`: borders between its own units removed, enclosed units of other
 *      territories left as holes), rings wound as RFC 7946 asks (exteriors counter-clockwise,
 *      holes clockwise). Every rep with at least one unit gets an outline, even without accounts,
 *      and the properties add `unitCount` and `compactness` (Polsby–Popper). Territories never
 *      overlap and together cover the units; `bufferKm` is not used. `accountsNotCovered` counts
 *      accounts drawn outside their territory (placed by a `unit` id that does not contain them,
 *      or snapped to the nearest unit).
 *    - **Other plans**: one outline per rep that owns at least one account (reps with no accounts
 *      get none; their home point says `accountCount: 0`). Assigned accounts' locations are the
 *      sites of a planar Voronoi diagram in a local equirectangular projection; each rep's cells
 *      are merged and clipped to the sites' convex hull grown by `bufferKm`. So territories never
 *      overlap and together tile that grown hull; an outline shows which rep is nearest in the
 *      plan, not a road-accurate boundary. Accounts that share a location (to 6 decimals) with
 *      accounts of another rep fall in the cell of the rep with more workload there;
 *      `accountsNotCovered` counts them. Unassigned accounts are not sites.
 * 2. **accounts** (`kind: "account"`): one Point per input account in input order, with `id`,
 *    `repId` (null when unassigned), `workload`, `potential` (0 when absent), `reason` (only when
 *    unassigned), each optional account field present in the input, then every free attribute.
 * 3. **reps** (`kind: "rep"`): one Point per rep home, with `id`, `repId` (= id), `capacity`,
 *    `accountCount`, `workloadHours`, `targetHours`, `utilisation`, the optional rep fields, then
 *    every free attribute.
 *
 * Attributes keep their own names and values (not copied: the same values as the input). An
 * attribute whose name is one of the fixed property names of its feature (`id`, `repId`, `kind`,
 * `workload`, … — `ACCOUNT_PROPERTY_NAMES` / `REP_PROPERTY_NAMES`) never overwrites it: it is
 * written as `attributes.<name>` instead (prefix repeated if that name is taken too).
 *
 * Outlines drawn around accounts that span the antimeridian stay in one piece, so their
 * longitudes may leave [−180, 180]; outlines made of units keep the units' own coordinates. The plan is not modified. Throws `TerralignError` (`invalid_option`) for bad options.
 */
export function toGeoJSON(plan: Plan, options: GeoJsonOptions = {}): FeatureCollection<PlanFeature> {
  checkOptions(options, { territories: "boolean", accounts: "boolean", reps: "boolean", bufferKm: "positive" });
  const parts: PlanFeature[][] = [
    options.territories !== false ? territoryFeatures(plan, { bufferKm: options.bufferKm }) : [],
    options.accounts !== false ? accountFeatures(plan) : [],
    options.reps !== false ? repFeatures(plan) : [],
  ];
  // concat, not push(...): spreading 10⁵ features as arguments overflows the stack.
  return { type: "FeatureCollection", features: parts[0].concat(parts[1], parts[2]) };
}
