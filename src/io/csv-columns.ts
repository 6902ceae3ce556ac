import { checkHeader, detectDelimiter } from "./csv.js";
import { readNumber } from "../util/read-number.js";
import type { StringIndex } from "../util/string-index.js";

/**
 * What the column scan keeps of a column: nothing (`skip`), its cells trimmed (`text`), as written
 * (`raw`), read as numbers (`number`: a blank cell is NaN), or, for `{ lookup }`, the number each
 * trimmed cell has in that index (−1 when it has none; the cell's text is then in `unmatched`),
 * without cutting the cell out of the text.
 */
export type ColumnKind = "skip" | "text" | "raw" | "number" | { readonly lookup: StringIndex };

/** The columns of a CSV text, one array per column, record r at index r. */
export interface CsvColumns {
  /** Column names as `parseCsv` gives them. */
  readonly header: readonly string[];
  /** Number of records. */
  readonly count: number;
  /** 1-based line on which each record starts (the header is line 1). */
  readonly lines: Int32Array;
  /** Per column: strings (`text`, `raw`), numbers (`number`), indices (`lookup`) or undefined (`skip`). */
  readonly columns: readonly (readonly string[] | Float64Array | Int32Array | undefined)[];
  /** Per `lookup` column: the trimmed text of each record's cell the index has not. */
  readonly unmatched: readonly (ReadonlyMap<number, string> | undefined)[];
}

const QUOTE = 34;
const CR = 13;
const LF = 10;
const PLUS = 43;
const MINUS = 45;
const DOT = 46;
const COMMA = 44;
/** 10^k for k ≤ 15, each exact in a double. */
const POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * Reads the columns of CSV text in one pass, without a record object or a cell string for every
 * field: numbers are read from the characters, text is cut once. The file's rules are
 * `parseCsv`'s (delimiter detected from the header, quotes, CRLF, blank lines skipped), and so are
 * the header and its errors; `kindsOf` (which may throw too) says what to keep of each column.
 * Returns undefined for anything else `parseCsv` would reject or that the scan does not read (a
 * row of the wrong length, a stray quote, a cell of a `number` column that is not a number, a
 * blank line before the header): the caller then reads the text the general way, which words
 * the error. With `decimalComma`, numbers are written `1,5`.
 */
export function scanCsvColumns(text: string, file: string, decimalComma: boolean, kindsOf: (header: readonly string[]) => readonly ColumnKind[]): CsvColumns | undefined {
  const n = text.length;
  const delimiter = detectDelimiter(text).charCodeAt(0);
  const mark = decimalComma ? COMMA : DOT;
  const cell = { value: "", end: 0, newlines: 0 };
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  // The header: few cells, read the general way.
  const header: string[] = [];
  for (;;) {
    if (!readCell(text, i, delimiter, cell)) return undefined;
    header.push(cell.value.trim());
    line += cell.newlines;
    i = cell.end;
    if (i >= n || text.charCodeAt(i) !== delimiter) break;
    i++;
  }
  if (header.length === 1 && header[0] === "" && text.charCodeAt(i - 1) !== QUOTE) return undefined;
  checkHeader(header, file);
  const kinds = kindsOf(header);
  const width = header.length;
  if (i < n) (i += text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1), line++;

  let room = 16;
  for (let at = text.indexOf("\n", i); at >= 0; at = text.indexOf("\n", at + 1)) room++;
  let lines = new Int32Array(room);
  const columns: (string[] | Float64Array | Int32Array | undefined)[] = kinds.map((kind) =>
    typeof kind === "object" ? new Int32Array(room) : kind === "number" ? new Float64Array(room) : kind === "skip" ? undefined : [],
  );
  const unmatched = kinds.map((kind) => (typeof kind === "object" ? new Map<number, string>() : undefined));
  let count = 0;
  while (i < n) {
    if (count === room) {
      room *= 2;
      lines = grow(lines, room);
      for (let f = 0; f < width; f++) {
        const column = columns[f];
        if (column instanceof Float64Array || column instanceof Int32Array) columns[f] = grow(column, room);
      }
    }
    const recordLine = line;
    for (let f = 0; f < width; f++) {
      const kind = kinds[f];
      const start = i;
      let c = text.charCodeAt(i);
      if (c === QUOTE) {
        if (!readCell(text, i, delimiter, cell)) return undefined;
        line += cell.newlines;
        i = cell.end;
        if (kind === "number") {
          const value = numberIn(cell.value, decimalComma);
          if (value === undefined) return undefined;
          (columns[f] as Float64Array)[count] = value;
        } else if (typeof kind === "object") {
          const value = cell.value.trim();
          const found = kind.lookup.get(value);
          (columns[f] as Int32Array)[count] = found ?? -1;
          if (found === undefined) unmatched[f]!.set(count, value);
        } else if (kind !== "skip") (columns[f] as string[])[count] = kind === "text" ? cell.value.trim() : cell.value;
      } else if (kind === "number") {
        // A plain decimal ([+-]digits[.digits], ≤ 15 digits) is exact as digits / 10^decimals.
        let sign = 1, mantissa = 0, digits = 0, decimals = -1, plain = true;
        if (c === MINUS || c === PLUS) (sign = c === MINUS ? -1 : 1), i++;
        for (; i < n; i++) {
          c = text.charCodeAt(i);
          if (c === delimiter || c === LF || c === CR) break;
          if (c >= 48 && c <= 57) {
            mantissa = mantissa * 10 + (c - 48);
            digits++;
            if (decimals >= 0) decimals++;
          } else if (c === mark && decimals < 0) decimals = 0;
          else if (c === QUOTE) return undefined;
          else plain = false;
        }
        let value: number | undefined;
        if (plain && digits > 0 && digits <= 15) value = sign * (decimals > 0 ? mantissa / POWERS_OF_TEN[decimals] : mantissa);
        else value = numberIn(text.slice(start, i), decimalComma);
        if (value === undefined) return undefined;
        (columns[f] as Float64Array)[count] = value;
      } else {
        for (; i < n; i++) {
          c = text.charCodeAt(i);
          if (c === delimiter || c === LF || c === CR) break;
          if (c === QUOTE) return undefined;
        }
        if (typeof kind === "object") lookUp(kind.lookup, text, start, i, columns[f] as Int32Array, unmatched[f]!, count);
        else if (kind !== "skip") (columns[f] as string[])[count] = kind === "text" ? text.slice(start, i).trim() : text.slice(start, i);
      }
      const next = i < n ? text.charCodeAt(i) : -1;
      if (next === delimiter) {
        // One field too many.
        if (f === width - 1) return undefined;
        i++;
        continue;
      }
      // End of the line: a blank line (one empty unquoted field) is skipped; a short row is not read here.
      const blank = f === 0 && i === start;
      if (f < width - 1 && !blank) return undefined;
      if (i < n) (i += next === CR && text.charCodeAt(i + 1) === LF ? 2 : 1), line++;
      if (!blank) lines[count++] = recordLine;
      else unmatched[0]?.delete(count);
      break;
    }
  }
  // A blank last line leaves a cell past the last record in the string columns.
  for (const column of columns) if (Array.isArray(column)) column.length = count;
  return {
    header,
    count,
    lines: lines.subarray(0, count),
    columns: columns.map((column) => (column instanceof Float64Array || column instanceof Int32Array ? column.subarray(0, count) : column)),
    unmatched,
  };
}

/**
 * Stores in `found[record]` the number `index` has for the cell `start`–`end` trimmed (−1 when
 * none, the text then in `unmatched`). Spaces and tabs are trimmed in place; a cell that starts or
 * ends with any other character `trim` might remove is cut out and trimmed.
 */
function lookUp(index: StringIndex, text: string, start: number, end: number, found: Int32Array, unmatched: Map<number, string>, record: number): void {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  const odd = start < end && (text.charCodeAt(start) > 127 || text.charCodeAt(end - 1) > 127);
  const value = odd ? text.slice(start, end).trim() : undefined;
  const at = value !== undefined ? index.get(value) : index.getRange(text, start, end);
  found[record] = at ?? -1;
  if (at === undefined) unmatched.set(record, value ?? text.slice(start, end));
}

/** Tab, vertical tab, form feed and space: the characters below 128 that `trim` removes and an unquoted cell may hold. */
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12;
}

/** A `number` cell: its value, NaN when blank, undefined when it is not a number. */
function numberIn(text: string, decimalComma: boolean): number | undefined {
  const value = readNumber(text, decimalComma);
  if (value !== undefined) return value;
  return text.trim() === "" ? NaN : undefined;
}

/**
 * Reads the cell at `i` as `parseCsv` does: `cell.value` (unquoted), `cell.end` (the index after
 * it), `cell.newlines` (line breaks inside quotes). False for a quote `parseCsv` rejects.
 */
function readCell(text: string, i: number, delimiter: number, cell: { value: string; end: number; newlines: number }): boolean {
  const n = text.length;
  cell.newlines = 0;
  if (text.charCodeAt(i) !== QUOTE) {
    let j = i;
    for (; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c === delimiter || c === LF || c === CR) break;
      if (c === QUOTE) return false;
    }
    cell.value = text.slice(i, j);
    cell.end = j;
    return true;
  }
  let value = "";
  let j = i + 1;
  for (;;) {
    const q = text.indexOf('"', j);
    if (q < 0) return false;
    const chunk = text.slice(j, q);
    value += chunk;
    for (let k = 0; k < chunk.length; k++) {
      const c = chunk.charCodeAt(k);
      if (c === LF || (c === CR && chunk.charCodeAt(k + 1) !== LF)) cell.newlines++;
    }
    if (text.charCodeAt(q + 1) !== QUOTE) {
      j = q + 1;
      break;
    }
    value += '"';
    j = q + 2;
  }
  const after = j < n ? text.charCodeAt(j) : -1;
  if (after !== delimiter && after !== LF && after !== CR && after !== -1) return false;
  cell.value = value;
  cell.end = j;
  return true;
}

function grow<A extends Int32Array | Float64Array>(array: A, length: number): A {
  const bigger = new (array.constructor as new (length: number) => A)(length);
  bigger.set(array);
  return bigger;
}
