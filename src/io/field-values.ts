import { TerralignError } from "../errors.js";
import { describeValue } from "../model/describe-value.js";
import { readNumber } from "../util/read-number.js";

export { readNumber };

/** True when a cell holds nothing: absent, null, or only spaces. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

/**
 * Reads a number strictly: JSON numbers as they are, strings only when they are a plain decimal
 * number (`"12"`, `"-0.5"`, `"1e3"`; with `decimalComma`, `"1,5"`). `"abc"`, `""`, `"1,5"`, `"NaN"`
 * and `"Infinity"` throw a `TerralignError` naming `at` (file, line, column) and the value.
 */
export function toNumber(value: unknown, at: string, decimalComma = false): number {
  const number = readNumber(value, decimalComma);
  if (number !== undefined) return number;
  if (typeof value === "string") {
    const text = value.trim();
    throw new TerralignError("invalid_input", `${at}: ${JSON.stringify(value)} is not a number${numberHint(text, decimalComma)}`);
  }
  throw new TerralignError("invalid_input", `${at}: expected a number, got ${describeValue(value)}`);
}

function numberHint(text: string, decimalComma: boolean): string {
  if (text === "") return " (the cell is empty)";
  if (decimalComma && /^[+-]?[\d.]*\.[\d.]*(,\d*)?$/.test(text)) return "; with --decimal-comma the decimal mark is a comma and dots are not read (no thousands separators)";
  if (/^[+-]?\d+,\d+$/.test(text)) return "; use a dot as the decimal separator, or read the file with --decimal-comma";
  if (/^[+-]?(infinity|inf|nan)$/i.test(text)) return "; it must be finite";
  return "";
}

/** Reads an id or a label: strings trimmed, numbers written in decimal; anything else throws. */
export function toText(value: unknown, at: string): string {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  throw new TerralignError("invalid_input", `${at}: expected a string, got ${describeValue(value)}`);
}

/** Reads a list of labels: a JSON array of strings, or a string of `;`-separated items (blanks dropped). */
export function toTextList(value: unknown, at: string): string[] {
  if (Array.isArray(value)) return value.map((item, i) => toText(item, `${at}[${i}]`));
  return toText(value, at)
    .split(";")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}
