import * as z from "zod/mini";
import { unitsSchema } from "../units/units-schema.js";

/**
 * The zod schemas for the problem are the single source of truth for the input types: the
 * `Account`, `Rep` and `Problem` types are inferred from them. Structural checks (types, required
 * fields, unknown keys) live in the object schemas; value checks (ranges, duplicate ids, references
 * between records) live in `checkProblem`, so every input error has the same shape.
 */

/** `[lng, lat]` in degrees, GeoJSON order. */
export const lngLatSchema = z.tuple([z.number(), z.number()]);

export const accountSchema = z.strictObject({
  /** Caller's id; any non-empty string, including `__proto__` or `constructor`. */
  id: z.string(),
  /** `[lng, lat]` in degrees (GeoJSON order, always). */
  location: lngLatSchema,
  /** Hours of work this account needs per period; finite and ≥ 0. */
  workload: z.number(),
  /** Sales potential per period (currency); finite and ≥ 0. Default 0. */
  potential: z.optional(z.number()),
  /** Planned visits per period (informational; carried to outputs). */
  visits: z.optional(z.number()),
  /** Account tier, e.g. `"A"` for key accounts (carried to outputs). */
  tier: z.optional(z.string()),
  /** Segment; only reps whose `segments` include it (or reps with no `segments`) may serve it. */
  segment: z.optional(z.string()),
  /** Region; when both the account and a rep have a region, they must match. */
  region: z.optional(z.string()),
  /** District (a finer level than region, e.g. within it): for roll-ups only, no rule. */
  district: z.optional(z.string()),
  /** Geographic unit id (ZIP, county, brick) the account lies in. */
  unit: z.optional(z.string()),
  /** Rep that owns the account today; used to measure disruption. */
  currentRep: z.optional(z.string()),
  /** Rep that must own the account, whatever the cost. */
  lockedRep: z.optional(z.string()),
  /**
   * Weight of moving this account away from its `currentRep`, for `disruption.maxMoveCost` (a
   * relationship weight: a key account with 10 counts ten times); finite and ≥ 0. Default 1.
   */
  moveCost: z.optional(z.number()),
  /** Free attributes, carried untouched to every output. */
  attributes: z.optional(z.record(z.string(), z.unknown())),
});

export const repSchema = z.strictObject({
  /** Caller's id; any non-empty string. */
  id: z.string(),
  /** Home base `[lng, lat]` in degrees. */
  home: lngLatSchema,
  /** Hours available per period; finite and > 0. */
  capacity: z.number(),
  /** Region; accounts with a different region are not eligible for this rep. */
  region: z.optional(z.string()),
  /** District (a finer level than region): for roll-ups only, no rule. */
  district: z.optional(z.string()),
  /** Segments this rep may serve; absent means every segment. */
  segments: z.optional(z.array(z.string())),
  /** Longest one-way trip (minutes) from home to an account this rep may serve. */
  maxTravelMinutes: z.optional(z.number()),
  /** Free attributes, carried untouched to every output. */
  attributes: z.optional(z.record(z.string(), z.unknown())),
});

/**
 * A travel-time matrix that replaces the built-in great-circle model: `minutes[r][a]` is the
 * one-way time from rep `r`'s home to account `a`, both in input order.
 */
export const travelMatrixSchema = z.strictObject({
  minutes: z.array(z.array(z.number())),
});

export const problemSchema = z.strictObject({
  accounts: z.array(accountSchema),
  reps: z.array(repSchema),
  travel: z.optional(travelMatrixSchema),
  /**
   * Geographic units (a GeoJSON FeatureCollection or a one-object TopoJSON Topology of
   * Polygon/MultiPolygon units with ids). When given, territories are made of whole units: each
   * account goes with the unit it lies in (its `unit`, else the unit containing its location), and
   * every unit, with or without accounts, belongs to exactly one territory. See `unitsSchema`.
   */
  units: z.optional(unitsSchema),
});

/** An account to be placed in a territory. See the field docs in `accountSchema`. */
export type Account = z.infer<typeof accountSchema>;
/** A sales rep with a home base and a capacity. See the field docs in `repSchema`. */
export type Rep = z.infer<typeof repSchema>;
/** A travel-time matrix in minutes, `minutes[repIndex][accountIndex]`. */
export type TravelMatrix = z.infer<typeof travelMatrixSchema>;
/** Everything to align: accounts, reps and, optionally, a travel-time matrix and geographic units. */
export type Problem = z.infer<typeof problemSchema>;
