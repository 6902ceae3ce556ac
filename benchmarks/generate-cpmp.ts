/**
 * Seeded generator of CPMP instances shaped like the three public families, for checking that
 * the solver does as well on instances it has never seen:
 *
 * - `orlib`: like Osman & Christofides (OR-Library pmedcap): integer coordinates uniform in
 *   [1, 100]², integer demands uniform in 1…20, capacity 120; written in the OR-Library format
 *   (distances floored).
 * - `sjc`: like Lorena & Senne's São José dos Campos data: a city about 3 km across made of dense
 *   neighbourhoods, heavy-tailed demands (1 … ~650); capacity = total demand / (p × fill).
 * - `tsplib`: like Stefanello et al. on TSPLIB coordinates: clustered points over a plane about
 *   4,000 units across, integer demands uniform in 1…100, capacity = ⌈total / (p × fill)⌉.
 *
 * The two last families are written in the Lorena–Senne format. `fill` is the share of the total
 * capacity of the p medians that the demand uses.
 */
import { createRandom } from "../src/util/random.js";

export type CpmpFamily = "orlib" | "sjc" | "tsplib";

export interface CpmpSpec {
  readonly family: CpmpFamily;
  readonly n: number;
  readonly p: number;
  readonly seed: number;
  /** Demand / total capacity of p medians; default 0.82 (sjc, tsplib; orlib has capacity 120). */
  readonly fill?: number;
}

/** The instance as file text, in the family's format. */
export function generateCpmpText(spec: CpmpSpec): string {
  const random = createRandom(spec.seed * 7919 + spec.n * 31 + spec.p);
  const normal = () => Math.sqrt(-2 * Math.log(Math.max(1e-12, random()))) * Math.cos(2 * Math.PI * random());
  const { n, p } = spec;
  const fill = spec.fill ?? 0.82;
  if (spec.family === "orlib") {
    const rows = Array.from({ length: n }, (_, i) => `${i + 1} ${1 + Math.floor(random() * 100)} ${1 + Math.floor(random() * 100)} ${1 + Math.floor(random() * 20)}`);
    return `1 0\n${n} ${p} 120\n${rows.join("\n")}\n`;
  }
  const sjc = spec.family === "sjc";
  const span = sjc ? 3000 : 4000;
  const clusterCount = sjc ? 12 + Math.floor(random() * 8) : 8 + Math.floor(random() * 16);
  const centres = Array.from({ length: clusterCount }, () => ({ x: random() * span, y: random() * span, spread: span * (0.02 + 0.1 * random()) }));
  const x: number[] = [];
  const y: number[] = [];
  const demand: number[] = [];
  for (let i = 0; i < n; i++) {
    if (random() < (sjc ? 0.1 : 0.2)) {
      x.push(random() * span);
      y.push(random() * span);
    } else {
      const centre = centres[Math.floor(random() * clusterCount)];
      x.push(centre.x + centre.spread * normal());
      y.push(centre.y + centre.spread * normal());
    }
    demand.push(sjc ? Math.min(654, Math.max(1, Math.round(Math.exp(3.3 + 1.1 * normal())))) : 1 + Math.floor(random() * 100));
  }
  const total = demand.reduce((a, b) => a + b, 0);
  const capacity = Math.ceil(total / (p * fill));
  const offset = sjc ? [408000, 434000] : [0, 0];
  const rows = x.map((xi, i) => `${(offset[0] + xi).toFixed(sjc ? 0 : 2)} ${(offset[1] + y[i]).toFixed(sjc ? 0 : 2)} ${capacity} ${demand[i]}`);
  return `${n} ${p}\n${rows.join("\n")}\n`;
}
