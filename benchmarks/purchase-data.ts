/**
 * Seeded purchases with planted latent customer groups, for the next-product benchmark and tests:
 * each account belongs to one of `groups` groups; each group buys each product with its own
 * probability (a few products likely, the rest rarely, over a common popularity curve); an
 * account's industry matches its group's 70 % of the time; size is log-normal. The true purchase
 * probabilities are known, so an oracle can rank by them.
 */
import type { PotentialAccount } from "../src/intel/potential-account.js";
import type { Purchase } from "../src/intel/ownership.js";
import { createRandom } from "../src/util/random.js";

export interface PurchaseSpec {
  readonly accounts: number;
  readonly products?: number;
  readonly groups?: number;
  /** When false, every group buys with the same probabilities (no signal beyond popularity). */
  readonly signal?: boolean;
  readonly seed: number;
}

export interface PurchaseData {
  readonly accounts: PotentialAccount[];
  readonly purchases: Purchase[];
  readonly products: string[];
  /** True probability that account a buys product j: probability[a][j]. */
  readonly probability: Float64Array[];
}

export function generatePurchases(spec: PurchaseSpec): PurchaseData {
  const random = createRandom(spec.seed);
  const P = spec.products ?? 30, G = spec.groups ?? 6;
  const normal = () => Math.sqrt(-2 * Math.log(Math.max(1e-12, random()))) * Math.cos(2 * Math.PI * random());
  const products = Array.from({ length: P }, (_, j) => `P${String(j + 1).padStart(2, "0")}`);
  const base = Array.from({ length: P }, (_, j) => 0.02 + 0.25 / (1 + j / 3));
  const groupProb = Array.from({ length: G }, () => {
    const favourite = new Set<number>();
    while (favourite.size < 4) favourite.add(Math.floor(random() * P));
    return Float64Array.from(base, (b, j) => (spec.signal === false ? b : favourite.has(j) ? 0.35 + 0.4 * random() : b * 0.5));
  });
  const accounts: PotentialAccount[] = [];
  const purchases: Purchase[] = [];
  const probability: Float64Array[] = [];
  for (let a = 0; a < spec.accounts; a++) {
    const g = Math.floor(random() * G);
    const id = `C${String(a + 1).padStart(6, "0")}`;
    const industry = random() < 0.7 ? g : Math.floor(random() * G);
    accounts.push({ id, attributes: { industry: `I${industry}`, employees: Math.round(Math.exp(3 + normal())) } });
    probability.push(groupProb[g]);
    for (let j = 0; j < P; j++) {
      if (random() < groupProb[g][j]) purchases.push({ accountId: id, product: products[j], value: Math.round(100 + 900 * random()) });
    }
  }
  return { accounts, purchases, products, probability };
}
