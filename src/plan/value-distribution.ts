/** A point of a Lorenz curve: [share of accounts, share of value], accounts taken from the smallest value up. */
export type LorenzPoint = readonly [accountShare: number, valueShare: number];

/**
 * The Lorenz curve of values sorted ascending, at up to `points` evenly spaced account shares
 * (every account when there are fewer), from [0, 0] to [1, 1]. Empty when the total is not
 * positive or a value is negative (the curve is then undefined).
 */
export function lorenzCurve(ascending: Float64Array, points: number): LorenzPoint[] {
  const n = ascending.length;
  const total = positiveTotal(ascending);
  if (total === undefined) return [];
  const steps = Math.min(n, points - 1);
  const curve: LorenzPoint[] = [[0, 0]];
  let sum = 0;
  let i = 0;
  for (let s = 1; s <= steps; s++) {
    const upTo = s === steps ? n : Math.round((s * n) / steps);
    while (i < upTo) sum += ascending[i++];
    curve.push([upTo / n, s === steps ? 1 : sum / total]);
  }
  return curve;
}

/**
 * The Gini coefficient of values sorted ascending: 0 when all are equal, towards 1 when one
 * account holds everything. Exact over all values: G = 2 Σ i·xᵢ / (n Σ x) − (n + 1) / n (i from 1).
 * Null when the total is not positive or a value is negative.
 */
export function giniOfSorted(ascending: Float64Array): number | null {
  const n = ascending.length;
  const total = positiveTotal(ascending);
  if (total === undefined) return null;
  let weighted = 0;
  for (let i = 0; i < n; i++) weighted += (i + 1) * ascending[i];
  return Math.max(0, (2 * weighted) / (n * total) - (n + 1) / n);
}

function positiveTotal(ascending: Float64Array): number | undefined {
  if (ascending.length === 0 || ascending[0] < 0) return undefined;
  let total = 0;
  for (let i = 0; i < ascending.length; i++) total += ascending[i];
  return total > 0 ? total : undefined;
}
