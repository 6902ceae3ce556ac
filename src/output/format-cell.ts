/**
 * A free attribute value as CSV text: strings as they are, numbers with `String` (shortest
 * round-trip form), booleans as `true`/`false`, dates as ISO 8601, null and undefined as an
 * empty field, and anything else (arrays, objects) as JSON.
 */
export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString();
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
