import type { Account } from "./problem-schema.js";

const NUMBERS = new Set(["potential", "visits", "moveCost"]);
const TEXTS = new Set(["tier", "segment", "region", "district", "unit", "currentRep", "lockedRep"]);

/**
 * A quick, allocation-free test that an account certainly passes `accountSchema`: a plain object
 * with only the schema's keys, each of the schema's type (numbers finite). It may say false for an
 * account the schema accepts (then the schema decides); it never says true for one the schema
 * rejects (a property test holds it to that). `parseProblem` uses it so that a million valid
 * accounts are not copied by the schema; the schema still judges anything unusual and words
 * every error.
 */
export function isWellFormedAccount(value: unknown): value is Account {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  const record = value as Record<string, unknown>;
  if (typeof record.id !== "string" || !Number.isFinite(record.workload)) return false;
  const location = record.location;
  if (!Array.isArray(location) || location.length !== 2 || !Number.isFinite(location[0]) || !Number.isFinite(location[1])) return false;
  for (const key in record) {
    if (!Object.hasOwn(record, key)) return false;
    if (key === "id" || key === "location" || key === "workload") continue;
    const field = record[key];
    if (NUMBERS.has(key)) {
      if (field !== undefined && !Number.isFinite(field)) return false;
    } else if (TEXTS.has(key)) {
      if (field !== undefined && typeof field !== "string") return false;
    } else if (key === "attributes") {
      if (field !== undefined && !isPlainRecord(field)) return false;
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
