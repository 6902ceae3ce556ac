import type { Account } from "./problem-schema.js";
import { isWellFormedRecord, type RecordShape } from "./well-formed-record.js";

const ACCOUNT: RecordShape = {
  point: "location",
  amount: "workload",
  numbers: new Set(["potential", "visits", "moveCost"]),
  texts: new Set(["tier", "segment", "region", "district", "unit", "currentRep", "lockedRep"]),
  lists: new Set(),
};

/**
 * A quick, allocation-free test that an account certainly passes `accountSchema`
 * (`isWellFormedRecord`; a property test holds it to never saying true for one the schema
 * rejects). `parseProblem` uses it so that a million valid accounts are not copied by the schema;
 * the schema still judges anything unusual and words every error.
 */
export function isWellFormedAccount(value: unknown): value is Account {
  return isWellFormedRecord(value, ACCOUNT);
}
