import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve, isAbsolute } from "node:path";
import process from "node:process";

/**
 * Replaces the output set in `dir` as a whole: `fill` writes every file into a staging folder
 * beside `dir` (same file system, so renames are atomic), which then takes its place. A run
 * killed while writing leaves the previous set (and a `.NAME.terralign-*` staging folder); a
 * failure while writing removes the staging folder and leaves `dir` as it was.
 *
 * `owned` names the files that belong to a set (or tells them by name and kind, for sets with
 * folders of their own, such as one per trade-off point): any of them in `dir` that this run does
 * not write go (a stale `moved.csv` would mix two runs). Other files in `dir` are kept (hard-linked
 * into the new folder). When `dir` holds subfolders, is the working directory or one of its parents, or
 * cannot be linked, files are instead renamed into `dir` one by one: each is replaced whole, but
 * a kill between two renames can leave a mix. `onStaging` hears the staging folder's path first.
 */
export function replaceFolder(dir: string, owned: OwnedOutputs, fill: (folder: string) => void, onStaging?: (folder: string) => void): void {
  const owns = typeof owned === "function" ? owned : (name: string) => owned.includes(name);
  const target = resolve(dir);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const staging = mkdtempSync(join(parent, `.${basename(target)}.terralign-`));
  onStaging?.(staging);
  try {
    fill(staging);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  if (!existsSync(target)) {
    renameSync(staging, target);
    return;
  }
  const written = new Set(readdirSync(staging));
  const before = readdirSync(target, { withFileTypes: true });
  const kept = before.filter((entry) => !written.has(entry.name) && !owns(entry.name, entry.isDirectory()));
  if (canSwap(target, kept) && linkKept(target, staging, kept.map((entry) => entry.name))) {
    const old = `${staging}.old`;
    renameSync(target, old);
    renameSync(staging, target);
    rmSync(old, { recursive: true, force: true });
    return;
  }
  for (const name of written) {
    // A folder cannot be renamed over one that has files: the old one goes first.
    if (statSync(join(staging, name)).isDirectory()) rmSync(join(target, name), { recursive: true, force: true });
    renameSync(join(staging, name), join(target, name));
  }
  for (const entry of before) if (!written.has(entry.name) && owns(entry.name, entry.isDirectory())) rmSync(join(target, entry.name), { recursive: true, force: true });
  rmSync(staging, { recursive: true, force: true });
}

/** The files (and folders) an output set owns: a list of names, or a test by name and kind. */
export type OwnedOutputs = readonly string[] | ((name: string, isDirectory: boolean) => boolean);

/** True when the folder may be swapped whole: not the working directory or above it, and only files to keep. */
function canSwap(target: string, kept: readonly { name: string; isFile(): boolean }[]): boolean {
  const cwd = relative(target, process.cwd());
  if (cwd === "" || (!cwd.startsWith("..") && !isAbsolute(cwd))) return false;
  if (kept.some((entry) => !entry.isFile())) return false;
  return true;
}

/** Links the files to keep into the staging folder; false when one cannot be (the staging folder is then renamed from file by file). */
function linkKept(target: string, staging: string, kept: readonly string[]): boolean {
  try {
    for (const name of kept) linkSync(join(target, name), join(staging, name));
    return true;
  } catch {
    return false;
  }
}

/** True when `path` exists and is not a directory (a file in the way of an output folder). */
export function isFileInTheWay(path: string): boolean {
  return existsSync(path) && !statSync(path).isDirectory();
}
