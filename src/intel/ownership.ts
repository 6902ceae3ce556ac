import { fail } from "../errors.js";
import { describeValue } from "../model/describe-value.js";
import { readNumber } from "../util/read-number.js";

/** One purchase row: an account bought a product (for `value`, on `date`). */
export interface Purchase {
  readonly accountId: string;
  readonly product: string;
  /** Amount of the purchase (currency); summed per account and product. */
  readonly value?: number | string;
  /** When it was bought: an ISO 8601 date (`2026-03-31`) or date-time. */
  readonly date?: string;
}

/**
 * Who owns what, as a sparse 0/1 matrix of accounts × products in compressed rows: account a owns
 * products items[start[a] .. start[a + 1]), ascending.
 */
export interface Ownership {
  /** Account ids; row a is accountIds[a]. */
  readonly accountIds: readonly string[];
  /** Product names, in first-seen order. */
  readonly products: readonly string[];
  readonly start: Int32Array;
  readonly items: Int32Array;
  /** Σ value per entry (same layout as items); null when no purchase has a value. */
  readonly value: Float64Array | null;
  /** Earliest purchase per entry, ms since 1970; null unless every purchase has a date. */
  readonly firstDate: Float64Array | null;
}

/**
 * Indexes purchases by account: the accounts named in `accountIds` first (in that order), then
 * accounts seen only in purchases (first-seen order). Throws a `TerralignError` naming the row for an
 * empty account id or product, a value that is not a number, or a date that does not parse.
 */
export function indexOwnership(purchases: readonly Purchase[], accountIds: readonly string[] = []): Ownership {
  const ids = [...accountIds];
  const accountIndex = new Map<string, number>();
  ids.forEach((id, a) => accountIndex.set(id, a));
  const productIndex = new Map<string, number>();
  const products: string[] = [];
  const byAccount: Map<number, { value: number; date: number }>[] = ids.map(() => new Map());
  let anyValue = false, everyDate = purchases.length > 0;
  purchases.forEach((row, k) => {
    const accountId = typeof row.accountId === "string" ? row.accountId.trim() : "";
    if (accountId === "") fail("invalid_input", ["purchases", k, "accountId"], `${describeValue(row.accountId)} is not an account id; every purchase names its account`);
    const product = typeof row.product === "string" ? row.product.trim() : "";
    if (product === "") fail("invalid_input", ["purchases", k, "product"], `the product name is empty (account ${JSON.stringify(accountId)}); every purchase names its product`);
    let value = 0;
    if (row.value !== undefined && !(typeof row.value === "string" && row.value.trim() === "")) {
      const v = readNumber(row.value);
      if (v === undefined || !Number.isFinite(v)) fail("invalid_input", ["purchases", k, "value"], `${describeValue(row.value)} is not a number`);
      value = v;
      anyValue = true;
    }
    let date = NaN;
    if (row.date !== undefined && row.date.trim() !== "") {
      date = Date.parse(row.date.trim());
      if (Number.isNaN(date)) fail("invalid_input", ["purchases", k, "date"], `${describeValue(row.date)} is not a date; write it as 2026-03-31 (ISO 8601)`);
    } else everyDate = false;
    let a = accountIndex.get(accountId);
    if (a === undefined) {
      a = ids.length;
      ids.push(accountId);
      accountIndex.set(accountId, a);
      byAccount.push(new Map());
    }
    let j = productIndex.get(product);
    if (j === undefined) {
      j = products.length;
      products.push(product);
      productIndex.set(product, j);
    }
    const entry = byAccount[a].get(j);
    if (entry) {
      entry.value += value;
      // NaN (an undated row) spreads, and then no entry keeps a date.
      entry.date = Math.min(entry.date, date);
    } else byAccount[a].set(j, { value, date });
  });
  const start = new Int32Array(ids.length + 1);
  byAccount.forEach((m, a) => (start[a + 1] = start[a] + m.size));
  const items = new Int32Array(start[ids.length]);
  const value = anyValue ? new Float64Array(items.length) : null;
  const firstDate = everyDate ? new Float64Array(items.length) : null;
  byAccount.forEach((m, a) => {
    const sorted = [...m].sort((x, y) => x[0] - y[0]);
    sorted.forEach(([j, e], k) => {
      items[start[a] + k] = j;
      if (value) value[start[a] + k] = e.value;
      if (firstDate) firstDate[start[a] + k] = e.date;
    });
  });
  return { accountIds: ids, products, start, items, value, firstDate };
}

/** The same accounts and products with only the entries `keep` accepts (k: entry index). */
export function filterOwnership(o: Ownership, keep: (k: number) => boolean): Ownership {
  const start = new Int32Array(o.start.length);
  const kept: number[] = [];
  for (let a = 0; a + 1 < o.start.length; a++) {
    for (let k = o.start[a]; k < o.start[a + 1]; k++) if (keep(k)) kept.push(k);
    start[a + 1] = kept.length;
  }
  const pick = <T extends Float64Array | Int32Array>(array: T, make: (n: number) => T): T => {
    const out = make(kept.length);
    kept.forEach((k, at) => (out[at] = array[k]));
    return out;
  };
  return {
    accountIds: o.accountIds,
    products: o.products,
    start,
    items: pick(o.items, (n) => new Int32Array(n)),
    value: o.value ? pick(o.value, (n) => new Float64Array(n)) : null,
    firstDate: o.firstDate ? pick(o.firstDate, (n) => new Float64Array(n)) : null,
  };
}
