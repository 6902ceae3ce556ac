import { TerralignError } from "../../errors.js";
import type { CpmpInstance } from "./cpmp-instance.js";
import { euclideanInstance } from "./euclidean-instance.js";

/** The two CPMP file formats in use. */
export type CpmpFormat = "orlib" | "lorena-senne";

/** A CPMP benchmark file as read: points in the plane with demands and median capacities. */
export interface CpmpFile {
  /**
   * `orlib`: Osman & Christofides (OR-Library `pmedcap1`), distances floored to integers;
   * `lorena-senne`: Lorena & Senne (also Stefanello et al.), real Euclidean distances.
   */
  readonly format: CpmpFormat;
  readonly n: number;
  readonly p: number;
  /** Coordinates of each point; length n each. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly demand: Float64Array;
  /** Capacity of each point as a median; length n. */
  readonly capacity: Float64Array;
  /** Best-known value written in an OR-Library header, when present. */
  readonly declaredBest?: number;
  /** The CPMP with the format's distance convention. */
  readonly instance: CpmpInstance;
}

interface Token {
  readonly value: number;
  readonly text: string;
  readonly line: number;
}

/**
 * Reads a CPMP file, detecting its format by the count of whitespace-separated numbers:
 *
 * - OR-Library `pmedcapNN`: `problem best`, `n p Q`, then n lines `id x y demand` (ids 1…n in
 *   order) — 5 + 4n numbers;
 * - Lorena–Senne: `n p`, then n lines `x y capacity demand` — 2 + 4n numbers.
 *
 * Line breaks, tabs and CRLF carry no meaning. Throws `TerralignError` (`invalid_file`) naming the
 * file, the line and the reason: a token that is not a number, a count that fits neither format,
 * n or p not a positive integer, p > n, a negative demand or a capacity ≤ 0, ids out of order.
 */
export function readCpmpFile(text: string, file = "CPMP file"): CpmpFile {
  const fail = (message: string): never => {
    throw new TerralignError("invalid_file", `${file}: ${message}`, [{ path: [], message }]);
  };
  const tokens = tokenize(text, fail);
  const count = tokens.length;
  const lorena = count >= 2 && isCount(tokens[0].value) && count === 2 + 4 * tokens[0].value;
  const orlib = count >= 5 && isCount(tokens[2].value) && count === 5 + 4 * tokens[2].value;
  if (!lorena && !orlib) {
    const asLorena = count >= 1 ? `Lorena–Senne "n p" with n = ${tokens[0].text} needs 2 + 4n numbers` : "";
    const asOrlib = count >= 3 ? `; OR-Library "problem best / n p Q" with n = ${tokens[2].text} needs 5 + 4n` : "";
    fail(`wrong number of values: found ${count}, which fits neither format (${asLorena || "empty file"}${asOrlib})`);
  }
  const format: CpmpFormat = lorena ? "lorena-senne" : "orlib";
  const head = lorena ? 0 : 2;
  const n = tokens[head].value;
  const p = tokens[head + 1].value;
  if (n < 1) fail(`line ${tokens[head].line}: the number of points must be ≥ 1, got ${tokens[head].text}`);
  if (!isCount(p) || p < 1) fail(`line ${tokens[head + 1].line}: the number of medians p must be an integer ≥ 1, got ${tokens[head + 1].text}`);
  if (p > n) fail(`line ${tokens[head + 1].line}: p = ${p} medians cannot be chosen among n = ${n} points`);

  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const demand = new Float64Array(n);
  const capacity = new Float64Array(n);
  const body = lorena ? 2 : 5;
  for (let i = 0; i < n; i++) {
    const at = body + 4 * i;
    const [a, b, c, d] = [tokens[at], tokens[at + 1], tokens[at + 2], tokens[at + 3]];
    if (lorena) {
      x[i] = a.value;
      y[i] = b.value;
      capacity[i] = c.value;
    } else {
      if (a.value !== i + 1) fail(`line ${a.line}: expected point id ${i + 1}, got ${a.text} (ids run 1…n in order)`);
      x[i] = b.value;
      y[i] = c.value;
      capacity[i] = tokens[4].value;
    }
    demand[i] = d.value;
    if (d.value < 0) fail(`line ${d.line}: point ${i + 1} has a negative demand (${d.text})`);
    const capacityToken = lorena ? c : tokens[4];
    if (!(capacity[i] > 0)) fail(`line ${capacityToken.line}: ${lorena ? `point ${i + 1} has` : "the median"} capacity ${capacityToken.text}; capacities must be > 0`);
  }
  const declaredBest = orlib ? tokens[1].value : undefined;
  const instance = euclideanInstance({ x, y, demand, capacity, p, floor: format === "orlib" });
  return { format, n, p, x, y, demand, capacity, ...(declaredBest !== undefined ? { declaredBest } : {}), instance };
}

function tokenize(text: string, fail: (message: string) => never): Token[] {
  const tokens: Token[] = [];
  const lines = text.split("\n");
  for (let l = 0; l < lines.length; l++) {
    for (const piece of lines[l].split(/\s+/)) {
      if (piece === "") continue;
      const value = Number(piece);
      if (!Number.isFinite(value)) fail(`line ${l + 1}: expected a number, got ${JSON.stringify(piece.length > 30 ? `${piece.slice(0, 27)}...` : piece)}`);
      tokens.push({ value, text: piece, line: l + 1 });
    }
  }
  return tokens;
}

function isCount(x: number): boolean {
  return Number.isInteger(x) && x >= 0 && x <= 1e6;
}
