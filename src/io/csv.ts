import { TerralignError } from "../errors.js";

/** One data record of a CSV file. */
export interface CsvRecord {
  /** 1-based line of the file on which the record starts (the header is line 1). */
  readonly line: number;
  /** Field values, one per header column, exactly as written (quotes removed, `""` → `"`). */
  readonly cells: readonly string[];
}

/** A parsed CSV file: header and records. */
export interface CsvTable {
  /** Column names as written in the first line (BOM and surrounding spaces removed). */
  readonly header: readonly string[];
  readonly records: readonly CsvRecord[];
  /** The field separator used: given, or detected from the header line. */
  readonly delimiter: CsvDelimiter;
}

/** Field separators: comma, semicolon (European Excel, where the comma is the decimal mark) and tab. */
export type CsvDelimiter = "," | ";" | "\t";

/** How to read a CSV text. */
export interface CsvOptions {
  /** The field separator; default: whichever of `,`, `;` and tab occurs most in the header line outside quotes (a tie or none: `,`). */
  readonly delimiter?: CsvDelimiter;
}

/**
 * Reads delimited text as RFC 4180 describes it: fields may be quoted, quoted fields may hold
 * the delimiter, newlines and doubled quotes; lines end in CRLF or LF; a leading BOM is dropped.
 * The delimiter is a comma, a semicolon or a tab, detected from the header line unless given.
 * Blank lines (including a trailing one) are skipped. Every record must have as many fields as
 * the header, otherwise a `TerralignError` (`invalid_file`) names the line and column; so do an
 * unclosed quote and a quote inside an unquoted field. `file` names the source in messages.
 */
export function parseCsv(text: string, file: string, options: CsvOptions = {}): CsvTable {
  const records: CsvRecord[] = [];
  const { header, delimiter } = eachCsvRecord(text, file, options, () => {}, (record) => void records.push(record));
  return { header, records, delimiter };
}

/**
 * `parseCsv` one record at a time: `onHeader` gets the checked header, then `visit` each record
 * as it is read, so a caller that converts records as they come never holds them all (a million
 * rows of cells are a lot of small strings). Same rules and errors as `parseCsv`.
 */
export function eachCsvRecord(
  text: string,
  file: string,
  options: CsvOptions,
  onHeader: (header: readonly string[]) => void,
  visit: (record: CsvRecord) => void,
): { readonly header: readonly string[]; readonly delimiter: CsvDelimiter } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = options.delimiter ?? detectDelimiter(body);
  let header: string[] | undefined;
  tokenize(body, file, delimiter.charCodeAt(0), (row) => {
    if (header === undefined) {
      header = row.cells.map((name) => name.trim());
      checkHeader(header, file);
      onHeader(header);
      return;
    }
    if (row.cells.length !== header.length) throw raggedRow(row, header, file, delimiter);
    visit(row);
  });
  if (header === undefined) throw new TerralignError("invalid_file", `${file}: the file is empty; expected a header line with column names`);
  return { header, delimiter };
}

/** The delimiter that occurs most often in the first line outside quotes; `,` on a tie or when none does. */
export function detectDelimiter(text: string): CsvDelimiter {
  let commas = 0;
  let semicolons = 0;
  let tabs = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (quoted) continue;
    else if (c === LF || c === CR) break;
    else if (c === COMMA) commas++;
    else if (c === SEMICOLON) semicolons++;
    else if (c === TAB) tabs++;
  }
  if (semicolons > commas && semicolons >= tabs) return ";";
  if (tabs > commas && tabs > semicolons) return "\t";
  return ",";
}

const delimiterWords: Record<CsvDelimiter, string> = { ",": "comma", ";": "semicolon", "\t": "tab" };

/** Throws a `TerralignError` (`invalid_file`) for an empty or repeated column name (case-insensitive). */
export function checkHeader(header: readonly string[], file: string): void {
  const seen = new Map<string, number>();
  header.forEach((name, i) => {
    if (name === "") throw new TerralignError("invalid_file", `${file} line 1, column ${i + 1}: the header has an empty column name`);
    const key = name.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      throw new TerralignError("invalid_file", `${file} line 1: column "${name}" appears twice (columns ${first + 1} and ${i + 1})`);
    }
    seen.set(key, i);
  });
}

function raggedRow(row: CsvRecord, header: readonly string[], file: string, delimiter: CsvDelimiter): TerralignError {
  const found = row.cells.length;
  const expected = header.length;
  const where = `${file} line ${row.line}`;
  if (found > expected) {
    const extra = row.cells[expected];
    return new TerralignError(
      "invalid_file",
      `${where}, column ${expected + 1}: found ${found} fields but the header has ${expected} (extra value ${JSON.stringify(extra)}); quote values that contain ${delimiterWords[delimiter]}s${delimiter === "," ? "" : ` (the ${delimiterWords[delimiter]} is this file's delimiter)`}`,
    );
  }
  return new TerralignError(
    "invalid_file",
    `${where}, column ${header[found]}: found ${found} field${found === 1 ? "" : "s"} but the header has ${expected}; the value for column ${header[found]} is missing`,
  );
}

const QUOTE = 34; // "
const COMMA = 44; // ,
const SEMICOLON = 59; // ;
const TAB = 9;
const CR = 13;
const LF = 10;

/** Splits text into records of raw fields, tracking the line on which each record starts; hands each to `emit`. */
function tokenize(text: string, file: string, delimiter: number, emit: (record: CsvRecord) => void): void {
  let cells: string[] = [];
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const n = text.length;
  // A record that is one empty unquoted field is a blank line: skipped, not a ragged row.
  const endRecord = (quotedAny: boolean) => {
    if (!(cells.length === 1 && cells[0] === "" && !quotedAny)) emit({ line: recordLine, cells });
    cells = [];
  };
  let quotedInRecord = false;
  while (i <= n) {
    const column = cells.length + 1;
    let value: string;
    if (i < n && text.charCodeAt(i) === QUOTE) {
      quotedInRecord = true;
      const startLine = line;
      let out = "";
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) {
          throw new TerralignError("invalid_file", `${file} line ${startLine}, column ${column}: a quoted field is never closed (missing ")`);
        }
        const chunk = text.slice(j, q);
        line += countNewlines(chunk);
        out += chunk;
        if (text.charCodeAt(q + 1) === QUOTE) {
          out += '"';
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      value = out;
      i = j;
      const c = i < n ? text.charCodeAt(i) : -1;
      if (c !== delimiter && c !== LF && c !== CR && c !== -1) {
        const word = delimiterWords[String.fromCharCode(delimiter) as CsvDelimiter];
        throw new TerralignError(
          "invalid_file",
          `${file} line ${line}, column ${column}: unexpected ${JSON.stringify(text[i])} after a closing quote; a quoted field must end at a ${word} or the end of the line`,
        );
      }
    } else {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === delimiter || c === LF || c === CR) break;
        if (c === QUOTE) {
          throw new TerralignError(
            "invalid_file",
            `${file} line ${line}, column ${column}: a quote inside an unquoted field; wrap the whole field in quotes and double the inner quote ("")`,
          );
        }
        j++;
      }
      value = text.slice(i, j);
      i = j;
    }
    cells.push(value);
    if (i >= n) {
      endRecord(quotedInRecord);
      break;
    }
    const c = text.charCodeAt(i);
    if (c === delimiter) {
      i++;
      continue;
    }
    // End of line: CRLF, LF or a lone CR.
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    line++;
    endRecord(quotedInRecord);
    quotedInRecord = false;
    recordLine = line;
    if (i >= n) break;
  }
}

function countNewlines(s: string): number {
  let count = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === LF) count++;
    else if (c === CR && s.charCodeAt(k + 1) !== LF) count++;
  }
  return count;
}
