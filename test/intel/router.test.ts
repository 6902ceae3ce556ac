import { describe, expect, it } from "vitest";
import { generateInstance } from "../../benchmarks/generate-instance.js";
import { align, createRouter, evaluate, type Account, type Problem } from "../../src/index.js";
import { createRandom } from "../../src/util/random.js";
import { haversineKm } from "../../src/geo/haversine.js";
import { errorOf } from "../plan/error-of.js";

/** A problem with segments, regions, travel limits and locks; 15 % of its accounts held back as new. */
function scenario(seed: number) {
  const base = generateInstance({ accounts: 1200, reps: 12, seed });
  const random = createRandom(seed);
  const reps = base.reps.map((rep, r) => ({
    ...rep,
    ...(r % 4 === 0 ? { segments: ["hospital"] } : {}),
    ...(r % 5 === 1 ? { maxTravelMinutes: 240 } : {}),
    region: rep.home[0] < 5 ? "west" : "east",
  }));
  const accounts: Account[] = base.accounts.map((a) => ({ ...a, segment: random() < 0.2 ? "hospital" : "retail", region: a.location[0] < 5 ? "west" : "east" }));
  const isNew = accounts.map(() => random() < 0.15);
  const existing = accounts.filter((_, i) => !isNew[i]);
  const fresh = accounts.filter((_, i) => isNew[i]).map((a, k) => (k % 25 === 0 ? { ...a, lockedRep: reps[k % reps.length].id } : k % 25 === 1 ? { ...a, currentRep: reps[(k + 3) % reps.length].id } : a));
  fresh.push({ id: "ORPHAN", location: [0, 47], workload: 1, segment: "clinic", region: "nowhere" });
  const problem: Problem = { accounts: existing, reps };
  const plan = align(problem, { balance: { workload: 0.25 }, timeLimitMs: 20_000 });
  return { problem, plan, fresh, reps };
}

describe("createRouter", () => {
  const { problem, plan, fresh, reps } = scenario(3);

  for (const policy of ["territory", "balanced"] as const) {
    it(`${policy}: every routed account keeps every rule the checker knows (locks, segments, regions, travel limits)`, () => {
      const router = createRouter(problem, plan, { policy, balance: { workload: 0.25 } });
      const results = fresh.map((a) => router.route(a));
      const routed = results.filter((r) => r.repId !== null);
      expect(results.find((r) => r.accountId === "ORPHAN")).toMatchObject({ repId: null, reason: "unroutable", travelMinutes: null });
      expect(routed.length).toBe(fresh.length - 1);
      const all = { accounts: [...problem.accounts, ...fresh.filter((a) => a.id !== "ORPHAN")], reps };
      const evaluation = evaluate(all, [...plan.assignment, ...routed.map((r) => ({ accountId: r.accountId, repId: r.repId! }))], { balance: { workload: 0.25 } });
      const routedIds = new Set(routed.map((r) => r.accountId));
      const broken = evaluation.violations.filter((v) => v.accountId !== undefined && routedIds.has(v.accountId));
      expect(broken).toEqual([]);
      for (const [k, a] of fresh.entries()) {
        if (a.lockedRep) expect(results[k]).toMatchObject({ repId: a.lockedRep, reason: "lock" });
      }
      // Loads add up: before + routed = after, and routed hours are the routed accounts' workloads.
      const loads = router.loads();
      for (const l of loads) expect(l.after).toBeCloseTo(l.before + l.routed, 9);
      expect(loads.reduce((s, l) => s + l.routed, 0)).toBeCloseTo(routed.reduce((s, r) => s + r.hours, 0), 9);
    });

    it(`${policy}: is deterministic and does not modify its inputs`, () => {
      const before = JSON.stringify({ problem, fresh });
      const a = createRouter(problem, plan, { policy, balance: { workload: 0.25 } });
      const b = createRouter(problem, plan, { policy, balance: { workload: 0.25 } });
      expect(fresh.map((x) => a.route(x))).toEqual(fresh.map((x) => b.route(x)));
      expect(JSON.stringify({ problem, fresh })).toBe(before);
    });
  }

  it("balanced: never takes a rep above its band's upper end while an eligible rep has room", () => {
    const router = createRouter(problem, plan, { policy: "balanced", balance: { workload: 0.25 } });
    const totalBefore = problem.accounts.reduce((s, a) => s + a.workload, 0);
    const capacity = reps.reduce((s, r) => s + r.capacity, 0);
    let total = totalBefore;
    for (const account of fresh) {
      const loads = router.loads();
      total += account.workload;
      const result = router.route(account);
      if (result.reason !== "balance" || result.repId === null) continue;
      const r = reps.findIndex((rep) => rep.id === result.repId);
      const upper = (rep: number) => Math.min(reps[rep].capacity, ((total * reps[rep].capacity) / capacity) * 1.25);
      if (loads[r].after + result.hours <= upper(r) * (1 + 1e-9)) continue;
      // Over the band: then no eligible rep had room (eligible by the checker's rules).
      for (let q = 0; q < reps.length; q++) {
        const fits = loads[q].after + account.workload <= upper(q) * (1 + 1e-9);
        const segmentOk = !reps[q].segments || account.segment === undefined || reps[q].segments!.includes(account.segment);
        const regionOk = reps[q].region === undefined || account.region === undefined || reps[q].region === account.region;
        const minutes = haversineKm(reps[q].home[0], reps[q].home[1], account.location[0], account.location[1]) * (1.3 / 50) * 60;
        const travelOk = reps[q].maxTravelMinutes === undefined || minutes <= reps[q].maxTravelMinutes!;
        expect(fits && segmentOk && regionOk && travelOk).toBe(false);
      }
    }
  });

  it("refuses a new account whose id is already assigned or routed", () => {
    const router = createRouter(problem, plan);
    const taken = plan.assignment[0]!;
    expect(errorOf(() => router.route({ ...fresh[0], id: taken.accountId })).message).toBe(`account ${JSON.stringify(taken.accountId)} is already assigned to rep ${taken.repId} in the plan; a new account needs a new id`);
    router.route(fresh[0]);
    expect(errorOf(() => router.route(fresh[0])).code).toBe("duplicate_id");
    expect(errorOf(() => router.route({ ...fresh[1], lockedRep: "R-none" })).message).toBe(`account.lockedRep: "R-none" is not the id of any rep (account ${JSON.stringify(fresh[1].id)})`);
  });

  it("keeps its record of ids in step when routing an account fails part-way: that account may be routed again, once", () => {
    const router = createRouter(problem, plan, { policy: "balanced" });
    const failing = { ...fresh[2] };
    Object.defineProperty(failing, "segment", { get: () => { throw new Error("unreadable"); }, enumerable: true });
    const before = router.loads();
    expect(() => router.route(failing)).toThrow("unreadable");
    expect(router.loads()).toEqual(before);
    const next = router.route(fresh[3]);
    const again = router.route(fresh[2]);
    expect(again.accountId).toBe(fresh[2].id);
    expect(errorOf(() => router.route(fresh[2])).message).toBe(`account ${JSON.stringify(fresh[2].id)} is already routed to rep ${again.repId}; a new account needs a new id`);
    expect(errorOf(() => router.route(fresh[3])).message).toBe(`account ${JSON.stringify(fresh[3].id)} is already routed to rep ${next.repId}; a new account needs a new id`);
  });

  it.each([
    ["neighbours", { neighbours: 0 }, "options.neighbours: expected a whole number ≥ 1, got 0"],
    ["steering", { steering: -1 }, "options.steering: expected a number ≥ 0, got -1"],
    ["expectedWorkload", { expectedWorkload: Number.NaN }, "options.expectedWorkload: expected hours ≥ 0, got NaN"],
  ])("refuses a bad %s", (_what, options, message) => {
    expect(errorOf(() => createRouter(problem, plan, options)).message).toBe(message);
  });
});
