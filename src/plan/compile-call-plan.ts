import { fail } from "../errors.js";
import type { AssignmentRow } from "../model/plan.js";
import { StringIndex } from "../util/string-index.js";
import type { CallPlanData } from "./call-plan-data.js";
import { callPlanOptionsSchema, defaultCallPlanOptions, type CallPlanOptions } from "./call-plan-options.js";
import { checkOptions } from "./check-options.js";
import { numericField, optionalNumber, type PlanAccount } from "./plan-account.js";
import { upperHullLevels } from "./response-hull.js";
import { responseModelSchema, responseTable, type ResponseModel } from "./response-model.js";
import { settingPerAccount, tierNamesOf } from "./tier-setting.js";

/** What `callPlan` needs of a rep: its id and hours per period. Every `Rep` fits. */
export interface CallPlanRep {
  readonly id: string;
  /** Hours available for visits per period; > 0. */
  readonly capacity: number;
}

/** Checks the inputs of `callPlan` and compiles them; throws a `TerralignError` naming the bad field. */
export function compileCallPlan(
  accounts: readonly PlanAccount[],
  reps: readonly CallPlanRep[],
  assignment: readonly AssignmentRow[],
  options: CallPlanOptions,
): CallPlanData {
  const o = checkOptions(callPlanOptionsSchema, options);
  const n = accounts.length, m = reps.length;
  const ids = accounts.map((a) => a.id);
  const accountIndex = indexIds(ids, "accounts", "account");
  const repIndex = indexIds(reps.map((r) => r.id), "reps", "rep");
  const potential = numericField(accounts, "potential");
  for (let i = 0; i < n; i++) if (potential[i] < 0) fail("invalid_input", ["accounts", i, "potential"], `potential ${potential[i]} must not be negative (account ${JSON.stringify(ids[i])})`);
  const capacityMinutes = Float64Array.from(reps, (rep, r) => {
    if (!(typeof rep.capacity === "number" && Number.isFinite(rep.capacity) && rep.capacity > 0)) {
      fail("invalid_input", ["reps", r, "capacity"], `capacity ${String(rep.capacity)} must be a positive number of hours (rep ${JSON.stringify(rep.id)})`);
    }
    return rep.capacity * 60;
  });
  const rep = repOfAccounts(assignment, accountIndex, repIndex, n);

  const tiers = accounts.map((a) => a.tier);
  const known = tierNamesOf(tiers);
  const isNumber = (v: unknown) => typeof v === "number";
  const minutesOf = settingPerAccount<number>(o.minutesPerVisit, isNumber, "minutesPerVisit", tiers, ids, known);
  const maxOf = settingPerAccount<number>(o.maxVisits ?? defaultCallPlanOptions.maxVisits, isNumber, "maxVisits", tiers, ids, known);
  const modelOf = responsePerAccount(o.response, tiers, ids, known);
  const minutes = Float64Array.from({ length: n }, (_, i) => minutesOf(i));

  const perAccount = Array.isArray(o.response);
  const byTier = !perAccount && (!isNumber(o.maxVisits ?? 0) || !isResponseModel(o.response));
  const classOfKey = new Map<string, number>();
  const models: ResponseModel[] = [];
  const limits: number[] = [];
  const cls = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const key = perAccount ? `${JSON.stringify(modelOf(i))}|${maxOf(i)}` : byTier ? (tiers[i] ?? "") : "";
    let c = classOfKey.get(key);
    if (c === undefined) {
      c = models.length;
      classOfKey.set(key, c);
      models.push(modelOf(i));
      limits.push(maxOf(i));
    }
    cls[i] = c;
  }
  const classes = compileClasses(models, limits);
  const ruleOf = o.tierVisits ? settingPerAccount<number>(o.tierVisits, () => false, "tierVisits", tiers, ids, known) : (i: number) => optionalNumber(accounts, i, "visits") ?? NaN;
  const ruleVisits = Float64Array.from({ length: n }, (_, i) => ruleOf(i));
  return { n, m, rep, capacityMinutes, potential, minutes, cls, ...classes, ruleVisits };
}

function indexIds(ids: readonly string[], list: string, noun: string): StringIndex {
  const index = new StringIndex(ids.length);
  for (let i = 0; i < ids.length; i++) {
    if (typeof ids[i] !== "string" || ids[i] === "") fail("invalid_input", [list, i, "id"], `${noun} id is empty or not a string`);
    const first = index.addIfAbsent(ids[i], i);
    if (first !== undefined) fail("duplicate_id", [list, i, "id"], `duplicate ${noun} id ${JSON.stringify(ids[i])} (also ${list}[${first}])`);
  }
  return index;
}

function repOfAccounts(assignment: readonly AssignmentRow[], accounts: StringIndex, reps: StringIndex, n: number): Int32Array {
  const rep = new Int32Array(n).fill(-1);
  for (let k = 0; k < assignment.length; k++) {
    const { accountId, repId } = assignment[k];
    const a = accounts.get(accountId);
    if (a === undefined) fail("unknown_reference", ["assignment", k, "accountId"], `account ${JSON.stringify(accountId)} is not one of the accounts`);
    const r = reps.get(repId);
    if (r === undefined) fail("unknown_reference", ["assignment", k, "repId"], `rep ${JSON.stringify(repId)} is not one of the reps`);
    if (rep[a] >= 0) fail("invalid_input", ["assignment", k, "accountId"], `account ${JSON.stringify(accountId)} is assigned twice`);
    rep[a] = r;
  }
  return rep;
}

function isResponseModel(value: unknown): boolean {
  return value !== null && typeof value === "object" && !Array.isArray(value) && "model" in value;
}

/** The response model of each account: one model, one per tier, or one per account (each checked once). */
function responsePerAccount(response: unknown, tiers: readonly (string | undefined)[], ids: readonly string[], known: ReadonlySet<string>): (account: number) => ResponseModel {
  if (Array.isArray(response)) {
    if (response.length !== ids.length) fail("invalid_option", ["options", "response"], `one response model per account is needed: got ${response.length} for ${ids.length} accounts`);
    const checked = new Map<unknown, ResponseModel>();
    return (i) => {
      let model = checked.get(response[i]);
      if (model === undefined) {
        model = checkOptions(responseModelSchema, response[i], ["options", "response", i]) as ResponseModel;
        checked.set(response[i], model);
      }
      return model;
    };
  }
  if (response === null || typeof response !== "object") fail("invalid_option", ["options", "response"], 'expected a response model such as {"model": "adbudg", "min": 0.2, "max": 1.5, "c": 1.8, "d": 30}, one per tier, or one per account');
  if (isResponseModel(response)) {
    const model = checkOptions(responseModelSchema, response, ["options", "response"]) as ResponseModel;
    return () => model;
  }
  const perTier: Record<string, ResponseModel> = {};
  for (const [tier, model] of Object.entries(response)) perTier[tier] = checkOptions(responseModelSchema, model, ["options", "response", tier]) as ResponseModel;
  return settingPerAccount<ResponseModel>(perTier, () => false, "response", tiers, ids, known);
}

function compileClasses(models: readonly ResponseModel[], limits: readonly number[]) {
  const k = models.length;
  const tableStart = new Int32Array(k), hullStart = new Int32Array(k), hullCount = new Int32Array(k), maxVisits = Int32Array.from(limits);
  const tables: Float64Array[] = [], hulls: Int32Array[] = [];
  let t = 0, h = 0;
  for (let c = 0; c < k; c++) {
    const table = responseTable(models[c], limits[c]);
    const hull = upperHullLevels(table);
    tableStart[c] = t;
    hullStart[c] = h;
    hullCount[c] = hull.length;
    tables.push(table);
    hulls.push(hull);
    t += table.length;
    h += hull.length;
  }
  return { tables: concat(Float64Array, tables, t), tableStart, maxVisits, hulls: concat(Int32Array, hulls, h), hullStart, hullCount };
}

function concat<A extends Float64Array | Int32Array>(Kind: { new (length: number): A }, parts: readonly A[], length: number): A {
  const out = new Kind(length);
  let at = 0;
  for (const part of parts) {
    out.set(part as never, at);
    at += part.length;
  }
  return out;
}
