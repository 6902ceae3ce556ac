import { TerralignError } from "../errors.js";

/** How a column's text becomes a field value. */
export type FieldKind = "text" | "number" | "list";

/** One field of an `Account` or a `Rep` and the column names that feed it. */
export interface FieldSpec {
  /** Field name in the model, e.g. `currentRep`. */
  readonly key: string;
  /** Accepted column names, first one preferred in messages; matched by `normalizeName`. */
  readonly names: readonly string[];
  readonly kind: FieldKind;
  /** A required column must be present; its cells must hold a value. */
  readonly required?: boolean;
}

/** Column names compare case-insensitively, ignoring spaces, `_` and `-`: `Current Rep` = `current_rep` = `currentRep`. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[\s_-]/g, "");
}

/** Which column feeds which field, and the columns no field claims (they become attributes). */
export interface ColumnMatch {
  /** Field key → column name as written. */
  readonly byKey: ReadonlyMap<string, string>;
  /** Column names that are not fields, in file order. */
  readonly extra: readonly string[];
}

/**
 * Matches column names to fields. Throws a `TerralignError` when two columns feed the same field
 * (`lng` and `longitude`). Required columns are checked by `requireColumns`.
 */
export function matchColumns(columns: Iterable<string>, specs: readonly FieldSpec[], where: string): ColumnMatch {
  const lookup = new Map<string, FieldSpec>();
  for (const spec of specs) for (const name of spec.names) lookup.set(normalizeName(name), spec);
  const byKey = new Map<string, string>();
  const extra: string[] = [];
  for (const column of columns) {
    const spec = lookup.get(normalizeName(column));
    if (!spec) {
      extra.push(column);
      continue;
    }
    const other = byKey.get(spec.key);
    if (other !== undefined) {
      throw new TerralignError("invalid_file", `${where}: columns "${other}" and "${column}" both give the ${spec.names[0]}; keep one`);
    }
    byKey.set(spec.key, column);
  }
  return { byKey, extra };
}

/** Throws a `TerralignError` naming the first required field with no column, and the columns found. */
export function requireColumns(match: ColumnMatch, specs: readonly FieldSpec[], columns: readonly string[], where: string, noun: string): void {
  for (const spec of specs) {
    if (!spec.required || match.byKey.has(spec.key)) continue;
    const aliases = spec.names.slice(1).filter((n) => n === n.toLowerCase() && !n.includes(" "));
    const or = aliases.length > 0 ? ` (or ${aliases.map((n) => `"${n}"`).join(", ")})` : "";
    const found = columns.length > 0 ? columns.join(", ") : "none";
    const separator = columns.length === 1 && /[;\t]/.test(columns[0]) ? "; the file seems to use another separator than the comma" : "";
    throw new TerralignError("invalid_file", `${where}: missing required ${noun} "${spec.names[0]}"${or}; ${noun}s found: ${found}${separator}`);
  }
}
