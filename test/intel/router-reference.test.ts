import { describe, expect, it } from "vitest";
import { createRouter, type Account, type Rep } from "../../src/index.js";
import { haversineKm } from "../../src/geo/haversine.js";
import { exceeds } from "../../src/rules/check-assignment.js";
import { createRandom } from "../../src/util/random.js";

/** Minutes per km of the default travel model (50 km/h, circuity 1.3). */
const MINUTES_PER_KM = (1.3 / 50) * 60;

/** A small random instance: reps with segments, regions and travel limits; a plan; new accounts, some heavy. */
function instance(seed: number) {
  const random = createRandom(seed);
  const at = (): [number, number] => [-100 + 3 * random(), 20 + 3 * random()];
  // Beyond 16 reps (a leaf of the reps' tree), so that the search prunes.
  const m = 3 + Math.floor(random() * 80);
  const reps: Rep[] = Array.from({ length: m }, (_, r) => ({
    id: `R${r}`,
    home: at(),
    capacity: 20 + 40 * random(),
    ...(random() < 0.3 ? { segments: ["hospital"] } : {}),
    ...(random() < 0.3 ? { maxTravelMinutes: 120 + 200 * random() } : {}),
    ...(random() < 0.2 ? { region: random() < 0.5 ? "north" : "south" } : {}),
  }));
  const account = (id: string): Account => ({
    id,
    location: at(),
    workload: random() < 0.1 ? 3 + 6 * random() : 0.2 + 2 * random(),
    ...(random() < 0.3 ? { segment: random() < 0.5 ? "hospital" : "retail" } : {}),
    ...(random() < 0.2 ? { region: random() < 0.5 ? "north" : "south" } : {}),
  });
  const existing = Array.from({ length: 20 + Math.floor(random() * 200) }, (_, a) => account(`A${a}`));
  // The plan: any rep for each account (the router takes any assignment), some accounts left out.
  const assignment = existing.flatMap((a) => (random() < 0.9 ? [{ accountId: a.id, repId: reps[Math.floor(random() * m)].id }] : []));
  const fresh = Array.from({ length: 30 + Math.floor(random() * 100) }, (_, a) => account(`N${a}`));
  return { reps, existing, assignment, fresh, balance: [0.05, 0.1, 0.3][seed % 3] };
}

/** The routing rules written out straight: every rep priced for every account, no index, no pruning. */
function referenceRoutes(inst: ReturnType<typeof instance>, policy: "territory" | "balanced"): (string | null)[] {
  const { reps, existing, assignment, fresh, balance } = inst;
  const m = reps.length;
  const minutes = (r: number, at: readonly [number, number]) => haversineKm(reps[r].home[0], reps[r].home[1], at[0], at[1]) * MINUTES_PER_KM;
  const allowed = (r: number, a: Account) => {
    const rep = reps[r];
    if (rep.segments && a.segment !== undefined && !rep.segments.includes(a.segment)) return false;
    if (rep.region !== undefined && a.region !== undefined && rep.region !== a.region) return false;
    return rep.maxTravelMinutes === undefined || !exceeds(minutes(r, a.location), rep.maxTravelMinutes);
  };
  const repOf = new Map(reps.map((rep, r) => [rep.id, r]));
  const byId = new Map(existing.map((a) => [a.id, a]));
  const planned = assignment.map((row) => ({ account: byId.get(row.accountId)!, r: repOf.get(row.repId)! }));
  const load = new Float64Array(m);
  for (const { account, r } of planned) load[r] += account.workload;
  const capacity = reps.map((rep) => rep.capacity);
  const totalCapacity = capacity.reduce((s, c) => s + c, 0);
  const startTotal = existing.reduce((s, a) => s + a.workload, 0);
  let total = startTotal;
  const trips = planned.reduce((s, { account, r }) => s + minutes(r, account.location), 0);
  const pull = planned.length > 0 && trips > 0 ? trips / planned.length : 60;
  const pullOf = (r: number) => {
    const target = (total * capacity[r]) / totalCapacity;
    const z = target > 0 ? (load[r] - target) / target / balance : 0;
    const d = Math.min(2, 2 * Math.max(0, Math.abs(z) - 0.5));
    return pull * Math.sign(z) * (d + d * d * d);
  };
  // Nearest first on the sphere (by chord, as haversine orders), ties by index.
  const chord = (p: readonly [number, number], q: readonly [number, number]) => haversineKm(p[0], p[1], q[0], q[1]);
  const rowOrder = (rows: number[], key: (x: number) => number) => rows.sort((x, y) => key(x) - key(y) || x - y);

  return fresh.map((a) => {
    total += a.workload;
    let chosen = -1;
    if (policy === "territory") {
      const nearest = rowOrder(planned.map((_, k) => k), (k) => chord(planned[k].account.location, a.location));
      for (let want = 3; chosen < 0; want *= 4) {
        const owners = nearest.slice(0, want).map((k) => planned[k].r).filter((r) => allowed(r, a)).slice(0, 3);
        for (const r of owners) if (chosen < 0 || minutes(r, a.location) < minutes(chosen, a.location) || (minutes(r, a.location) === minutes(chosen, a.location) && r < chosen)) chosen = r;
        if (want >= nearest.length) break;
      }
      if (chosen < 0) chosen = rowOrder([...Array(m).keys()], (r) => chord(reps[r].home, a.location)).find((r) => allowed(r, a)) ?? -1;
    } else {
      let bestCost = Infinity;
      for (let r = 0; r < m; r++) {
        const upper = Math.min(capacity[r], ((total * capacity[r]) / totalCapacity) * (1 + balance));
        if (!allowed(r, a) || exceeds(load[r] + a.workload, upper)) continue;
        const cost = minutes(r, a.location) + pullOf(r);
        if (cost < bestCost) (bestCost = cost), (chosen = r);
      }
      if (chosen < 0) {
        // Every eligible rep is full: the least over its band's upper end.
        let least = Infinity;
        for (const r of rowOrder([...Array(m).keys()], (q) => chord(reps[q].home, a.location))) {
          const ratio = (load[r] + a.workload) / Math.min(capacity[r], ((total * capacity[r]) / totalCapacity) * (1 + balance));
          if (allowed(r, a) && ratio < least) (least = ratio), (chosen = r);
        }
      }
    }
    if (chosen >= 0) load[chosen] += a.workload;
    return chosen >= 0 ? reps[chosen].id : null;
  });
}

describe("createRouter against the rules written out straight", () => {
  for (const policy of ["territory", "balanced"] as const) {
    it(`${policy}: routes every account of small random instances to the rep a scan of every rep picks`, () => {
      let full = 0;
      for (let seed = 1; seed <= 60; seed++) {
        const inst = instance(seed);
        const router = createRouter({ accounts: inst.existing, reps: inst.reps }, { assignment: inst.assignment }, { policy, balance: { workload: inst.balance } });
        const routed = inst.fresh.map((a) => router.route(a));
        expect(routed.map((r) => r.repId), `seed ${seed}`).toEqual(referenceRoutes(inst, policy));
        full += routed.filter((r) => r.message.startsWith("every eligible rep is at its band's upper end")).length;
      }
      // The instances reach the fallback (every eligible rep full) as well as the search.
      if (policy === "balanced") expect(full).toBeGreaterThan(0);
    });
  }
});
