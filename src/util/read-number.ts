/** Decimal number as written in data files: optional sign, digits, optional fraction and exponent. */
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/** The same with a decimal comma (`1,5`, `-0,25`, `1,5e3`), as European spreadsheets write numbers. */
const COMMA_NUMBER = /^[+-]?(\d+(,\d*)?|,\d+)([eE][+-]?\d+)?$/;

/**
 * Reads a number strictly: numbers as they are, strings only when they are a plain decimal number
 * (`"12"`, `"-0.5"`, `"1e3"`, surrounding spaces ignored); anything else (`"abc"`, `""`, `"1,5"`,
 * `"NaN"`, `"Infinity"`, null) gives undefined. With `decimalComma`, strings must use a comma
 * as the decimal mark instead (`"1,5"`; `"1.5"` gives undefined: a dot could be a thousands
 * separator, so it is not guessed at).
 */
export function readNumber(value: unknown, decimalComma = false): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  if (decimalComma) return COMMA_NUMBER.test(text) ? Number(text.replace(",", ".")) : undefined;
  return NUMBER.test(text) ? Number(text) : undefined;
}
