import { describe, expect, it } from "vitest";
import { compileProblem } from "../../src/compile/compile.js";
import { haversineKm } from "../../src/geo/haversine.js";
import { resolveOptions } from "../../src/model/parse.js";
import type { Account } from "../../src/model/problem-schema.js";
import { candidateSites } from "../../src/place/candidate-sites.js";
import { splitBeyondReach, type DemandPoints } from "../../src/place/demand-points.js";
import { placementModel } from "../../src/place/placement-model.js";
import { headCountBounds } from "../../src/place/head-count-bound.js";

/** Two accounts 40 km apart on the equator, and a third 200 km further east. */
const accounts: Account[] = [
  { id: "A", location: [0, 0], workload: 2 },
  { id: "B", location: [0.36, 0], workload: 2 },
  { id: "C", location: [2.16, 0], workload: 2 },
];
const rep = { id: "R", home: [0, 0] as [number, number], capacity: 10, maxTravelMinutes: 30 };
const compiled = compileProblem({ accounts, reps: [rep] }, resolveOptions({}));
/** A and B as one group, C alone. */
const grouped: DemandPoints = {
  lng: Float64Array.of(0.18, 2.16),
  lat: Float64Array.of(0, 0),
  workload: Float64Array.of(4, 2),
  memberStart: Int32Array.of(0, 2, 3),
  members: Int32Array.of(0, 1, 2),
  spread: 0,
};
const sites = { ids: ["at A", "between"], lng: Float64Array.of(0, 0.18), lat: Float64Array.of(0, 0), account: Int32Array.of(-1, -1), available: 2 };

describe("travel limits in the home search", () => {
  it("counts a group of accounts within a site's reach only when every member is", () => {
    // From A, B is 40 km × 1.3 / 50 km/h ≈ 62 minutes away: beyond the 30-minute limit.
    const model = placementModel(compiled, grouped, sites, [], [0]);
    const s = model.instance.sites.length;
    const siteAt = (name: string) => model.siteIds.indexOf(name);
    expect(model.instance.cost[0 * s + siteAt("at A")]).toBeGreaterThanOrEqual(model.forbidden);
    // Between A and B both are 20 km (31 minutes) away: still beyond.
    expect(model.instance.cost[0 * s + siteAt("between")]).toBeGreaterThanOrEqual(model.forbidden);
  });

  it("splits a group that no home reaches whole into its accounts, and keeps groups that one home reaches", () => {
    const split = splitBeyondReach(compiled, grouped, { lng: Float64Array.of(0, 0.36), lat: Float64Array.of(0, 0), minutes: Float64Array.of(30, 30) });
    expect(split.workload.length).toBe(3);
    expect([...split.members].sort()).toEqual([0, 1, 2]);
    expect(split.spread).toBe(0);
    const kept = splitBeyondReach(compiled, grouped, { lng: Float64Array.of(0.18), lat: Float64Array.of(0), minutes: Float64Array.of(60) });
    expect(kept).toBe(grouped);
  });

  it("keeps each account's busiest home within the limit when thinning sites", () => {
    // A busy town, a village 60 km east of its edge with a light account, and a dense far corner that takes the spread's sites.
    const town = Array.from({ length: 40 }, (_, a) => ({ id: `T${a}`, location: [0.01 * (a % 8), 0.01 * Math.floor(a / 8)] as [number, number], workload: 5 }));
    const corner = Array.from({ length: 40 }, (_, a) => ({ id: `C${a}`, location: [10 + 0.01 * (a % 8), 10 + 0.01 * Math.floor(a / 8)] as [number, number], workload: 5 }));
    const village = [{ id: "V", location: [0.62, 0.02] as [number, number], workload: 0.5 }];
    const problem = { accounts: [...town, ...corner, ...village], reps: [] };
    // 1.56 min/km: 60 km is 94 minutes; 100 minutes reach the village from the town's east edge only.
    const reach = { minutes: 100, minutesPerKm: 1.56, enough: 1_000 };
    const thin = candidateSites(problem, "accounts", 4, reach);
    const minutes = (p: readonly [number, number], q: readonly [number, number]) => haversineKm(p[0], p[1], q[0], q[1]) * reach.minutesPerKm;
    const gathers = (home: Account) => problem.accounts.filter((a) => minutes(home.location, a.location) <= reach.minutes).reduce((sum, a) => sum + a.workload, 0);
    const busiest = Math.max(...problem.accounts.filter((home) => minutes(home.location, village[0].location) <= reach.minutes).map(gathers));
    const kept = [...thin.account].map((a) => problem.accounts[a]).filter((home) => minutes(home.location, village[0].location) <= reach.minutes);
    expect(Math.max(...kept.map(gathers))).toBe(busiest);
  });
});

describe("headCountBounds with a band and a travel limit", () => {
  it("rules out head counts whose band's lower end no home within reach of some account can gather", () => {
    // Accounts 0–5 (1 h each) around site 0; account 6 (1 h) only reachable from site 1, which also reaches accounts 4 and 5.
    const workload = Float64Array.of(1, 1, 1, 1, 1, 1, 1);
    const reachLists = [[0, 1, 2, 3, 4, 5], [4, 5, 6], [0, 1, 2, 3]];
    const reachStart = Int32Array.of(0, 6, 9, 13);
    const reach = Int32Array.from(reachLists.flat());
    // Capacity 7 alone needs 1 rep; with ±10 % the rep of account 6 gathers at most 3 h ≥ 0.9 × 7 / k: k ≥ 3.
    const bounds = headCountBounds({ workload, capacity: 7, reachStart, reach }, 2, 0.1);
    expect(bounds.capacity).toBe(1);
    expect(bounds.balanced).toBeGreaterThanOrEqual(3);
  });
});
