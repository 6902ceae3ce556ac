import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve, isAbsolute } from "node:path";
import process from "node:process";

/**
 * Replaces the output set in `dir` as a whole: `fill` writes every file into a staging folder
 * beside `dir` (same file system, so renames are atomic), which then takes its place. A run
 * killed while writing leaves the previous set (and a `.NAME.terralign-*` staging folder); a
 * failure while writing removes the staging folder and leaves `dir` as it was.
 *
 * `owned` names the files that belong to a set: any of them in `dir` that this run does not write
 * go (a stale `moved.csv` would mix two runs). Other files in `dir` are kept (hard-linked into the
 * new folder). When `dir` holds subfolders, is the working directory or one of its parents, or
 * cannot be linked, files are instead renamed into `dir` one by one: each is replaced whole, but
 * a kill between two renames can leave a mix. `onStaging` hears the staging folder's path first.
 */
export function replaceFolder(dir: string, owned: readonly string[], fill: (folder: string) => void, onStaging?: (folder: string) => void): void {
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
  const kept = readdirSync(target, { withFileTypes: true }).filter((entry) => !written.has(entry.name) && !owned.includes(entry.name));
  if (canSwap(target, kept) && linkKept(target, staging, kept.map((entry) => entry.name))) {
    const old = `${staging}.old`;
    renameSync(target, old);
    renameSync(staging, target);
    rmSync(old, { recursive: true, force: true });
    return;
  }
  for (const name of written) renameSync(join(staging, name), join(target, name));
  for (const name of owned) if (!written.has(name)) rmSync(join(target, name), { force: true });
  rmSync(staging, { recursive: true, force: true });
}

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
