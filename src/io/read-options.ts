import { TerralignError } from "../errors.js";
import { describeValue } from "../model/describe-value.js";
import type { AlignOptions } from "../model/options-schema.js";
import { resolveOptions } from "../model/parse.js";
import type { FileText } from "./read-problem.js";

/**
 * Reads an options file: a JSON object with `AlignOptions` fields (functions and signals cannot be
 * written in JSON, so `travel.minutes`, `signal` and `onProgress` are not available there). Checks
 * it at once, so an unknown or ill-typed field is reported with the file's name:
 * `options.json: unknown field "balanse"`.
 */
export function readOptions({ file, text }: FileText): AlignOptions {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new TerralignError("invalid_file", `${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    throw new TerralignError("invalid_option", `${file}: expected a JSON object of options, got ${describeValue(data)}`);
  }
  try {
    resolveOptions(data as AlignOptions);
  } catch (error) {
    if (!(error instanceof TerralignError)) throw error;
    throw new TerralignError(error.code, inFile(error.message, file), error.issues);
  }
  return data as AlignOptions;
}

/** `options.balance.workload: ...` → `options.json, field balance.workload: ...`; `options: ...` → `options.json: ...`. */
function inFile(message: string, file: string): string {
  const nested = /^options\.([^:]+): /.exec(message);
  if (nested) return `${file}, field ${nested[1]}: ${message.slice(nested[0].length)}`;
  return message.startsWith("options: ") ? `${file}: ${message.slice("options: ".length)}` : `${file}: ${message}`;
}
