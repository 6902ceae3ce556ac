import { createRandom } from "../util/random.js";
import { filterOwnership, type Ownership } from "./ownership.js";

/** Ownership with some products hidden, and which ones each account hid (the products to find). */
export interface HoldOut {
  readonly train: Ownership;
  /** Accounts evaluated (ascending). */
  readonly accounts: Int32Array;
  /** Products hidden per evaluated account: targets[start[k] .. start[k + 1]) for accounts[k]. */
  readonly start: Int32Array;
  readonly targets: Int32Array;
  readonly method: "leave-one-out" | "time split";
}

/**
 * Hides one product, drawn at random, of every account that owns two or more (so that something is
 * left to recommend from); at most `maxAccounts` accounts, drawn at random.
 */
export function leaveOneOut(o: Ownership, seed: number, maxAccounts = Infinity): HoldOut {
  const random = createRandom(seed);
  const eligible: number[] = [];
  for (let a = 0; a + 1 < o.start.length; a++) if (o.start[a + 1] - o.start[a] >= 2) eligible.push(a);
  let chosen = eligible;
  if (eligible.length > maxAccounts) {
    const order = eligible.map((a) => [random(), a] as const).sort((x, y) => x[0] - y[0]);
    chosen = order.slice(0, maxAccounts).map(([, a]) => a).sort((x, y) => x - y);
  }
  const hidden = new Set<number>();
  const targets: number[] = [];
  for (const a of chosen) {
    const k = o.start[a] + Math.floor(random() * (o.start[a + 1] - o.start[a]));
    hidden.add(k);
    targets.push(o.items[k]);
  }
  return {
    train: filterOwnership(o, (k) => !hidden.has(k)),
    accounts: Int32Array.from(chosen),
    start: Int32Array.from({ length: chosen.length + 1 }, (_, k) => k),
    targets: Int32Array.from(targets),
    method: "leave-one-out",
  };
}

/**
 * A time split: products first bought after the cutoff (the `share`-quantile of first-purchase dates
 * from the end) are hidden; accounts that owned something before the cutoff and bought something new
 * after it are evaluated. Needs `firstDate`.
 */
export function timeSplit(o: Ownership, share = 0.2): HoldOut {
  const dates = Float64Array.from(o.firstDate!).sort();
  const cutoff = dates[Math.min(dates.length - 1, Math.floor((1 - share) * dates.length))];
  const accounts: number[] = [];
  const start = [0];
  const targets: number[] = [];
  for (let a = 0; a + 1 < o.start.length; a++) {
    let before = 0;
    const after: number[] = [];
    for (let k = o.start[a]; k < o.start[a + 1]; k++) {
      if (o.firstDate![k] < cutoff) before++;
      else after.push(o.items[k]);
    }
    if (before === 0 || after.length === 0) continue;
    accounts.push(a);
    targets.push(...after);
    start.push(targets.length);
  }
  return {
    train: filterOwnership(o, (k) => o.firstDate![k] < cutoff),
    accounts: Int32Array.from(accounts),
    start: Int32Array.from(start),
    targets: Int32Array.from(targets),
    method: "time split",
  };
}
