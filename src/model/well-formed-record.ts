/** The keys a record kind may carry, by type (besides `id`, its point and its required number). */
export interface RecordShape {
  /** The `[lng, lat]` key (`location`, `home`) and the required finite number (`workload`, `capacity`). */
  readonly point: string;
  readonly amount: string;
  readonly numbers: ReadonlySet<string>;
  readonly texts: ReadonlySet<string>;
  /** Keys holding a list of strings. */
  readonly lists: ReadonlySet<string>;
}

/**
 * A quick, allocation-free test that a record certainly passes its schema: a plain object with a
 * string `id`, a finite `[lng, lat]` at `shape.point`, a finite number at `shape.amount`, and
 * otherwise only the shape's keys, each of its type (numbers finite; `attributes` a plain record;
 * any of them may be undefined). It may say false for a record the schema accepts (then the schema
 * decides); it never says true for one the schema rejects.
 */
export function isWellFormedRecord(value: unknown, shape: RecordShape): boolean {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  const record = value as Record<string, unknown>;
  if (typeof record.id !== "string" || !Number.isFinite(record[shape.amount])) return false;
  const point = record[shape.point];
  if (!Array.isArray(point) || point.length !== 2 || !Number.isFinite(point[0]) || !Number.isFinite(point[1])) return false;
  for (const key in record) {
    if (!Object.hasOwn(record, key)) return false;
    if (key === "id" || key === shape.point || key === shape.amount) continue;
    const field = record[key];
    const known = shape.numbers.has(key) || shape.texts.has(key) || shape.lists.has(key) || key === "attributes";
    if (!known) return false;
    if (field === undefined) continue;
    if (shape.numbers.has(key)) {
      if (!Number.isFinite(field)) return false;
    } else if (shape.texts.has(key)) {
      if (typeof field !== "string") return false;
    } else if (shape.lists.has(key)) {
      if (!Array.isArray(field)) return false;
      for (let i = 0; i < field.length; i++) if (typeof field[i] !== "string") return false;
    } else if (!isPlainRecord(field)) return false;
  }
  return true;
}

/** A plain object with string keys only (symbol keys are left to the schema). */
function isPlainRecord(value: unknown): boolean {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && Object.getOwnPropertySymbols(value).length === 0;
}
