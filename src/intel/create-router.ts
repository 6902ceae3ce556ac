import { compileProblem, regionalFactors, segmentRegionRule } from "../compile/compile.js";
import { bandWidth } from "../compile/compiled-problem.js";
import { planHours, visitHours } from "../compile/travel-hours.js";
import { fail, TerralignError } from "../errors.js";
import { EARTH_RADIUS_KM, haversineKm } from "../geo/haversine.js";
import { unitVectors } from "../solvers/transport/great-circle.js";
import { describeValue } from "../model/describe-value.js";
import { parseProblem, resolveOptions } from "../model/parse.js";
import type { AssignmentRow } from "../model/plan.js";
import type { Account, Problem } from "../model/problem-schema.js";
import { exceeds, loadsOf } from "../rules/check-assignment.js";
import { boxDistance2, indexPoints, nearestPoints, type PointIndex } from "../geo/nearest-points.js";
import { StringIndex } from "../util/string-index.js";
import { createRepPullIndex, setRepRatio } from "./rep-pull-index.js";
import type { RepLoad, RouteReason, Router, RouterOptions, RouteResult } from "./router-types.js";

const RAD = Math.PI / 180;

/** `routedTo` of an account whose routing has not finished (it threw): not routed. */
const UNFINISHED = -2;

/** Reps to a leaf of the tree of rep homes: smaller leaves price fewer reps per search (8 measured ~5 % faster than 16 at 2,000 reps). */
const REP_LEAF = 8;

/**
 * A router for new accounts against `plan` (any assignment of `problem`'s accounts: a `Plan` or rows
 * read from a CRM). Eligibility is the rule checker's: a rep may take an account when the segment and
 * region rules allow it and the trip is within its travel limit; a lock overrides both. A locked
 * account goes to its locked rep, an account naming an eligible current rep to that rep, any other by
 * the policy. Deterministic: ties go to the rep listed first. Travel uses the built-in great-circle
 * model of `options.travel` (a travel matrix or function cannot price accounts that are not in it).
 */
export function createRouter(problem: Problem, plan: { readonly assignment: readonly AssignmentRow[] }, options: RouterOptions = {}): Router {
  return createRouterValidated(parseProblem(problem), plan, options);
}

/**
 * A plan's assignment rows matched to numbers (the CLI reads them so: `readAssignmentIndex`).
 * Internal.
 */
export interface IndexedAssignment {
  /** The plan's account ids, account a as a; the router adds the ids it routes. */
  readonly ids: StringIndex;
  /** Per row: the number of its account in `ids`, −1 when unknown. */
  readonly account: Int32Array;
  /** Per row: the number of its rep, −1 when unknown. */
  readonly rep: Int32Array;
  /** The ids as written of the rows with an unknown account or rep (only the unknown ones), for messages. */
  readonly unknown: ReadonlyMap<number, { readonly accountId?: string; readonly repId?: string }>;
}

/** `createRouter` for a problem that has already passed `parseProblem` (the CLI validates while reading). Internal. */
export function createRouterValidated(valid: Problem, plan: { readonly assignment: readonly AssignmentRow[] } | IndexedAssignment, options: RouterOptions = {}): Router {
  const { policy = "territory", neighbours = 3, steering = 1, expectedWorkload = 0, ...alignOptions } = options;
  if (policy !== "territory" && policy !== "balanced") throw new TerralignError("invalid_option", `options.policy: expected "territory" or "balanced", got ${describeValue(policy)}`);
  if (!(Number.isInteger(neighbours) && neighbours >= 1)) throw new TerralignError("invalid_option", `options.neighbours: expected a whole number ≥ 1, got ${describeValue(neighbours)}`);
  if (!(Number.isFinite(steering) && steering >= 0)) throw new TerralignError("invalid_option", `options.steering: expected a number ≥ 0, got ${describeValue(steering)}`);
  if (!(Number.isFinite(expectedWorkload) && expectedWorkload >= 0)) throw new TerralignError("invalid_option", `options.expectedWorkload: expected hours ≥ 0, got ${describeValue(expectedWorkload)}`);
  const resolved = resolveOptions(alignOptions);
  const p = compileProblem(valid, resolved);
  if (p.minutesPerKm === undefined) {
    throw new TerralignError("unsupported", "routing prices new accounts with the built-in travel model (options.travel.speedKmh and circuity); a travel matrix, a travel function or regional speeds (options.regions.*.travel) cannot price accounts that are not in it");
  }
  const minutesPerKm = p.minutesPerKm;
  const m = p.m;
  const repIndex = new Map(valid.reps.map((rep, r) => [rep.id, r]));
  // Every id the router has seen: a plan account's (its index, < n) or a routed account's (n + its routing number).
  const indexed = "ids" in plan ? plan : indexRows(valid, repIndex, plan.assignment);
  const known = indexed.ids;
  // Rep of each account routed so far, in routing order (−1: routed to no rep; `UNFINISHED`).
  const routedTo: number[] = [];
  const assign = new Int32Array(p.n).fill(-1);
  for (let k = 0; k < indexed.account.length; k++) {
    const a = indexed.account[k], r = indexed.rep[k];
    if (a < 0) fail("unknown_reference", ["assignment", k, "accountId"], `${JSON.stringify(indexed.unknown.get(k)!.accountId)} is not the id of any account`);
    if (r < 0) fail("unknown_reference", ["assignment", k, "repId"], `${JSON.stringify(indexed.unknown.get(k)!.repId)} is not the id of any rep`);
    assign[a] = r;
  }
  const load = loadsOf(p, assign);
  const before = Float64Array.from(load);
  const routed = new Float64Array(m);
  // Band totals as align's checker counts them: workload (× regional factor), or with travel in the
  // hours the plan's total hours; each rep's band is its share of the total × (1 ± its own width).
  const startTotal = p.travelHours ? planHours(p, assign, load) : p.totalWorkload;
  let total = startTotal;
  const share = p.travelHours ? p.travelHours.share : Float64Array.from(p.target, (t, r) => (p.totalWorkload > 0 ? t / p.totalWorkload : p.capacity[r] / p.totalCapacity));
  const factor = regionalFactors(resolved);
  const workOf = (account: Account) => account.workload * (account.region !== undefined ? factor.get(account.region) ?? 1 : 1);
  // With visits chained to day trips, a new account hops as its nearest account in the plan does.
  const stops = resolved.travel.stopsPerDay;
  const allAccounts = p.travelHours && stops > 1 && p.n > 0 ? indexPoints(Int32Array.from({ length: p.n }, (_, a) => a), p.accountLng, p.accountLat) : undefined;
  let hop = 0;
  // Each rep's band width; for the pull (`pullOf`, which runs for every rep a search looks at: no
  // division there) its inverse, a width of 0 counting as 0.01, and the largest and least of those.
  const width = Float64Array.from({ length: m }, (_, r) => bandWidth(p, r));
  const inverseWidth = Float64Array.from(width, (w) => 1 / (w > 0 ? w : 0.01));
  let inverseNarrowest = 0, inverseWidest = Infinity;
  for (let r = 0; r < m; r++) (inverseNarrowest = Math.max(inverseNarrowest, inverseWidth[r])), (inverseWidest = Math.min(inverseWidest, inverseWidth[r]));
  const assignedRows = Int32Array.from({ length: p.n }, (_, a) => a).filter((a) => assign[a] >= 0);
  // Only `territory` looks at the plan's accounts around a new one.
  const index: PointIndex | undefined = policy === "territory" && assignedRows.length > 0 ? indexPoints(assignedRows, p.accountLng, p.accountLat) : undefined;
  const rule = segmentRegionRule(valid.reps);
  let typical = 0;
  for (const a of assignedRows) typical += p.travel(assign[a], a);
  typical = assignedRows.length > 0 && typical > 0 ? typical / assignedRows.length : 60;
  const pull = steering * typical;
  // Travel to each rep from the account being routed, computed on first use (stamp = call number).
  const travel = new Float64Array(m), stamp = new Int32Array(m).fill(-1);
  let call = 0, lng = 0, lat = 0;
  const travelTo = (r: number) => {
    if (stamp[r] !== call) {
      stamp[r] = call;
      travel[r] = haversineKm(p.repLng[r], p.repLat[r], lng, lat) * minutesPerKm;
    }
    return travel[r];
  };
  // Unit vectors of rep homes and of the account, for a cheap lower bound on trips to far reps.
  const repUnit = unitVectors(p.repLng, p.repLat);
  let ux = 0, uy = 0, uz = 0;
  // Minutes per unit of chord: the straight line is shorter than the arc (2 asin(chord / 2)), and
  // slightly shortened again, so that rounding never prunes a rep that could win; no asin, as it
  // runs for every rep and node a search looks at, and near (where it matters) chord and arc agree.
  const minutesPerChord = EARTH_RADIUS_KM * minutesPerKm * (1 - 1e-9);
  const chordMinutes = (r: number) => {
    const dx = repUnit[3 * r] - ux, dy = repUnit[3 * r + 1] - uy, dz = repUnit[3 * r + 2] - uz;
    return Math.sqrt(dx * dx + dy * dy + dz * dz) * minutesPerChord;
  };
  const repHomes = indexPoints(Int32Array.from({ length: m }, (_, r) => r), p.repLng, p.repLat, REP_LEAF);
  // The tree search relies on the pull growing with a rep's load (steering ≥ 0, checked above).
  const pullIndex = policy === "balanced" ? createRepPullIndex(repHomes, load, p.capacity) : undefined;
  const rows = new Int32Array(Math.max(64, m)), km = new Float64Array(Math.max(64, m));
  // An account's hours at a rep `minutes` away, as `accountHours` counts them.
  const hoursAt = (account: Account, minutes: number) => (p.travelHours ? visitHours(workOf(account), account.visits ?? 1, minutes, stops, hop) : workOf(account));
  const upperOf = (r: number, sum: number) => Math.min(p.capacity[r], sum * share[r] * (1 + width[r]));
  const band = (r: number, sum: number) => {
    const target = sum * share[r];
    return { target, lower: target * (1 - width[r]), upper: upperOf(r, sum) };
  };
  /** Visits reps nearest first (by their homes) until `visit` returns false or every rep is visited. */
  const nearestReps = (visit: (r: number) => boolean): void => {
    let done = 0;
    for (let want = Math.min(16, m); ; want = Math.min(m, want * 4)) {
      const found = nearestPoints(repHomes, lng, lat, want, -1, rows, km);
      for (let k = done; k < found; k++) if (!visit(rows[k])) return;
      done = found;
      if (found < want || want === m) return;
    }
  };

  function route(account: Account): RouteResult {
    const id = checkAccount(account);
    // The id is known from now on (one look-up: it runs for every account), by its place in
    // `routedTo`, marked unfinished until a rep (or none) is chosen: an error below leaves the two
    // in step, and the account may be routed again.
    const prior = known.addIfAbsent(id, p.n + routedTo.length);
    const retried = prior !== undefined && prior >= p.n && routedTo[prior - p.n] === UNFINISHED;
    if (prior !== undefined && !retried) throw new TerralignError("duplicate_id", `account ${JSON.stringify(id)} is already ${describePrior(prior)}; a new account needs a new id`);
    const at = retried ? prior - p.n : routedTo.push(UNFINISHED) - 1;
    call++;
    lng = account.location[0];
    lat = account.location[1];
    const eligible = (r: number) => (!rule || rule(r, account)) && (p.maxTravel[r] === Infinity || !exceeds(travelTo(r), p.maxTravel[r]));
    const totalBefore = total;
    total += workOf(account);
    let r = -1, reason: RouteReason = "unroutable", message = "";
    try {
      if (allAccounts) {
        const found = nearestPoints(allAccounts, lng, lat, 1, -1, rows, km);
        hop = found > 0 ? p.travelHours!.hop[rows[0]] : 0;
      }
      if (account.lockedRep !== undefined) {
        r = repIndex.get(account.lockedRep)!;
        reason = "lock";
        message = `locked to rep ${account.lockedRep}`;
      } else if (account.currentRep !== undefined && eligible(repIndex.get(account.currentRep)!)) {
        r = repIndex.get(account.currentRep)!;
        reason = "owner";
        message = `its named owner, rep ${account.currentRep}`;
      } else {
        const chosen = policy === "territory" ? territoryRep(eligible) : balancedRep(account, eligible);
        r = chosen.r;
        reason = r < 0 ? "unroutable" : policy === "territory" ? "territory" : "balance";
        message = chosen.message;
      }
      if (r < 0 && !message) message = unroutable(account);
    } catch (error) {
      // Nothing was routed: the total is as it was.
      total = totalBefore;
      throw error;
    }
    if (r < 0) {
      routedTo[at] = -1;
      return { accountId: id, repId: null, reason, travelMinutes: null, hours: workOf(account), message };
    }
    const minutes = travelTo(r);
    const hours = hoursAt(account, minutes);
    // Travel counts in the band's total too.
    total += hours - workOf(account);
    load[r] += hours;
    routed[r] += hours;
    if (pullIndex) setRepRatio(pullIndex, r, load[r] / p.capacity[r]);
    routedTo[at] = r;
    return { accountId: id, repId: valid.reps[r].id, reason, travelMinutes: minutes, hours, message };
  }

  /**
   * The territory around the point: the owners of its nearest assigned accounts whose owner may take
   * it. Inside a territory they are one rep; on a border, the rep with the shorter trip.
   */
  function territoryRep(eligible: (r: number) => boolean): { r: number; message: string } {
    if (index) {
      for (let want = Math.min(neighbours, rows.length); ; want = Math.min(rows.length, want * 4)) {
        const found = nearestPoints(index, lng, lat, want, -1, rows, km);
        let best = -1, counted = 0;
        for (let k = 0; k < found && counted < neighbours; k++) {
          const owner = assign[rows[k]];
          if (!eligible(owner)) continue;
          counted++;
          if (best < 0 || travelTo(owner) < travelTo(best) || (travelTo(owner) === travelTo(best) && owner < best)) best = owner;
        }
        if (best >= 0) return { r: best, message: `in rep ${valid.reps[best].id}'s territory (its accounts are among the ${counted} nearest that an eligible rep owns)` };
        if (want === rows.length || found < want) break;
      }
    }
    let best = -1;
    nearestReps((r) => {
      if (eligible(r)) best = r;
      return best < 0;
    });
    return { r: best, message: best < 0 ? "" : `nearest eligible rep, rep ${valid.reps[best].id} (no account of an eligible rep nearby)` };
  }

  /**
   * Travel plus a pull towards reps below target, among eligible reps with room in their band
   * (`cheapestWithRoom`); when none has room, the least overloaded: the least load after the
   * account over its band's upper end (ties: the rep listed first).
   */
  function balancedRep(account: Account, eligible: (r: number) => boolean): { r: number; message: string } {
    ux = Math.cos(lat * RAD) * Math.cos(lng * RAD);
    uy = Math.cos(lat * RAD) * Math.sin(lng * RAD);
    uz = Math.sin(lat * RAD);
    const best = cheapestWithRoom(account, eligible);
    if (best >= 0) return { r: best, message: `rep ${valid.reps[best].id}: least travel plus balance among reps with room in their band` };
    // The search looked at every eligible rep (it prunes only once it has found one): none has room.
    let fallback = -1, fallbackRatio = Infinity;
    for (let r = 0; r < m; r++) {
      if (rule && !rule(r, account)) continue;
      const ratio = (load[r] + (p.travelHours ? hoursAt(account, travelTo(r)) : workOf(account))) / upperOf(r, total);
      if (ratio < fallbackRatio && eligible(r)) (fallbackRatio = ratio), (fallback = r);
    }
    return { r: fallback, message: fallback < 0 ? "" : `every eligible rep is at its band's upper end; rep ${valid.reps[fallback].id} is the least over` };
  }

  /**
   * The eligible rep with room in its band that minimises travel plus pull (ties: the rep listed
   * first), by a depth-first branch and bound over the reps' tree (`RepPullIndex`), nearer children
   * first; −1 when none has room. A node is skipped when no rep below it can cost less than the best
   * found: their trip is at least the straight line (chord) to the node's box, their pull at least the pull
   * at the node's least load ratio (`pullAtRatio`, the pull grows with the ratio); both bounds are
   * shaded down so that rounding never prunes a rep that could win. Written out in one loop (no
   * callbacks): it runs for every account routed, over ~60 reps each.
   */
  function cheapestWithRoom(account: Account, eligible: (r: number) => boolean): number {
    const index = pullIndex!;
    const t = index.homes.tree, box = index.homes.box, { stack, stackBound, leastRatio } = index;
    const perCapacity = capacityPerTarget();
    const work = p.travelHours ? 0 : workOf(account);
    let best = -1, bestCost = Infinity, bar = Infinity;
    const boundOf = (node: number) => {
      const chord = Math.sqrt(boxDistance2(box, node, ux, uy, uz));
      const pulled = pullAtRatio(leastRatio[node], perCapacity);
      return chord * minutesPerChord + pulled - 1e-9 * (1 + Math.abs(pulled));
    };
    let top = 0;
    stackBound[top] = boundOf(0);
    stack[top++] = 0;
    while (top > 0) {
      const node = stack[--top];
      // A node's bound is the one computed when it was stacked (the ratios change only between searches).
      if (stackBound[top] > bar) continue;
      const l = t.left[node];
      if (l >= 0) {
        const r = t.right[node];
        const boundL = boundOf(l), boundR = boundOf(r);
        const near = boundL <= boundR;
        stackBound[top] = near ? boundR : boundL;
        stack[top++] = near ? r : l;
        stackBound[top] = near ? boundL : boundR;
        stack[top++] = near ? l : r;
        continue;
      }
      for (let i = t.lo[node]; i < t.hi[node]; i++) {
        const r = t.order[i];
        // Most reps looked at are too far to win even at the straight-line (chord) trip: that test first.
        const pulled = pullOf(r, perCapacity);
        if (best >= 0 && chordMinutes(r) + pulled > bar) continue;
        if (rule && !rule(r, account)) continue;
        const after = load[r] + (p.travelHours ? hoursAt(account, travelTo(r)) : work);
        if (exceeds(after, upperOf(r, total))) continue;
        if (!eligible(r)) continue;
        const cost = travelTo(r) + pulled;
        if (cost < bestCost || (cost === bestCost && r < best)) {
          bestCost = cost;
          best = r;
          bar = bestCost + 1e-9 * Math.abs(bestCost) + 1e-9;
        }
      }
    }
    return best;
  }

  /**
   * The least pull of any rep whose load is `ratio` × its capacity (`pullOf`'s `perCapacity`): reps'
   * bands may differ, so the narrowest band for a rep behind, the widest for one ahead.
   */
  function pullAtRatio(ratio: number, perCapacity: number): number {
    if (!(perCapacity > 0)) return 0;
    const d = ratio * perCapacity - 1;
    return pullFrom(d * (d < 0 ? inverseNarrowest : inverseWidest));
  }

  /**
   * Minutes added to a rep's cost. With z its deviation from target in band widths, nothing while
   * |z| ≤ ½ (near its target a rep competes on travel alone), then ± pull × (d + d³) with
   * d = 2(|z| − ½) up to 2: the cube lets a rep far behind pull much harder than one a little
   * behind. The cap (10 × pull, reached 1½ band widths out, where a ±10 % band has become ±15 %)
   * is strong enough to draw work to a rep on the edge of the map before it drifts further, and
   * keeps reps that are all far behind, as when the new work rivals the old, competing on travel.
   */
  function pullOf(r: number, perCapacity: number): number {
    // The load ratio as the tree keeps it: the nodes' bounds (`pullAtRatio`) come from the same numbers.
    return pullFrom(perCapacity > 0 ? (pullIndex!.ratio[r] * perCapacity - 1) * inverseWidth[r] : 0);
  }

  /** Total capacity over the total the targets share (a rep's target is its capacity over this); 0 when there is nothing to share. */
  function capacityPerTarget(): number {
    const sum = Math.max(total, startTotal + expectedWorkload);
    return sum > 0 ? p.totalCapacity / sum : 0;
  }

  function pullFrom(z: number): number {
    const d = Math.min(2, 2 * Math.max(0, Math.abs(z) - 0.5));
    return pull * Math.sign(z) * (d + d * d * d);
  }

  /** What the id numbered `k` (`known`) already is. */
  function describePrior(k: number): string {
    if (k >= p.n) return routedTo[k - p.n] < 0 ? "routed (to no rep)" : `routed to rep ${valid.reps[routedTo[k - p.n]].id}`;
    const owner = assign[k];
    return owner >= 0 ? `assigned to rep ${valid.reps[owner].id} in the plan` : "an account of the plan";
  }

  function unroutable(account: Account): string {
    const parts = [account.segment !== undefined ? `segment '${account.segment}'` : "", account.region !== undefined ? `region '${account.region}'` : ""].filter(Boolean).join(" and ");
    return `no rep may take it: no rep ${parts ? `serving ${parts} ` : ""}has it within its travel limit`;
  }

  function checkAccount(account: Account): string {
    const id = account?.id;
    if (typeof id !== "string" || id.trim() === "") fail("invalid_input", ["account", "id"], `${describeValue(id)} is not an account id`);
    const at = account.location;
    if (!Array.isArray(at) || !(Math.abs(at[0]) <= 180) || !(Math.abs(at[1]) <= 90)) fail("invalid_input", ["account", "location"], `${describeValue(at)} is not a [lng, lat] location (account ${JSON.stringify(id)})`);
    if (!(Number.isFinite(account.workload) && account.workload >= 0)) fail("invalid_input", ["account", "workload"], `${describeValue(account.workload)} is not a workload ≥ 0 (account ${JSON.stringify(id)})`);
    if (account.lockedRep !== undefined) checkRep(account.lockedRep, id, "lockedRep");
    if (account.currentRep !== undefined) checkRep(account.currentRep, id, "currentRep");
    return id;
  }

  function checkRep(rep: string, id: string, field: "lockedRep" | "currentRep"): void {
    if (!repIndex.has(rep)) fail("unknown_reference", ["account", field], `${JSON.stringify(rep)} is not the id of any rep (account ${JSON.stringify(id)})`);
  }

  return {
    policy,
    route,
    loads() {
      return valid.reps.map((rep, r) => {
        const then = band(r, startTotal), now = band(r, total);
        const inBand = (value: number, b: { lower: number; upper: number }) => !exceeds(value, b.upper) && !exceeds(b.lower, value);
        return {
          repId: rep.id,
          before: before[r],
          routed: routed[r],
          after: load[r],
          target: now.target,
          deviation: now.target > 0 ? (load[r] - now.target) / now.target : 0,
          inBandBefore: inBand(before[r], then),
          inBandAfter: inBand(load[r], now),
        };
      });
    },
  };
}

/** The rows of a plan's assignment matched to numbers, with an index of the plan's account ids that has room for as many routed ids. */
function indexRows(valid: Problem, repIndex: ReadonlyMap<string, number>, assignment: readonly AssignmentRow[]): IndexedAssignment {
  const ids = new StringIndex(2 * valid.accounts.length + 1024);
  valid.accounts.forEach((account, a) => ids.addIfAbsent(account.id, a));
  const account = new Int32Array(assignment.length), rep = new Int32Array(assignment.length);
  const unknown = new Map<number, { accountId?: string; repId?: string }>();
  assignment.forEach(({ accountId, repId }, k) => {
    account[k] = ids.get(accountId) ?? -1;
    rep[k] = repIndex.get(repId) ?? -1;
    if (account[k] < 0 || rep[k] < 0) unknown.set(k, { accountId, repId });
  });
  return { ids, account, rep, unknown };
}
