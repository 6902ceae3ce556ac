import { TerralignError } from "../errors.js";

/** What one option may hold. */
export type OptionKind = "boolean" | "positive" | "string" | "geojson" | "strings";

const expected: Record<OptionKind, string> = {
  boolean: "true or false",
  positive: "a finite number > 0",
  string: "a string",
  geojson: "a GeoJSON object (with a string `type`)",
  strings: "an array of strings",
};

function accepts(kind: OptionKind, value: unknown): boolean {
  switch (kind) {
    case "boolean":
      return typeof value === "boolean";
    case "positive":
      return typeof value === "number" && Number.isFinite(value) && value > 0;
    case "string":
      return typeof value === "string";
    case "geojson":
      return value !== null && typeof value === "object" && typeof (value as { type?: unknown }).type === "string";
    case "strings":
      return Array.isArray(value) && value.every((x) => typeof x === "string");
  }
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  if (value === null) return "null";
  if (typeof value === "object") return Array.isArray(value) ? "an array" : "an object";
  return String(value);
}

/**
 * Checks an output function's options against `spec` (field → kind; every field optional) and
 * throws `TerralignError` (`invalid_option`) naming the field, e.g.
 * `options.width: expected a finite number > 0, got -5`. Unknown fields are rejected too.
 */
export function checkOptions(options: unknown, spec: Readonly<Record<string, OptionKind>>): void {
  if (options === undefined) return;
  if (options === null || typeof options !== "object" || Array.isArray(options)) {
    throw new TerralignError("invalid_option", `options: expected an object, got ${describe(options)}`, [{ path: ["options"], message: `expected an object, got ${describe(options)}` }]);
  }
  for (const [key, value] of Object.entries(options)) {
    const kind = Object.hasOwn(spec, key) ? spec[key] : undefined;
    let message: string | undefined;
    if (kind === undefined) message = `unknown field "${key}"; expected one of ${Object.keys(spec).join(", ")}`;
    else if (value !== undefined && !accepts(kind, value)) message = `expected ${expected[kind]}, got ${describe(value)}`;
    if (message) throw new TerralignError("invalid_option", `options.${key}: ${message}`, [{ path: ["options", key], message }]);
  }
}
