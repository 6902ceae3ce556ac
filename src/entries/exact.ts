/**
 * terralign/exact: exact GAP solves through an LP/MIP backend (javascript-lp-solver, or HiGHS when
 * the optional `highs` package is installed). Kept out of the core entry with its solver adapter.
 * @packageDocumentation
 */
export { solveGapExact, solveGapExactSync, type ExactBackend, type GapExactOptions } from "../solvers/mip/solve-gap-exact.js";
