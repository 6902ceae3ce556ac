import type { AlignOptions } from "../model/options-schema.js";
import { resolveOptions } from "../model/parse.js";
import type { FileText } from "./read-problem.js";
import { optionErrorInFile, readJsonObject } from "./read-json-object.js";

/**
 * Reads an options file: a JSON object with `AlignOptions` fields (functions and signals cannot be
 * written in JSON, so `travel.minutes`, `signal` and `onProgress` are not available there). Checks
 * it at once, so an unknown or ill-typed field is reported with the file's name:
 * `options.json: unknown field "balanse"`.
 */
export function readOptions(input: FileText): AlignOptions {
  const data = readJsonObject(input, "options");
  try {
    resolveOptions(data as AlignOptions);
  } catch (error) {
    throw optionErrorInFile(error, input.file);
  }
  return data as AlignOptions;
}
