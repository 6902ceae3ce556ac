import { numericColumn, type FeatureColumn, type NumericColumn } from "./feature-column.js";
import { quantileOf } from "./loss.js";
import { indexPoints, nearestPoints } from "../geo/nearest-points.js";

/**
 * Who is near each account: its nearest accounts (any) and its nearest customers, found once.
 * Rows without coordinates (NaN) have no neighbours.
 */
export interface Neighbourhood {
  /** Neighbours used per account. */
  readonly k: number;
  /** Nearest customers kept per account (more than k, so that k remain outside any one fold). */
  readonly kept: number;
  /** Nearest customers of account i: customers[i * kept + j], −1 past the last; nearest first. */
  readonly customers: Int32Array;
  /** Location columns that need no target: coordinates, rotated coordinates, density, nearby attribute means. */
  readonly columns: NumericColumn[];
}

/**
 * Finds every located account's `k` nearest accounts and its nearest customers, and the location
 * columns that do not involve the target: lng, lat, lng ± lat (so that trees can cut diagonals),
 * the mean distance in km to the k nearest accounts, and the mean of each numeric attribute over
 * them. Each account is left out of its own neighbours.
 */
export function findNeighbourhood(lng: Float64Array, lat: Float64Array, isCustomer: Uint8Array, folds: number, k: number, numeric: readonly FeatureColumn[]): Neighbourhood {
  const n = lng.length;
  const located: number[] = [];
  const locatedCustomers: number[] = [];
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(lng[i]) || Number.isNaN(lat[i])) continue;
    located.push(i);
    if (isCustomer[i]) locatedCustomers.push(i);
  }
  const kept = Math.ceil(((1.5 * k * folds) / Math.max(1, folds - 1))) + 2;
  const customers = new Int32Array(n * kept).fill(-1);
  const rotatedA = new Float64Array(n).fill(NaN), rotatedB = new Float64Array(n).fill(NaN), density = new Float64Array(n).fill(NaN);
  const attributes = numeric.filter((c): c is NumericColumn => c.kind === "numeric");
  const means = attributes.map(() => new Float64Array(n).fill(NaN));
  const rows = new Int32Array(Math.max(k, kept)), km = new Float64Array(Math.max(k, kept));
  const all = indexPoints(Int32Array.from(located), lng, lat);
  const onlyCustomers = locatedCustomers.length > 0 ? indexPoints(Int32Array.from(locatedCustomers), lng, lat) : undefined;
  for (const i of located) {
    rotatedA[i] = lng[i] + lat[i];
    rotatedB[i] = lng[i] - lat[i];
    if (k === 0) continue;
    const found = nearestPoints(all, lng[i], lat[i], k, i, rows, km);
    if (found > 0) {
      let sum = 0;
      for (let j = 0; j < found; j++) sum += km[j];
      density[i] = sum / found;
      attributes.forEach((column, c) => {
        let s = 0, count = 0;
        for (let j = 0; j < found; j++) {
          const v = column.values[rows[j]];
          if (!Number.isNaN(v)) (s += v), count++;
        }
        if (count > 0) means[c][i] = s / count;
      });
    }
    if (onlyCustomers) {
      const near = nearestPoints(onlyCustomers, lng[i], lat[i], kept, i, rows, km);
      customers.set(rows.subarray(0, near), i * kept);
    }
  }
  const columns: NumericColumn[] = [numericColumn("lng", Float64Array.from(lng)), numericColumn("lat", Float64Array.from(lat)), numericColumn("lng + lat", rotatedA), numericColumn("lng − lat", rotatedB)];
  if (k > 0) {
    columns.push(numericColumn(`km to the ${k} nearest accounts`, density));
    attributes.forEach((column, c) => columns.push(numericColumn(`nearby ${column.name}`, means[c])));
  }
  return { k, kept, customers, columns };
}

/**
 * The target of each account's nearest customers outside fold `fold` (−1: any fold): the mean log
 * target of up to k of them, and its `upper` quantile. A customer's own target never enters its own
 * columns, nor does any target of fold `fold`, so a model trained and evaluated on them sees none.
 */
export function nearbyTargetColumns(hood: Neighbourhood, logTarget: Float64Array, foldOf: Int32Array, fold: number, upper: number): NumericColumn[] {
  const n = logTarget.length;
  const mean = new Float64Array(n).fill(NaN), high = new Float64Array(n).fill(NaN);
  const picked = new Float64Array(hood.k);
  for (let i = 0; i < n; i++) {
    let count = 0, sum = 0;
    for (let j = 0; j < hood.kept && count < hood.k; j++) {
      const row = hood.customers[i * hood.kept + j];
      if (row < 0) break;
      if (fold >= 0 && foldOf[row] === fold) continue;
      picked[count++] = logTarget[row];
      sum += logTarget[row];
    }
    if (count === 0) continue;
    mean[i] = sum / count;
    high[i] = quantileOf(picked.subarray(0, count), upper);
  }
  return [numericColumn("nearby customers' log target (mean)", mean), numericColumn(`nearby customers' log target (q${Math.round(upper * 100)})`, high)];
}
