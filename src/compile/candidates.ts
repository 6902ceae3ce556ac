import KDBush from "kdbush";
import type { CompiledProblem } from "./compiled-problem.js";

/**
 * Candidate arcs (account → rep) in CSR layout, each account's arcs sorted by travel time.
 * Arcs of account a are `start[a] .. start[a + 1] - 1`.
 */
export interface Candidates {
  /** Offsets into `rep` / `minutes`; length n + 1. */
  readonly start: Int32Array;
  /** Rep index of each arc. */
  readonly rep: Int32Array;
  /** Travel minutes of each arc (rep home → account). */
  readonly minutes: Float64Array;
}

/** All pairs are kept when there are at most k reps or at most this many pairs (n × m). */
const ALL_PAIRS_LIMIT = 100_000;
/** Each rep gets arcs to nearby accounts worth at least this many times its target workload. */
const COVERAGE = 2;

/**
 * Builds the candidate arcs: every eligible rep for small problems (at most `k` reps or
 * `ALL_PAIRS_LIMIT` pairs), otherwise the `k` nearest
 * eligible reps of each account plus rep-centric coverage (each rep gets arcs to its nearest
 * eligible accounts until they hold `COVERAGE` × its target workload), so no rep is starved.
 * Locked accounts get exactly their locked rep. Eligibility: segment/region compatibility and
 * the rep's `maxTravelMinutes`.
 */
export function buildCandidates(p: CompiledProblem, k: number): Candidates {
  const eligible = (r: number, a: number, minutes: number) => minutes <= p.maxTravel[r] && p.compatible(r, a);
  const lists: { reps: number[]; minutes: number[] }[] = new Array(p.n);
  if (p.m <= k || p.n * p.m <= ALL_PAIRS_LIMIT) {
    for (let a = 0; a < p.n; a++) {
      const list = { reps: [] as number[], minutes: [] as number[] };
      for (let r = 0; r < p.m; r++) {
        if (p.lockedRep[a] >= 0 && p.lockedRep[a] !== r) continue;
        const t = p.travel(r, a);
        if (p.lockedRep[a] === r || eligible(r, a, t)) {
          list.reps.push(r);
          list.minutes.push(t);
        }
      }
      lists[a] = list;
    }
  } else {
    nearestReps(p, k, eligible, lists);
    addCoverage(p, eligible, lists);
  }
  return toCsr(p.n, lists);
}

/** Equirectangular plane around the data's mean latitude, for index queries only. */
function planar(p: CompiledProblem): { x: (lng: number) => number; cos: number } {
  let sum = 0;
  for (let r = 0; r < p.m; r++) sum += p.repLat[r];
  const cos = Math.max(0.05, Math.cos(((sum / p.m) * Math.PI) / 180));
  return { x: (lng) => lng * cos, cos };
}

function nearestReps(
  p: CompiledProblem,
  k: number,
  eligible: (r: number, a: number, t: number) => boolean,
  lists: { reps: number[]; minutes: number[] }[],
): void {
  const { x } = planar(p);
  const index = new KDBush(p.m);
  for (let r = 0; r < p.m; r++) index.add(x(p.repLng[r]), p.repLat[r]);
  index.finish();
  const want = Math.min(k, p.m);
  const radius0 = initialRadius(p, x, want);
  for (let a = 0; a < p.n; a++) {
    const locked = p.lockedRep[a];
    if (locked >= 0) {
      lists[a] = { reps: [locked], minutes: [p.travel(locked, a)] };
      continue;
    }
    const ax = x(p.accountLng[a]);
    const ay = p.accountLat[a];
    let found: number[] = [];
    for (let radius = radius0; ; radius *= 2) {
      found = index.within(ax, ay, radius);
      if (found.length >= want * 2 || found.length === p.m || radius > 720) break;
    }
    const reps: number[] = [];
    const minutes: number[] = [];
    const pairs = found.map((r) => [r, p.travel(r, a)] as const).sort((u, v) => u[1] - v[1] || u[0] - v[0]);
    for (const [r, t] of pairs) {
      if (reps.length >= want) break;
      if (eligible(r, a, t)) {
        reps.push(r);
        minutes.push(t);
      }
    }
    if (reps.length < want && found.length < p.m) {
      // Too few eligible reps nearby (segments, regions, travel limits): scan them all.
      for (let r = 0; r < p.m && reps.length < want; r++) {
        const t = p.travel(r, a);
        if (!reps.includes(r) && eligible(r, a, t)) {
          reps.push(r);
          minutes.push(t);
        }
      }
    }
    lists[a] = { reps, minutes };
  }
}

function initialRadius(p: CompiledProblem, x: (lng: number) => number, want: number): number {
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (let r = 0; r < p.m; r++) {
    const rx = x(p.repLng[r]);
    minX = Math.min(minX, rx);
    maxX = Math.max(maxX, rx);
    minY = Math.min(minY, p.repLat[r]);
    maxY = Math.max(maxY, p.repLat[r]);
  }
  const area = Math.max((maxX - minX) * (maxY - minY), 1e-6);
  return Math.max(1e-4, Math.sqrt((area * want) / (Math.PI * p.m)));
}

function addCoverage(
  p: CompiledProblem,
  eligible: (r: number, a: number, t: number) => boolean,
  lists: { reps: number[]; minutes: number[] }[],
): void {
  const { x } = planar(p);
  const index = new KDBush(p.n);
  for (let a = 0; a < p.n; a++) index.add(x(p.accountLng[a]), p.accountLat[a]);
  index.finish();
  const meanArea = initialRadius(p, x, 1);
  for (let r = 0; r < p.m; r++) {
    const need = COVERAGE * p.target[r];
    const rx = x(p.repLng[r]);
    let ids: number[] = [];
    for (let radius = meanArea; ; radius *= 2) {
      ids = index.within(rx, p.repLat[r], radius);
      let covered = 0;
      for (const a of ids) covered += p.workload[a];
      if (covered >= need || ids.length === p.n || radius > 720) break;
    }
    const byTime = ids.map((a) => [a, p.travel(r, a)] as const).sort((u, v) => u[1] - v[1] || u[0] - v[0]);
    let covered = 0;
    for (const [a, t] of byTime) {
      if (covered >= need) break;
      if (p.lockedRep[a] >= 0 || !eligible(r, a, t)) continue;
      covered += p.workload[a];
      const list = lists[a];
      if (!list.reps.includes(r)) {
        list.reps.push(r);
        list.minutes.push(t);
      }
    }
  }
}

function toCsr(n: number, lists: { reps: number[]; minutes: number[] }[]): Candidates {
  const start = new Int32Array(n + 1);
  for (let a = 0; a < n; a++) start[a + 1] = start[a] + lists[a].reps.length;
  const rep = new Int32Array(start[n]);
  const minutes = new Float64Array(start[n]);
  for (let a = 0; a < n; a++) {
    const { reps, minutes: times } = lists[a];
    const order = reps.map((_, i) => i).sort((i, j) => times[i] - times[j] || reps[i] - reps[j]);
    let at = start[a];
    for (const i of order) {
      rep[at] = reps[i];
      minutes[at] = times[i];
      at++;
    }
  }
  return { start, rep, minutes };
}
