import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { align } from "../../src/align.js";
import { haversineKm } from "../../src/geo/haversine.js";
import type { Strategy } from "../../src/model/options-schema.js";
import type { Plan } from "../../src/model/plan.js";
import type { Account, Problem, Rep } from "../../src/model/problem-schema.js";
import { FC_SEED } from "../support/arbitrary-problem.js";

/** Default travel model: great-circle km × circuity 1.3 / 50 km/h, in minutes. */
const MINUTES_PER_KM = (1.3 / 50) * 60;
const TOLERANCE = 1e-9;
/** The rules' slack: 1e-9 relative, and absolute below 1 (as the rule checker compares), so float noise breaks nothing. */
const slack = (limit: number) => TOLERANCE * Math.max(1, Math.abs(limit));

/**
 * Random problems with every account-level rule: segments (one specialist rep), regions (two, some
 * accounts and reps without), locks, travel limits, workloads from tiny (1e-300) to large, and
 * capacities from tight to loose, so that some problems are infeasible.
 */
function ruledProblem(maxAccounts: number, maxReps: number): fc.Arbitrary<Problem> {
  const point = fc.tuple(fc.double({ min: -104, max: -101, noNaN: true }), fc.double({ min: 19, max: 22, noNaN: true }));
  const region = fc.constantFrom(undefined, undefined, undefined, "north", "south");
  return fc
    .record({
      accounts: fc.array(
        fc.record({
          location: point,
          workload: fc.oneof({ weight: 8, arbitrary: fc.double({ min: 0.5, max: 10, noNaN: true }) }, { weight: 1, arbitrary: fc.constantFrom(0, 1e-300, 1e-9) }),
          segment: fc.constantFrom(undefined, "retail", "hospital"),
          region,
          lock: fc.double({ min: 0, max: 1, noNaN: true }),
        }),
        { minLength: 1, maxLength: maxAccounts },
      ),
      reps: fc.array(fc.record({ home: point, share: fc.double({ min: 0.5, max: 2, noNaN: true }), region, limit: fc.constantFrom(undefined, undefined, undefined, 250, 450) }), { minLength: 1, maxLength: maxReps }),
      slack: fc.constantFrom(0.95, 1.2, 1.2, 1.5),
      specialist: fc.boolean(),
    })
    .map(({ accounts, reps, slack, specialist }) => {
      const total = accounts.reduce((s, a) => s + a.workload, 0);
      const shares = reps.reduce((s, r) => s + r.share, 0);
      const repList: Rep[] = reps.map((r, j) => ({
        id: `rep-${j}`,
        home: r.home,
        capacity: (slack * total * r.share) / shares + 1,
        ...(r.region ? { region: r.region } : {}),
        ...(r.limit ? { maxTravelMinutes: r.limit } : {}),
        ...(specialist && j === 0 && reps.length > 1 ? { segments: ["hospital"] } : {}),
      }));
      const accountList: Account[] = accounts.map((a, i) => ({
        id: `acc-${i}`,
        location: a.location,
        workload: a.workload,
        ...(a.segment ? { segment: a.segment } : {}),
        ...(a.region ? { region: a.region } : {}),
        ...(a.lock < 0.08 ? { lockedRep: repList[i % repList.length].id } : {}),
      }));
      return { accounts: accountList, reps: repList };
    });
}

/** Every rule checked from the problem alone (not with the library's rule checker), for a plan said to be feasible. */
function expectEveryRuleHeld(problem: Problem, plan: Plan, band: number): void {
  const reps = new Map(problem.reps.map((r) => [r.id, r]));
  const owner = new Map(plan.assignment.map((row) => [row.accountId, row.repId]));
  const load = new Map<string, number>();
  for (const account of problem.accounts) {
    const repId = owner.get(account.id);
    expect(repId, `${account.id} has a rep`).toBeDefined();
    const rep = reps.get(repId!)!;
    load.set(rep.id, (load.get(rep.id) ?? 0) + account.workload);
    if (account.lockedRep !== undefined) {
      expect(repId, `${account.id} stays with its locked rep`).toBe(account.lockedRep);
      continue; // a lock overrides segment, region and travel limits
    }
    if (rep.segments && account.segment !== undefined) expect(rep.segments, `${account.id}'s segment`).toContain(account.segment);
    if (rep.region !== undefined && account.region !== undefined) expect(account.region, `${account.id}'s region`).toBe(rep.region);
    if (rep.maxTravelMinutes !== undefined) {
      const minutes = haversineKm(rep.home[0], rep.home[1], account.location[0], account.location[1]) * MINUTES_PER_KM;
      expect(minutes, `${account.id}'s trip from ${rep.id}`).toBeLessThanOrEqual(rep.maxTravelMinutes + slack(rep.maxTravelMinutes));
    }
  }
  const total = problem.accounts.reduce((s, a) => s + a.workload, 0);
  const capacity = problem.reps.reduce((s, r) => s + r.capacity, 0);
  for (const rep of problem.reps) {
    const hours = load.get(rep.id) ?? 0;
    const target = (total * rep.capacity) / capacity;
    const [low, high] = [target * (1 - band), target * (1 + band)];
    expect(hours, `${rep.id} within capacity`).toBeLessThanOrEqual(rep.capacity + slack(rep.capacity));
    expect(hours, `${rep.id} above its band's lower end`).toBeGreaterThanOrEqual(low - slack(low));
    expect(hours, `${rep.id} below its band's upper end`).toBeLessThanOrEqual(high + slack(high));
  }
}

const cases: { strategy: Strategy; maxAccounts: number; numRuns: number }[] = [
  { strategy: "auto", maxAccounts: 40, numRuns: 100 },
  { strategy: "transport", maxAccounts: 40, numRuns: 100 },
  { strategy: "heuristic", maxAccounts: 40, numRuns: 100 },
  { strategy: "gap", maxAccounts: 25, numRuns: 40 },
  { strategy: "mip", maxAccounts: 10, numRuns: 40 },
];

describe.each(cases)("every plan of strategy $strategy, on random problems with every rule", ({ strategy, maxAccounts, numRuns }) => {
  const statuses = new Map<string, number>();
  it("lists each account once (assigned, or unassigned with a reason), holds every rule when feasible, keeps its bound below its objective, repeats itself for the same seed and leaves its input alone", () => {
    fc.assert(
      fc.property(ruledProblem(maxAccounts, 5), fc.constantFrom(0.1, 0.2, 0.35), fc.integer({ min: 1, max: 1000 }), (problem, band, seed) => {
        const before = structuredClone(problem);
        const options = { strategy, seed, balance: { workload: band }, timeLimitMs: 20_000 };
        const plan = align(problem, options);
        statuses.set(plan.status, (statuses.get(plan.status) ?? 0) + 1);
        expect(problem).toEqual(before);

        const listed = [...plan.assignment.map((row) => row.accountId), ...plan.unassigned.map((u) => u.accountId)];
        expect([...listed].sort()).toEqual(problem.accounts.map((a) => a.id).sort());
        for (const u of plan.unassigned) expect(u.reason.length).toBeGreaterThan(0);

        if (plan.status === "feasible" || plan.status === "optimal") expectEveryRuleHeld(problem, plan, band);
        if (plan.bound) expect(plan.bound.lowerBound).toBeLessThanOrEqual(plan.metrics.objective * (1 + TOLERANCE) + 1e-9);

        const again = align(problem, options);
        expect({ ...again, elapsedMs: 0 }).toEqual({ ...plan, elapsedMs: 0 });
      }),
      { seed: FC_SEED + 17, numRuns },
    );
    // The generator must reach feasible plans (the rule checks) and infeasible ones.
    expect((statuses.get("feasible") ?? 0) + (statuses.get("optimal") ?? 0), JSON.stringify([...statuses])).toBeGreaterThan(0);
  });
});
