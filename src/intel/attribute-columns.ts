import { readNumber } from "../util/read-number.js";
import { isConstant, presentCount, type FeatureColumn } from "./feature-column.js";
import { isMissing, OWN_FIELDS, rawField, type PotentialAccount } from "./potential-account.js";

/** Feature columns from account fields, and the ones dropped with the reason. */
export interface AttributeColumns {
  readonly columns: FeatureColumn[];
  /** One sentence per feature dropped (constant, or missing everywhere). */
  readonly warnings: string[];
}

/** Every attribute name (and own field present) in first-seen order, excluding `exclude`. */
export function attributeNames(accounts: readonly PotentialAccount[], exclude: ReadonlySet<string>): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  const add = (name: string) => {
    if (!seen.has(name) && !exclude.has(name)) seen.add(name), names.push(name);
  };
  for (const account of accounts) {
    for (const field of OWN_FIELDS) if ((account as unknown as Record<string, unknown>)[field] !== undefined) add(field);
    if (account.attributes) for (const name of Object.keys(account.attributes)) add(name);
  }
  return names;
}

/**
 * One column per name: numeric when every value present reads as a number, else categorical (text
 * labels, numbers written as text). Columns constant or missing on every account are dropped and
 * named in `warnings`.
 */
export function attributeColumns(accounts: readonly PotentialAccount[], names: readonly string[]): AttributeColumns {
  const columns: FeatureColumn[] = [];
  const warnings: string[] = [];
  for (const name of names) {
    const column = columnOf(accounts, name);
    if (presentCount(column) === 0) warnings.push(`feature "${name}" is missing on every account; dropped`);
    else if (isConstant(column)) warnings.push(`feature "${name}" is constant (${describeConstant(column)} on every account); dropped`);
    else columns.push(column);
  }
  return { columns, warnings };
}

function columnOf(accounts: readonly PotentialAccount[], name: string): FeatureColumn {
  const n = accounts.length;
  const values = new Float64Array(n).fill(NaN);
  let numeric = true;
  for (let i = 0; i < n; i++) {
    const raw = rawField(accounts[i], name);
    if (isMissing(raw)) continue;
    const x = readNumber(raw);
    if (x === undefined || !Number.isFinite(x)) {
      numeric = false;
      break;
    }
    values[i] = x;
  }
  if (numeric) return { name, kind: "numeric", values };
  const counts = new Map<string, number>();
  const labels: (string | undefined)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const raw = rawField(accounts[i], name);
    if (isMissing(raw)) continue;
    const label = typeof raw === "string" ? raw.trim() : typeof raw === "object" ? JSON.stringify(raw) : String(raw);
    labels[i] = label;
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const levels = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
  const code = new Map(levels.map((label, c) => [label, c]));
  const codes = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) if (labels[i] !== undefined) codes[i] = code.get(labels[i]!)!;
  return { name, kind: "categorical", codes, levels };
}

function describeConstant(column: FeatureColumn): string {
  if (column.kind === "categorical") return JSON.stringify(column.levels[0]);
  for (const v of column.values) if (!Number.isNaN(v)) return String(v);
  return "";
}
