/** Decimal number as written in data files: optional sign, digits, optional fraction and exponent. */
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Reads a number strictly: numbers as they are, strings only when they are a plain decimal number
 * (`"12"`, `"-0.5"`, `"1e3"`, surrounding spaces ignored); anything else (`"abc"`, `""`, `"1,5"`,
 * `"NaN"`, `"Infinity"`, null) gives undefined.
 */
export function readNumber(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  return NUMBER.test(text) ? Number(text) : undefined;
}
