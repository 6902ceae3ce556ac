/**
 * Formats a number with a fixed number of decimals and `,` thousands separators, the same on every
 * machine (no locale): `formatNumber(1240.5, 1)` → `"1,240.5"`. Non-finite values print as `"–"`.
 */
export function formatNumber(value: number, decimals = 0): string {
  if (!Number.isFinite(value)) return "–";
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole, fraction] = fixed.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const negative = value < 0 && Number(fixed) !== 0;
  return `${negative ? "-" : ""}${grouped}${fraction ? `.${fraction}` : ""}`;
}

/** A fraction as a percentage: `formatPercent(0.0431)` → `"4.3 %"`; non-finite → `"–"`. */
export function formatPercent(fraction: number, decimals = 1): string {
  return Number.isFinite(fraction) ? `${formatNumber(fraction * 100, decimals)} %` : "–";
}

/** A signed fraction as a percentage: `formatSignedPercent(0.0431)` → `"+4.3 %"` (zero unsigned). */
export function formatSignedPercent(fraction: number, decimals = 1): string {
  const text = formatPercent(fraction, decimals);
  return text.startsWith("-") || /^0(\.0*)? %$/.test(text) || text === "–" ? text : `+${text}`;
}
