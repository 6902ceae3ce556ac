import type { Plan } from "../model/plan.js";
import { repIndexByAccount } from "./account-sites.js";
import { attributeNames, withAttributes } from "./attribute-names.js";
import type { Feature, Point } from "./geojson-types.js";
import { featureListText } from "./geojson-text.js";
import { ACCOUNT_PROPERTY_NAMES, OPTIONAL_ACCOUNT_FIELDS, type AccountProperties } from "./geojson-properties.js";
import { roundPosition } from "./round-coordinates.js";

/** One Point per account, in input order, assigned or not. */
export function accountFeatures(plan: Plan): Feature<Point, AccountProperties>[] {
  const feature = accountFeatureMaker(plan);
  return plan.problem.accounts.map((_, a) => feature(a));
}

/**
 * Accounts per piece of `accountFeatureTexts`: a piece stays under V8's large-object size (about
 * 128 KB), so it dies in the young generation instead of piling up in large-object space until a
 * full collection (a million accounts in 4,096-account pieces left ~500 MB of such garbage).
 */
const TEXT_PIECE = 256;

/**
 * `accountFeatures` as JSON text in pieces (as `featureListText` writes a list), a few hundred
 * accounts each, made one at a time as the caller asks for them (a writer streams them out). Each piece's objects are dropped once it is written, so they die young instead of
 * being copied by the garbage collector as 10⁵–10⁶ live features would be.
 */
export function* accountFeatureTexts(plan: Plan): Generator<string> {
  const feature = accountFeatureMaker(plan);
  const n = plan.problem.accounts.length;
  for (let start = 0; start < n; start += TEXT_PIECE) {
    const features = [];
    for (let a = start; a < Math.min(n, start + TEXT_PIECE); a++) features.push(feature(a));
    yield featureListText(features);
  }
}

/** Makes account a's feature. */
function accountFeatureMaker(plan: Plan): (a: number) => Feature<Point, AccountProperties> {
  const { accounts, reps } = plan.problem;
  const repOf = repIndexByAccount(plan);
  const reasons = new Map(plan.unassigned.map((u) => [u.accountId, u.reason]));
  const names = attributeNames(ACCOUNT_PROPERTY_NAMES, accounts);
  return (a) => {
    const account = accounts[a];
    const r = repOf[a];
    const geometry: Point = { type: "Point", coordinates: roundPosition(account.location[0], account.location[1]) };
    if (!account.attributes) {
      // No free attributes: the same properties, built directly.
      const properties: Record<string, unknown> = { kind: "account", id: account.id, repId: r >= 0 ? reps[r].id : null, workload: account.workload, potential: account.potential ?? 0 };
      if (r < 0) properties.reason = reasons.get(account.id) ?? "not assigned";
      for (const field of OPTIONAL_ACCOUNT_FIELDS) if (account[field] !== undefined) properties[field] = account[field];
      return { type: "Feature", geometry, properties: properties as unknown as AccountProperties };
    }
    const fixed: [string, unknown][] = [
      ["kind", "account"],
      ["id", account.id],
      ["repId", r >= 0 ? reps[r].id : null],
      ["workload", account.workload],
      ["potential", account.potential ?? 0],
    ];
    if (r < 0) fixed.push(["reason", reasons.get(account.id) ?? "not assigned"]);
    for (const field of OPTIONAL_ACCOUNT_FIELDS) if (account[field] !== undefined) fixed.push([field, account[field]]);
    return {
      type: "Feature",
      geometry,
      properties: withAttributes(fixed, account.attributes, names) as AccountProperties,
    };
  };
}
