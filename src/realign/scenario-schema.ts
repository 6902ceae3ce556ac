import * as z from "zod";

const finite = z.number().refine(Number.isFinite, { message: "must be a finite number" });
const positive = finite.refine((x) => x > 0, { message: "must be a positive number" });

/** A rep added by a scenario: id, home and capacity (hours), and optionally its rules. */
export const newRepSchema = z.strictObject({
  id: z.string().min(1),
  lng: finite,
  lat: finite,
  capacity: positive,
  region: z.string().optional(),
  segments: z.array(z.string()).optional(),
  maxTravelMinutes: finite.optional(),
});

/**
 * One scenario: edits to today's problem, applied in this order — `capacity`, `mergeReps`,
 * `splitRep`, `removeReps`, `addReps`, `freezeReps` — and option overrides.
 */
export const scenarioSchema = z.strictObject({
  /** Unique name; also the scenario's output folder. */
  name: z.string().min(1),
  /** Reps that leave: their accounts become orphans, placed freely outside the disruption budget (locks to them are dropped). */
  removeReps: z.array(z.string()).optional(),
  /** Reps that join (new hires): no accounts today. */
  addReps: z.array(newRepSchema).optional(),
  /** New capacities, hours per period, by rep id (e.g. a rep going part-time). */
  capacity: z.record(z.string(), positive).optional(),
  /**
   * One territory shared by a rep and a new one: the new rep (`id`) is based at `lng`/`lat`
   * (default: the rep's home) with `capacity` (default: half the rep's, which keeps the other half).
   */
  splitRep: z
    .union([
      z.strictObject({ rep: z.string(), id: z.string().min(1), lng: finite.optional(), lat: finite.optional(), capacity: positive.optional() }),
      z.array(z.strictObject({ rep: z.string(), id: z.string().min(1), lng: finite.optional(), lat: finite.optional(), capacity: positive.optional() })),
    ])
    .optional(),
  /** Territories merged: the reps in `reps` leave and `into` takes their accounts (as its own today) and capacity. */
  mergeReps: z.union([z.strictObject({ into: z.string(), reps: z.array(z.string()).min(1) }), z.array(z.strictObject({ into: z.string(), reps: z.array(z.string()).min(1) }))]).optional(),
  /** Territories kept exactly as they are today: these reps keep their accounts, take no others, and are left out of the balancing. */
  freezeReps: z.array(z.string()).optional(),
  /** Options for this scenario, laid over the common ones (e.g. `{"balance": {"workload": 0.08}}`). */
  options: z.record(z.string(), z.unknown()).optional(),
});

export const scenariosFileSchema = z.strictObject({ scenarios: z.array(scenarioSchema).min(1) });

export type NewRep = z.infer<typeof newRepSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;
