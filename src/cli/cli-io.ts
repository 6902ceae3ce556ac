import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from "node:fs";
import process from "node:process";
import type { InputEncoding } from "../io/decode-text.js";
import { TerralignError } from "../errors.js";
import { readTextFile } from "../io/read-text-file.js";
import { isFileInTheWay, replaceFolder, type OwnedOutputs } from "./replace-folder.js";
import { UsageError } from "./usage-error.js";

/** Everything the commands touch outside themselves, so tests can run them in memory. */
export interface CliIo {
  /** Reads a text file (UTF-8 unless `encoding` says otherwise, or a byte-order mark says UTF-16); a missing file or bytes that are not UTF-8 throw a `TerralignError` naming it. */
  readFile(path: string, encoding?: InputEncoding): string;
  /** Writes a UTF-8 text file, given whole or as pieces written one after another as they are made; failure throws a `UsageError` naming it. */
  writeFile(path: string, text: string | Iterable<string>): void;
  /** Creates a directory and its parents when missing. */
  makeDir(path: string): void;
  /**
   * Writes a set of output files into `dir` as a whole: `fill` writes them into the folder it is
   * given, which then replaces `dir` (see `replaceFolder`); `owned` names every file a set may hold.
   */
  replaceFolder(dir: string, owned: OwnedOutputs, fill: (folder: string) => void): void;
  stdout(s: string): void;
  stderr(s: string): void;
  /** True when stderr is a terminal: only then is a progress bar drawn. */
  readonly stderrIsTty: boolean;
  /** Print stack traces of unexpected errors (`TERRALIGN_DEBUG=1`). */
  readonly debug: boolean;
  /** Aborted when the user interrupts (Ctrl-C): the search stops and the best plan so far is written. */
  readonly interrupt?: AbortSignal;
}

/** What the process around the commands adds to `nodeIo`. */
export interface NodeIoOptions {
  readonly interrupt?: AbortSignal;
  /** Told the staging folder of each output set before it is written (to remove it on a hard exit). */
  readonly onStaging?: (folder: string) => void;
  /** Overrides process.stderr.isTTY (a worker thread's stderr is a pipe to the main thread's). */
  readonly stderrIsTty?: boolean;
}

/** The real process: files through node:fs, output through process.stdout/stderr. */
export function nodeIo(options: NodeIoOptions = {}): CliIo {
  return {
    readFile: (path, encoding) => readTextFile(path, encoding).text,
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
    replaceFolder(dir, owned, fill) {
      if (isFileInTheWay(dir)) throw new UsageError(`cannot create the output directory ${dir}: a file is in the way of the directory`);
      try {
        replaceFolder(dir, owned, fill, options.onStaging);
      } catch (error) {
        if (error instanceof UsageError || error instanceof TerralignError) throw error;
        throw new UsageError(`cannot write the outputs into ${dir}: ${describeFsError(error)}`);
      }
    },
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    stderrIsTty: options.stderrIsTty ?? process.stderr.isTTY === true,
    debug: process.env.TERRALIGN_DEBUG !== undefined && process.env.TERRALIGN_DEBUG !== "" && process.env.TERRALIGN_DEBUG !== "0",
    ...(options.interrupt ? { interrupt: options.interrupt } : {}),
  };
}

function writePieces(path: string, pieces: Iterable<string>): void {
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
