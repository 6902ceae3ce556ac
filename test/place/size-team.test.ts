import { describe, expect, it } from "vitest";
import { TerralignError } from "../../src/errors.js";
import { haversineKm } from "../../src/geo/haversine.js";
import type { Account } from "../../src/model/problem-schema.js";
import { headCountBounds, smallestBalancedCount } from "../../src/place/head-count-bound.js";
import { sizeTeam } from "../../src/place/size-team.js";
import { createRandom } from "../../src/util/random.js";

/** Accounts in three towns about 150–200 km apart, 12 per town. */
function towns(seed = 1): Account[] {
  const random = createRandom(seed);
  const centres: [number, number][] = [
    [-103.35, 20.67],
    [-101.68, 21.12],
    [-100.39, 20.59],
  ];
  return Array.from({ length: 36 }, (_, a) => {
    const [lng, lat] = centres[a % 3];
    return { id: `A${a + 1}`, location: [lng + (random() - 0.5) * 0.2, lat + (random() - 0.5) * 0.2] as [number, number], workload: 1 + Math.floor(random() * 4) };
  });
}

const total = (accounts: Account[]) => accounts.reduce((s, a) => s + a.workload, 0);

/**
 * Like the bundled Mexico data, but smaller: towns of different sizes over about 500 × 300 km,
 * more accounts than the home search takes one by one without a travel limit, and `outliers`
 * accounts in a village about 100 km east of the last town.
 */
function mexicoLike(seed: number, count = 640, outliers = 0): Account[] {
  const random = createRandom(seed);
  const towns: [number, number, number][] = [
    [-103.35, 20.67, 0.3],
    [-101.68, 21.12, 0.15],
    [-100.39, 20.59, 0.2],
    [-101.19, 19.7, 0.2],
    [-102.29, 21.88, 0.15],
  ];
  const accounts: Account[] = Array.from({ length: count }, (_, a) => {
    let pick = random();
    const [lng, lat] = towns.find(([, , share]) => (pick -= share) < 0) ?? towns[0];
    const spread = random() < 0.8 ? 0.3 : 1.2;
    return { id: `A${a + 1}`, location: [lng + (random() - 0.5) * spread, lat + (random() - 0.5) * spread] as [number, number], workload: Math.round((0.5 + 2.5 * random()) * 100) / 100 };
  });
  for (let o = 0; o < outliers; o++) accounts.push({ id: `V${o + 1}`, location: [-99.5 + 0.02 * o, 20.2], workload: 1 });
  return accounts;
}

/** Travel minutes at the default speed (50 km/h) and circuity (1.3). */
const minutes = (from: readonly [number, number], to: readonly [number, number]) => (haversineKm(from[0], from[1], to[0], to[1]) * 1.3 * 60) / 50;

/** Every account of the plan is assigned to a rep within `limit` minutes of its home. */
function expectWithinLimit(accounts: Account[], plan: NonNullable<ReturnType<typeof sizeTeam>["plan"]>, limit: number) {
  const home = new Map(plan.placement.reps.map((rep) => [rep.id, rep.home]));
  const repOf = new Map(plan.assignment.map((row) => [row.accountId, row.repId]));
  expect(plan.unassigned).toEqual([]);
  for (const account of accounts) {
    const rep = repOf.get(account.id);
    expect(rep, account.id).toBeDefined();
    expect(minutes(home.get(rep!)!, account.location), `${account.id} to ${rep}`).toBeLessThanOrEqual(limit + 1e-6);
  }
}

describe("sizeTeam", () => {
  it("needs ⌈work / capacity⌉ reps when travel does not bind, and says the count equals the bound", () => {
    const accounts = towns();
    const capacity = total(accounts) / 2.6;
    const result = sizeTeam({ accounts, reps: [] }, { capacity, balance: 0.25 });
    expect(result.bounds.capacity).toBe(3);
    expect(result.lowerBound).toBe(3);
    expect(result.count).toBe(3);
    expect(result.versusBound).toBe("equal");
    expect(result.plan!.placement.homes).toHaveLength(3);
  });

  it("needs a rep per town when the travel limit keeps towns apart, whatever the capacity", () => {
    const accounts = towns(2);
    const result = sizeTeam({ accounts, reps: [] }, { capacity: total(accounts), balance: 0.5, maxTravelMinutes: 60 });
    expect(result.bounds.capacity).toBe(1);
    expect(result.bounds.travel).toBe(3);
    expect(result.lowerBound).toBe(3);
    expect(result.count).toBe(3);
    for (const territory of result.plan!.territories) expect(territory.maxTravelMinutes).toBeLessThanOrEqual(60);
  });

  it("reports no head count, with the reason, when an account is out of every site's reach", () => {
    const accounts = towns(3);
    const sites = [{ id: "GDL", location: [-103.35, 20.67] as const }];
    const result = sizeTeam({ accounts, reps: [] }, { capacity: total(accounts), maxTravelMinutes: 60, sites });
    expect(result.count).toBeNull();
    expect(result.versusBound).toBe("none found");
    expect(result.reason).toMatch(/more than 60 minutes from every candidate site/);
  });

  it("finds a team on many accounts with a travel limit, each account within the limit of its rep, at most one above the bound", () => {
    const accounts = mexicoLike(11);
    const capacity = total(accounts) / 5.5;
    const result = sizeTeam({ accounts, reps: [] }, { capacity, balance: 0.15, maxTravelMinutes: 240 });
    expect(result.count).not.toBeNull();
    expect(result.lowerBound).toBeGreaterThanOrEqual(result.bounds.capacity);
    expect(result.lowerBound).toBeLessThanOrEqual(result.count!);
    expect(result.count! - result.lowerBound).toBeLessThanOrEqual(1);
    expect(result.versusBound).toBe(result.count === result.lowerBound ? "equal" : "one above");
    expect(["optimal", "feasible"]).toContain(result.plan!.status);
    expectWithinLimit(accounts, result.plan!, 240);
  }, 120_000);

  it("needs more reps than ⌈work / capacity⌉ when a far village can only be served by a rep with too little work in reach", () => {
    // The village's rep reaches the village and the east edge of the nearest town only: for its
    // workload to reach the band's lower end, (1 − balance) × work / count must come down to that.
    // (Judging a group of accounts reachable when any member was, this instance found no team.)
    const accounts = mexicoLike(12, 640, 6);
    const result = sizeTeam({ accounts, reps: [] }, { capacity: total(accounts) / 3.5, balance: 0.2, maxTravelMinutes: 150 });
    expect(result.bounds.capacity).toBe(4);
    expect(result.lowerBound).toBeGreaterThan(result.bounds.capacity);
    expect(result.count).not.toBeNull();
    expect(result.count! - result.lowerBound).toBeLessThanOrEqual(1);
    expect(result.versusBound).toBe(result.count === result.lowerBound ? "equal" : "one above");
    expectWithinLimit(accounts, result.plan!, 150);
  }, 240_000);

  it("rejects an account heavier than one rep and a band of 1 or more", () => {
    const accounts = towns(4);
    expect(() => sizeTeam({ accounts, reps: [] }, { capacity: 2 })).toThrow(TerralignError);
    expect(() => sizeTeam({ accounts, reps: [] }, { capacity: 50, balance: 1 })).toThrow(/balance: expected a fraction in \[0, 1\)/);
  });
});

describe("headCountBounds", () => {
  it("is a valid bound: never above a head count that works, never below ⌈work / capacity⌉", () => {
    const random = createRandom(9);
    for (let trial = 0; trial < 40; trial++) {
      const { workload, capacity, reachLists, reachStart, reach } = randomCover(random);
      const bounds = headCountBounds({ workload, capacity, reachStart, reach }, workload.length);
      const least = fewestReps(workload, capacity, reachLists);
      expect(bounds.lagrangian).toBeGreaterThanOrEqual(Math.ceil(workload.reduce((a, b) => a + b, 0) / capacity - 1e-9));
      expect(bounds.lagrangian, `trial ${trial}`).toBeLessThanOrEqual(least);
      expect(bounds.balanced, `trial ${trial}`).toBeLessThanOrEqual(least);
    }
  });

  it("with a balance band, is never above the fewest reps that keep every workload in the band", () => {
    const random = createRandom(17);
    let raised = 0;
    for (let trial = 0; trial < 60; trial++) {
      const { workload, capacity, reachLists, reachStart, reach } = randomCover(random);
      const balance = [0.1, 0.25, 0.5][trial % 3];
      const bounds = headCountBounds({ workload, capacity, reachStart, reach }, workload.length, balance);
      const least = fewestReps(workload, capacity, reachLists, balance);
      expect(bounds.balanced, `trial ${trial}`).toBeLessThanOrEqual(least);
      expect(bounds.balanced).toBeGreaterThanOrEqual(bounds.lagrangian);
      if (bounds.balanced > bounds.lagrangian) raised++;
    }
    // The band is worth checking: it raises the bound on some of these.
    expect(raised).toBeGreaterThan(0);
  });
});

/** A small covering instance: sites reach random subsets, every account reachable from its own site. */
function randomCover(random: () => number) {
  const n = 4 + Math.floor(random() * 5);
  const workload = Float64Array.from({ length: n }, () => 1 + Math.floor(random() * 6));
  const capacity = 6 + Math.floor(random() * 6);
  const reachLists = Array.from({ length: n }, (_, k) => Array.from({ length: n }, (_, a) => a).filter((a) => a === k || random() < 0.4));
  const reachStart = Int32Array.from([0, ...reachLists.map((list) => list.length)].map(((sum) => (x: number) => (sum += x))(0)));
  const reach = Int32Array.from(reachLists.flat());
  return { workload, capacity, reachLists, reachStart, reach };
}

/**
 * The fewest reps (each at a site of its own, serving accounts it reaches within capacity and,
 * with a `balance`, within ±balance of the mean workload), by exhaustive search; Infinity if none.
 */
function fewestReps(workload: Float64Array, capacity: number, reach: number[][], balance?: number): number {
  const n = workload.length;
  const total = workload.reduce((a, b) => a + b, 0);
  for (let count = 1; count <= n; count++) {
    const hi = balance === undefined ? capacity : Math.min(capacity, ((1 + balance) * total) / count) + 1e-9;
    const lo = balance === undefined ? 0 : ((1 - balance) * total) / count - 1e-9;
    const load: number[] = [];
    const site: number[] = [];
    const place = (a: number): boolean => {
      if (a === n) return load.length === count && load.every((l) => l >= lo);
      for (let r = 0; r < load.length; r++) {
        if (load[r] + workload[a] <= hi && reach[site[r]].includes(a)) {
          load[r] += workload[a];
          if (place(a + 1)) return true;
          load[r] -= workload[a];
        }
      }
      if (load.length < count) {
        for (let k = 0; k < reach.length; k++) {
          if (site.includes(k) || !reach[k].includes(a) || workload[a] > hi) continue;
          load.push(workload[a]);
          site.push(k);
          if (place(a + 1)) return true;
          load.pop();
          site.pop();
        }
      }
      return false;
    };
    if (place(0)) return count;
  }
  return Infinity;
}

describe("smallestBalancedCount", () => {
  it("finds the first head count whose band fits every group of accounts", () => {
    expect(smallestBalancedCount(Float64Array.of(10, 10), 100, 0.1, 1, 10)).toBe(2);
    // 10 h alone needs a rep of its own, and the band must come down to it: 4 reps of 10 h.
    expect(smallestBalancedCount(Float64Array.of(10, 30), 100, 0.1, 1, 10)).toBe(4);
    expect(smallestBalancedCount(Float64Array.of(1, 100), 100, 0.05, 1, 20)).toBe(Infinity);
  });
});
