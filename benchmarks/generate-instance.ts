/**
 * Seeded generator of realistic territory instances: accounts in Gaussian clusters of varied size
 * and spread (plus a thin rural background) over a region about 2,000 km across, log-normal
 * workloads, and rep homes drawn from account locations in proportion to workload (where the
 * work is, reps live). Capacities are equal with 25 % headroom over the mean target.
 */
import type { Account, Problem, Rep } from "../src/model/problem-schema.js";
import { createRandom } from "../src/util/random.js";

export interface InstanceSpec {
  readonly accounts: number;
  readonly reps: number;
  readonly seed: number;
  /** Number of clusters; default 40 + accounts / 5,000, at most 400. */
  readonly clusters?: number;
  /** σ of log workload; default 0.8 (median 1 h). */
  readonly workloadSigma?: number;
}

/** Region: lng −10…20, lat 38…56 (Western Europe-sized). */
const LNG = [-10, 20] as const;
const LAT = [38, 56] as const;

export function generateInstance(spec: InstanceSpec): Problem {
  const random = createRandom(spec.seed);
  const normal = () => {
    const u = Math.max(1e-12, random());
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  };
  const clusterCount = spec.clusters ?? Math.min(400, 40 + Math.floor(spec.accounts / 5000));
  const centres: { lng: number; lat: number; spread: number; weight: number }[] = [];
  let weightSum = 0;
  for (let c = 0; c < clusterCount; c++) {
    const weight = Math.exp(1.2 * normal());
    weightSum += weight;
    centres.push({
      lng: LNG[0] + random() * (LNG[1] - LNG[0]),
      lat: LAT[0] + random() * (LAT[1] - LAT[0]),
      spread: 0.05 + 0.6 * random() ** 2,
      weight,
    });
  }
  const cumulative = centres.map(((sum) => (c: { weight: number }) => (sum += c.weight / weightSum))(0));
  const sigma = spec.workloadSigma ?? 0.8;
  const accounts: Account[] = new Array(spec.accounts);
  for (let i = 0; i < spec.accounts; i++) {
    let lng: number, lat: number;
    if (random() < 0.08) {
      lng = LNG[0] + random() * (LNG[1] - LNG[0]);
      lat = LAT[0] + random() * (LAT[1] - LAT[0]);
    } else {
      const pick = random();
      let c = 0;
      while (c < clusterCount - 1 && cumulative[c] < pick) c++;
      const centre = centres[c];
      lat = clamp(centre.lat + centre.spread * normal(), LAT[0] - 2, LAT[1] + 2);
      lng = clamp(centre.lng + (centre.spread * normal()) / Math.cos((lat * Math.PI) / 180), LNG[0] - 3, LNG[1] + 3);
    }
    const workload = round(Math.exp(sigma * normal()), 3);
    accounts[i] = { id: `A${i + 1}`, location: [round(lng, 6), round(lat, 6)], workload, potential: round(workload * (500 + 1000 * random()), 0) };
  }

  // Reps at accounts drawn in proportion to workload, jittered by ~1 km.
  const prefix = new Float64Array(spec.accounts + 1);
  for (let i = 0; i < spec.accounts; i++) prefix[i + 1] = prefix[i] + accounts[i].workload;
  const total = prefix[spec.accounts];
  const capacity = round((1.25 * total) / spec.reps, 3);
  const reps: Rep[] = new Array(spec.reps);
  for (let r = 0; r < spec.reps; r++) {
    const target = random() * total;
    let lo = 0, hi = spec.accounts - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (prefix[mid + 1] < target) lo = mid + 1;
      else hi = mid;
    }
    const [lng, lat] = accounts[lo].location;
    reps[r] = { id: `R${r + 1}`, home: [round(lng + 0.01 * normal(), 6), round(lat + 0.01 * normal(), 6)], capacity };
  }
  return { accounts, reps };
}

/** CSV text for the CLI: accounts (id,lng,lat,workload,potential) and reps (id,lng,lat,capacity). */
export function toCsv(problem: Problem): { accounts: string; reps: string } {
  const a = ["id,lng,lat,workload,potential"];
  for (const x of problem.accounts) a.push(`${x.id},${x.location[0]},${x.location[1]},${x.workload},${x.potential ?? 0}`);
  const r = ["id,lng,lat,capacity"];
  for (const x of problem.reps) r.push(`${x.id},${x.home[0]},${x.home[1]},${x.capacity}`);
  return { accounts: a.join("\n") + "\n", reps: r.join("\n") + "\n" };
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
