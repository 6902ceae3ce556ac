import { readFileSync } from "node:fs";
import { TerralignError } from "../errors.js";
import { decodeText, type InputEncoding } from "./decode-text.js";
import type { FileText } from "./read-problem.js";

/**
 * Reads a text file for the readers (UTF-8 by default; UTF-16 with a byte-order mark; Latin-1
 * with `encoding: "latin1"`; see `decodeText`); the path as given names it in messages. A missing
 * or unreadable file, or bytes that are not UTF-8, are a `TerralignError` (`invalid_file`), not a
 * Node error with a stack.
 */
export function readTextFile(path: string, encoding: InputEncoding = "utf8"): FileText {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : code === "EACCES" ? "permission denied" : String((error as Error).message);
    throw new TerralignError("invalid_file", `cannot read ${path}: ${why}`);
  }
  return { file: path, text: decodeText(bytes, path, encoding) };
}
