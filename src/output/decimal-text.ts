/**
 * A number for a CSV cell: rounded to `decimals` places, written in its shortest form (`1.5`, not
 * `1.500000`; `12`, not `12.0`), never in exponent notation for ordinary magnitudes; `-0` as `0`.
 */
export function decimalText(value: number, decimals: number): string {
  const f = 10 ** decimals;
  const rounded = Math.round(value * f) / f;
  return Object.is(rounded, -0) ? "0" : String(rounded);
}
