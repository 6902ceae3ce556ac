import { TerralignError } from "../errors.js";
import { describeValue } from "../model/describe-value.js";
import type { FileText } from "./read-problem.js";

/**
 * Parses a JSON file that must hold one object (an options or configuration file); a BOM is
 * ignored. Invalid JSON or another shape throws a `TerralignError` naming the file.
 * `what` names the object in the message (`options`, `call-plan settings`).
 */
export function readJsonObject({ file, text }: FileText, what: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new TerralignError("invalid_file", `${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new TerralignError("invalid_option", `${file}: expected a JSON object of ${what}, got ${describeValue(data)}`);
  }
  return data as Record<string, unknown>;
}

/**
 * Restates an error about `options` in file terms: `options.balance.workload: …` →
 * `options.json, field balance.workload: …`; `options: …` → `options.json: …`. Other errors
 * are returned as they are.
 */
export function optionErrorInFile(error: unknown, file: string): unknown {
  if (!(error instanceof TerralignError)) return error;
  const message = error.message;
  const nested = /^options\.([^:]+): /.exec(message);
  if (nested) return new TerralignError(error.code, `${file}, field ${nested[1]}: ${message.slice(nested[0].length)}`, error.issues);
  if (message.startsWith("options: ")) return new TerralignError(error.code, `${file}: ${message.slice("options: ".length)}`, error.issues);
  return error;
}
