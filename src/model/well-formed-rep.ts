import type { Rep } from "./problem-schema.js";
import { isWellFormedRecord, type RecordShape } from "./well-formed-record.js";

const REP: RecordShape = {
  point: "home",
  amount: "capacity",
  numbers: new Set(["maxTravelMinutes"]),
  texts: new Set(["region", "district"]),
  lists: new Set(["segments"]),
};

/** `isWellFormedAccount` for reps: a quick test that a rep certainly passes `repSchema` (`isWellFormedRecord`). */
export function isWellFormedRep(value: unknown): value is Rep {
  return isWellFormedRecord(value, REP);
}
