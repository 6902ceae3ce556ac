import type { Rep } from "./problem-schema.js";

const NUMBERS = new Set(["maxTravelMinutes"]);
const TEXTS = new Set(["region", "district"]);

/**
 * `isWellFormedAccount` for reps: a quick, allocation-free test that a rep certainly passes
 * `repSchema` (a plain object with only the schema's keys, each of the schema's type, numbers
 * finite). It may say false for a rep the schema accepts (then the schema decides); it never says
 * true for one the schema rejects (a property test holds it to that).
 */
export function isWellFormedRep(value: unknown): value is Rep {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  const record = value as Record<string, unknown>;
  if (typeof record.id !== "string" || !Number.isFinite(record.capacity)) return false;
  const home = record.home;
  if (!Array.isArray(home) || home.length !== 2 || !Number.isFinite(home[0]) || !Number.isFinite(home[1])) return false;
  for (const key in record) {
    if (!Object.hasOwn(record, key)) return false;
    if (key === "id" || key === "home" || key === "capacity") continue;
    const field = record[key];
    if (field === undefined) continue;
    if (NUMBERS.has(key)) {
      if (!Number.isFinite(field)) return false;
    } else if (TEXTS.has(key)) {
      if (typeof field !== "string") return false;
    } else if (key === "segments") {
      if (!Array.isArray(field)) return false;
      for (let i = 0; i < field.length; i++) if (typeof field[i] !== "string") return false;
    } else if (key === "attributes") {
      if (!isPlainRecord(field)) return false;
    } else return false;
  }
  return true;
}

/** A plain object with string keys only (symbol keys are left to the schema). */
function isPlainRecord(value: unknown): boolean {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && Object.getOwnPropertySymbols(value).length === 0;
}
