import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from "node:fs";
import process from "node:process";
import { readTextFile } from "../io/read-text-file.js";
import { UsageError } from "./usage-error.js";

/** Everything the commands touch outside themselves, so tests can run them in memory. */
export interface CliIo {
  /** Reads a UTF-8 text file; a missing file throws a `TerralignError` naming it. */
  readFile(path: string): string;
  /** Writes a UTF-8 text file, given whole or as pieces written one after another; failure throws a `UsageError` naming it. */
  writeFile(path: string, text: string | readonly string[]): void;
  /** Creates a directory and its parents when missing. */
  makeDir(path: string): void;
  stdout(s: string): void;
  stderr(s: string): void;
  /** True when stderr is a terminal: only then is a progress bar drawn. */
  readonly stderrIsTty: boolean;
  /** Print stack traces of unexpected errors (`TERRALIGN_DEBUG=1`). */
  readonly debug: boolean;
}

/** The real process: files through node:fs, output through process.stdout/stderr. */
export function nodeIo(): CliIo {
  return {
    readFile: (path) => readTextFile(path).text,
    writeFile(path, text) {
      try {
        if (typeof text === "string") writeFileSync(path, text);
        else writePieces(path, text);
      } catch (error) {
        throw new UsageError(`cannot write ${path}: ${describeFsError(error)}`);
      }
    },
    makeDir(path) {
      try {
        mkdirSync(path, { recursive: true });
      } catch (error) {
        throw new UsageError(`cannot create the output directory ${path}: ${describeFsError(error)}`);
      }
    },
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    stderrIsTty: process.stderr.isTTY === true,
    debug: process.env.TERRALIGN_DEBUG !== undefined && process.env.TERRALIGN_DEBUG !== "" && process.env.TERRALIGN_DEBUG !== "0",
  };
}

function writePieces(path: string, pieces: readonly string[]): void {
  const fd = openSync(path, "w");
  try {
    for (const piece of pieces) writeSync(fd, piece);
  } finally {
    closeSync(fd);
  }
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ENOTDIR" || code === "EEXIST") return "a file is in the way of the directory";
  if (code === "ENOSPC") return "no space left on the device";
  return error instanceof Error ? error.message : String(error);
}
