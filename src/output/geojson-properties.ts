/** Properties of an account point. Free attributes follow the fixed fields (see `toGeoJSON`). */
export interface AccountProperties {
  readonly kind: "account";
  /** The account's id. */
  readonly id: string;
  /** The owning rep's id, or null when the account is unassigned. */
  readonly repId: string | null;
  /** Hours per period. */
  readonly workload: number;
  /** Currency per period; 0 when the input gave none. */
  readonly potential: number;
  /** Why the account is unassigned; only on unassigned accounts. */
  readonly reason?: string;
  /** The optional account fields, each present only when the input had it. */
  readonly visits?: number;
  readonly tier?: string;
  readonly segment?: string;
  readonly region?: string;
  readonly unit?: string;
  readonly currentRep?: string;
  readonly lockedRep?: string;
  /** Free attributes, under their own names (or `attributes.<name>` when the name is reserved). */
  readonly [attribute: string]: unknown;
}

/** Properties of a rep's home point: the rep's fields, a territory summary and its attributes. */
export interface RepProperties {
  readonly kind: "rep";
  /** The rep's id. */
  readonly id: string;
  /** The rep's id again, so that one style rule keyed on `repId` colours every kind of feature. */
  readonly repId: string;
  /** Hours per period. */
  readonly capacity: number;
  readonly accountCount: number;
  readonly workloadHours: number;
  readonly targetHours: number;
  /** Workload / capacity. */
  readonly utilisation: number;
  readonly region?: string;
  readonly segments?: readonly string[];
  readonly maxTravelMinutes?: number;
  /** Free attributes, under their own names (or `attributes.<name>` when the name is reserved). */
  readonly [attribute: string]: unknown;
}

/** Properties of a territory outline: the plan's territory summary without the account list. */
export interface TerritoryProperties {
  readonly kind: "territory";
  readonly repId: string;
  readonly accountCount: number;
  readonly workloadHours: number;
  readonly potential: number;
  readonly targetHours: number;
  /** (workload − target) / target. */
  readonly deviation: number;
  /** Workload / capacity. */
  readonly utilisation: number;
  readonly travelMinutes: number;
  readonly weightedTravel: number;
  readonly maxTravelMinutes: number;
  /**
   * Accounts of this rep whose location lies outside its outline; normally 0. With outlines drawn
   * around accounts: accounts that share their exact location (to 6 decimals) with more workload
   * of another rep. With outlines made of units: accounts placed by a `unit` id that does not
   * contain them, or placed in the nearest unit from outside every unit.
   */
  readonly accountsNotCovered: number;
  /** Number of geographic units in the territory; only on territories of a plan made of units. */
  readonly unitCount?: number;
  /**
   * Polsby–Popper compactness of the territory, 4π × area / perimeter², in [0, 1] (1 for a disc);
   * only on territories of a plan made of units.
   */
  readonly compactness?: number;
}

/** Reserved account property names: attributes with these names are moved to `attributes.<name>`. */
export const ACCOUNT_PROPERTY_NAMES = [
  "kind", "id", "repId", "workload", "potential", "reason",
  "visits", "tier", "segment", "region", "unit", "currentRep", "lockedRep",
] as const;

/** Reserved rep property names: attributes with these names are moved to `attributes.<name>`. */
export const REP_PROPERTY_NAMES = [
  "kind", "id", "repId", "capacity", "accountCount", "workloadHours", "targetHours", "utilisation",
  "region", "segments", "maxTravelMinutes",
] as const;

/** Optional account fields copied to account points when present. */
export const OPTIONAL_ACCOUNT_FIELDS = ["visits", "tier", "segment", "region", "unit", "currentRep", "lockedRep"] as const;
