/**
 * Seeded accounts whose true wallet is known, for the potential benchmark and tests. Wallet =
 * industry level × employees^0.8 × a smooth regional effect × log-normal noise; a customer's
 * observed sales = wallet × its share of wallet (Beta(4, 2): a typical customer spends two thirds
 * of its wallet with us). 12 features: industry, employees, revenue (tied to employees), age,
 * ownership, state (a grid of regions), and six features of pure noise. Every account has a location.
 */
import type { PotentialAccount } from "../src/intel/potential-account.js";
import { createRandom } from "../src/util/random.js";

export interface WalletSpec {
  readonly accounts: number;
  /** Share of accounts that are customers (have sales). Default 0.7. */
  readonly customerShare?: number;
  /** σ of the log-normal wallet noise. Default 0.25. */
  readonly noise?: number;
  readonly seed: number;
}

export interface WalletData {
  readonly accounts: PotentialAccount[];
  /** True wallet per account. */
  readonly wallet: Float64Array;
  /** Wallet without its noise: the best any model could know. */
  readonly noiseFree: Float64Array;
  /** Observed sales (NaN for prospects). */
  readonly sales: Float64Array;
}

const INDUSTRIES = ["manufacturing", "retail", "health", "finance", "logistics", "energy", "education", "hospitality"];
const LEVEL = [1.0, 0.55, 1.4, 2.2, 0.8, 1.8, 0.45, 0.35];

export function generateWallets(spec: WalletSpec): WalletData {
  const random = createRandom(spec.seed);
  const normal = () => Math.sqrt(-2 * Math.log(Math.max(1e-12, random()))) * Math.cos(2 * Math.PI * random());
  const gamma = (shape: number) => {
    // Marsaglia–Tsang for shape ≥ 1.
    const d = shape - 1 / 3, c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = normal(), v = (1 + c * x) ** 3;
      if (v > 0 && Math.log(random()) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  const n = spec.accounts, share = spec.customerShare ?? 0.7, sigma = spec.noise ?? 0.25;
  const accounts: PotentialAccount[] = new Array(n);
  const wallet = new Float64Array(n), noiseFree = new Float64Array(n), sales = new Float64Array(n).fill(NaN);
  for (let i = 0; i < n; i++) {
    const lng = -10 + 30 * random(), lat = 38 + 18 * random();
    const industry = Math.floor(random() * INDUSTRIES.length);
    const employees = Math.round(Math.exp(3 + 1.3 * normal())) + 1;
    const region = Math.exp(0.5 * Math.sin(lng / 4) + 0.4 * Math.cos(lat / 3));
    noiseFree[i] = 1000 * LEVEL[industry] * employees ** 0.8 * region;
    wallet[i] = noiseFree[i] * Math.exp(sigma * normal());
    const customer = random() < share;
    if (customer) {
      const a = gamma(4), b = gamma(2);
      sales[i] = Math.round(wallet[i] * (a / (a + b)));
    }
    const state = `S${Math.floor((lng + 10) / 6)}${Math.floor((lat - 38) / 6)}`;
    accounts[i] = {
      id: `W${String(i + 1).padStart(6, "0")}`,
      location: [Math.round(lng * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5],
      attributes: {
        industry: INDUSTRIES[industry],
        employees,
        revenue: Math.round(employees * 90_000 * Math.exp(0.5 * normal())),
        age: Math.floor(1 + 40 * random()),
        ownership: random() < 0.3 ? "public" : "private",
        state,
        noise1: Math.round(100 * normal()) / 100,
        noise2: Math.round(1000 * random()),
        noise3: ["a", "b", "c", "d"][Math.floor(random() * 4)],
        noise4: Math.round(100 * normal()) / 100,
        noise5: random() < 0.5 ? "yes" : "no",
        noise6: Math.round(50 * random()),
        ...(customer ? { sales: sales[i] } : {}),
      },
    };
  }
  return { accounts, wallet, noiseFree, sales };
}
