import type { FeatureColumn } from "./feature-column.js";

/** Levels of a category given their own column; rarer ones share the baseline. */
const MIN_LEVEL_ROWS = 10;
const MAX_LEVELS = 30;

/**
 * How feature columns become the rows of a linear model's design: an intercept, each numeric
 * column standardised over the fitting rows (missing values at the mean, with a missing indicator
 * when any fitting row lacks one), each categorical column one-hot over its common levels.
 */
export interface Design {
  /** Columns of a design row, intercept (column 0) included. */
  readonly width: number;
  /** Writes row i's design into x[0 .. width). */
  readonly fill: (i: number, x: Float64Array) => void;
}

interface Term {
  readonly width: number;
  readonly write: (i: number, x: Float64Array, at: number) => void;
}

/** The design of `columns`, with scales and levels taken from the rows in `rows`. */
export function designOf(columns: readonly FeatureColumn[], rows: Int32Array): Design {
  const terms: Term[] = [];
  for (const column of columns) {
    const term = column.kind === "numeric" ? numericTerm(column.values, rows) : categoricalTerm(column.codes, rows);
    if (term) terms.push(term);
  }
  const width = 1 + terms.reduce((s, t) => s + t.width, 0);
  return {
    width,
    fill(i, x) {
      x[0] = 1;
      let at = 1;
      for (const term of terms) {
        term.write(i, x, at);
        at += term.width;
      }
    },
  };
}

function numericTerm(values: Float64Array, rows: Int32Array): Term | undefined {
  let sum = 0, sum2 = 0, count = 0;
  for (const i of rows) {
    const v = values[i];
    if (!Number.isNaN(v)) (sum += v), (sum2 += v * v), count++;
  }
  if (count === 0) return undefined;
  const mean = sum / count;
  const sd = Math.sqrt(Math.max(0, sum2 / count - mean * mean)) || 1;
  const indicator = count < rows.length;
  return {
    width: indicator ? 2 : 1,
    write(i, x, at) {
      const v = values[i];
      const missing = Number.isNaN(v);
      x[at] = missing ? 0 : (v - mean) / sd;
      if (indicator) x[at + 1] = missing ? 1 : 0;
    },
  };
}

function categoricalTerm(codes: Int32Array, rows: Int32Array): Term | undefined {
  const counts = new Map<number, number>();
  for (const i of rows) if (codes[i] >= 0) counts.set(codes[i], (counts.get(codes[i]) ?? 0) + 1);
  const levels = [...counts].filter(([, c]) => c >= MIN_LEVEL_ROWS).sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, MAX_LEVELS).map(([code]) => code);
  if (levels.length === 0) return undefined;
  const slot = new Map(levels.map((code, s) => [code, s]));
  return {
    width: levels.length,
    write(i, x, at) {
      for (let s = 0; s < levels.length; s++) x[at + s] = 0;
      const s = slot.get(codes[i]);
      if (s !== undefined) x[at + s] = 1;
    },
  };
}
