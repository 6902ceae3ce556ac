import { join } from "node:path";
import type { CliIo } from "./cli-io.js";

/** Files of an output set: name and text (or a function making it, called while the set is written). */
export type FileSet = readonly (readonly [string, string | Iterable<string> | (() => string | Iterable<string>)])[];

/**
 * Writes `files` into `dir` as one set that replaces the previous run's as a whole
 * (`CliIo.replaceFolder`: a run stopped halfway leaves the old set); returns their paths.
 */
export function writeFileSet(io: CliIo, dir: string, files: FileSet): string[] {
  io.replaceFolder(dir, files.map(([name]) => name), (folder) => {
    for (const [name, text] of files) io.writeFile(join(folder, name), typeof text === "function" ? text() : text);
  });
  return files.map(([name]) => join(dir, name));
}
