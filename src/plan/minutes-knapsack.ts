import type { FreeAccounts, KnapsackOutcome } from "./pareto-knapsack.js";

/** Greatest common divisor of two non-negative integers. */
function gcd(a: number, b: number): number {
  while (b > 0) [a, b] = [b, a % b];
  return a;
}

/** The common unit of the free accounts' level minutes when they are all whole numbers (> 0), else 0. */
export function wholeMinuteUnit(free: FreeAccounts): number {
  let unit = 0;
  for (const minutes of free.minutes) {
    if (!Number.isInteger(minutes)) return 0;
    unit = gcd(unit, minutes);
  }
  return unit;
}

/**
 * The exact multiple-choice knapsack of `paretoKnapsack` when every level's minutes are whole
 * multiples of `unit`: a dense dynamic programme over minutes used (in units, above each
 * account's lightest level), account by account, keeping per minute total the most expected
 * sales and the level that gave it. States whose Lagrangian completion bound
 * sales + λ·(room − minutes) + Σ best of the accounts to come cannot beat `beat` are dropped.
 * Work and memory: accounts × (room / unit) cells at most; stops past `maxCells`.
 */
export function minutesKnapsack(free: FreeAccounts, unit: number, room: number, slack: number, lambda: number, beat: number, maxCells: number): KnapsackOutcome {
  const count = free.account.length;
  // Each account's lightest level is the base: the programme runs over minutes above the bases.
  let baseMinutes = 0, baseSales = 0;
  const lightest = new Int32Array(count);
  const span = new Int32Array(count);
  for (let f = 0; f < count; f++) {
    let light = free.levelStart[f], heavy = light;
    for (let l = free.levelStart[f]; l < free.levelStart[f + 1]; l++) {
      if (free.minutes[l] < free.minutes[light]) light = l;
      if (free.minutes[l] > free.minutes[heavy]) heavy = l;
    }
    lightest[f] = light;
    span[f] = Math.round((free.minutes[heavy] - free.minutes[light]) / unit);
    baseMinutes += free.minutes[light];
    baseSales += free.sales[light];
  }
  if (baseMinutes > room + slack) return { complete: true, value: -Infinity, states: 0 };
  const units = Math.floor((room - baseMinutes + slack) / unit);
  // Suffix sums over the accounts still to come: their best Lagrangian terms, and the sales and
  // minutes of their lightest levels (already counted in every state).
  const rest = new Float64Array(count + 1), restSales = new Float64Array(count + 1), restMinutes = new Float64Array(count + 1);
  for (let f = count - 1; f >= 0; f--) {
    rest[f] = rest[f + 1] + free.best[f];
    restSales[f] = restSales[f + 1] + free.sales[lightest[f]];
    restMinutes[f] = restMinutes[f + 1] + free.minutes[lightest[f]];
  }
  const width = units + 1;
  if (count * width > maxCells) return { complete: false, value: -Infinity, states: count * width };
  let sales = new Float64Array(width).fill(-Infinity);
  let next = new Float64Array(width);
  // The level each cell came from, as its offset in the account's level list (≤ maxVisits ≤ 10,000).
  const choice = new Uint16Array(count * width);
  sales[0] = baseSales;
  let high = 0;
  let cells = 0;
  for (let f = 0; f < count; f++) {
    const top = Math.min(units, high + span[f]);
    next.fill(-Infinity, 0, top + 1);
    const row = f * width;
    for (let l = free.levelStart[f]; l < free.levelStart[f + 1]; l++) {
      const shift = Math.round((free.minutes[l] - free.minutes[lightest[f]]) / unit);
      const gain = free.sales[l] - free.sales[lightest[f]];
      for (let w = 0; w <= high && w + shift <= top; w++) {
        const value = sales[w] + gain;
        if (value > next[w + shift]) {
          next[w + shift] = value;
          choice[row + w + shift] = l - free.levelStart[f];
        }
      }
    }
    // Drop the cells that cannot lead to a plan worth more than `beat`: the accounts done so far
    // give next[w] − restSales, and the rest at most rest + λ × the minutes they have left.
    let last = -1;
    const offset = rest[f + 1] - restSales[f + 1];
    for (let w = 0; w <= top; w++) {
      if (next[w] === -Infinity) continue;
      const done = baseMinutes + w * unit - restMinutes[f + 1];
      if (next[w] + offset + lambda * Math.max(0, room - done) <= beat) next[w] = -Infinity;
      else last = w;
    }
    cells += top + 1;
    if (last < 0) return { complete: true, value: -Infinity, states: cells };
    high = last;
    [sales, next] = [next, sales];
  }
  let winner = -1;
  for (let w = 0; w <= high; w++) if (sales[w] > beat && (winner < 0 || sales[w] > sales[winner])) winner = w;
  if (winner < 0) return { complete: true, value: -Infinity, states: cells };
  const picked = new Int32Array(count);
  for (let f = count - 1, w = winner; f >= 0; f--) {
    const l = free.levelStart[f] + choice[f * width + w];
    picked[f] = free.visits[l];
    w -= Math.round((free.minutes[l] - free.minutes[lightest[f]]) / unit);
  }
  return { complete: true, choice: picked, value: sales[winner], states: cells };
}
