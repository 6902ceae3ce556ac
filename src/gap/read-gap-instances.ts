import { TerralignError } from "../errors.js";
import type { GapInstance } from "./gap-instance.js";

/** A whitespace-separated token and where it starts (1-based line and column). */
interface Token {
  readonly text: string;
  readonly line: number;
  readonly column: number;
}

/**
 * Reads GAP instances in the OR-Library / Yagiura text format (whitespace-separated numbers, line
 * breaks carry no meaning):
 *
 * - single instance: `m n`, the m×n cost matrix (row i = agent i), the m×n resource matrix, the m
 *   capacities — exactly 2 + 2mn + m numbers;
 * - OR-Library multi-instance file: a count P, then P single-instance blocks.
 *
 * A file is taken as a single instance when its token count matches `m n` exactly, otherwise as a
 * multi-instance file, which must then be consumed exactly. Costs are returned as written (the
 * sense, min or max, is the caller's choice). Pure: takes the file's text, does no I/O.
 *
 * Throws `TerralignError` with code `invalid_file` for a non-numeric token (with its line, column
 * and index), a wrong token count, a non-integer or non-positive size, a negative resource or a
 * negative capacity.
 */
export function readGapInstances(text: string): GapInstance[] {
  const tokens = tokenize(text);
  if (tokens.length < 2) fileError(`expected at least "m n" and the matrices, found ${tokens.length} number(s)`);
  const values = new Float64Array(tokens.length);
  for (let k = 0; k < tokens.length; k++) {
    const value = Number(tokens[k].text);
    if (!Number.isFinite(value)) fileError(`token ${k + 1} at line ${tokens[k].line}, column ${tokens[k].column}: expected a number, got ${JSON.stringify(shorten(tokens[k].text))}`);
    values[k] = value;
  }
  const m = values[0];
  const n = values[1];
  if (isCount(m) && m >= 1 && isCount(n) && tokens.length === 2 + 2 * m * n + m) return [readBlock(tokens, values, 0, 0)];

  const count = values[0];
  if (!isCount(count) || count < 1) {
    fileError(
      `token 1 at line ${tokens[0].line}: neither a single instance ("m n" = ${tokens[0].text} ${tokens[1].text} needs 2 + 2mn + m numbers, found ${tokens.length}) nor a multi-instance file (the count must be an integer ≥ 1)`,
    );
  }
  const instances: GapInstance[] = [];
  let at = 1;
  for (let p = 0; p < count; p++) {
    if (at + 2 > tokens.length) fileError(`instance ${p + 1} of ${count}: the file ends before its "m n" (found ${tokens.length} numbers)`);
    const block = readBlock(tokens, values, at, p);
    instances.push(block);
    at += 2 + 2 * block.m * block.n + block.m;
  }
  if (at !== tokens.length) {
    fileError(`${tokens.length - at} extra number(s) after the ${count} instance(s) announced, starting at line ${tokens[at].line}, column ${tokens[at].column}`);
  }
  return instances;
}

function readBlock(tokens: readonly Token[], values: Float64Array, at: number, index: number): GapInstance {
  const where = `instance ${index + 1}`;
  const m = values[at];
  const n = values[at + 1];
  if (!isCount(m) || m < 1) fileError(`${where}, token ${at + 1} at line ${tokens[at].line}: the number of agents must be an integer ≥ 1, got ${tokens[at].text}`);
  if (!isCount(n) || n < 1) fileError(`${where}, token ${at + 2} at line ${tokens[at + 1].line}: the number of jobs must be an integer ≥ 1, got ${tokens[at + 1].text}`);
  const need = 2 + 2 * m * n + m;
  if (at + need > tokens.length) {
    fileError(`${where} (m = ${m}, n = ${n}) needs ${need} numbers (2 + 2mn + m) but the file has only ${tokens.length - at} left`);
  }
  const body = at + 2;
  const cost = values.slice(body, body + m * n);
  const resource = values.slice(body + m * n, body + 2 * m * n);
  const capacity = values.slice(body + 2 * m * n, body + 2 * m * n + m);
  for (let k = 0; k < m * n; k++) {
    if (resource[k] < 0) {
      const t = tokens[body + m * n + k];
      fileError(`${where}: resource of agent ${Math.floor(k / n) + 1}, job ${(k % n) + 1} is negative (${t.text}) at line ${t.line}, column ${t.column}`);
    }
  }
  for (let i = 0; i < m; i++) {
    if (capacity[i] < 0) {
      const t = tokens[body + 2 * m * n + i];
      fileError(`${where}: capacity of agent ${i + 1} is negative (${t.text}) at line ${t.line}, column ${t.column}`);
    }
  }
  return { m, n, cost, resource, capacity };
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\S+/g;
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    for (let k = scanned; k < match.index; k++) {
      if (text.charCodeAt(k) === 10) {
        line++;
        lineStart = k + 1;
      }
    }
    scanned = match.index + match[0].length;
    tokens.push({ text: match[0], line, column: match.index - lineStart + 1 });
  }
  return tokens;
}

function isCount(x: number): boolean {
  return Number.isInteger(x) && x >= 0 && x <= 1e7;
}

function shorten(text: string): string {
  return text.length > 30 ? `${text.slice(0, 27)}...` : text;
}

function fileError(message: string): never {
  throw new TerralignError("invalid_file", `GAP file: ${message}`, [{ path: [], message }]);
}
