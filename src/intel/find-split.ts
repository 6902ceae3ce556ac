import type { BinnedMatrix } from "./binned-matrix.js";
import type { Histogram } from "./histogram.js";
import type { TreeParams } from "./tree-params.js";

/** The best way to split one leaf. */
export interface Split {
  /** Gain in loss reduction (second-order approximation); −Infinity when no split is allowed. */
  gain: number;
  feature: number;
  /** Numeric: bins 1..threshold go left. */
  threshold: number;
  /** Numeric: whether the missing bin goes left. */
  missingLeft: boolean;
  /** Categorical: 1 for each bin that goes left. */
  categories: Uint8Array | null;
  /** Σ gradient and rows of the left side. */
  leftGrad: number;
  leftRows: number;
}

export function noSplit(): Split {
  return { gain: -Infinity, feature: -1, threshold: 0, missingLeft: false, categories: null, leftGrad: 0, leftRows: 0 };
}

/**
 * The best split of a leaf with histogram `h` (Σ gradient `g`, `rows` rows), over every feature:
 * numeric features by a threshold on the bins with the missing bin tried on each side, categorical
 * ones by ordering categories by mean gradient and cutting that order (Fisher 1958; LightGBM's
 * many-vs-many split). Gain = G_L²/(R_L+λ) + G_R²/(R_R+λ) − G²/(R+λ).
 */
export function findSplit(m: BinnedMatrix, h: Histogram, g: number, rows: number, p: TreeParams): Split {
  const best = noSplit();
  for (let j = 0; j < m.f; j++) {
    if (m.features[j].kind === "numeric") numericSplit(j, m.offset[j], m.features[j].count, h, g, rows, p, best);
    else categoricalSplit(j, m.offset[j], m.features[j].count, h, g, rows, p, best);
  }
  return best;
}

function numericSplit(j: number, offset: number, count: number, h: Histogram, g: number, rows: number, p: TreeParams, best: Split): void {
  const lambda = p.lambda, min = p.minRowsInLeaf;
  const parent = (g * g) / (rows + lambda);
  const missG = h[offset << 1], missR = h[(offset << 1) + 1];
  let gl = 0, rl = 0;
  for (let t = 1; t < count - 1; t++) {
    const s = (offset + t) << 1;
    gl += h[s];
    rl += h[s + 1];
    if (h[s + 1] === 0) continue;
    for (let side = 0; side < 2; side++) {
      if (side === 1 && missR === 0) break;
      const lg = side === 0 ? gl : gl + missG, lr = side === 0 ? rl : rl + missR;
      const rg = g - lg, rr = rows - lr;
      if (lr < min || rr < min) continue;
      const gain = (lg * lg) / (lr + lambda) + (rg * rg) / (rr + lambda) - parent;
      if (gain > best.gain) {
        best.gain = gain;
        best.feature = j;
        best.threshold = t;
        best.missingLeft = side === 1;
        best.categories = null;
        best.leftGrad = lg;
        best.leftRows = lr;
      }
    }
  }
  // All values left, missing right (a split on presence alone).
  if (missR >= min && rows - missR >= min) {
    const lg = g - missG, lr = rows - missR;
    const gain = (lg * lg) / (lr + lambda) + (missG * missG) / (missR + lambda) - parent;
    if (gain > best.gain) {
      best.gain = gain;
      best.feature = j;
      best.threshold = count - 1;
      best.missingLeft = false;
      best.categories = null;
      best.leftGrad = lg;
      best.leftRows = lr;
    }
  }
}

function categoricalSplit(j: number, offset: number, count: number, h: Histogram, g: number, rows: number, p: TreeParams, best: Split): void {
  const lambda = p.lambda + p.categorySmoothing, min = p.minRowsInLeaf;
  const parent = (g * g) / (rows + lambda);
  const eligible: number[] = [];
  for (let b = 0; b < count; b++) if (h[((offset + b) << 1) + 1] >= p.minRowsPerCategory) eligible.push(b);
  if (eligible.length < 2 && !(eligible.length === 1 && h[((offset + eligible[0]) << 1) + 1] < rows)) return;
  const mean = (b: number) => h[(offset + b) << 1] / (h[((offset + b) << 1) + 1] + p.categorySmoothing);
  eligible.sort((a, b) => mean(a) - mean(b) || a - b);
  let gl = 0, rl = 0, bestCut = -1, bestGain = best.gain, bestLg = 0, bestLr = 0;
  for (let k = 0; k < eligible.length; k++) {
    const s = (offset + eligible[k]) << 1;
    gl += h[s];
    rl += h[s + 1];
    const rg = g - gl, rr = rows - rl;
    if (rl < min || rr < min) continue;
    const gain = (gl * gl) / (rl + lambda) + (rg * rg) / (rr + lambda) - parent;
    if (gain > bestGain) {
      bestGain = gain;
      bestCut = k;
      bestLg = gl;
      bestLr = rl;
    }
  }
  if (bestCut < 0) return;
  const categories = new Uint8Array(count);
  for (let k = 0; k <= bestCut; k++) categories[eligible[k]] = 1;
  best.gain = bestGain;
  best.feature = j;
  best.threshold = 0;
  best.missingLeft = categories[0] === 1;
  best.categories = categories;
  best.leftGrad = bestLg;
  best.leftRows = bestLr;
}
