/**
 * Dense Cholesky factorisation of a symmetric positive definite matrix, for the small linear solves
 * of the ridge models (a few dozen columns) and of EASE (one row and column per product).
 * Matrices are row-major `Float64Array`s of n × n.
 */

/**
 * Factors `a` in place into its lower-triangular Cholesky factor L (A = L Lᵀ); the strict upper
 * triangle is zeroed. Returns false, leaving `a` partly overwritten, when a pivot is not positive
 * (the matrix is not positive definite to working precision).
 */
export function choleskyFactor(a: Float64Array, n: number): boolean {
  for (let j = 0; j < n; j++) {
    const rowJ = j * n;
    let d = a[rowJ + j];
    for (let k = 0; k < j; k++) d -= a[rowJ + k] * a[rowJ + k];
    if (!(d > 0)) return false;
    const pivot = Math.sqrt(d);
    a[rowJ + j] = pivot;
    for (let i = j + 1; i < n; i++) {
      const rowI = i * n;
      let s = a[rowI + j];
      for (let k = 0; k < j; k++) s -= a[rowI + k] * a[rowJ + k];
      a[rowI + j] = s / pivot;
    }
    for (let k = j + 1; k < n; k++) a[rowJ + k] = 0;
  }
  return true;
}

/** Solves L Lᵀ x = b in place (`b` becomes x), with L from `choleskyFactor`. */
export function choleskySolve(l: Float64Array, n: number, b: Float64Array): void {
  for (let i = 0; i < n; i++) {
    let s = b[i];
    const row = i * n;
    for (let k = 0; k < i; k++) s -= l[row + k] * b[k];
    b[i] = s / l[row + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i];
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * b[k];
    b[i] = s / l[i * n + i];
  }
}

/** The inverse of L Lᵀ (symmetric, row-major), with L from `choleskyFactor`. */
export function choleskyInverse(l: Float64Array, n: number): Float64Array {
  // Invert L (lower triangular) in place of a copy, then A⁻¹ = L⁻ᵀ L⁻¹.
  const inv = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    inv[j * n + j] = 1 / l[j * n + j];
    for (let i = j + 1; i < n; i++) {
      let s = 0;
      for (let k = j; k < i; k++) s -= l[i * n + k] * inv[k * n + j];
      inv[i * n + j] = s / l[i * n + i];
    }
  }
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = i; k < n; k++) s += inv[k * n + i] * inv[k * n + j];
      out[i * n + j] = s;
      out[j * n + i] = s;
    }
  }
  return out;
}

/**
 * Solves (A + ridge·I) x = b for a symmetric positive semi-definite A (row-major, not modified),
 * raising the ridge tenfold until the factorisation succeeds. Returns x.
 */
export function solveRidge(a: Float64Array, n: number, b: Float64Array, ridge: number): Float64Array {
  let lambda = ridge;
  for (let attempt = 0; attempt < 30; attempt++) {
    const l = Float64Array.from(a);
    for (let i = 0; i < n; i++) l[i * n + i] += lambda;
    if (choleskyFactor(l, n)) {
      const x = Float64Array.from(b);
      choleskySolve(l, n, x);
      return x;
    }
    lambda = Math.max(lambda * 10, 1e-10);
  }
  return new Float64Array(n);
}
