import { haversineKm } from "../../src/geo/haversine.js";
import type { Account, Problem, Rep } from "../../src/model/problem-schema.js";
import { createRandom } from "../../src/util/random.js";

/** Size classes of planted problems: accounts per instance. */
export const plantedSizes = {
  tiny: { accounts: [1, 12], reps: [1, 3] },
  small: { accounts: [13, 60], reps: [2, 6] },
  medium: { accounts: [60, 400], reps: [3, 12] },
} as const;
export type PlantedSize = keyof typeof plantedSizes;

/** A problem that is feasible by construction, the assignment hidden in it, and the band it was built for. */
export interface PlantedProblem {
  readonly problem: Problem;
  /** The band fraction (`balance.workload`) under which `planted` keeps every rule. */
  readonly balance: number;
  /** Rep id per account (input order): an assignment that keeps every rule. */
  readonly planted: readonly string[];
  /** What the generator put in, for messages. */
  readonly features: readonly string[];
}

/** Default travel model: minutes per km (circuity 1.3 at 50 km/h). */
const MINUTES_PER_KM = (1.3 / 50) * 60;

/**
 * A random problem that hides an assignment keeping every rule: capacities, the band, locks,
 * segments, regions and travel limits are all set from the planted assignment, sometimes exactly at
 * their limit (a trip equal to the travel limit, a load equal to the capacity or to a band end),
 * with accounts often co-located. Deterministic for a seed.
 */
export function plantedProblem(seed: number, size: PlantedSize): PlantedProblem {
  const random = createRandom(seed * 7919 + 17);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const chance = (p: number) => random() < p;
  const { accounts: nRange, reps: mRange } = plantedSizes[size];
  const n = int(nRange[0], nRange[1]);
  const m = Math.min(n, int(mRange[0], mRange[1]));
  const features: string[] = [];

  const box = () => [-104 + 3 * random(), 19 + 3 * random()] as [number, number];
  const homes = Array.from({ length: m }, box);
  // Co-located accounts: all at one point, at a few points, or anywhere.
  const layout = pick(["spread", "spread", "few-points", "one-point"] as const);
  if (layout !== "spread") features.push(layout);
  const points = Array.from({ length: layout === "one-point" ? 1 : int(2, 4) }, box);
  const locations = Array.from({ length: n }, () => (layout === "spread" ? box() : pick(points)));

  const workloadKind = pick(["decimal", "integer", "heavy"] as const);
  features.push(`${workloadKind} workloads`);
  const workloads = Array.from({ length: n }, () => {
    if (workloadKind === "integer") return int(1, 8);
    if (workloadKind === "heavy") return Math.round(100 * (0.2 + 12 * random() ** 3)) / 100;
    return Math.round(100 * (0.5 + 9.5 * random())) / 100;
  });

  // The planted owner: the nearest rep most of the time, every rep at least once.
  const owner = new Int32Array(n);
  for (let a = 0; a < n; a++) {
    if (chance(0.3)) owner[a] = int(0, m - 1);
    else {
      let best = 0;
      for (let r = 1; r < m; r++) if (km(homes[r], locations[a]) < km(homes[best], locations[a])) best = r;
      owner[a] = best;
    }
  }
  const order = Array.from({ length: n }, (_, a) => a).sort(() => random() - 0.5);
  for (let r = 0; r < m; r++) owner[order[r]] = r;

  const segmentNames = ["retail", "hospital", "pharmacy"];
  const useSegments = chance(0.4);
  const useRegions = chance(0.3);
  const useTravel = chance(0.3);
  const useLocks = chance(0.3);
  if (useSegments) features.push("segments");
  if (useRegions) features.push("regions");
  if (useTravel) features.push("travel limits");
  if (useLocks) features.push("locks");
  const repSegments = homes.map(() => (useSegments && chance(0.6) ? segmentNames.filter(() => chance(0.5)) : undefined)).map((s) => (s && s.length === 0 ? ["retail"] : s));
  const repRegions = homes.map(() => (useRegions ? pick(["north", "south"]) : undefined));

  const load = new Float64Array(m);
  const longest = new Float64Array(m);
  const accounts: Account[] = locations.map((location, a) => {
    const r = owner[a];
    load[r] += workloads[a];
    const locked = useLocks && chance(0.15);
    const account: Account = { id: `a${a}`, location, workload: workloads[a] };
    if (useSegments && chance(0.9)) {
      // A locked account may carry a segment its rep does not serve: the lock wins.
      account.segment = locked && chance(0.5) ? pick(segmentNames) : pick(repSegments[r] ?? segmentNames);
    }
    if (useRegions && chance(0.8)) account.region = locked && chance(0.5) ? pick(["north", "south"]) : repRegions[r];
    if (locked) account.lockedRep = `r${r}`;
    else longest[r] = Math.max(longest[r], km(homes[r], location) * MINUTES_PER_KM);
    return account;
  });

  // Capacities around the planted loads (sometimes exactly at them), then the narrowest band that
  // holds the planted loads, sometimes with room to spare.
  const tightCapacity = chance(0.3);
  if (tightCapacity) features.push("tight capacity");
  const capacity = Array.from(load, (l) => (tightCapacity && chance(0.5) ? l : l * (1 + 0.5 * random())));
  const total = workloads.reduce((s, w) => s + w, 0);
  const totalCapacity = capacity.reduce((s, c) => s + c, 0);
  let needed = 0;
  for (let r = 0; r < m; r++) needed = Math.max(needed, Math.abs(load[r] / ((total * capacity[r]) / totalCapacity) - 1));
  const tightBand = chance(0.4);
  features.push(tightBand ? "tight band" : "loose band");
  const balance = Math.min(0.99, tightBand ? needed * (1 + 1e-9) + 1e-12 : needed + 0.2 * random());

  const reps: Rep[] = homes.map((home, r) => {
    const rep: Rep = { id: `r${r}`, home, capacity: capacity[r] };
    if (repSegments[r]) rep.segments = repSegments[r];
    if (repRegions[r]) rep.region = repRegions[r];
    if (useTravel && chance(0.6)) rep.maxTravelMinutes = chance(0.5) ? longest[r] : longest[r] * (1 + random());
    return rep;
  });
  return { problem: { accounts, reps }, balance, planted: Array.from(owner, (r) => `r${r}`), features };
}

function km(a: readonly [number, number], b: readonly [number, number]): number {
  return haversineKm(a[0], a[1], b[0], b[1]);
}
