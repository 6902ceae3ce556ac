import { readFileSync } from "node:fs";
import { TerralignError } from "../errors.js";
import type { FileText } from "./read-problem.js";

/**
 * Reads a UTF-8 file for the readers; the path as given names it in messages. A missing or
 * unreadable file is a `TerralignError` (`invalid_file`), not a Node error with a stack.
 */
export function readTextFile(path: string): FileText {
  try {
    return { file: path, text: readFileSync(path, "utf8") };
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : code === "EACCES" ? "permission denied" : String((error as Error).message);
    throw new TerralignError("invalid_file", `cannot read ${path}: ${why}`);
  }
}
