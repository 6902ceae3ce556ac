/** "0" … "00000": the zeros that pad a fraction's digits up to its place. */
const ZEROS = ["", "0", "00", "000", "0000", "00000"];

/**
 * A number for a CSV cell: rounded to `decimals` places, written in its shortest form (`1.5`, not
 * `1.500000`; `12`, not `12.0`), never in exponent notation for ordinary magnitudes; `-0` as `0`.
 */
export function decimalText(value: number, decimals: number): string {
  const f = 10 ** decimals;
  const scaled = Math.round(value * f);
  if (decimals <= 6 && Math.abs(scaled) < 1e15) return placeDigits(scaled, decimals, f);
  const rounded = scaled / f;
  return Object.is(rounded, -0) ? "0" : String(rounded);
}

/**
 * `String(scaled / 10^decimals)` for an integer |scaled| < 10^15 and decimals ≤ 6, from the
 * integer's digits: the quotient is the double nearest the decimal scaled·10^−decimals, and no
 * other decimal of as few places lies within its rounding interval (less than 10^−decimals wide
 * at this size), so that decimal, trailing zeros dropped, is its shortest form. Integer
 * arithmetic instead of the general double-to-text conversion.
 */
function placeDigits(scaled: number, decimals: number, f: number): string {
  if (scaled === 0) return "0";
  const size = scaled < 0 ? -scaled : scaled;
  const whole = Math.floor(size / f);
  let rest = size - whole * f;
  const sign = scaled < 0 ? "-" : "";
  if (rest === 0) return `${sign}${whole}`;
  let places = decimals;
  while (rest % 10 === 0) (rest /= 10), places--;
  const digits = `${rest}`;
  return `${sign}${whole}.${ZEROS[places - digits.length]}${digits}`;
}
